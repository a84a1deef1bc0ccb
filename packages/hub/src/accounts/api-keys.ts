import type { Kysely } from 'kysely';
import { createApiKey } from '../auth/api-keys.js';
import { isApiKeyScope } from '../auth/roles.js';
import * as clock from '../clock.js';
import type { Database } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { fieldError, invalidBody, ProblemError } from '../http/problems.js';
import { findOrganizationApiKey, listOrganizationApiKeys, revokeApiKey, type ApiKeyRow } from './queries.js';

type Operations = 'listApiKeys' | 'createApiKey' | 'revokeApiKey';

function toApiKey(row: ApiKeyRow): Schemas['ApiKey'] {
  return {
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    scopes: row.scopes.filter(isApiKeyScope),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/**
 * An organization's keys as its owners manage them on the Hub's pages. Who may is decided before
 * these run (`api-keys:manage`, with a session only: a key never makes or revokes keys).
 */
export function apiKeyHandlers(db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    async listApiKeys(request, reply) {
      reply.header('Cache-Control', 'no-store');
      return { items: (await listOrganizationApiKeys(db, request.params.organizationId)).map(toApiKey) };
    },

    async createApiKey(request, reply) {
      const { organizationId } = request.params;
      const { label, scopes, expiresAt } = request.body;
      const expiry = expiresAt ? new Date(expiresAt) : undefined;
      // On the Hub's clock, as the key's use is checked against it.
      if (expiry && expiry <= clock.now()) throw invalidBody([fieldError('/expiresAt', 'not-in-future', 'must lie in the future')]);
      const principal = request.principal;
      const created = await createApiKey(db, {
        organizationId,
        scopes,
        label,
        createdBy: principal?.kind === 'person' ? principal.personId : undefined,
        expiresAt: expiry,
      });
      const row = await findOrganizationApiKey(db, organizationId, created.id);
      if (!row) throw new Error(`The API key ${created.id} just created is not there.`);
      // The key itself is in this answer only (the Hub keeps its hash), and no cache keeps a copy.
      reply.code(201).header('Cache-Control', 'no-store');
      return { ...toApiKey(row), key: created.key };
    },

    async revokeApiKey(request, reply) {
      const { organizationId, apiKeyId } = request.params;
      if (!(await revokeApiKey(db, apiKeyId, organizationId))) {
        throw new ProblemError('not-found', `The organization has no API key "${apiKeyId}".`);
      }
      reply.code(204);
    },
  };
}

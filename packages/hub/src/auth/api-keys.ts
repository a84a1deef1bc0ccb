import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * What a key may do. `admin` acts for the whole region (organizations, municipality-wide data);
 * the others act for the key's own organization only.
 */
export const apiKeyScopes = [
  'admin',
  'organization:write',
  'events:write',
  'help-offers:write',
  'polls:write',
  'volunteer-needs:write',
  'volunteer-responses:manage',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export function isApiKeyScope(scope: string): scope is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(scope);
}

/** Who a request acts as, once its key is checked. */
export type Principal =
  { kind: 'admin'; keyId: string | null } | { kind: 'organization'; keyId: string; organizationId: string; scopes: ApiKeyScope[] };

const KEY_PREFIX = 'sr_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Constant-time comparison, so a wrong admin token cannot be guessed character by character. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

export interface CreatedApiKey {
  id: string;
  /** The key itself: shown once, never stored. */
  key: string;
  prefix: string;
  organizationId: string | null;
  scopes: ApiKeyScope[];
}

export async function createApiKey(
  db: Kysely<Database>,
  options: { organizationId: string | null; scopes: ApiKeyScope[]; label?: string | undefined },
): Promise<CreatedApiKey> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, 10);
  const row = await db
    .insertInto('api_keys')
    .values({
      prefix,
      hash: hashApiKey(key),
      organization_id: options.organizationId,
      scopes: options.scopes,
      label: options.label ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix, organizationId: options.organizationId, scopes: options.scopes };
}

/** The principal of a key, or undefined when the key is unknown or revoked. */
export async function findPrincipal(db: Kysely<Database>, key: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'organization_id', 'scopes'])
    .where('hash', '=', hashApiKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const scopes = row.scopes.filter(isApiKeyScope);
  if (scopes.includes('admin')) return { kind: 'admin', keyId: row.id };
  if (row.organization_id === null) return undefined;
  return { kind: 'organization', keyId: row.id, organizationId: row.organization_id, scopes };
}

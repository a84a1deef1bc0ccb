import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Principal } from './principal.js';
import { isApiKeyScope, type Action } from './roles.js';

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
  scopes: Action[];
}

export async function createApiKey(
  db: Kysely<Database>,
  options: { organizationId: string | null; scopes: Action[]; label?: string | undefined },
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
  if (row.scopes.includes('admin')) return { kind: 'admin', keyId: row.id };
  const scopes = row.scopes.filter(isApiKeyScope);
  if (row.organization_id === null) return undefined;
  return { kind: 'key', keyId: row.id, organizationId: row.organization_id, scopes };
}

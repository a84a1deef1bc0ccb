import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as clock from '../clock.js';
import type { Database } from '../db/schema.js';
import { ProblemError } from '../http/problems.js';
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

export interface ApiKeyOptions {
  organizationId: string | null;
  scopes: Action[];
  label?: string | undefined;
  /** The person who made it on the Hub's pages; absent for keys made with the CLI. */
  createdBy?: string | undefined;
  /** When it stops working; absent for a key without expiry. */
  expiresAt?: Date | undefined;
}

export async function createApiKey(db: Kysely<Database>, options: ApiKeyOptions): Promise<CreatedApiKey> {
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
      created_by: options.createdBy ?? null,
      expires_at: options.expiresAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix, organizationId: options.organizationId, scopes: options.scopes };
}

/**
 * The principal of a key, or undefined when the key is unknown or revoked. A key past its
 * `expires_at` (on the Hub's clock, like the date its owner chose) is refused with its own 401, so
 * whoever runs the integration knows to make a new one.
 *
 * Records the use in `last_used_at`, to the minute: the write happens only when the stored moment
 * is a minute old (checked in the same read, so most requests cost no second statement), and it is
 * awaited, so no write outlives the request and the database it runs on.
 */
export async function findPrincipal(db: Kysely<Database>, key: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select([
      'id',
      'organization_id',
      'scopes',
      'expires_at',
      sql<boolean>`last_used_at IS NULL OR last_used_at < now() - interval '1 minute'`.as('use_unrecorded'),
    ])
    .where('hash', '=', hashApiKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at !== null && row.expires_at <= clock.now()) {
    throw new ProblemError('unauthorized', 'The API key expired. Ask an owner of the organization for a new one.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The API key expired."' },
    });
  }
  if (row.use_unrecorded) await recordUse(db, row.id);
  if (row.scopes.includes('admin')) return { kind: 'admin', keyId: row.id };
  const scopes = row.scopes.filter(isApiKeyScope);
  if (row.organization_id === null) return undefined;
  return { kind: 'key', keyId: row.id, organizationId: row.organization_id, scopes };
}

/** Sets `last_used_at`, unless another request (on this or another Hub) did within the minute. */
async function recordUse(db: Kysely<Database>, keyId: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

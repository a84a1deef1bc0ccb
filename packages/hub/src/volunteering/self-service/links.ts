import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newToken } from '../../auth/sessions.js';
import type { Database } from '../../db/schema.js';

/**
 * The volunteer's "Meine Einsätze" links: 32 random bytes (base64url) in the mail, only their
 * SHA-256 (hex) in `volunteer_links`. Each mail makes its own link when it is sent, so the plain
 * token never rests anywhere but in the mail; the links go with the response (retention).
 */

/** The path of the page; the token is its only secret. */
export const SELF_SERVICE_PATH = '/einsaetze';

/** A token as `newToken` makes them: 43 characters of base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a new link for the response and returns its address under `publicUrl`. */
export async function newPersonalLink(db: Kysely<Database>, responseId: string, publicUrl: string): Promise<string> {
  const { token } = newToken();
  await db
    .insertInto('volunteer_links')
    .values({ token_hash: hashOf(token), response_id: responseId })
    .execute();
  return `${publicUrl}${SELF_SERVICE_PATH}/${token}`;
}

/** The response a token belongs to; undefined for a malformed, forged or expired one. */
export async function responseOfToken(db: Kysely<Database>, token: string): Promise<string | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db.selectFrom('volunteer_links').select('response_id').where('token_hash', '=', hashOf(token)).executeTakeFirst();
  return row?.response_id;
}

/** A path with the token of a personal link replaced, for the request log. */
export function redactPersonalLink(path: string): string {
  return path.replace(/^\/einsaetze\/[^/]+/, `${SELF_SERVICE_PATH}/:token`);
}

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What a shared secret signs; one name per use, so one leaked secret signs nothing else. */
export type SharedSecretName = 'proof-of-work';

/**
 * The secret `name` of this database, made by the first process that asks: every Hub process on
 * one PostgreSQL (and a restarted one) signs and checks with the same secret without an operator
 * having to hand it to each. An insert that loses a race to another process keeps the winner's.
 */
export async function sharedSecret(db: Kysely<Database>, name: SharedSecretName): Promise<string> {
  await db
    .insertInto('shared_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const { value } = await db.selectFrom('shared_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return value;
}

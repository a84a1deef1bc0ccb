import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one (the demo
 * seed writes all its data in one, through the same functions the API uses). The one way the
 * Hub opens a transaction.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

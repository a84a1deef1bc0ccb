import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

/** Tombstones of entries that left the public data (`GET /deletions`). */
export function deletionHandlers(_db: Kysely<Database>): Pick<Handlers, 'listDeletions'> {
  return { listDeletions: notBuilt };
}

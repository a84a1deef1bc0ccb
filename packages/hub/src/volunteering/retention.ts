import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { deleteResponsesEndedBefore } from './queries.js';
import * as clock from '../clock.js';

export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Deletes the responses (and any e-mail still waiting for them) of needs that ended more than
 * `retentionDays` ago: closed early, or past their end. Responses to ongoing needs stay while
 * the need runs. Returns how many responses were deleted.
 */
export async function purgeResponses(db: Kysely<Database>, retentionDays: number, now = clock.now()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return deleteResponsesEndedBefore(db, cutoff);
}

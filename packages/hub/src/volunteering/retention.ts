import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import * as clock from '../clock.js';

export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Deletes the responses (and any e-mail still waiting for them) of needs that ended more than
 * `retentionDays` ago: closed early, or past their end. Responses to ongoing needs stay while
 * the need runs. Returns how many responses were deleted.
 */
export async function purgeResponses(db: Kysely<Database>, retentionDays: number, now = clock.now()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const result = await db
    .deleteFrom('volunteer_responses')
    .where('need_id', 'in', (eb) =>
      eb
        .selectFrom('volunteer_needs')
        .select('id')
        .where(sql<boolean>`least(volunteer_needs.closed_at, volunteer_needs.ends_at) < ${cutoff.toISOString()}::timestamptz`),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

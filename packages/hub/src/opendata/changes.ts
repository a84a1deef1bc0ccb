import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DeletedEntryKind, DeletedEntryTable } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { mapPage, modifiedAfter, pageByKeyset, type Keyset, type Page, type Paging } from '../http/listing.js';
import { scheduleRetentionPurge, type ScheduledJob } from '../system/jobs.js';

/**
 * Delta sync: lists take `modifiedAfter` (each domain's list query adds `modifiedAfter` of
 * http/listing.ts); what left the public data is a tombstone in `deleted_entries`, written by the
 * triggers of migration 0015, listed here and purged after its retention period.
 */

/** Three months: a mirror that syncs at least that often never misses a deletion. */
export const DEFAULT_DELETIONS_RETENTION_DAYS = 90;

export interface DeletionsRetentionOptions {
  /** Days a tombstone is kept (`DELETIONS_RETENTION_DAYS`, default 90). */
  retentionDays?: number | undefined;
  /** How often the Hub deletes older tombstones (default daily; 0 never, e.g. in tests). */
  purgeIntervalMs?: number | undefined;
}

const DAY_MS = 86_400_000;

type DeletionRow = Selectable<DeletedEntryTable>;

/** Oldest first; `deleted_at` holds milliseconds (its default truncates), as the cursor's moment does. */
const byDeletion: Keyset<DeletionRow> = {
  columns: [
    { sql: sql.ref('deleted_at'), type: 'timestamptz', value: (row) => row.deleted_at.toISOString() },
    { sql: sql.ref('kind'), value: (row) => row.kind },
    { sql: sql.ref('id'), type: 'uuid', value: (row) => row.id },
  ],
  direction: 'asc',
};

export async function listDeletions(
  db: Kysely<Database>,
  filters: { modifiedAfter?: string | undefined; type?: DeletedEntryKind | undefined },
  paging: Paging,
): Promise<Page<DeletionRow>> {
  let query = db.selectFrom('deleted_entries').selectAll();
  for (const condition of modifiedAfter('deleted_at', filters.modifiedAfter)) query = query.where(condition);
  if (filters.type) query = query.where('kind', '=', filters.type);
  return pageByKeyset(query, byDeletion, paging);
}

function toDeletion(row: DeletionRow): Schemas['Deletion'] {
  return { type: row.kind, id: row.id, organizationId: row.organization_id, deletedAt: row.deleted_at.toISOString() };
}

/** Tombstones of entries that left the public data (`GET /deletions`). */
export function deletionHandlers(db: Kysely<Database>): Pick<Handlers, 'listDeletions'> {
  return {
    async listDeletions(request) {
      const { modifiedAfter: after, type, ...paging } = request.query;
      return mapPage(await listDeletions(db, { modifiedAfter: after, type }, paging), toDeletion);
    },
  };
}

/**
 * Deletes the tombstones older than `retentionDays`; returns how many. `now` is the real clock's,
 * as the database stamps `deleted_at` (and writes `updated_at`) with it, not the Hub's clock.
 */
export async function purgeDeletions(db: Kysely<Database>, retentionDays: number, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('deleted_entries')
    .where('deleted_at', '<', new Date(now.getTime() - retentionDays * DAY_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The running Hub's daily purge of tombstones. */
export function scheduleDeletionsPurge(db: Kysely<Database>, options: DeletionsRetentionOptions, log: FastifyBaseLogger): ScheduledJob {
  const retentionDays = options.retentionDays ?? DEFAULT_DELETIONS_RETENTION_DAYS;
  return scheduleRetentionPurge(
    'tombstones of deleted entries',
    () => purgeDeletions(db, retentionDays),
    options.purgeIntervalMs ?? DAY_MS,
    log,
  );
}

import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import * as clock from '../clock.js';
import type { Database, EventOccurrenceTable, EventTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { approvedOrganization } from '../orgs/queries.js';
import { scheduleJob, type ScheduledJob } from '../system/jobs.js';
import { occurrenceEventColumns, type EventRow, type OccurrenceEventRow } from './model.js';
import type { OccurrencePosition } from './occurrences.js';
import { eventConditions, selectEvents, windowOverlaps, type EventFilters } from './queries.js';
import {
  DEFAULT_TIME_ZONE,
  formatLocal,
  occurrencesBetween,
  parseLocal,
  timeZone,
  today,
  type Occurrence,
  type Schedule,
} from './recurrence.js';

/**
 * Occurrences stored for a rolling horizon (migration 0019). Every write of an event stores its
 * occurrences within the horizon in the write's transaction; a job moves the horizon with the
 * days and fills events that were written otherwise (before the migration, by a bulk load).
 * Reads page the stored occurrences in SQL when the whole range lies within the horizon and no
 * event that may occur in it is stale; otherwise they expand, as before, with the same answer.
 */

/** Days before today that stay stored: last months in the calendar, feeds that start a month back. */
export const STORED_DAYS_BACK = 92;
/** Days after today that are stored (18 months): a year ahead from any day of the coming half year. */
export const STORED_DAYS_AHEAD = 549;
/** How often the job looks whether the horizon moved with the date (a no-op when not). */
const HORIZON_CHECK_MS = 3_600_000;
/** Events expanded per transaction when filling stale ones, so writers never wait long. */
const FILL_BATCH = 100;
/** Rows per INSERT: 7 parameters each, far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

export interface Horizon {
  from: Date;
  to: Date;
}

/** The horizon the stored occurrences should cover on the Hub's today: local midnights in the region. */
export function horizonFor(now: Date = clock.now()): Horizon {
  const zone = timeZone(DEFAULT_TIME_ZONE);
  const midnight = (days: number) => {
    const date = today(DEFAULT_TIME_ZONE, now);
    date.adjust(days, 0, 0, 0);
    return new Date(parseLocal(formatLocal(date), zone)!.toUnixTime() * 1000);
  };
  return { from: midnight(-STORED_DAYS_BACK), to: midnight(STORED_DAYS_AHEAD) };
}

/** The stored horizon, locked: `share` by writers of events, `update` by the job that moves it. */
async function lockHorizon(trx: Kysely<Database>, mode: 'share' | 'update'): Promise<Horizon> {
  const query = trx.selectFrom('event_occurrence_horizon').select(['stored_from', 'stored_until']);
  const row = await (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirstOrThrow();
  return { from: row.stored_from, to: row.stored_until };
}

type ScheduleColumns = Pick<
  Selectable<EventTable>,
  'id' | 'content_hash' | 'time_zone' | 'all_day' | 'start_local' | 'end_local' | 'rrule' | 'rdates' | 'exdates' | 'overrides'
>;
const scheduleColumns = [
  'id',
  'content_hash',
  'time_zone',
  'all_day',
  'start_local',
  'end_local',
  'rrule',
  'rdates',
  'exdates',
  'overrides',
] as const;

function scheduleOfColumns(row: ScheduleColumns): Schedule {
  return {
    timeZone: row.time_zone,
    allDay: row.all_day,
    start: row.start_local,
    end: row.end_local,
    rule: row.rrule,
    rdates: row.rdates,
    exdates: row.exdates,
    overrides: row.overrides,
  };
}

/** The rows of an event's occurrences in `[from, to)`. */
function occurrenceRows(row: ScheduleColumns, from: Date, to: Date): EventOccurrenceTable[] {
  if (from >= to) return [];
  const schedule = scheduleOfColumns(row);
  return occurrencesBetween(schedule, from.getTime(), to.getTime()).map((occurrence) => ({
    event_id: row.id,
    recurrence_id: occurrence.recurrenceId ?? '',
    start_at: new Date(occurrence.startMs),
    end_at: new Date(occurrence.endMs),
    start_text: occurrence.start,
    end_text: occurrence.end,
    override_index: occurrence.override ? schedule.overrides.indexOf(occurrence.override) : null,
  }));
}

async function insertOccurrences(trx: Kysely<Database>, rows: EventOccurrenceTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    // A part of the horizon next to the stored one repeats the occurrences that span the border.
    await trx
      .insertInto('event_occurrences')
      .values(rows.slice(start, start + INSERT_BATCH))
      .onConflict((conflict) => conflict.columns(['event_id', 'recurrence_id']).doNothing())
      .execute();
  }
}

/**
 * Stores the occurrences of events as they are now within the stored horizon, and marks them
 * current: in the transaction that wrote the events. Events whose expansion fails stay stale
 * (and are expanded per request, where the failure shows as it did before).
 */
export async function storeOccurrences(trx: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const horizon = await lockHorizon(trx, 'share');
  const stored: string[] = [];
  for (let start = 0; start < ids.length; start += INSERT_BATCH) {
    const batch = ids.slice(start, start + INSERT_BATCH);
    const rows = await trx.selectFrom('events').select(scheduleColumns).where('id', 'in', batch).execute();
    const current: string[] = [];
    const occurrences: EventOccurrenceTable[] = [];
    for (const row of rows) {
      try {
        occurrences.push(...occurrenceRows(row, horizon.from, horizon.to));
        current.push(row.id);
      } catch {
        // Left stale: reads expand it.
      }
    }
    await trx.deleteFrom('event_occurrences').where('event_id', 'in', batch).execute();
    await insertOccurrences(trx, occurrences);
    // The rows were written (or locked) in this transaction: their content is the one just expanded.
    if (current.length > 0) {
      await trx
        .updateTable('events')
        .set({ occurrences_hash: sql.ref('content_hash') })
        .where('id', 'in', current)
        .execute();
    }
    stored.push(...current);
  }
  return stored;
}

/** Removes the stored occurrences of deleted events. */
export async function forgetOccurrences(trx: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('event_occurrences').where('event_id', 'in', ids).execute();
}

/** Parts of `target` outside `stored`: both of them when they do not overlap. */
function missingParts(stored: Horizon, target: Horizon): Horizon[] {
  if (stored.to <= target.from || stored.from >= target.to || stored.from >= stored.to) return [target];
  const parts: Horizon[] = [];
  if (target.from < stored.from) parts.push({ from: target.from, to: stored.from });
  if (stored.to < target.to) parts.push({ from: stored.to, to: target.to });
  return parts;
}

/**
 * Moves the stored horizon to `target`: adds the occurrences of the new days for every current
 * event and drops those now outside it, in one transaction that writers of events wait for.
 * Returns whether it moved.
 */
export async function moveHorizon(db: Kysely<Database>, target: Horizon): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const stored = await lockHorizon(trx, 'update');
    if (stored.from.getTime() === target.from.getTime() && stored.to.getTime() === target.to.getTime()) return false;
    for (const part of missingParts(stored, target)) {
      const rows = await trx
        .selectFrom('events')
        .select(scheduleColumns)
        .where('events.occurrences_hash', 'is not', null)
        .where(windowOverlaps(part.from, part.to))
        .execute();
      const occurrences: EventOccurrenceTable[] = [];
      const failed: string[] = [];
      for (const row of rows) {
        try {
          occurrences.push(...occurrenceRows(row, part.from, part.to));
        } catch {
          failed.push(row.id);
        }
      }
      await insertOccurrences(trx, occurrences);
      // Expanded alright when stored: cannot fail now, but if it does, let reads expand it.
      if (failed.length > 0) await trx.updateTable('events').set({ occurrences_hash: null }).where('id', 'in', failed).execute();
    }
    await sql`DELETE FROM event_occurrences WHERE NOT (start_at < ${target.to} AND (end_at > ${target.from} OR (end_at = start_at AND start_at >= ${target.from})))
      OR NOT EXISTS (SELECT 1 FROM events WHERE events.id = event_occurrences.event_id)`.execute(trx);
    await trx.updateTable('event_occurrence_horizon').set({ stored_from: target.from, stored_until: target.to }).execute();
    return true;
  });
}

/** Stores the occurrences of stale events (written before the migration or by a bulk load), a batch per transaction. */
export async function fillStaleEvents(db: Kysely<Database>): Promise<number> {
  const failed = new Set<string>();
  let filled = 0;
  for (;;) {
    const batch = await inTransaction(db, async (trx) => {
      let query = trx
        .selectFrom('events')
        .select('id')
        .where('occurrences_hash', 'is', null)
        .limit(FILL_BATCH)
        // An event being edited is stored by its edit.
        .forUpdate()
        .skipLocked();
      if (failed.size > 0) query = query.where('id', 'not in', [...failed]);
      const ids = (await query.execute()).map((row) => row.id);
      if (ids.length === 0) return 0;
      const stored = new Set(await storeOccurrences(trx, ids));
      for (const id of ids) if (!stored.has(id)) failed.add(id);
      filled += stored.size;
      return ids.length;
    });
    if (batch === 0) return filled;
  }
}

/**
 * The job's round: the horizon of today, then the events not yet stored. When it wrote, the
 * statistics of both tables are taken anew: reads find stale events by `occurrences_hash IS NULL`
 * and page occurrences by start, and plan both from these statistics. After a bulk load they said
 * every event was stale (so the check read all events) and the month held a few hundred
 * occurrences (so a page sorted thousands); PGlite has no autovacuum to correct them.
 */
export async function refreshStoredOccurrences(db: Kysely<Database>, now: Date = clock.now()): Promise<{ moved: boolean; filled: number }> {
  const moved = await moveHorizon(db, horizonFor(now));
  const filled = await fillStaleEvents(db);
  if (moved || filled > 0) await sql`ANALYZE events, event_occurrences`.execute(db);
  return { moved, filled };
}

/** The running Hub's upkeep of stored occurrences: at start, then hourly, so the horizon follows the date. */
export function scheduleOccurrenceHorizon(db: Kysely<Database>, log: FastifyBaseLogger, intervalMs = HORIZON_CHECK_MS): ScheduledJob {
  return scheduleJob(
    async () => {
      const { moved, filled } = await refreshStoredOccurrences(db);
      if (moved || filled > 0) log.info({ filled }, 'stored event occurrences brought up to date');
    },
    intervalMs,
    log,
    'stored event occurrences: refresh failed, retrying on the next round',
  );
}

/** Whether `[from, to)` can be read from the stored occurrences: within the horizon, and no event that may occur in it is stale. */
export async function storedCover(db: Kysely<Database>, from: Date, to: Date): Promise<boolean> {
  const row = await db
    .selectFrom('event_occurrence_horizon')
    .select(['stored_from', 'stored_until'])
    .select(
      // A stale event counts where it may occur now, and where its stored occurrences (of an older content) may lie.
      sql<boolean>`EXISTS (SELECT 1 FROM events WHERE occurrences_hash IS NULL AND events.published
        AND (${windowOverlaps(from, to)} OR EXISTS (SELECT 1 FROM event_occurrences o WHERE o.event_id = events.id)))`.as('stale'),
    )
    .executeTakeFirst();
  return row !== undefined && !row.stale && row.stored_from <= from && to <= row.stored_until;
}

type StoredOccurrence = Selectable<EventOccurrenceTable>;

/**
 * Events of approved organizations, as a filter of events rather than a join the planner could
 * start from: `organizations` is small and rarely analyzed (a region's few dozen rows never reach
 * autovacuum's threshold of 50 changes), and without statistics PostgreSQL guessed one approved
 * organization and read every event of each of them (6,751 occurrences, 420 ms) instead of the
 * first 101 occurrences of the month in order (a few ms). The array is worked out once per statement.
 */
const ofApprovedOrganization = sql<boolean>`events.organization_id = ANY (ARRAY(SELECT organizations.id FROM organizations WHERE ${approvedOrganization}))`;

/** The occurrence columns of a page row, prefixed so they do not meet the event's own columns. */
interface PageColumns {
  occurrence_event_id: string;
  occurrence_recurrence_id: string;
  occurrence_start_at: Date;
  occurrence_end_at: Date;
  occurrence_start_text: string;
  occurrence_end_text: string;
  occurrence_override_index: number | null;
}

/**
 * Stored occurrences of the matching events that overlap the range, in the order of the API
 * (start, event id, recurrence id), after `after` and at most `limit`. Two ordered parts: those
 * that start in the range (an index scan in order, stopped at the limit), and the few that began
 * before it and last into it (the GiST index). Each is limited on its own, as the planner would
 * sort all of a month's occurrences to merge them; every lasting one began before the range, so
 * before every starting one, and ordering the at most twice `limit` rows of both is cheap.
 */
function storedParts(filters: EventFilters, from: Date, to: Date, after: OccurrencePosition | undefined, limit: number | undefined) {
  const conditions = sql.join([ofApprovedOrganization, ...eventConditions(filters)], sql` AND `);
  const afterCondition = after
    ? sql`AND (o.start_at > ${new Date(after[0])} OR (o.start_at = ${new Date(after[0])} AND (o.event_id::text COLLATE "C", o.recurrence_id) > (${after[1]}, ${after[2]})))`
    : sql``;
  const part = (where: RawBuilder<unknown>) => sql`(
    SELECT o.event_id, o.recurrence_id, o.start_at, o.end_at, o.start_text, o.end_text, o.override_index
    FROM event_occurrences o
    JOIN events ON events.id = o.event_id
    WHERE ${where} ${afterCondition} AND ${conditions}
    ORDER BY o.start_at, o.event_id, o.recurrence_id
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`})`;
  const lasting = part(sql`tstzrange(o.start_at, greatest(o.start_at, o.end_at), '()') @> ${from}::timestamptz AND o.start_at < ${to}`);
  const starting = part(sql`o.start_at >= ${from} AND o.start_at < ${to} AND (o.end_at > ${from} OR o.end_at = o.start_at)`);
  return sql`${lasting} UNION ALL ${starting}`;
}

function occurrenceOf(stored: StoredOccurrence, row: Pick<EventRow, 'overrides'>): Occurrence {
  return {
    recurrenceId: stored.recurrence_id === '' ? null : stored.recurrence_id,
    start: stored.start_text,
    end: stored.end_text,
    startMs: new Date(stored.start_at).getTime(),
    endMs: new Date(stored.end_at).getTime(),
    override: stored.override_index === null ? undefined : row.overrides[stored.override_index],
  };
}

/** All stored occurrences of a range (see storedParts) with their events, as `findOccurrences` gives them: each event read once. */
export async function storedOccurrences(
  db: Kysely<Database>,
  filters: EventFilters,
  from: Date,
  to: Date,
): Promise<{ row: EventRow; occurrence: Occurrence }[]> {
  const parts = storedParts(filters, from, to, undefined, undefined);
  const positions = (await sql<StoredOccurrence>`SELECT * FROM (${parts}) o ORDER BY o.start_at, o.event_id, o.recurrence_id`.execute(db))
    .rows;
  const ids = [...new Set(positions.map((position) => position.event_id))];
  const rows = ids.length === 0 ? [] : await selectEvents(db).where('events.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return positions.map((stored) => {
    const row = byId.get(stored.event_id)!;
    return { row, occurrence: occurrenceOf(stored, row) };
  });
}

/**
 * A page of stored occurrences (see storedParts) after `after`, at most `limit`, as
 * `occurrencesAfter` gives them: one statement, each occurrence with the columns of its event
 * that occurrences show (not the hashes and search text, which PGlite would decode for nothing).
 */
export async function storedPage(
  db: Kysely<Database>,
  filters: EventFilters,
  from: Date,
  to: Date,
  after: OccurrencePosition | undefined,
  limit: number,
): Promise<{ row: OccurrenceEventRow; occurrence: Occurrence }[]> {
  const eventColumns = sql.join(occurrenceEventColumns.map((column) => sql.ref(`events.${column}`)));
  const { rows } = await sql<OccurrenceEventRow & PageColumns>`
    SELECT o.event_id AS occurrence_event_id, o.recurrence_id AS occurrence_recurrence_id, o.start_at AS occurrence_start_at,
      o.end_at AS occurrence_end_at, o.start_text AS occurrence_start_text, o.end_text AS occurrence_end_text,
      o.override_index AS occurrence_override_index,
      ${eventColumns}, organizations.name AS organizer_name, organizations.is_example
    FROM (${storedParts(filters, from, to, after, limit)}) o
    JOIN events ON events.id = o.event_id
    JOIN organizations ON organizations.id = events.organization_id
    ORDER BY o.start_at, o.event_id, o.recurrence_id
    LIMIT ${limit}`.execute(db);
  // One row object per event, shared by its occurrences on the page.
  const byId = new Map<string, OccurrenceEventRow>();
  return rows.map((record) => {
    const {
      occurrence_event_id: event_id,
      occurrence_recurrence_id: recurrence_id,
      occurrence_start_at: start_at,
      occurrence_end_at: end_at,
      occurrence_start_text: start_text,
      occurrence_end_text: end_text,
      occurrence_override_index: override_index,
      ...eventColumns
    } = record;
    let row = byId.get(event_id);
    if (!row) byId.set(event_id, (row = eventColumns));
    return { row, occurrence: occurrenceOf({ event_id, recurrence_id, start_at, end_at, start_text, end_text, override_index }, row) };
  });
}

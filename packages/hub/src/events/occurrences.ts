import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fieldError, invalidBody, invalidQuery, type FieldError } from '../http/problems.js';
import { dataFromRow, scheduleOf, type EventRow, type OccurrenceEventRow } from './model.js';
import { eventsInRange, type EventFilters } from './queries.js';
import { storedCover, storedOccurrences, storedPage } from './stored-occurrences.js';
import { DEFAULT_TIME_ZONE, occurrencesBetween, parseLocal, timeZone, type Occurrence } from './recurrence.js';
import { compareCodeUnits } from '../order.js';

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 366;
/** Ranges are given in local time: a year of days may be an hour longer across a DST change. */
const MAX_RANGE_MS = MAX_RANGE_DAYS * DAY_MS + 3_600_000;

export interface Range {
  from: Date;
  to: Date;
}

/** An occurrence with its event: the whole row, or (a page of `occurrencesAfter`) what occurrences show of it. */
export interface FoundOccurrence<Row extends OccurrenceEventRow = EventRow> {
  row: Row;
  occurrence: Occurrence;
}

/** Where a range was sent: in the query of a read (a 400), or in the body of a preview (a 422). */
type RangePart = 'query' | 'body';

const invalidRange = (part: RangePart, errors: FieldError[], detail: string) =>
  part === 'query' ? invalidQuery(errors, detail) : invalidBody(errors, detail);

/** A range bound: a date is midnight in the region's time zone, a date-time carries its offset. */
export function parseBound(text: string, name: 'from' | 'to', part: RangePart = 'query'): Date {
  const ms = text.length === 10 ? parseLocal(text, timeZone(DEFAULT_TIME_ZONE))?.toUnixTime() : Date.parse(text) / 1000;
  if (ms === undefined || Number.isNaN(ms)) {
    throw invalidRange(
      part,
      [fieldError(`/${name}`, 'not-a-date', 'is not a real date or date-time')],
      `"${text}" is not a real date or date-time.`,
    );
  }
  return new Date(ms * 1000);
}

/**
 * The requested range; `to` after `from` and at most 366 days later, or a 400 saying so.
 * Without `to` the range is as long as allowed.
 */
export function parseRange(fromText: string, toText: string | undefined, part: RangePart = 'query'): Range {
  const from = parseBound(fromText, 'from', part);
  const to = toText === undefined ? new Date(from.getTime() + MAX_RANGE_DAYS * DAY_MS) : parseBound(toText, 'to', part);
  if (to <= from) {
    throw invalidRange(part, [fieldError('/to', 'end-before-start', 'must be after from')], '"to" must be after "from".');
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw invalidRange(
      part,
      [fieldError('/to', 'range-too-long', `must be at most ${MAX_RANGE_DAYS} days after from`, MAX_RANGE_DAYS)],
      `The range from "from" to "to" may be at most ${MAX_RANGE_DAYS} days long.`,
    );
  }
  return { from, to };
}

/** Expanded events by event, content and range, least recently used first. */
const expansions = new Map<string, readonly Occurrence[]>();
const MAX_CACHED_EXPANSIONS = 50_000;

/**
 * An event's occurrences in the range. Expanding recurrences with ical.js costs a few hundred
 * microseconds per event, so a month of a large calendar takes most of a second; but readers ask
 * for the same ranges (this month, page after page of it), so expansions are remembered per
 * event and range. The key holds the content hash: an edited event is expanded anew.
 */
export function expandEvent(row: EventRow, range: Range): readonly Occurrence[] {
  const key = `${row.id} ${row.content_hash} ${range.from.getTime()} ${range.to.getTime()}`;
  let found = expansions.get(key);
  if (found) {
    expansions.delete(key);
  } else {
    found = occurrencesBetween(scheduleOf(dataFromRow(row)), range.from.getTime(), range.to.getTime());
    if (expansions.size >= MAX_CACHED_EXPANSIONS) expansions.delete(expansions.keys().next().value!);
  }
  expansions.set(key, found);
  return found;
}

/** Every occurrence of the matching events in the range, expanded now, sorted by start, event and recurrence id. */
async function expandedOccurrences(db: Kysely<Database>, filters: EventFilters, range: Range): Promise<FoundOccurrence[]> {
  const rows = await eventsInRange(db, filters, range.from, range.to);
  const found = rows.flatMap((row) => expandEvent(row, range).map((occurrence) => ({ row, occurrence })));
  return found.sort((a, b) => compareOccurrences(position(a), position(b)));
}

/**
 * Every occurrence of the matching events in the range, sorted by start, event and recurrence id:
 * read from the stored occurrences where they cover the range (stored-occurrences.ts), else expanded.
 */
export async function findOccurrences(db: Kysely<Database>, filters: EventFilters, range: Range): Promise<FoundOccurrence[]> {
  if (await storedCover(db, range.from, range.to)) return storedOccurrences(db, filters, range.from, range.to);
  return expandedOccurrences(db, filters, range);
}

/** A position as this Hub issues them in cursors (anything else only the expanded path compares). */
function isPosition(after: readonly unknown[]): after is OccurrencePosition {
  return Number.isFinite(after[0]) && typeof after[1] === 'string' && typeof after[2] === 'string';
}

/** At most `count` occurrences of `findOccurrences` after the position `after`: a page, paged in SQL where stored. */
export async function occurrencesAfter(
  db: Kysely<Database>,
  filters: EventFilters,
  range: Range,
  after: OccurrencePosition | undefined,
  count: number,
): Promise<FoundOccurrence<OccurrenceEventRow>[]> {
  if ((after === undefined || isPosition(after)) && (await storedCover(db, range.from, range.to))) {
    return storedPage(db, filters, range.from, range.to, after, count);
  }
  const found = await expandedOccurrences(db, filters, range);
  const start = after ? found.findIndex((item) => compareOccurrences(position(item), after) > 0) : 0;
  return start === -1 ? [] : found.slice(start, start + count);
}

export type OccurrencePosition = [number, string, string];

export function position({ row, occurrence }: { row: { id: string }; occurrence: Occurrence }): OccurrencePosition {
  return [occurrence.startMs, row.id, occurrence.recurrenceId ?? ''];
}

export function compareOccurrences(a: OccurrencePosition, b: OccurrencePosition): number {
  return a[0] - b[0] || compareCodeUnits(a[1], b[1]) || compareCodeUnits(a[2], b[2]);
}

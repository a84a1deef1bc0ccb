import { createHash } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { EventTable } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { fieldError, type FieldError } from '../http/problems.js';
import { unknownMunicipality, type KnownMunicipalities } from '../orgs/lookups.js';
import { sortKey } from '../http/text.js';
import { summarizeRecurrence } from './recurrence-summary.js';
import {
  DEFAULT_TIME_ZONE,
  firstStart,
  formatLocal,
  isDateOnly,
  isKnownTimeZone,
  MAX_YEAR,
  MIN_YEAR,
  parseLocal,
  parseRule,
  scheduleWindow,
  unknownRecurrenceIds,
  type Occurrence,
  type Schedule,
} from './recurrence.js';
import { compareCodeUnits } from '../order.js';

type EventOverride = Schemas['EventOverride'];
type EventLocation = Schemas['EventLocation'];

/**
 * An event's content with every field present and times normalized: what API input and
 * imported VEVENTs are turned into, validated once, stored, and compared on re-import.
 */
export interface EventData {
  title: string;
  description: string | null;
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  recurrence: { rule: string | null; rdates: string[]; exdates: string[] } | null;
  overrides: EventOverride[];
  status: Schemas['EventStatus'];
  location: EventLocation | null;
  categories: Schemas['EventCategoryId'][];
  isFree: boolean | null;
  price: string | null;
  accessibility: string | null;
  link: string | null;
}

/** A stored event with what the API shows of its organizer. */
export type EventRow = Selectable<EventTable> & { organizer_name: string; is_example: boolean };

/** The columns of an event that its occurrences show (`toOccurrences`): all a page of occurrences reads. */
export const occurrenceEventColumns = [
  'id',
  'organization_id',
  'title',
  'description',
  'time_zone',
  'all_day',
  'start_local',
  'rrule',
  'rdates',
  'exdates',
  'overrides',
  'status',
  'location_name',
  'location_address',
  'municipality_id',
  'lat',
  'lon',
  'categories',
  'is_free',
  'price',
  'accessibility',
  'link',
  'updated_at',
] as const satisfies readonly (keyof EventTable)[];

/** An event as its occurrences show it: `occurrenceEventColumns` and its organizer. */
export type OccurrenceEventRow = Pick<EventRow, (typeof occurrenceEventColumns)[number] | 'organizer_name' | 'is_example'>;

export type EventColumns = Omit<Insertable<EventTable>, 'id' | 'organization_id' | 'uid' | 'imported'>;

export function completeInput(input: Schemas['EventInput']): EventData {
  return {
    title: input.title,
    description: input.description ?? null,
    start: input.start,
    end: input.end,
    allDay: input.allDay ?? false,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    recurrence: input.recurrence
      ? { rule: input.recurrence.rule ?? null, rdates: input.recurrence.rdates ?? [], exdates: input.recurrence.exdates ?? [] }
      : null,
    overrides: input.overrides ?? [],
    status: input.status ?? 'scheduled',
    location: input.location ?? null,
    categories: input.categories ?? [],
    isFree: input.isFree ?? null,
    price: input.price ?? null,
    accessibility: input.accessibility ?? null,
    link: input.link ?? null,
  };
}

function locationOf(row: Pick<EventRow, 'location_name' | 'location_address' | 'municipality_id' | 'lat' | 'lon'>): EventLocation | null {
  if (row.location_name === null) return null;
  return {
    name: row.location_name,
    address: row.location_address,
    municipalityId: row.municipality_id,
    coordinates: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
  };
}

export function dataFromRow(row: EventRow): EventData {
  return {
    title: row.title,
    description: row.description,
    start: row.start_local,
    end: row.end_local,
    allDay: row.all_day,
    timeZone: row.time_zone,
    recurrence: row.rrule !== null || row.rdates.length > 0 ? { rule: row.rrule, rdates: row.rdates, exdates: row.exdates } : null,
    overrides: row.overrides,
    status: row.status,
    location: locationOf(row),
    categories: row.categories as Schemas['EventCategoryId'][],
    isFree: row.is_free,
    price: row.price,
    accessibility: row.accessibility,
    link: row.link,
  };
}

export function scheduleOf(data: EventData): Schedule {
  return {
    timeZone: data.timeZone,
    allDay: data.allDay,
    start: data.start,
    end: data.end,
    rule: data.recurrence?.rule ?? null,
    rdates: data.recurrence?.rdates ?? [],
    exdates: data.recurrence?.exdates ?? [],
    overrides: data.overrides,
  };
}

/**
 * Checks what the schema cannot (time zone, real dates, order of times, the rule, overrides that
 * match occurrences, known municipalities) and normalizes times. Pointers are relative to the event.
 */
export function checkEvent(data: EventData, municipalities: KnownMunicipalities): { data: EventData; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (pointer: string, code: string, reason: string) => errors.push(fieldError(pointer, code, reason));
  const checkMunicipality = (pointer: string, location: EventLocation | null | undefined) => {
    const id = location?.municipalityId;
    if (id && !municipalities.has(id)) errors.push(unknownMunicipality(`${pointer}/municipalityId`, id));
  };
  checkMunicipality('/location', data.location);
  data.overrides.forEach((override, index) => checkMunicipality(`/overrides/${index}/location`, override.location));
  if (!isKnownTimeZone(data.timeZone)) {
    fail('/timeZone', 'unknown-time-zone', `"${data.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
    return { data, errors };
  }
  const local = <T extends string | undefined>(pointer: string, text: T): T => {
    if (text === undefined) return text;
    if (isDateOnly(text) !== data.allDay) {
      fail(
        pointer,
        'all-day-mismatch',
        data.allDay
          ? 'must be a date (YYYY-MM-DD) for an all-day event'
          : 'must be a date and time (YYYY-MM-DDThh:mm) unless allDay is true',
      );
      return text;
    }
    const time = parseLocal(text);
    if (!time) fail(pointer, 'not-a-date', `is not a real ${data.allDay ? 'date' : 'date and time'} between ${MIN_YEAR} and ${MAX_YEAR}`);
    return (time ? formatLocal(time) : text) as T;
  };
  const start = local('/start', data.start);
  const end = local('/end', data.end);
  if (end < start) fail('/end', 'end-before-start', 'must not be before start');

  let recurrence = data.recurrence;
  if (recurrence) {
    if (recurrence.rule) {
      try {
        const rule = parseRule(recurrence.rule);
        if (rule.count && rule.until) fail('/recurrence/rule', 'count-and-until', 'may have COUNT or UNTIL, not both');
      } catch (error) {
        fail('/recurrence/rule', 'invalid-rule', `is not an RFC 5545 RRULE: ${(error as Error).message}`);
      }
    } else if (recurrence.rdates.length === 0) {
      fail('/recurrence', 'rule-or-rdates', 'needs a rule or rdates');
    }
    // An RDATE before the start is part of the set too (RFC 5545: the union of DTSTART, RRULE and RDATE).
    const rdates = recurrence.rdates.map((rdate, index) => local(`/recurrence/rdates/${index}`, rdate));
    const exdates = recurrence.exdates.map((exdate, index) => local(`/recurrence/exdates/${index}`, exdate));
    recurrence = { rule: recurrence.rule, rdates: [...new Set(rdates)].sort(), exdates: [...new Set(exdates)].sort() };
  }

  if (data.overrides.length > 0 && !recurrence) fail('/overrides', 'overrides-without-recurrence', 'only a recurring event has overrides');
  const overrides = data.overrides.map((override, index) => {
    const pointer = `/overrides/${index}`;
    const normalized: EventOverride = { recurrenceId: local(`${pointer}/recurrenceId`, override.recurrenceId) };
    if (override.status !== undefined) normalized.status = override.status;
    if (override.start !== undefined) normalized.start = local(`${pointer}/start`, override.start);
    if (override.end !== undefined) normalized.end = local(`${pointer}/end`, override.end);
    if (override.title !== undefined) normalized.title = override.title;
    if (override.description !== undefined) normalized.description = override.description;
    if (override.location !== undefined) normalized.location = override.location;
    if (normalized.end !== undefined && normalized.end < (normalized.start ?? normalized.recurrenceId)) {
      fail(`${pointer}/end`, 'end-before-start', 'must not be before the start of the occurrence');
    }
    return normalized;
  });
  const ids = overrides.map((override) => override.recurrenceId);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) fail(`/overrides/${index}/recurrenceId`, 'duplicate', 'is overridden twice');
  });
  overrides.sort((a, b) => compareCodeUnits(a.recurrenceId, b.recurrenceId));

  const normalized: EventData = { ...data, start, end, recurrence, overrides };
  if (errors.length === 0 && recurrence?.rule) {
    // Some rules parse but cannot be expanded (e.g. BYMONTHDAY with FREQ=WEEKLY, which RFC 5545 forbids).
    try {
      firstStart(scheduleOf(normalized));
    } catch (error) {
      fail('/recurrence/rule', 'invalid-rule', `cannot be expanded: ${(error as Error).message}`);
    }
  }
  if (errors.length === 0 && recurrence) {
    const unknown = new Set(unknownRecurrenceIds(scheduleOf(normalized), ids));
    data.overrides.forEach((override, index) => {
      if (unknown.has(ids[index]!))
        fail(`/overrides/${index}/recurrenceId`, 'unknown-occurrence', `${override.recurrenceId} is not an occurrence of the event`);
    });
  }
  return { data: normalized, errors };
}

/** Columns of a checked event. */
export function toColumns(data: EventData, municipalities: KnownMunicipalities): EventColumns {
  const { firstStart, lastEnd } = scheduleWindow(scheduleOf(data));
  const location = data.location;
  const searchable = [data.title, data.description, location?.name, location?.address, municipalities.get(location?.municipalityId ?? '')];
  return {
    content_hash: createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    title: data.title,
    description: data.description,
    search_text: sortKey(searchable.filter(Boolean).join(' ')),
    time_zone: data.timeZone,
    all_day: data.allDay,
    start_local: data.start,
    end_local: data.end,
    rrule: data.recurrence?.rule ?? null,
    rdates: data.recurrence?.rdates ?? [],
    exdates: data.recurrence?.exdates ?? [],
    overrides: JSON.stringify(data.overrides),
    status: data.status,
    location_name: location?.name ?? null,
    location_address: location?.address ?? null,
    municipality_id: location?.municipalityId ?? null,
    lat: location?.coordinates?.lat ?? null,
    lon: location?.coordinates?.lon ?? null,
    categories: data.categories,
    is_free: data.isFree,
    price: data.price,
    accessibility: data.accessibility,
    link: data.link,
    first_start: firstStart,
    last_end: lastEnd,
  };
}

function recurrenceOf(row: Pick<EventRow, 'rrule' | 'rdates' | 'exdates' | 'start_local'>): Schemas['EventRecurrence'] | null {
  if (row.rrule === null && row.rdates.length === 0) return null;
  return { rule: row.rrule, rdates: row.rdates, exdates: row.exdates, summary: summarizeRecurrence(row.rrule, row.start_local) };
}

function organizerOf(row: Pick<EventRow, 'organization_id' | 'organizer_name'>): Schemas['EventOrganizer'] {
  return { organizationId: row.organization_id, name: row.organizer_name };
}

export function toEvent(row: EventRow): Schemas['Event'] {
  return {
    id: row.id,
    uid: row.uid,
    organizer: organizerOf(row),
    ...dataFromRow(row),
    recurrence: recurrenceOf(row),
    imported: row.imported,
    published: row.published,
    isExample: row.is_example,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Occurrences as calendars show them: the event's fields with each override's changes. */
export function toOccurrences(row: OccurrenceEventRow, occurrences: readonly Occurrence[]): Schemas['EventOccurrence'][] {
  const recurrence = recurrenceOf(row);
  const summary = recurrence && { rule: recurrence.rule, summary: recurrence.summary };
  const location = locationOf(row);
  return occurrences.map(({ override, recurrenceId, start, end }) => ({
    eventId: row.id,
    recurrenceId,
    title: override?.title ?? row.title,
    description: override?.description !== undefined ? override.description : row.description,
    start,
    end,
    allDay: row.all_day,
    timeZone: row.time_zone,
    // A cancelled event cancels every occurrence; otherwise the override decides.
    status: row.status === 'cancelled' ? 'cancelled' : (override?.status ?? 'scheduled'),
    recurrence: summary,
    location: override?.location !== undefined ? override.location : location,
    organizer: organizerOf(row),
    categories: row.categories as Schemas['EventCategoryId'][],
    isFree: row.is_free,
    price: row.price,
    accessibility: row.accessibility,
    link: row.link,
    isExample: row.is_example,
    updatedAt: row.updated_at.toISOString(),
  }));
}

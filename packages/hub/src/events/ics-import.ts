import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { sortKey } from '../http/text.js';
import { contractSchemaCheck } from '../http/validation.js';
import { categoryFromName } from './categories.js';
import { existingOrganization, knownMunicipalities, type KnownMunicipalities } from '../orgs/lookups.js';
import { checkEvent, completeInput, scheduleOf, toColumns, type EventData } from './model.js';
import { ImportProblems, SourceLines } from './ics-source.js';
import { deleteEvents, eventVersions, insertEvent, lockImports, updateEvent } from './queries.js';
import { storeOccurrences } from './stored-occurrences.js';
import { DEFAULT_TIME_ZONE, formatLocal, isKnownTimeZone, Series, timeZone, unknownRecurrenceIds, UTC } from './recurrence.js';

/**
 * Imports an organization's iCalendar feed (parsed by ical.js). Imported events are matched by
 * UID, so importing the same feed again changes nothing; every event becomes `EventInput` and
 * passes the same schema and checks as one sent to the API. All or nothing: any problem means
 * nothing is written, and the answer names every bad line (the file's structure and values are
 * checked line by line first, in ics-source.ts).
 */

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

const fieldProperties: Record<string, string> = {
  title: 'SUMMARY',
  description: 'DESCRIPTION',
  start: 'DTSTART',
  end: 'DTEND',
  timeZone: 'DTSTART',
  allDay: 'DTSTART',
  recurrence: 'RRULE',
  recurrenceId: 'RECURRENCE-ID',
  location: 'LOCATION',
  categories: 'CATEGORIES',
  link: 'URL',
  status: 'STATUS',
};

function parseCalendar(text: string, source: SourceLines, problems: ImportProblems): ICAL.Component | undefined {
  if (text.trim() === '') {
    problems.add(1, 'the calendar is empty (expected BEGIN:VCALENDAR)');
    return undefined;
  }
  if (!source.checkStructure(problems)) return undefined;
  source.checkValues(problems);
  let parsed: unknown;
  try {
    // What was reported already is left out, so that the other events are checked too.
    parsed = ICAL.parse(source.readable());
  } catch (error) {
    problems.add(source.locateParseError(), (error as Error).message);
    return undefined;
  }
  const roots = Array.isArray(parsed) && Array.isArray(parsed[0]) ? (parsed as unknown[][]) : [parsed as unknown[]];
  const calendar = roots.length === 1 ? new ICAL.Component(roots[0]!) : undefined;
  if (!calendar || calendar.name !== 'vcalendar') {
    problems.add(1, 'expected exactly one VCALENDAR');
    return undefined;
  }
  return calendar;
}

/** A time zone the file defines: its own rules, and the IANA zone it says it is, if it does. */
interface FileZone {
  zone: ICAL.Timezone;
  iana: string | undefined;
}

/**
 * The IANA zone a VTIMEZONE names: by X-LIC-LOCATION, or by a TZID that ends in an IANA name
 * (`/citadel.org/20190914_1/Europe/Berlin`, as calendar programs write them).
 */
function ianaZoneOf(component: ICAL.Component, tzid: string): string | undefined {
  const location = component.getFirstPropertyValue('x-lic-location');
  if (typeof location === 'string' && isKnownTimeZone(location)) return location;
  const parts = tzid.split('/');
  return parts.map((_, index) => parts.slice(index).join('/')).find((name) => name.includes('/') && isKnownTimeZone(name));
}

/** Turns the times of one VEVENT into local times of the event's zone. */
class TimeReader {
  readonly zone: string;

  constructor(
    private readonly fileZones: ReadonlyMap<string, FileZone>,
    dtstart: ICAL.Property,
  ) {
    const tzid = dtstart.getParameter('tzid') as string | undefined;
    const utc = (dtstart.getFirstValue() as ICAL.Time | null)?.zone?.tzid === 'UTC';
    // An IANA zone is kept (also one a file's own VTIMEZONE names), and so is UTC: a series
    // anchored in UTC repeats at the same UTC time (its local time moves at DST changes).
    // Floating times, and those in a zone only the file knows, become local times of the region's zone.
    this.zone = (tzid && this.ianaZone(tzid)) || (utc ? UTC : DEFAULT_TIME_ZONE);
  }

  private ianaZone(tzid: string): string | undefined {
    return isKnownTimeZone(tzid) ? tzid : this.fileZones.get(tzid)?.iana;
  }

  local(time: ICAL.Time, property: ICAL.Property): string {
    if (time.isDate) return formatLocal(time);
    const tzid = property.getParameter('tzid') as string | undefined;
    const iana = tzid && this.ianaZone(tzid);
    let source: ICAL.Timezone;
    if (time.zone?.tzid === 'UTC') source = ICAL.Timezone.utcTimezone;
    else if (iana) source = timeZone(iana);
    else if (tzid && this.fileZones.has(tzid)) source = this.fileZones.get(tzid)!.zone;
    // Checked line by line before (SourceLines.checkValues); a guard, not the message users see.
    else if (tzid) throw new Error(`unknown time zone "${tzid}"`);
    else return formatLocal(time);
    const inZone = time.clone();
    inZone.zone = source;
    return formatLocal(inZone.convertToZone(timeZone(this.zone)));
  }

  /** For each value read by `locals`, the position of its property among those of its name. */
  private readonly properties: Record<string, number[]> = {};

  /** All values of a multi-valued date property (RDATE, EXDATE; PERIOD values by their start). */
  locals(vevent: ICAL.Component, name: 'rdate' | 'exdate'): string[] {
    const key = `${name}s`;
    this.properties[key] = [];
    return vevent.getAllProperties(name).flatMap((property, index) =>
      property.getValues().map((value) => {
        this.properties[key]!.push(index);
        return this.local(value instanceof ICAL.Period ? value.start : (value as ICAL.Time), property);
      }),
    );
  }

  /** Which RDATE or EXDATE line (0-based among them) the n-th value came from. */
  valueProperty(field: 'rdates' | 'exdates', index: number): number {
    return this.properties[field]?.[index] ?? 0;
  }
}

export function municipalityIn(text: string, municipalities: KnownMunicipalities, fallback: string | null): string | null {
  // The longest municipality name in the place's text ("… 97236 Randersacker"), else the organization's own.
  const folded = ` ${sortKey(text).replace(/[^a-z0-9]+/g, ' ')} `;
  let best: [string, number] | undefined;
  for (const [id, name] of municipalities) {
    const wanted = ` ${sortKey(name).replace(/[^a-z0-9]+/g, ' ')} `;
    if (folded.includes(wanted) && (!best || wanted.length > best[1])) best = [id, wanted.length];
  }
  return best?.[0] ?? fallback;
}

function text(vevent: ICAL.Component, name: string): string | undefined {
  const value = vevent.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : undefined;
}

interface Context {
  municipalities: KnownMunicipalities;
  homeMunicipality: string | null;
}

function locationOf(vevent: ICAL.Component, context: Context): Schemas['EventLocation'] | null {
  const name = text(vevent, 'location')?.trim();
  if (!name) return null;
  const geo = vevent.getFirstPropertyValue('geo') as number[] | null;
  return {
    name,
    address: null,
    municipalityId: municipalityIn(name, context.municipalities, context.homeMunicipality),
    coordinates: geo && geo.length === 2 ? { lat: geo[0]!, lon: geo[1]! } : null,
  };
}

/** The EventInput a master VEVENT stands for (overrides are added by the caller). */
function toInput(vevent: ICAL.Component, times: TimeReader, context: Context): Schemas['EventInput'] {
  const dtstart = vevent.getFirstProperty('dtstart')!;
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  // DTEND, else DTSTART + DURATION, else RFC 5545's default (one day, or no duration).
  const endProperty = vevent.getFirstProperty('dtend') ?? dtstart;
  const end = event.endDate;
  if (start.isDate && end.compare(start) > 0) end.adjust(-1, 0, 0, 0);
  // One RRULE per event (SourceLines.checkValues refuses a second).
  const rules = vevent.getAllProperties('rrule');
  const rdates = times.locals(vevent, 'rdate');
  const exdates = times.locals(vevent, 'exdate');
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  const link = text(vevent, 'url');
  const categories = vevent
    .getAllProperties('categories')
    .flatMap((property) => property.getValues().map((value) => categoryFromName(String(value))))
    .filter((category): category is Schemas['EventCategoryId'] => category !== undefined);
  return {
    title: text(vevent, 'summary') as string,
    description: text(vevent, 'description') ?? null,
    start: times.local(start, dtstart),
    end: times.local(end, endProperty),
    allDay: start.isDate,
    timeZone: times.zone,
    recurrence: rule || rdates.length > 0 ? { rule: rule?.toString() ?? null, rdates, exdates } : null,
    status: text(vevent, 'status')?.toUpperCase() === 'CANCELLED' ? 'cancelled' : 'scheduled',
    location: locationOf(vevent, context),
    categories: [...new Set(categories)].slice(0, 5),
    isFree: null,
    price: null,
    accessibility: null,
    // Only web links are links for citizens (feeds also carry webcal:, mailto: or internal ids).
    link: link && /^https?:\/\//i.test(link) ? link : null,
  };
}

/** An overriding VEVENT as the differences to its occurrence. */
function toOverride(vevent: ICAL.Component, master: EventData, times: TimeReader, context: Context): Schemas['EventOverride'] {
  const ridProperty = vevent.getFirstProperty('recurrence-id')!;
  const recurrenceId = times.local(ridProperty.getFirstValue() as ICAL.Time, ridProperty);
  const own = toInput(vevent, times, context);
  const series = new Series(scheduleOf(master));
  const override: Schemas['EventOverride'] = { recurrenceId };
  if (own.status === 'cancelled') override.status = 'cancelled';
  if (own.start !== recurrenceId) override.start = own.start;
  if (own.start !== recurrenceId || own.end !== series.localEnd(series.floating(recurrenceId))) override.end = own.end;
  if (own.title !== master.title) override.title = own.title;
  if ((own.description ?? null) !== master.description) override.description = own.description ?? null;
  if (JSON.stringify(own.location) !== JSON.stringify(master.location)) override.location = own.location ?? null;
  return override;
}

/** The contract's EventInput schema, so imported events meet the same rules as API input. */
const checkAgainstSchema = contractSchemaCheck('EventInput');

export interface FeedEvent {
  uid: string;
  data: EventData;
}

/** Reads every VEVENT of the calendar into checked event data, collecting problems with lines. */
function readEvents(calendar: ICAL.Component, source: SourceLines, context: Context, problems: ImportProblems): FeedEvent[] {
  const fileZones = new Map(
    calendar.getAllSubcomponents('vtimezone').map((component) => {
      const zone = new ICAL.Timezone(component);
      return [zone.tzid, { zone, iana: ianaZoneOf(component, zone.tzid) }] as const;
    }),
  );
  const vevents = calendar.getAllSubcomponents('vevent');
  const groups = new Map<string, { master?: number; overrides: number[]; bad: boolean }>();
  vevents.forEach((vevent, index) => {
    const uid = text(vevent, 'uid');
    if (!uid || uid.length > 500) return problems.add(source.lineOf(index, 'UID'), 'every VEVENT needs a UID of at most 500 characters');
    const group = groups.get(uid) ?? { overrides: [], bad: false };
    groups.set(uid, group);
    // Events with a line already reported are left out (with the rest of their UID): nothing is said twice about them.
    if (source.badEvents.has(index)) {
      group.bad = true;
      return;
    }
    if (!vevent.hasProperty('dtstart')) return problems.add(source.lineOf(index), `event ${uid} has no DTSTART`);
    if (vevent.hasProperty('recurrence-id')) group.overrides.push(index);
    else if (group.master !== undefined) problems.add(source.lineOf(index, 'UID'), `UID ${uid} is used by two events`);
    else group.master = index;
  });

  const events: FeedEvent[] = [];
  for (const [uid, group] of groups) {
    if (group.bad) continue;
    if (group.master === undefined) {
      problems.add(source.lineOf(group.overrides[0]!, 'RECURRENCE-ID'), `RECURRENCE-ID of ${uid} without the recurring event it changes`);
      continue;
    }
    // The VEVENTs of the overrides in `input.overrides`, to name the line a pointer is about.
    let overrideEvents = group.overrides;
    const lineFor = (pointer: string): number => {
      const [field, item, part] = pointer.split('/').slice(1);
      if (field === 'overrides' && item !== undefined) {
        return source.lineOf(overrideEvents[Number(item)] ?? group.master!, fieldProperties[part ?? 'recurrenceId']);
      }
      if (field === 'recurrence' && (item === 'rdates' || item === 'exdates') && part !== undefined) {
        return source.lineOf(group.master!, item === 'rdates' ? 'RDATE' : 'EXDATE', times.valueProperty(item, Number(part)));
      }
      return source.lineOf(group.master!, fieldProperties[field ?? '']);
    };
    const report = (pointer: string, reason: string) =>
      problems.add(lineFor(pointer), `event ${uid}: ${pointer.slice(1) || 'event'} ${reason}`);
    const check = (input: Schemas['EventInput']): EventData | undefined => {
      const schemaErrors = checkAgainstSchema(input);
      schemaErrors.forEach((error) => report(error.pointer, error.reason));
      if (schemaErrors.length > 0) return undefined;
      const checked = checkEvent(completeInput(input), context.municipalities);
      checked.errors.forEach((error) => report(error.pointer, error.reason));
      return checked.errors.length === 0 ? checked.data : undefined;
    };
    const master = vevents[group.master]!;
    const times = new TimeReader(fileZones, master.getFirstProperty('dtstart')!);
    try {
      const input = toInput(master, times, context);
      // The series must be sound before its changed occurrences can be compared with it.
      const base = check(input);
      if (!base) continue;
      // A reader of their own: `times` keeps where the master's RDATE and EXDATE values came from.
      const overrideTimes = new TimeReader(fileZones, master.getFirstProperty('dtstart')!);
      const overrides = group.overrides.map((index) => toOverride(vevents[index]!, base, overrideTimes, context));
      if (overrides.length > 0 && !input.recurrence) {
        problems.add(source.lineOf(group.overrides[0]!, 'RECURRENCE-ID'), `event ${uid} does not recur but has a RECURRENCE-ID`);
        continue;
      }
      if (input.recurrence) {
        // Changed occurrences of excluded dates are moot; those the rule no longer produces
        // (the rule was edited after the change) stay, as calendar apps show them: as extra dates.
        const exdates = new Set(base.recurrence!.exdates);
        const kept = overrides
          .map((override, index) => [override, group.overrides[index]!] as const)
          .filter(([override]) => !exdates.has(override.recurrenceId));
        input.overrides = kept.map(([override]) => override);
        overrideEvents = kept.map(([, index]) => index);
        const orphans = unknownRecurrenceIds(
          scheduleOf(base),
          input.overrides.map((override) => override.recurrenceId),
        );
        input.recurrence.rdates = [...(input.recurrence.rdates ?? []), ...orphans];
      }
      const data = check(input);
      if (data) events.push({ uid, data });
    } catch (error) {
      // What ical.js still finds when it decodes a value the line checks let through.
      problems.add(source.lineOf(group.master), `event ${uid}: ${(error as Error).message}`);
    }
  }
  return events;
}

/** A feed read and checked: its events, or the bad lines that keep it from being imported. */
export interface ReadFeed {
  events: FeedEvent[];
  municipalities: KnownMunicipalities;
  problems: ImportProblems;
}

/** Reads and checks a feed for the organization; writes nothing. */
export async function readFeed(db: Kysely<Database>, organizationId: string, feed: string): Promise<ReadFeed> {
  const organization = await existingOrganization(db, organizationId);
  const municipalities = await knownMunicipalities(db);
  const source = new SourceLines(feed);
  const problems = new ImportProblems();
  const calendar = parseCalendar(feed, source, problems);
  const events = calendar ? readEvents(calendar, source, { municipalities, homeMunicipality: organization.municipalityId }, problems) : [];
  return { events, municipalities, problems };
}

/**
 * Makes the events that came from one source match the feed, in one transaction. The source is a
 * calendar subscription's id, or null for the manual import. An event another source owns keeps
 * its UID and stays as it is (counted as unchanged): one feed never changes another's events.
 */
export async function writeFeed(
  db: Kysely<Database>,
  organizationId: string,
  { events, municipalities }: ReadFeed,
  sourceSubscriptionId: string | null,
): Promise<ImportResult> {
  return inTransaction(db, async (trx) => {
    await lockImports(trx, organizationId);
    const existing = await eventVersions(trx, organizationId);
    const byUid = new Map(existing.map((row) => [row.uid, row]));
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0, removed: 0 };
    // Occurrences are stored once for all written events, below: a feed may hold thousands.
    const written: string[] = [];
    const deferred = { deferOccurrences: true };
    for (const event of events) {
      const columns = toColumns(event.data, municipalities);
      const found = byUid.get(event.uid);
      if (!found) {
        written.push(await insertEvent(trx, { organizationId, uid: event.uid, imported: true, sourceSubscriptionId }, columns, deferred));
        result.created++;
      } else if (found.source_subscription_id !== sourceSubscriptionId) {
        result.unchanged++;
      } else if (found.imported && found.content_hash === columns.content_hash) {
        result.unchanged++;
      } else {
        await updateEvent(trx, found.id, { ...columns, imported: true }, deferred);
        written.push(found.id);
        result.updated++;
      }
    }
    const inFeed = new Set(events.map((event) => event.uid));
    const gone = existing
      .filter((row) => row.imported && row.source_subscription_id === sourceSubscriptionId && !inFeed.has(row.uid))
      .map((row) => row.id);
    await deleteEvents(trx, gone);
    await storeOccurrences(trx, written);
    result.removed = gone.length;
    return result;
  });
}

/** The manual import: makes the organization's imported events (of no subscription) match the feed. */
export async function importCalendar(db: Kysely<Database>, organizationId: string, feed: string): Promise<ImportResult> {
  const read = await readFeed(db, organizationId, feed);
  read.problems.throwIfAny();
  return writeFeed(db, organizationId, read, null);
}

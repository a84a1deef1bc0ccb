import ICAL from 'ical.js';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { Schemas } from '../http/api.js';
import * as clock from '../clock.js';

/**
 * Time zones and recurrence. Events keep wall-clock times in an IANA zone; instants come from
 * ical.js with that zone's VTIMEZONE (the tz database as packaged by timezones-ical-library), the
 * same definition the iCalendar export writes. So a weekly 19:00 stays 19:00 across DST, and the
 * Hub's occurrences and a calendar app's agree.
 */

type EventOverride = Schemas['EventOverride'];

/** What defines when an event happens; local times as stored (normalized), all-day `end` inclusive. */
export interface Schedule {
  timeZone: string;
  allDay: boolean;
  start: string;
  end: string;
  rule: string | null;
  rdates: readonly string[];
  exdates: readonly string[];
  overrides: readonly EventOverride[];
}

export interface Occurrence {
  /** Original local start (`RECURRENCE-ID`); null for events that do not recur. */
  recurrenceId: string | null;
  /** ISO 8601 with offset, or a date for all-day events (end inclusive). */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  override: EventOverride | undefined;
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
/** The zone of times given in UTC (`…Z`); the iCalendar export writes them as UTC again. */
export const UTC = 'UTC';
/** Dates outside these years are refused: they are typos, and they bound every expansion. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;
/** Safety net for one expansion; daily rules within MIN_YEAR..MAX_YEAR stay far below it. */
const MAX_SCANNED = 100_000;
/** A finite series longer than this is treated as unbounded for the stored window. */
const MAX_WINDOW_SCAN = 10_000;

const knownZones = new Set(tzlib_get_timezones(false) as string[]);
const zones = new Map<string, ICAL.Timezone>();

export function isKnownTimeZone(name: string): boolean {
  return knownZones.has(name);
}

/** The VTIMEZONE component of an IANA zone (validated with `isKnownTimeZone` before). */
export function vtimezone(name: string): ICAL.Component {
  const [block] = tzlib_get_ical_block(name, false) as string[];
  return new ICAL.Component(ICAL.parse(block!) as unknown[]);
}

export function timeZone(name: string): ICAL.Timezone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ICAL.Timezone(vtimezone(name));
    zones.set(name, zone);
  }
  return zone;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A local date or date-time as ical.js time, or undefined when it is no real time. With a zone it
 * converts to instants through ical.js; without, it is floating (wall-clock only).
 */
export function parseLocal(text: string, zone?: ICAL.Timezone): ICAL.Time | undefined {
  const match = localPattern.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const isDate = hour === undefined;
  const daysInMonth = new Date(Date.UTC(year!, month, 0)).getUTCDate();
  if (year! < MIN_YEAR || year! > MAX_YEAR || month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth) return undefined;
  if (!isDate && (hour > 23 || minute! > 59 || (second ?? 0) > 59)) return undefined;
  return ICAL.Time.fromData(
    { year: year!, month: month!, day: day!, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0, isDate },
    zone,
  );
}

/** Today's date in a zone (the region's by default), by the Hub clock or at `now`. */
export function today(zoneName = DEFAULT_TIME_ZONE, now = clock.now()): ICAL.Time {
  return parseLocal(new Intl.DateTimeFormat('en-CA', { timeZone: zoneName }).format(now))!;
}

/** `2026-11-03T19:00:00` or `2026-11-03`: the stored and API form of local times. */
export function formatLocal(time: ICAL.Time): string {
  const date = `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
  return time.isDate ? date : `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

/** True when text is a date (`YYYY-MM-DD`), not a date-time. */
export function isDateOnly(text: string): boolean {
  return text.length === 10;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function offset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.abs(seconds) / 60;
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function parseRule(rule: string): ICAL.Recur {
  return ICAL.Recur.fromString(rule);
}

const DAY_MS = 86_400_000;
/** Rule parts whose sets depend on where in a period counting starts: no skipping ahead with them. */
const positionalParts = ['BYSETPOS', 'BYWEEKNO', 'BYYEARDAY'];

/**
 * Wall-clock time as milliseconds, as if it were UTC ("floating"). Series compute in these: adding
 * durations is wall-clock arithmetic (19:00 stays 19:00), and ical.js's zoned times convert to
 * instants on every comparison, which made expansions slow. Instants come from `Series.instant`.
 */
function floatingMs(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

/** `2026-11-03T19:00:00` or `2026-11-03` of a floating time. */
export function localText(ms: number, isDate: boolean): string {
  return new Date(ms).toISOString().slice(0, isDate ? 10 : 19);
}

/** A floating time as ical.js time (for iCalendar values and rule iteration). */
function timeOf(ms: number, isDate: boolean): ICAL.Time {
  const date = new Date(ms);
  return ICAL.Time.fromData({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    isDate,
  });
}

const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 100_000;

/**
 * UTC offset (seconds) of a wall-clock time in `zone`. RFC 5545 §3.3.5: a time that does not exist
 * (skipped when clocks go forward) is read with the offset before the change, and a time that
 * occurs twice (when they go back) is its first occurrence, again with the offset before the
 * change; ical.js gives the offset after it in both cases. ical.js deep-copies its table of
 * transitions on every lookup; offsets are the same for every event at one local minute, so
 * they are remembered.
 */
function utcOffset(zone: ICAL.Timezone, ms: number): number {
  const key = `${zone.tzid} ${ms}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    const at = (local: number) => zone.utcOffset(timeOf(local, false));
    offset = at(ms);
    const before = at(ms - DAY_MS);
    // Within the change's length after it, with the old offset still in force just before: in the gap or the overlap.
    if (before !== offset && at(ms - Math.abs(before - offset) * 1000) === before) offset = before;
    offsets.set(key, offset);
  }
  return offset;
}

/** One event's series: its starts in order (floating ms), and the span of any occurrence. */
export class Series {
  readonly zone: ICAL.Timezone;
  readonly allDay: boolean;
  readonly startMs: number;
  private readonly durationMs: number;
  /** The rule as ical.js iterates it: without COUNT, which `ruleStarts` applies itself. */
  private readonly rule: ICAL.Recur | undefined;
  private readonly count: number | undefined;
  private readonly implied: ImpliedParts;
  private readonly rdates: number[];
  private readonly exdates: ReadonlySet<number>;

  constructor(schedule: Schedule) {
    this.zone = timeZone(schedule.timeZone);
    this.allDay = schedule.allDay;
    this.startMs = this.floating(schedule.start);
    this.durationMs = this.floatingEnd(schedule.end) - this.startMs;
    this.rule = schedule.rule ? this.floatingRule(schedule.rule) : undefined;
    this.count = this.rule?.count ?? undefined;
    if (this.rule) this.rule.count = null;
    this.implied = impliedParts(this.rule, new Date(this.startMs));
    this.rdates = schedule.rdates.map((rdate) => this.floating(rdate)).sort((a, b) => a - b);
    this.exdates = new Set(schedule.exdates.map((exdate) => this.floating(exdate)));
  }

  /** The earliest start of the set: RDATEs may lie before DTSTART (the set is their union, RFC 5545 §3.8.5.2). */
  get earliestMs(): number {
    return Math.min(this.startMs, this.rdates[0] ?? Infinity);
  }

  get recurs(): boolean {
    return this.rule !== undefined || this.rdates.length > 0;
  }

  /** A local time of the schedule (already validated) as floating ms. */
  floating(local: string): number {
    const time = parseLocal(local);
    if (!time) throw new Error(`Not a local time: ${local}`);
    return floatingMs(time);
  }

  /** All-day ends are inclusive dates in the API and exclusive internally, as in iCalendar. */
  floatingEnd(local: string): number {
    return this.floating(local) + (isDateOnly(local) ? DAY_MS : 0);
  }

  /** A floating time of the series as ical.js time (date or date-time as the event). */
  time(ms: number): ICAL.Time {
    return timeOf(ms, this.allDay);
  }

  /** The instant of a floating time in the event's zone (a date: its midnight). */
  instant(ms: number): number {
    return ms - utcOffset(this.zone, ms) * 1000;
  }

  /** The rule with UNTIL as wall-clock time too (a date UNTIL of a timed series: its whole day). */
  private floatingRule(text: string): ICAL.Recur {
    const rule = parseRule(text);
    const until = rule.until;
    if (until && !this.allDay) {
      if (until.isDate) {
        rule.until = timeOf(Date.UTC(until.year, until.month - 1, until.day, 23, 59, 59), false);
      } else if (until.zone?.tzid === 'UTC') {
        const utcMs = floatingMs(until);
        // The local time of an instant: one lookup, corrected once where the offset changes.
        const guess = utcMs + utcOffset(this.zone, utcMs) * 1000;
        rule.until = timeOf(utcMs + utcOffset(this.zone, guess) * 1000, false);
      }
    }
    return rule;
  }

  /**
   * Starts of the series (RRULE, RDATE, without EXDATE), ascending from the first occurrence
   * that can still reach `fromMs`. Earlier ones are skipped without iterating them: ical.js
   * takes tens of microseconds per step, and a weekly series may be years old.
   */
  *starts(fromMs = -Infinity): Generator<number, void> {
    const fromRule = this.ruleStarts(fromMs);
    let ruleNext = fromRule.next();
    let rdate = 0;
    for (let scanned = 0; scanned < MAX_SCANNED; scanned++) {
      const nextRdate = this.rdates[rdate];
      let value: number;
      if (!ruleNext.done && (nextRdate === undefined || ruleNext.value <= nextRdate)) {
        value = ruleNext.value;
        if (nextRdate === value) rdate++;
        ruleNext = fromRule.next();
      } else if (nextRdate !== undefined) {
        value = nextRdate;
        rdate++;
      } else {
        return;
      }
      if (!this.exdates.has(value)) yield value;
    }
  }

  /**
   * The rule's starts. ical.js rolls days a month lacks over into the next month (31 February
   * becomes 3 March, 29 February 1 March) and counts them; RFC 5545 §3.3.10 says such dates are
   * skipped and not counted. So COUNT is applied here, to the starts that really match the rule.
   */
  private *ruleStarts(fromMs: number): Generator<number> {
    if (!this.rule) {
      yield this.startMs;
      return;
    }
    // ical.js yields its start first (DTSTART, which always counts), then the rule's times after it.
    const anchor = this.anchor(fromMs);
    const iterator = this.rule.iterator(this.time(anchor));
    let counted = 0;
    let last = -Infinity;
    for (
      let next = iterator.next(), scanned = 0;
      next && next.year <= MAX_YEAR && scanned < MAX_SCANNED;
      next = iterator.next(), scanned++
    ) {
      const ms = floatingMs(next);
      if (ms <= last || (ms !== anchor && !matches(this.implied, new Date(ms)))) continue;
      last = ms;
      yield ms;
      if (this.count !== undefined && ++counted >= this.count) return;
    }
  }

  /**
   * Where to start iterating: the first start, or a later time a whole number of rule periods
   * (INTERVAL × FREQ) on, so the rule's phase is kept, and so early that the occurrence there
   * ends before `fromMs` (ical.js yields its start time even if the rule would not: harmless,
   * as it lies before the range). Rules counted from the first start (COUNT) or by position
   * within a period are not skipped.
   */
  private anchor(fromMs: number): number {
    const rule = this.rule!;
    const start = this.startMs;
    // Two days cover any UTC offset between floating times and instants.
    const target = fromMs - this.durationMs - 2 * DAY_MS;
    if (this.count !== undefined || positionalParts.some((part) => part in rule.parts) || !(target > start)) return start;
    const interval = rule.interval || 1;
    const first = new Date(start);
    const goal = new Date(target);
    const at = (year: number, month: number, day: number) =>
      Date.UTC(year, month, day, first.getUTCHours(), first.getUTCMinutes(), first.getUTCSeconds());
    switch (rule.freq) {
      case 'DAILY':
      case 'WEEKLY': {
        const period = (rule.freq === 'DAILY' ? 1 : 7) * interval * DAY_MS;
        return start + Math.floor((target - start) / period) * period;
      }
      case 'MONTHLY': {
        // Without BYDAY/BYMONTHDAY the day of the first start is the day of every occurrence;
        // with them it only bounds the first, so a day that not every month has may be moved.
        const byDay = 'BYDAY' in rule.parts || 'BYMONTHDAY' in rule.parts;
        if (first.getUTCDate() > 28 && !byDay) return start;
        const months = (goal.getUTCFullYear() - first.getUTCFullYear()) * 12 + goal.getUTCMonth() - first.getUTCMonth();
        const steps = Math.floor(months / interval - 1) * interval;
        return steps <= 0 ? start : at(first.getUTCFullYear(), first.getUTCMonth() + steps, Math.min(first.getUTCDate(), 28));
      }
      case 'YEARLY': {
        if (first.getUTCMonth() === 1 && first.getUTCDate() === 29) return start;
        const steps = Math.floor((goal.getUTCFullYear() - first.getUTCFullYear()) / interval - 1) * interval;
        return steps <= 0 ? start : at(first.getUTCFullYear() + steps, first.getUTCMonth(), first.getUTCDate());
      }
      default:
        return start;
    }
  }

  /** Start and exclusive end (floating) of the occurrence originally at `originalMs`, as `override` may move it. */
  span(originalMs: number, override?: EventOverride): { begin: number; end: number } {
    const begin = override?.start ? this.floating(override.start) : originalMs;
    return { begin, end: override?.end ? this.floatingEnd(override.end) : begin + this.durationMs };
  }

  /** Local end as in the API (all-day: the last day) of an occurrence starting at `startMs`. */
  localEnd(startMs: number): string {
    return localText(this.inclusive(this.span(startMs).end), this.allDay);
  }

  /** The occurrence originally at `originalMs`, with `override` applied. */
  occurrence(originalMs: number, override?: EventOverride): Occurrence {
    const { begin, end } = this.span(originalMs, override);
    return {
      recurrenceId: this.recurs ? localText(originalMs, this.allDay) : null,
      start: this.iso(begin),
      end: this.iso(this.inclusive(end)),
      startMs: this.instant(begin),
      endMs: this.instant(end),
      override,
    };
  }

  private inclusive(end: number): number {
    return this.allDay ? end - DAY_MS : end;
  }

  private iso(ms: number): string {
    return this.allDay ? localText(ms, true) : `${localText(ms, false)}${offset(utcOffset(this.zone, ms))}`;
  }
}

/** What a start must match that ical.js may get wrong: the days and months a rule names or takes from DTSTART. */
interface ImpliedParts {
  months: ReadonlySet<number> | undefined;
  monthDays: readonly number[] | undefined;
}

/**
 * RFC 5545 §3.3.10: what a rule leaves out comes from DTSTART, so a MONTHLY or YEARLY rule without
 * a day part repeats DTSTART's day of the month, and a YEARLY one without month or day parts its month.
 */
function impliedParts(rule: ICAL.Recur | undefined, first: Date): ImpliedParts {
  const parts = rule?.parts ?? {};
  const has = (name: string) => name in parts;
  const dayGiven = has('BYMONTHDAY') || has('BYDAY') || has('BYYEARDAY') || has('BYWEEKNO');
  const periodic = rule?.freq === 'MONTHLY' || rule?.freq === 'YEARLY';
  let months = has('BYMONTH') ? new Set(parts.BYMONTH as number[]) : undefined;
  if (rule?.freq === 'YEARLY' && !has('BYMONTH') && !dayGiven) months = new Set([first.getUTCMonth() + 1]);
  const monthDays = has('BYMONTHDAY') ? (parts.BYMONTHDAY as number[]) : periodic && !dayGiven ? [first.getUTCDate()] : undefined;
  return { months, monthDays };
}

function matches(implied: ImpliedParts, date: Date): boolean {
  const month = date.getUTCMonth() + 1;
  if (implied.months && !implied.months.has(month)) return false;
  if (!implied.monthDays) return true;
  const day = date.getUTCDate();
  const length = new Date(Date.UTC(date.getUTCFullYear(), month, 0)).getUTCDate();
  // A negative BYMONTHDAY counts from the month's end (-1 is its last day).
  return implied.monthDays.some((wanted) => wanted === day || wanted === day - length - 1);
}

function overlaps(occurrence: Occurrence, fromMs: number, toMs: number): boolean {
  if (occurrence.startMs >= toMs) return false;
  // An occurrence without duration belongs to the range its start is in.
  return occurrence.endMs > fromMs || (occurrence.endMs === occurrence.startMs && occurrence.startMs >= fromMs);
}

/** The occurrences that overlap `[fromMs, toMs)`, overrides applied, cancelled ones included. */
export function occurrencesBetween(schedule: Schedule, fromMs: number, toMs: number): Occurrence[] {
  const series = new Series(schedule);
  const overrides = new Map(schedule.overrides.map((override) => [series.floating(override.recurrenceId), override]));
  const found: Occurrence[] = [];
  for (const start of series.starts(fromMs)) {
    if (series.instant(start) >= toMs) break;
    // Overridden occurrences may have moved anywhere; they are placed below.
    if (overrides.has(start)) continue;
    const occurrence = series.occurrence(start);
    if (overlaps(occurrence, fromMs, toMs)) found.push(occurrence);
  }
  for (const [original, override] of overrides) {
    const occurrence = series.occurrence(original, override);
    if (overlaps(occurrence, fromMs, toMs)) found.push(occurrence);
  }
  return found;
}

/** The first start of the series (floating ms); throws what ical.js throws for a rule it cannot expand. */
export function firstStart(schedule: Schedule): number | undefined {
  return new Series(schedule).starts().next().value ?? undefined;
}

/** Recurrence ids that are no occurrence of the series (not generated, or excluded by EXDATE). */
export function unknownRecurrenceIds(schedule: Schedule, recurrenceIds: readonly string[]): string[] {
  if (recurrenceIds.length === 0) return [];
  const series = new Series({ ...schedule, overrides: [] });
  const wanted = new Map(recurrenceIds.map((id) => [series.floating(id), id]));
  const last = Math.max(...wanted.keys());
  for (const start of series.starts()) {
    if (start > last) break;
    wanted.delete(start);
  }
  return [...wanted.values()];
}

/**
 * First start and last end of all occurrences, stored so range queries can skip events in SQL.
 * `lastEnd` is null for series without end (and for very long finite ones).
 */
export function scheduleWindow(schedule: Schedule): { firstStart: Date; lastEnd: Date | null } {
  const series = new Series(schedule);
  const first = series.occurrence(series.earliestMs);
  let firstMs = first.startMs;
  let lastMs: number | null = first.endMs;
  if (schedule.rule && !parseRule(schedule.rule).isFinite()) {
    lastMs = null;
  } else {
    let scanned = 0;
    for (const start of series.starts()) {
      if (++scanned > MAX_WINDOW_SCAN) {
        lastMs = null;
        break;
      }
      lastMs = Math.max(lastMs, series.occurrence(start).endMs);
    }
  }
  for (const override of schedule.overrides) {
    const moved = series.occurrence(series.floating(override.recurrenceId), override);
    firstMs = Math.min(firstMs, moved.startMs);
    if (lastMs !== null) lastMs = Math.max(lastMs, moved.endMs);
  }
  return { firstStart: new Date(firstMs), lastEnd: lastMs === null ? null : new Date(lastMs) };
}

import ICAL from 'ical.js';
import type { Schemas } from '../http/api.js';
import { categoryName } from './categories.js';
import { dataFromRow, scheduleOf, type EventData, type EventRow } from './model.js';
import { Series, timeZone, UTC, vtimezone } from './recurrence.js';

/**
 * iCalendar (RFC 5545) for calendar apps: one VEVENT per event with its RRULE/RDATE/EXDATE, one
 * more per override (RECURRENCE-ID), a VTIMEZONE for every zone used. The Hub writes every line
 * itself: ical.js does not escape the text of properties it does not know (NAME, X-WR-CALNAME)
 * and leaves a bare CR in any text, so a title with a line break could add properties or whole
 * events to the file. Here every text value goes through `escapeText`.
 */

/** How often subscribed calendars should fetch the feed again. */
const REFRESH_INTERVAL = 'PT6H';
const CRLF = '\r\n';
/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and one space). */
const MAX_LINE_OCTETS = 75;

type EventOverride = Schemas['EventOverride'];

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break (CRLF,
 * LF, bare CR) as `\n`. Other control characters are not allowed in TEXT at all, so they go.
 */
function escapeText(value: string): string {
  return (
    value
      .replace(/[\\;,]/g, (char) => `\\${char}`)
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- the control characters are what this removes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** Splits a content line into lines of at most 75 octets, never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      // The continuation's leading space counts toward its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** The content lines of one calendar, unfolded; `toString` folds them. */
export class Lines {
  private readonly lines: string[] = [];

  /** A property whose value is already in iCalendar form (dates, rules, numbers, trusted blocks). */
  raw(name: string, value: string, parameters = ''): void {
    this.lines.push(`${name}${parameters}:${value}`);
  }

  /** A whole content line in iCalendar form, parameters included (the tz database's VTIMEZONE). */
  verbatim(line: string): void {
    this.lines.push(line);
  }

  text(name: string, value: string | null | undefined): void {
    if (value) this.raw(name, escapeText(value));
  }

  /** URIs are not escaped (RFC 5545 §3.3.13); they are http(s) by the contract, controls go all the same. */
  uri(name: string, value: string | null): void {
    // eslint-disable-next-line no-control-regex -- the control characters are what this removes
    if (value) this.raw(name, value.replace(/[\u0000-\u001f\u007f]/g, ''));
  }

  /** A date, or a date-time in the event's zone (UTC times with `Z`, others with TZID). */
  time(name: string, time: ICAL.Time, zone: string): void {
    const value = time.toICALString();
    if (time.isDate) this.raw(name, value, ';VALUE=DATE');
    else if (zone === UTC) this.raw(name, `${value}Z`);
    else this.raw(name, value, `;TZID=${timeZone(zone).tzid}`);
  }

  stamp(name: string, date: Date): void {
    this.raw(name, `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
  }

  toString(): string {
    // Every line of an iCalendar stream ends with CRLF, the last one too.
    return this.lines.map((line) => `${fold(line)}${CRLF}`).join('');
  }
}

/** What an occurrence shows: the event's content, the override's changes on top. */
function addContent(lines: Lines, row: EventRow, data: EventData, override?: EventOverride): void {
  lines.text('SUMMARY', override?.title ?? data.title);
  lines.text('DESCRIPTION', override?.description !== undefined ? override.description : data.description);
  const location = override?.location !== undefined ? override.location : data.location;
  lines.text('LOCATION', location && [location.name, location.address].filter(Boolean).join(', '));
  if (location?.coordinates) lines.raw('GEO', `${location.coordinates.lat};${location.coordinates.lon}`);
  if (data.categories.length > 0) lines.raw('CATEGORIES', data.categories.map((category) => escapeText(categoryName(category))).join(','));
  lines.uri('URL', data.link);
  lines.text('CONTACT', row.organizer_name);
  const cancelled = data.status === 'cancelled' || override?.status === 'cancelled';
  lines.raw('STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED');
}

function addStamps(lines: Lines, row: EventRow): void {
  lines.text('UID', row.uid);
  // The last change, not the time of the request: an unchanged feed stays byte-identical (ETag).
  lines.stamp('DTSTAMP', row.updated_at);
  lines.stamp('CREATED', row.created_at);
  lines.stamp('LAST-MODIFIED', row.updated_at);
  lines.raw('SEQUENCE', String(row.sequence));
}

function addEvents(lines: Lines, row: EventRow): void {
  const data = dataFromRow(row);
  const series = new Series(scheduleOf(data));
  const zone = data.timeZone;
  lines.raw('BEGIN', 'VEVENT');
  addStamps(lines, row);
  lines.time('DTSTART', series.time(series.startMs), zone);
  lines.time('DTEND', series.time(series.floatingEnd(data.end)), zone);
  if (data.recurrence?.rule) lines.raw('RRULE', ICAL.Recur.fromString(data.recurrence.rule).toString());
  for (const rdate of data.recurrence?.rdates ?? []) lines.time('RDATE', series.time(series.floating(rdate)), zone);
  for (const exdate of data.recurrence?.exdates ?? []) lines.time('EXDATE', series.time(series.floating(exdate)), zone);
  addContent(lines, row, data);
  lines.raw('END', 'VEVENT');

  // An overriding VEVENT replaces its occurrence as a whole, so it repeats every field.
  for (const override of data.overrides) {
    lines.raw('BEGIN', 'VEVENT');
    addStamps(lines, row);
    const original = series.floating(override.recurrenceId);
    const { begin, end } = series.span(original, override);
    lines.time('RECURRENCE-ID', series.time(original), zone);
    lines.time('DTSTART', series.time(begin), zone);
    lines.time('DTEND', series.time(end), zone);
    addContent(lines, row, data, override);
    lines.raw('END', 'VEVENT');
  }
}

/** A whole calendar: `name` is shown by calendar apps for a subscribed feed. */
export function toCalendar(rows: readonly EventRow[], options: { name: string; version: string }): string {
  const lines = new Lines();
  lines.raw('BEGIN', 'VCALENDAR');
  lines.raw('VERSION', '2.0');
  lines.text('PRODID', `-//Smart Region Würzburg//Hub ${options.version}//DE`);
  lines.raw('CALSCALE', 'GREGORIAN');
  lines.raw('METHOD', 'PUBLISH');
  lines.text('NAME', options.name);
  lines.text('X-WR-CALNAME', options.name);
  lines.raw('REFRESH-INTERVAL', REFRESH_INTERVAL, ';VALUE=DURATION');
  lines.raw('X-PUBLISHED-TTL', REFRESH_INTERVAL);
  // UTC times carry their `Z` and need no VTIMEZONE.
  const zones = [...new Set(rows.map((row) => row.time_zone))].filter((zone) => zone !== UTC).sort();
  for (const zone of zones) {
    // The tz database's own block, already in iCalendar form, unfolded to be folded here.
    for (const line of vtimezone(zone)
      .toString()
      .replace(/\r\n[ \t]/g, '')
      .split(CRLF))
      lines.verbatim(line);
  }
  for (const row of rows) addEvents(lines, row);
  lines.raw('END', 'VCALENDAR');
  return lines.toString();
}

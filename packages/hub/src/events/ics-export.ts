import ICAL from 'ical.js';
import type { Schemas } from '../http/api.js';
import { categoryName } from './categories.js';
import { dataFromRow, scheduleOf, type EventData, type EventRow } from './model.js';
import { Series, vtimezone } from './recurrence.js';

/**
 * iCalendar (RFC 5545) for calendar apps: one VEVENT per event with its RRULE/RDATE/EXDATE, one
 * more per override (RECURRENCE-ID), a VTIMEZONE for every zone used. ical.js writes CRLF line
 * ends and escapes text.
 */

// ical.js folds after 75 octets and then adds the leading space of the continuation line, which
// makes such lines 76 octets long; folding one octet earlier keeps every line within RFC 5545's 75.
ICAL.foldLength = 74;

/** How often subscribed calendars should fetch the feed again. */
const REFRESH_INTERVAL = 'PT6H';

type EventOverride = Schemas['EventOverride'];

function addTime(component: ICAL.Component, name: string, time: ICAL.Time, zone: string): void {
  const property = component.addPropertyWithValue(name, time);
  if (!time.isDate) property.setParameter('tzid', zone);
}

function addText(component: ICAL.Component, name: string, value: string | null | undefined): void {
  if (value) component.addPropertyWithValue(name, value);
}

function utc(date: Date): ICAL.Time {
  return ICAL.Time.fromJSDate(date, true);
}

/** What an occurrence shows: the event's content, the override's changes on top. */
function addContent(vevent: ICAL.Component, row: EventRow, data: EventData, override?: EventOverride): void {
  addText(vevent, 'summary', override?.title ?? data.title);
  addText(vevent, 'description', override?.description !== undefined ? override.description : data.description);
  const location = override?.location !== undefined ? override.location : data.location;
  addText(vevent, 'location', location && [location.name, location.address].filter(Boolean).join(', '));
  if (location?.coordinates) vevent.addPropertyWithValue('geo', [location.coordinates.lat, location.coordinates.lon]);
  if (data.categories.length > 0) {
    const categories = new ICAL.Property('categories');
    categories.setValues(data.categories.map(categoryName));
    vevent.addProperty(categories);
  }
  addText(vevent, 'url', data.link);
  addText(vevent, 'contact', row.organizer_name);
  const cancelled = data.status === 'cancelled' || override?.status === 'cancelled';
  vevent.addPropertyWithValue('status', cancelled ? 'CANCELLED' : 'CONFIRMED');
}

function addStamps(vevent: ICAL.Component, row: EventRow): void {
  vevent.addPropertyWithValue('uid', row.uid);
  // The last change, not the time of the request: an unchanged feed stays byte-identical (ETag).
  vevent.addPropertyWithValue('dtstamp', utc(row.updated_at));
  vevent.addPropertyWithValue('created', utc(row.created_at));
  vevent.addPropertyWithValue('last-modified', utc(row.updated_at));
  vevent.addPropertyWithValue('sequence', row.sequence);
}

function vevents(row: EventRow): ICAL.Component[] {
  const data = dataFromRow(row);
  const series = new Series(scheduleOf(data));
  const zone = data.timeZone;
  const master = new ICAL.Component('vevent');
  addStamps(master, row);
  addTime(master, 'dtstart', series.time(series.startMs), zone);
  addTime(master, 'dtend', series.time(series.floatingEnd(data.end)), zone);
  if (data.recurrence?.rule) master.addPropertyWithValue('rrule', ICAL.Recur.fromString(data.recurrence.rule));
  for (const rdate of data.recurrence?.rdates ?? []) addTime(master, 'rdate', series.time(series.floating(rdate)), zone);
  for (const exdate of data.recurrence?.exdates ?? []) addTime(master, 'exdate', series.time(series.floating(exdate)), zone);
  addContent(master, row, data);

  // An overriding VEVENT replaces its occurrence as a whole, so it repeats every field.
  const exceptions = data.overrides.map((override) => {
    const vevent = new ICAL.Component('vevent');
    addStamps(vevent, row);
    const original = series.floating(override.recurrenceId);
    const { begin, end } = series.span(original, override);
    addTime(vevent, 'recurrence-id', series.time(original), zone);
    addTime(vevent, 'dtstart', series.time(begin), zone);
    addTime(vevent, 'dtend', series.time(end), zone);
    addContent(vevent, row, data, override);
    return vevent;
  });
  return [master, ...exceptions];
}

/** A whole calendar: `name` is shown by calendar apps for a subscribed feed. */
export function toCalendar(rows: readonly EventRow[], options: { name: string; version: string }): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', `-//Smart Region Würzburg//Hub ${options.version}//DE`);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('name', options.name);
  calendar.addPropertyWithValue('x-wr-calname', options.name);
  // ical.js adds VALUE=DURATION itself (the property's default type is a URI).
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString(REFRESH_INTERVAL));
  calendar.addPropertyWithValue('x-published-ttl', REFRESH_INTERVAL);
  for (const zone of [...new Set(rows.map((row) => row.time_zone))].sort()) calendar.addSubcomponent(vtimezone(zone));
  for (const row of rows) for (const vevent of vevents(row)) calendar.addSubcomponent(vevent);
  // Every line of an iCalendar stream ends with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}

import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import type { Formats } from '../core/format.js';
import { addDays, type Day } from './dates.js';

export type Occurrence = Schema<'EventOccurrence'>;

/** An occurrence on one of the days it covers. */
export interface Placed {
  occurrence: Occurrence;
  /** It begins on this day; otherwise it continues from the day before. */
  starts: boolean;
  /** It ends on this day; otherwise it goes on the next day. */
  ends: boolean;
}

/** The first and the last day (inclusive) an occurrence covers in the widget's time zone. */
function span(occurrence: Occurrence, format: Formats): [Day, Day] {
  // All-day events are dates, not moments: no time zone moves them.
  if (occurrence.allDay) return [occurrence.start.slice(0, 10), occurrence.end.slice(0, 10)];
  const start = new Date(occurrence.start);
  // Ending at midnight ends the day before; it is no event on the next one.
  const end = new Date(Math.max(start.getTime(), Date.parse(occurrence.end) - 1));
  return [format.day(start), format.day(end)];
}

/** Shown as a bar across its days: all-day, or over several days. */
export const isBar = ({ occurrence, starts, ends }: Placed): boolean => occurrence.allDay || !(starts && ends);

/**
 * The occurrences on each day of `[from, to)`, an event of several days on each of them. Bars
 * come first, in the order they began, so they line up from day to day; timed events follow
 * by start (the order the Hub sends).
 */
export function byDay(items: Occurrence[], format: Formats, from: Day, to: Day): Map<Day, Placed[]> {
  const days = new Map<Day, Placed[]>();
  for (const occurrence of items) {
    const [first, last] = span(occurrence, format);
    for (let day = first < from ? from : first; day <= last && day < to; day = addDays(day, 1)) {
      let placed = days.get(day);
      if (!placed) days.set(day, (placed = []));
      placed.push({ occurrence, starts: day === first, ends: day === last });
    }
  }
  for (const placed of days.values()) placed.sort((a, b) => Number(isBar(b)) - Number(isBar(a)));
  return days;
}

const allDayText = () => msg('ganztägig');

const shortDate: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** When, in a list under its day: `19:30–21:00 Uhr`, `ganztägig`, or the whole span of an event of several days. */
export function timeText(placed: Placed, format: Formats): string {
  const { occurrence } = placed;
  if (!isBar(placed)) return dateTimeText(occurrence, format, { timeStyle: 'short' });
  if (!occurrence.allDay) return dateTimeText(occurrence, format, { ...shortDate, hour: 'numeric', minute: '2-digit' });
  return placed.starts && placed.ends ? allDayText() : dateTimeText(occurrence, format, shortDate);
}

/** When, in full: `Dienstag, 8. Dezember 2026, 19:30–21:00 Uhr`, `Samstag, 26. Dezember 2026 (ganztägig)`. */
export function fullTimeText(occurrence: Occurrence, format: Formats): string {
  const text = dateTimeText(occurrence, format, occurrence.allDay ? { dateStyle: 'full' } : { dateStyle: 'full', timeStyle: 'short' });
  return occurrence.allDay ? `${text} (${allDayText()})` : text;
}

function dateTimeText({ allDay, start, end }: Occurrence, format: Formats, options: Intl.DateTimeFormatOptions): string {
  return allDay ? format.calendarDateRange(start, end, options) : format.dateRange(new Date(start), new Date(end), options);
}

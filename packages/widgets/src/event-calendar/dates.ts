/**
 * Calendar days as the calendar counts them: `2026-11-23`, without time or time zone. The grid,
 * the lists and the API's all-day events all speak in days; only timed events are moments,
 * placed on days by `Formats.day` in the widget's time zone.
 */
export type Day = string;

/** The three ways to show events. */
export type CalendarView = 'month' | 'week' | 'list';

/** How many days the list shows at once. */
const listDays = 14;

/** The day as a `Date` at noon UTC, for counting days (no daylight-saving hour in the way). */
const dayDate = (day: Day): Date => new Date(`${day}T12:00:00Z`);

const dayOf = (date: Date): Day => date.toISOString().slice(0, 10);

export function addDays(day: Day, days: number): Day {
  const date = dayDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/** The same day of another month, or that month's last day (31 January + 1 month = 28 February). */
export function addMonths(day: Day, months: number): Day {
  const date = dayDate(day);
  const wanted = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0, 12)).getUTCDate();
  date.setUTCDate(Math.min(wanted, lastDay));
  return dayOf(date);
}

/** 0 for Monday … 6 for Sunday: weeks start on Monday (ISO 8601), as in Germany and Britain. */
export const weekday = (day: Day): number => (dayDate(day).getUTCDay() + 6) % 7;

export const startOfWeek = (day: Day): Day => addDays(day, -weekday(day));

export const startOfMonth = (day: Day): Day => `${day.slice(0, 8)}01`;

/** The days from `from` up to, not including, `to`. */
export function daysFrom(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The days a view shows around `anchor` (the focused day), `to` exclusive: the month's whole
 * weeks, the week, or the list's next days.
 */
export function visibleRange(view: CalendarView, anchor: Day): { from: Day; to: Day } {
  if (view === 'list') return { from: anchor, to: addDays(anchor, listDays) };
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const first = startOfMonth(anchor);
  return { from: startOfWeek(first), to: addDays(startOfWeek(addDays(addMonths(first, 1), -1)), 7) };
}

/** The anchor one period (month, week, list length) earlier or later. */
export function step(view: CalendarView, anchor: Day, direction: 1 | -1): Day {
  if (view === 'month') return addMonths(anchor, direction);
  return addDays(anchor, direction * (view === 'week' ? 7 : listDays));
}

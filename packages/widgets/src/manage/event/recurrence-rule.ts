/**
 * The repeats a club's calendar actually has, as the event form asks for them, and the RFC 5545
 * `RRULE` each one is: written by the form, and read back from a stored rule. A rule the form
 * cannot ask for reads as `undefined`; the form then shows it and keeps it as it is.
 */

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdayCodes)[number];

/** Which week of the month: the 1st to the 5th, or the last (-1). */
export type WeekOfMonth = 1 | 2 | 3 | 4 | 5 | -1;

export type Frequency = 'none' | 'weekly' | 'monthly-weekday' | 'monthly-day' | 'yearly';
export type RepeatEnd = 'never' | 'until' | 'count';

export interface Repeat {
  frequency: Frequency;
  /** Every `interval` weeks, months or years. */
  interval: number;
  /** `weekly`: the days of the week. */
  weekdays: Weekday[];
  /** `monthly-weekday`: e.g. the 2nd (`2`) Tuesday (`TU`). */
  weekOfMonth: WeekOfMonth;
  weekday: Weekday;
  /** `monthly-day`: the day of the month, 1–31. */
  monthDay: number;
  ends: RepeatEnd;
  /** `until`: the last day (`YYYY-MM-DD`), inclusive. */
  until: string;
  /** `count`: how many times, the first included. */
  count: number;
}

/** The weekday of a calendar day `YYYY-MM-DD`. */
export function weekdayOf(day: string): Weekday {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return weekdayCodes[(new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7]!;
}

/** Which of its weekday in the month a day is: the 3rd Friday, or the last one when no 5th follows. */
function weekOfMonthOf(day: string): WeekOfMonth {
  const date = Number(day.slice(8, 10));
  const [year, month] = day.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date + 7 > daysInMonth) return -1;
  return Math.ceil(date / 7) as WeekOfMonth;
}

/** What the form offers first for an event starting on `day`: no repeat, and the day's own weekday and date. */
export function defaultRepeat(day: string): Repeat {
  return {
    frequency: 'none',
    interval: 1,
    weekdays: [weekdayOf(day)],
    weekOfMonth: weekOfMonthOf(day),
    weekday: weekdayOf(day),
    monthDay: Number(day.slice(8, 10)) || 1,
    ends: 'never',
    until: '',
    count: 10,
  };
}

/** The `RRULE` value (without `RRULE:`) of a repeat; `null` for none. */
export function ruleOf(repeat: Repeat): string | null {
  const parts: string[] = [];
  switch (repeat.frequency) {
    case 'none':
      return null;
    case 'weekly': {
      // In the week's order, whatever order they were ticked in.
      const days = weekdayCodes.filter((code) => repeat.weekdays.includes(code));
      parts.push('FREQ=WEEKLY', ...interval(repeat), `BYDAY=${days.join(',')}`);
      break;
    }
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY', ...interval(repeat), `BYDAY=${repeat.weekOfMonth}${repeat.weekday}`);
      break;
    case 'monthly-day':
      parts.push('FREQ=MONTHLY', ...interval(repeat), `BYMONTHDAY=${repeat.monthDay}`);
      break;
    case 'yearly':
      parts.push('FREQ=YEARLY', ...interval(repeat));
      break;
  }
  // A date UNTIL: the Hub reads it as the whole last day, for timed and all-day events alike.
  if (repeat.ends === 'until') parts.push(`UNTIL=${repeat.until.replaceAll('-', '')}`);
  if (repeat.ends === 'count') parts.push(`COUNT=${repeat.count}`);
  return parts.join(';');
}

const interval = ({ interval }: Repeat): string[] => (interval > 1 ? [`INTERVAL=${interval}`] : []);

/**
 * The repeat a stored rule is, for an event starting on `day` (`YYYY-MM-DD`); `undefined` for a
 * rule the form cannot ask for (e.g. daily, several days of the month, another start of the week).
 */
export function repeatOf(rule: string | null, day: string): Repeat | undefined {
  const repeat = defaultRepeat(day);
  if (!rule) return repeat;
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0 || parts.has(key)) return undefined;
    parts.set(key, value);
  }
  const take = (key: string) => {
    const value = parts.get(key);
    parts.delete(key);
    return value;
  };
  const freq = take('FREQ');
  // Monday starts the week unless the rule says otherwise; another start changes which weeks count.
  if ((take('WKST') ?? 'MO') !== 'MO') return undefined;
  const every = take('INTERVAL');
  if (every !== undefined) {
    if (!/^[1-9]\d{0,2}$/.test(every)) return undefined;
    repeat.interval = Number(every);
  }
  const until = take('UNTIL');
  const count = take('COUNT');
  if (until !== undefined && count !== undefined) return undefined;
  if (until !== undefined) {
    const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until);
    if (!match) return undefined;
    repeat.ends = 'until';
    repeat.until = `${match[1]}-${match[2]}-${match[3]}`;
  }
  if (count !== undefined) {
    if (!/^[1-9]\d{0,3}$/.test(count)) return undefined;
    repeat.ends = 'count';
    repeat.count = Number(count);
  }
  const byDay = take('BYDAY');
  const byMonthDay = take('BYMONTHDAY');
  const byMonth = take('BYMONTH');
  if (parts.size > 0) return undefined;

  switch (freq) {
    case 'WEEKLY': {
      if (byMonthDay !== undefined || byMonth !== undefined) return undefined;
      const days = byDay === undefined ? [weekdayOf(day)] : byDay.split(',');
      if (!days.every((code): code is Weekday => (weekdayCodes as readonly string[]).includes(code))) return undefined;
      return { ...repeat, frequency: 'weekly', weekdays: [...new Set(days)] };
    }
    case 'MONTHLY': {
      if (byMonth !== undefined) return undefined;
      if (byDay !== undefined) {
        const match = /^(-1|[1-5])([A-Z]{2})$/.exec(byDay);
        if (!match || byMonthDay !== undefined || !(weekdayCodes as readonly string[]).includes(match[2]!)) return undefined;
        return { ...repeat, frequency: 'monthly-weekday', weekOfMonth: Number(match[1]) as WeekOfMonth, weekday: match[2] as Weekday };
      }
      const monthDay = byMonthDay ?? String(repeat.monthDay);
      if (!/^([1-9]|[12]\d|3[01])$/.test(monthDay)) return undefined;
      return { ...repeat, frequency: 'monthly-day', monthDay: Number(monthDay) };
    }
    case 'YEARLY': {
      // Only the start's own date each year: another month or day would be a rule the form does not show.
      const sameMonth = byMonth === undefined || Number(byMonth) === Number(day.slice(5, 7));
      const sameDay = byMonthDay === undefined || Number(byMonthDay) === Number(day.slice(8, 10));
      if (byDay !== undefined || !sameMonth || !sameDay) return undefined;
      return { ...repeat, frequency: 'yearly' };
    }
    default:
      return undefined;
  }
}

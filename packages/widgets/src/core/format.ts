import { defaultTimeZone } from './time-zone.js';

/** Dates, times and numbers in one language and time zone, the way its readers write them. */
export interface Formats {
  /**
   * `23.11.2026` / `Nov 23, 2026`; pass options for other forms, e.g. `{ dateStyle: 'full' }`.
   * With a time of day, for running text: `30. November 2026 um 18:00 Uhr` / `November 30, 2026 at 18:00`.
   */
  date(value: Date, options?: Intl.DateTimeFormatOptions): string;
  /** `14:30`, in English too: compact, for lists and grids (no "Uhr"). */
  time(value: Date): string;
  /** `23.11.2026, 14:30`: compact, for templates that say "Uhr" themselves. */
  dateTime(value: Date): string;
  /** `23.–25.11.2026`, `23.11.2026, 14:00–16:30`: the shared parts written once. */
  dateRange(start: Date, end: Date, options?: Intl.DateTimeFormatOptions): string;
  /** `1.234,5` / `1,234.5`. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** `vor 5 Minuten`, `morgen`, `in 30 Sekunden`, relative to `now`. */
  relative(value: Date, now?: Date): string;
  /**
   * A calendar day (`2026-12-24`) such as an all-day event's, e.g. `24.12.2026`: a date, not a
   * moment, so no time zone moves it to another day.
   */
  calendarDate(day: string, options?: Intl.DateTimeFormatOptions): string;
  /** Calendar days from `first` to `last` (inclusive), the shared parts once: `24.–26. Dezember 2026`. */
  calendarDateRange(first: string, last: string, options?: Intl.DateTimeFormatOptions): string;
  /** The calendar day `value` falls on in the time zone, as `2026-11-23`. */
  day(value: Date): string;
  /** The moment a calendar day (`2026-11-23`) begins in the time zone. */
  startOfDay(day: string): Date;
}

const shortDateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * Times are of a place in Germany, where clocks, timetables and posters run from 0 to 23: on
 * English pages too (`en` would otherwise write "2:30 PM").
 */
const hourCycle = 'h23';

/**
 * German running text says "Uhr" after a time of day ("um 18:00 Uhr"). Intl writes it after a
 * range of times ("09:00–14:00 Uhr") but not after a single time. A no-break space keeps
 * "Uhr" on the line of its time.
 */
function sayUhr(locale: string, text: string, options: Intl.DateTimeFormatOptions): string {
  const timeOfDay = options.timeStyle !== undefined || options.hour !== undefined;
  return timeOfDay && /^de\b/.test(locale) && /\d$/.test(text) ? `${text}\u00a0Uhr` : text;
}

/** Every field of a moment as a plain number (Latin digits, hours 0–23), whatever the language. */
const wallClockFields: Intl.DateTimeFormatOptions = {
  numberingSystem: 'latn',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** Largest unit first; a difference is told in the first unit it reaches. */
const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// Building an Intl formatter costs far more than using one; lists format hundreds of values.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: unknown[], create: () => T): T {
  const id = JSON.stringify(key);
  let formatter = cache.get(id);
  if (!formatter) cache.set(id, (formatter = create()));
  return formatter as T;
}

export function formats(locale: string, timeZone: string = defaultTimeZone): Formats {
  const dateTimeFormat = (options: Intl.DateTimeFormatOptions) =>
    cached(['dt', locale, timeZone, options], () => new Intl.DateTimeFormat(locale, { hourCycle, ...options, timeZone }));
  // `2026-12-24` parses as midnight UTC: read in UTC, it is that day wherever the reader is.
  const calendarFormat = (options: Intl.DateTimeFormatOptions) =>
    cached(['cd', locale, options], () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
  let fieldsFormat: Intl.DateTimeFormat | undefined;
  /** The wall-clock time in the zone at `time`, as milliseconds of a UTC date with the same fields. */
  const wallClock = (time: number) => {
    const fields: Record<string, number> = {};
    for (const { type, value } of (fieldsFormat ??= dateTimeFormat(wallClockFields)).formatToParts(time)) fields[type] = Number(value);
    return Date.UTC(fields['year']!, fields['month']! - 1, fields['day'], fields['hour'], fields['minute'], fields['second']);
  };
  return {
    date: (value, options = { dateStyle: 'medium' }) => sayUhr(locale, dateTimeFormat(options).format(value), options),
    time: (value) => dateTimeFormat({ timeStyle: 'short' }).format(value),
    dateTime: (value) => dateTimeFormat(shortDateTime).format(value),
    dateRange: (start, end, options = shortDateTime) => dateTimeFormat(options).formatRange(start, end),
    number: (value, options = {}) => cached(['n', locale, options], () => new Intl.NumberFormat(locale, options)).format(value),
    relative(value, now = new Date()) {
      const seconds = (value.getTime() - now.getTime()) / 1000;
      const [unit, size] = relativeUnits.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
      const format = cached(['rt', locale], () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
      return format.format(Math.round(seconds / size), unit);
    },
    calendarDate: (day, options = { dateStyle: 'medium' }) => calendarFormat(options).format(new Date(day)),
    calendarDateRange: (first, last, options = { dateStyle: 'medium' }) =>
      calendarFormat(options).formatRange(new Date(first), new Date(last)),
    day: (value) => new Date(wallClock(value.getTime())).toISOString().slice(0, 10),
    startOfDay(day) {
      const midnight = Date.parse(day);
      // The zone's offset at a first guess, then at the corrected moment: they differ when the
      // day begins on the other side of a daylight-saving change than the guess.
      const guess = midnight - (wallClock(midnight) - midnight);
      return new Date(midnight - (wallClock(guess) - guess));
    },
  };
}

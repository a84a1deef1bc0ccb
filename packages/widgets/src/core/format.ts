/** The region's time zone: dates and times are shown in it unless a page sets `time-zone`. */
export const defaultTimeZone = 'Europe/Berlin';

/** Whether `Intl` knows the IANA time zone, e.g. `Europe/Berlin`; `Mars/Base` is not one. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Dates, times and numbers in one language and time zone, the way its readers write them. */
export interface Formats {
  /** `23.11.2026` / `Nov 23, 2026`; pass options for other forms, e.g. `{ dateStyle: 'full' }`. */
  date(value: Date, options?: Intl.DateTimeFormatOptions): string;
  /** `14:30` / `2:30 PM`. */
  time(value: Date): string;
  /** `23.11.2026, 14:30`. */
  dateTime(value: Date): string;
  /** `23.–25.11.2026`, `23.11.2026, 14:00–16:30`: the shared parts written once. */
  dateRange(start: Date, end: Date, options?: Intl.DateTimeFormatOptions): string;
  /** `1.234,5` / `1,234.5`. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** `vor 5 Minuten`, `morgen`, `in 30 Sekunden`, relative to `now`. */
  relative(value: Date, now?: Date): string;
}

const shortDateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

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
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: unknown[],
  create: () => T,
): T {
  const id = JSON.stringify(key);
  let formatter = cache.get(id);
  if (!formatter) cache.set(id, (formatter = create()));
  return formatter as T;
}

export function formats(locale: string, timeZone: string = defaultTimeZone): Formats {
  const dateTimeFormat = (options: Intl.DateTimeFormatOptions) =>
    cached(['dt', locale, timeZone, options], () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
  return {
    date: (value, options = { dateStyle: 'medium' }) => dateTimeFormat(options).format(value),
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
  };
}

// Apart from the formats: <sr-hub> checks time zones but formats nothing, so a page with only
// the provider and its CDN chunk shared by all widgets carries no formatting code.

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

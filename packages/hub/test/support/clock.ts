import { now, pinClock } from '../../src/clock.js';

/**
 * The instant every Hub test runs at, never the real date: a Wednesday in a month that starts on
 * a Tuesday. `SR_TEST_NOW` runs the suites at another instant on purpose (the browser tests of
 * the calendar do, at month starts, DST changes, 29 February and the year's end).
 */
export const testNow: string = process.env['SR_TEST_NOW'] || '2026-12-02T10:15:00+01:00';

/** Pins the Hub's clock to `testNow` (it runs on from there). */
export function pinTestClock(): void {
  pinClock(testNow);
}

/** The Hub's now plus `ms` milliseconds (minus, when negative), as an ISO instant. */
export function fromNow(ms: number): string {
  return new Date(now().getTime() + ms).toISOString();
}

/** The Hub's now plus `days`, as its UTC date `YYYY-MM-DD`. */
export function dayFromNow(days = 0): string {
  return fromNow(days * 86_400_000).slice(0, 10);
}

export { now };

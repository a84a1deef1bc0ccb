/**
 * The Hub's "now" for everything that depends on the date: poll windows, need status, opening
 * hours, "today" of the calendar, the demo data's dates. One place, so that tests (and demos) can
 * pin it to a chosen instant; it then moves on from there at the real pace.
 *
 * Operational times that only the machine compares with itself (proof-of-work expiry, row
 * timestamps set by the database) stay on the real clock. The mail outbox's due times follow this
 * one: a reminder is due a number of hours before its shift, on the clock that says when it starts.
 */
let offsetMs = 0;

/** The current instant of the Hub. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** From now on, the Hub's clock reads `instant` and runs on from it. */
export function pinClock(instant: Date | string): void {
  const pinned = new Date(instant).getTime();
  if (Number.isNaN(pinned)) throw new Error(`Cannot pin the clock to ${String(instant)}: not an instant.`);
  offsetMs = pinned - Date.now();
}

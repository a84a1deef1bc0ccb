import { DEFAULT_TIME_ZONE, occurrencesBetween, parseRule } from '../../events/recurrence.js';
import { regionMoment } from '../../help/opening-hours.js';
import { fieldError, type FieldError } from '../../http/problems.js';

/** A series stops after this many shifts, … */
export const MAX_SERIES_SHIFTS = 100;
/** … one year after its first start, or at the need's end, whichever comes first. */
const YEAR_MS = 365 * 86_400_000;

/** `2027-06-12T16:00:00`: an instant as the region's clocks show it, as the recurrence code reads times. */
function wallClock(instant: Date): string {
  const moment = regionMoment(instant);
  return `${moment.today.date}T${moment.time}`;
}

export interface ShiftTime {
  startsAt: Date;
  endsAt: Date;
}

/** Why the rule cannot make a series (422 at `/rule`), or nothing. */
export function checkRule(rule: string): FieldError[] {
  try {
    const parsed = parseRule(rule);
    if (parsed.count && parsed.until) return [fieldError('/rule', 'count-and-until', 'may have COUNT or UNTIL, not both')];
    return [];
  } catch (error) {
    return [fieldError('/rule', 'invalid-rule', `is not an RFC 5545 RRULE: ${(error as Error).message}`)];
  }
}

/**
 * The shifts of a series: the rule's occurrences from the first shift, each as long as it, in
 * Europe/Berlin wall-clock time (a weekly 16:00 stays 16:00 across the change to summer time).
 * Stops at the need's end (no shift ends after it), one year after the first start, or after
 * MAX_SERIES_SHIFTS. Throws what ical.js throws for a rule it cannot expand.
 */
export function expandSeries(first: ShiftTime, rule: string, needEndsAt: Date | null): ShiftTime[] {
  const schedule = {
    timeZone: DEFAULT_TIME_ZONE,
    allDay: false,
    start: wallClock(first.startsAt),
    end: wallClock(first.endsAt),
    rule,
    rdates: [],
    exdates: [],
    overrides: [],
  };
  const fromMs = first.startsAt.getTime();
  const toMs = Math.min(fromMs + YEAR_MS, needEndsAt?.getTime() ?? Infinity);
  return occurrencesBetween(schedule, fromMs, toMs)
    .filter((occurrence) => occurrence.startMs >= fromMs && (needEndsAt === null || occurrence.endMs <= needEndsAt.getTime()))
    .slice(0, MAX_SERIES_SHIFTS)
    .map((occurrence) => ({ startsAt: new Date(occurrence.startMs), endsAt: new Date(occurrence.endMs) }));
}

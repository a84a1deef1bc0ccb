import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { defaultRepeat, ruleOf } from '../event/recurrence-rule.js';
import { fromWallClock, toWallClock } from '../poll/wall-clock.js';
import type { FieldErrors } from '../shared/form.js';
import { regionTimeZone } from '../volunteer-need/need-draft.js';

type VolunteerShift = Schema<'VolunteerShift'>;
type ShiftInput = Schema<'VolunteerShiftInput'>;
type ShiftPatch = Schema<'VolunteerShiftPatch'>;

/** A shift as its form holds it while it is typed: a day and two clock times, as a club plans them. */
export interface ShiftDraft {
  /** `YYYY-MM-DD` on the region's clocks. */
  day: string;
  /** `HH:MM`; an end not after the start is on the next day (a shift past midnight). */
  from: string;
  to: string;
  capacity: string;
  label: string;
  /** A new shift only: the same shift every week on its weekday, up to `until` (`YYYY-MM-DD`). */
  weekly: boolean;
  until: string;
}

export type ShiftField = keyof ShiftDraft;

/** The fields in the order of the form: the error summary's order. */
export const shiftFields: readonly ShiftField[] = ['day', 'from', 'to', 'capacity', 'label', 'weekly', 'until'];

export const newShiftDraft = (): ShiftDraft => ({ day: '', from: '', to: '', capacity: '2', label: '', weekly: false, until: '' });

export function shiftDraftFrom(shift: VolunteerShift): ShiftDraft {
  const start = toWallClock(shift.startsAt, regionTimeZone);
  return {
    day: start.slice(0, 10),
    from: start.slice(11, 16),
    to: toWallClock(shift.endsAt, regionTimeZone).slice(11, 16),
    capacity: String(shift.capacity),
    label: shift.label ?? '',
    weekly: false,
    until: '',
  };
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The shift's start and end as instants, or `undefined` while the day or a time is missing. */
function timesOf({ day, from, to }: ShiftDraft): { startsAt: string; endsAt: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(from) || !/^\d{2}:\d{2}$/.test(to)) return undefined;
  const startsAt = fromWallClock(`${day}T${from}`, regionTimeZone);
  const endsAt = fromWallClock(`${to > from ? day : nextDay(day)}T${to}`, regionTimeZone);
  return startsAt && endsAt ? { startsAt, endsAt } : undefined;
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** A new shift, or with `weekly` the series of it every week on its weekday up to `until` (the events' rule). */
export function shiftInputFrom(draft: ShiftDraft): ShiftInput {
  const times = timesOf(draft)!;
  const rule = draft.weekly ? ruleOf({ ...defaultRepeat(draft.day), frequency: 'weekly', ends: 'until', until: draft.until }) : null;
  return { ...times, capacity: Number(draft.capacity), label: orNull(draft.label), ...(rule ? { rule } : {}) };
}

/**
 * What changed of a saved shift, and only that: a new time mails everyone on the shift, so a
 * change of places or label must not send the time again.
 */
export function shiftPatchFrom(draft: ShiftDraft, shift: VolunteerShift): ShiftPatch {
  const times = timesOf(draft)!;
  const moved = Date.parse(times.startsAt) !== Date.parse(shift.startsAt) || Date.parse(times.endsAt) !== Date.parse(shift.endsAt);
  const label = orNull(draft.label);
  return {
    ...(moved ? times : {}),
    ...(Number(draft.capacity) !== shift.capacity ? { capacity: Number(draft.capacity) } : {}),
    ...(label !== shift.label ? { label } : {}),
  };
}

/** The contract's rules said before sending; the Hub says the same at the same fields. */
export function shiftProblems(draft: ShiftDraft): FieldErrors<ShiftField> {
  const capacity = Number(draft.capacity);
  return {
    day: draft.day ? undefined : msg('Bitte geben Sie den Tag der Schicht an.'),
    from: draft.from ? undefined : msg('Bitte geben Sie an, wann die Schicht beginnt.'),
    to: !draft.to
      ? msg('Bitte geben Sie an, wann die Schicht endet.')
      : draft.to === draft.from
        ? msg('Das Ende muss nach dem Beginn liegen.')
        : undefined,
    capacity:
      !/^\d+$/.test(draft.capacity.trim()) || capacity < 1 || capacity > 1000
        ? msg('Bitte eine ganze Zahl von 1 bis 1000: so viele Personen braucht die Schicht.')
        : undefined,
    until: !draft.weekly
      ? undefined
      : !draft.until
        ? msg('Bitte geben Sie an, bis wann die Schicht jede Woche stattfindet.')
        : draft.day && draft.until < draft.day
          ? msg('Der letzte Tag darf nicht vor dem ersten liegen.')
          : undefined,
  };
}

/** The field a Hub pointer names: the start is the day and its time, the end its time, a series its last day. */
export function shiftFieldOf(pointer: string): string | undefined {
  const field = pointer.split('/')[1];
  if (field === 'startsAt') return 'day';
  if (field === 'endsAt') return 'to';
  if (field === 'rule') return 'until';
  return field;
}

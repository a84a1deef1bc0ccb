import type { Selectable } from 'kysely';
import type { VolunteerShiftTable } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { fieldError, type FieldError } from '../../http/problems.js';
import { skillErrors } from '../model.js';
import type { ShiftData } from './queries.js';
import * as clock from '../../clock.js';

export type Shift = Schemas['VolunteerShift'];
export type ShiftStatus = Schemas['VolunteerShiftStatus'];

/** A shift as stored, with the places its sign-ups hold (counted, never stored: see places.ts). */
export type ShiftRow = Selectable<VolunteerShiftTable> & { places_taken: number };

/** Derived at `now`: cancelled by the organization, past once started, full while no place is free. */
export function shiftStatus(
  row: Pick<ShiftRow, 'cancelled_at' | 'starts_at' | 'capacity' | 'places_taken'>,
  now = clock.now(),
): ShiftStatus {
  if (row.cancelled_at !== null) return 'cancelled';
  if (row.starts_at <= now) return 'past';
  return row.places_taken >= row.capacity ? 'full' : 'open';
}

export function toShift(row: ShiftRow, now = clock.now()): Shift {
  return {
    id: row.id,
    volunteerNeedId: row.need_id,
    seriesId: row.series_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    placesTaken: row.places_taken,
    placesFree: Math.max(0, row.capacity - row.places_taken),
    label: row.label,
    skills: row.skills,
    status: shiftStatus(row, now),
  };
}

/** A shift lasts at most this long: a longer one is a typo (or several shifts). */
const MAX_SHIFT_MS = 24 * 3_600_000;

/** The rules across fields the contract's schema cannot say: end after start, at most 24 hours, skills unique. */
export function checkShift(data: ShiftData): FieldError[] {
  const errors: FieldError[] = [];
  const length = data.endsAt.getTime() - data.startsAt.getTime();
  if (length <= 0) errors.push(fieldError('/endsAt', 'end-before-start', 'must be after startsAt'));
  else if (length > MAX_SHIFT_MS) errors.push(fieldError('/endsAt', 'too-long', 'must be at most 24 hours after startsAt', 24));
  errors.push(...skillErrors(data.skills));
  return errors;
}

/** A shift's writable fields from the API's (the label trimmed, empty = none). */
export function shiftData(fields: Schemas['VolunteerShiftFields'], base?: ShiftRow): ShiftData {
  const label = fields.label === undefined ? (base?.label ?? null) : fields.label?.trim() || null;
  return {
    startsAt: fields.startsAt === undefined ? base!.starts_at : new Date(fields.startsAt),
    endsAt: fields.endsAt === undefined ? base!.ends_at : new Date(fields.endsAt),
    capacity: fields.capacity ?? base!.capacity,
    label,
    skills: (fields.skills ?? base?.skills ?? []).map((skill) => skill.trim()),
  };
}

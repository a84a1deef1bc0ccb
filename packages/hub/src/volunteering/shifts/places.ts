import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { berlinDateTime } from '../../http/text.js';
import { fieldError, invalidBody, ProblemError } from '../../http/problems.js';
import { heldPlacesSql, nextOpenShifts } from './queries.js';
import * as clock from '../../clock.js';

/*
 * The capacity rule, enforced in the database: whoever takes places (a sign-up, a move, taking a
 * decline back) locks the shifts `FOR UPDATE` in id order (one order for all: no deadlock), counts
 * the held places under that lock and writes only when every shift has room — all or nothing, in
 * the caller's transaction. Freeing a place needs no lock: nothing counts but the sign-ups.
 */

/** How many alternatives a `shift-full` problem offers. */
const ALTERNATIVES = 3;

interface LockedShift {
  id: string;
  need_id: string;
  starts_at: Date;
  capacity: number;
  cancelled_at: Date | null;
  places_taken: number;
}

/** Locks the shifts (id order) and counts their held places under the lock. */
async function lockShifts(trx: Kysely<Database>, ids: readonly string[]): Promise<LockedShift[]> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return [];
  const locked = await trx
    .selectFrom('volunteer_shifts')
    .select(['id', 'need_id', 'starts_at', 'capacity', 'cancelled_at'])
    .where('id', '=', sql<string>`ANY(${sorted}::uuid[])`)
    .orderBy('id')
    .forUpdate()
    .execute();
  // Counted after the lock, in a statement of its own, so it sees every sign-up committed before.
  const held = await trx
    .selectFrom('volunteer_shifts')
    .select(['id', heldPlacesSql(sql.ref('volunteer_shifts.id')).as('places_taken')])
    .where('id', '=', sql<string>`ANY(${sorted}::uuid[])`)
    .execute();
  const taken = new Map(held.map((row) => [row.id, row.places_taken]));
  return locked.map((row) => ({ ...row, places_taken: taken.get(row.id) ?? 0 }));
}

/** 409 `shift-not-open`: the shift started or was cancelled. */
export function shiftNotOpen(shift: Pick<LockedShift, 'id' | 'starts_at' | 'cancelled_at'>): ProblemError {
  const why =
    shift.cancelled_at !== null
      ? 'was cancelled by the organization'
      : `has started (${berlinDateTime.format(shift.starts_at)}, Europe/Berlin)`;
  return new ProblemError('shift-not-open', `The shift ${shift.id} ${why}; it takes no sign-ups.`, { extensions: { shiftId: shift.id } });
}

/** 409 `shift-full` naming the full shift and the need's next shifts with room. */
export async function shiftFull(db: Kysely<Database>, needId: string, shiftId: string, now = clock.now()): Promise<ProblemError> {
  const alternatives = await nextOpenShifts(db, needId, now, [shiftId], ALTERNATIVES);
  return new ProblemError('shift-full', `The shift ${shiftId} has just become full.`, { extensions: { shiftId, alternatives } });
}

/**
 * Checks, under the lock, that each shift is the need's, open at `now` and has `wanted` more
 * places free; throws the first problem (an unknown shift: 422 at `pointer`).
 */
async function assertRoom(
  trx: Kysely<Database>,
  needId: string,
  shiftIds: readonly string[],
  now: Date,
  pointer: (index: number) => string,
): Promise<void> {
  const locked = new Map((await lockShifts(trx, shiftIds)).map((shift) => [shift.id, shift]));
  const unknown = shiftIds.flatMap((id, index) =>
    locked.get(id)?.need_id === needId ? [] : [fieldError(pointer(index), 'unknown-shift', `"${id}" is no shift of this need`)],
  );
  if (unknown.length > 0) throw invalidBody(unknown);
  const chosen = shiftIds.map((id) => locked.get(id)!).sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  const closed = chosen.find((shift) => shift.cancelled_at !== null || shift.starts_at <= now);
  if (closed) throw shiftNotOpen(closed);
  const full = chosen.find((shift) => shift.places_taken >= shift.capacity);
  if (full) throw await shiftFull(trx, needId, full.id, now);
}

/**
 * Takes one place on each chosen shift of the need for a new response, all or nothing; returns
 * the sign-ups made. Run it in the transaction that stores the response.
 */
export async function takePlaces(
  trx: Kysely<Database>,
  signup: { needId: string; responseId: string; shiftIds: readonly string[] },
  now = clock.now(),
): Promise<{ signupId: string; shiftId: string; startsAt: Date }[]> {
  await assertRoom(trx, signup.needId, signup.shiftIds, now, (index) => `/shiftIds/${index}`);
  const rows = await trx
    .insertInto('volunteer_signups')
    .values(signup.shiftIds.map((shiftId) => ({ response_id: signup.responseId, shift_id: shiftId })))
    .returning(['id', 'shift_id'])
    .execute();
  const starts = await trx
    .selectFrom('volunteer_shifts')
    .select(['id', 'starts_at'])
    .where('id', 'in', [...signup.shiftIds])
    .execute();
  const startOf = new Map(starts.map((row) => [row.id, row.starts_at]));
  return rows.map((row) => ({ signupId: row.id, shiftId: row.shift_id, startsAt: startOf.get(row.shift_id)! }));
}

/**
 * Moves one active sign-up to another shift of the same need, which must be open and have a free
 * place; the old place is free at once. A withdrawn sign-up of the person on the target shift
 * makes way. Returns the shift it left. In the caller's transaction.
 */
export async function moveSignup(
  trx: Kysely<Database>,
  signupId: string,
  toShiftId: string,
  now = clock.now(),
): Promise<{ fromShiftId: string }> {
  const signup = await trx
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_shifts', 'volunteer_shifts.id', 'volunteer_signups.shift_id')
    .select(['volunteer_signups.response_id', 'volunteer_signups.shift_id', 'volunteer_signups.status', 'volunteer_shifts.need_id'])
    .where('volunteer_signups.id', '=', signupId)
    .forUpdate('volunteer_signups')
    .executeTakeFirst();
  if (!signup) throw new ProblemError('not-found', `There is no sign-up "${signupId}".`);
  if (signup.status !== 'active') throw new ProblemError('conflict', 'The sign-up was withdrawn; sign up again instead.');
  if (signup.shift_id === toShiftId) return { fromShiftId: signup.shift_id };
  const existing = await trx
    .selectFrom('volunteer_signups')
    .select('status')
    .where('response_id', '=', signup.response_id)
    .where('shift_id', '=', toShiftId)
    .executeTakeFirst();
  if (existing?.status === 'active') throw new ProblemError('conflict', 'The volunteer is on that shift already.');
  await assertRoom(trx, signup.need_id, [toShiftId], now, () => '/shiftId');
  if (existing) {
    await trx.deleteFrom('volunteer_signups').where('response_id', '=', signup.response_id).where('shift_id', '=', toShiftId).execute();
  }
  await trx
    .updateTable('volunteer_signups')
    .set({ shift_id: toShiftId, attended: null, attended_at: null })
    .where('id', '=', signupId)
    .execute();
  return { fromShiftId: signup.shift_id };
}

/**
 * Before a declined response counts again: its active sign-ups on shifts still ahead need their
 * places back (409 `shift-full` when one is gone). Started and cancelled shifts offer no places.
 */
export async function reclaimPlaces(trx: Kysely<Database>, responseId: string, now = clock.now()): Promise<void> {
  const signups = await trx
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_shifts', 'volunteer_shifts.id', 'volunteer_signups.shift_id')
    .select(['volunteer_shifts.id', 'volunteer_shifts.need_id'])
    .where('volunteer_signups.response_id', '=', responseId)
    .where('volunteer_signups.status', '=', 'active')
    .where('volunteer_shifts.cancelled_at', 'is', null)
    .where('volunteer_shifts.starts_at', '>', now)
    .execute();
  if (signups.length === 0) return;
  const locked = await lockShifts(
    trx,
    signups.map((signup) => signup.id),
  );
  const full = locked.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime()).find((shift) => shift.places_taken >= shift.capacity);
  if (full) throw await shiftFull(trx, full.need_id, full.id, now);
}

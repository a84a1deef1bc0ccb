import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nextVersion } from '../../http/preconditions.js';
import type { ShiftRow } from './model.js';

/** How many shifts a need shows inline (`VolunteerNeed.shifts`); the shifts list has them all. */
export const SHIFTS_PER_NEED = 50;

/**
 * The one count of held places, for the shift whose id `shiftId` refers to: its active sign-ups
 * whose response is not declined. Nothing else counts places, so a deleted sign-up or response
 * (withdrawal, GDPR delete, retention) frees its place by itself.
 */
export const heldPlacesSql = (shiftId: RawBuilder<unknown>) => sql<number>`(
  SELECT count(*)::int FROM volunteer_signups
  INNER JOIN volunteer_responses ON volunteer_responses.id = volunteer_signups.response_id
  WHERE volunteer_signups.shift_id = ${shiftId}
    AND volunteer_signups.status = 'active'
    AND volunteer_responses.status <> 'declined')`;

/**
 * A need's free places on its upcoming, not cancelled shifts at `at`; null for a need without
 * shifts. In the row of a need (`volunteer_needs`), so status and people still needed agree.
 */
export const needPlacesFreeSql = (at: Date) => sql<number | null>`(
  SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(sum(greatest(0, volunteer_shifts.capacity - ${heldPlacesSql(sql.ref('volunteer_shifts.id'))}))
    FILTER (WHERE volunteer_shifts.cancelled_at IS NULL AND volunteer_shifts.starts_at > ${at}), 0)::int END
  FROM volunteer_shifts WHERE volunteer_shifts.need_id = volunteer_needs.id)`;

/** Shifts with the places they hold. */
export function selectShifts(db: Kysely<Database>) {
  return db
    .selectFrom('volunteer_shifts')
    .selectAll('volunteer_shifts')
    .select(heldPlacesSql(sql.ref('volunteer_shifts.id')).as('places_taken'));
}

/** Every shift of a need, by start. */
export async function listShifts(db: Kysely<Database>, needId: string, limit = 1000): Promise<ShiftRow[]> {
  return selectShifts(db)
    .where('volunteer_shifts.need_id', '=', needId)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .limit(limit)
    .execute();
}

/** The shifts with these ids, by start. */
export async function shiftsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ShiftRow[]> {
  if (ids.length === 0) return [];
  return selectShifts(db)
    .where('volunteer_shifts.id', 'in', ids)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .execute();
}

export async function findShift(db: Kysely<Database>, needId: string, shiftId: string): Promise<ShiftRow | undefined> {
  return selectShifts(db).where('volunteer_shifts.id', '=', shiftId).where('volunteer_shifts.need_id', '=', needId).executeTakeFirst();
}

/**
 * The shifts of several needs that have not ended at `now` (cancelled ones too), by start, at
 * most SHIFTS_PER_NEED each: one query for a whole page of needs.
 */
export async function upcomingShiftsOfNeeds(db: Kysely<Database>, needIds: readonly string[], now: Date): Promise<Map<string, ShiftRow[]>> {
  const found = new Map<string, ShiftRow[]>(needIds.map((id) => [id, []]));
  if (needIds.length === 0) return found;
  const rows = await db
    .selectFrom(
      selectShifts(db)
        .select(
          sql<number>`row_number() OVER (PARTITION BY volunteer_shifts.need_id ORDER BY volunteer_shifts.starts_at, volunteer_shifts.id)`.as(
            'position',
          ),
        )
        .where('volunteer_shifts.need_id', 'in', needIds)
        .where('volunteer_shifts.ends_at', '>', now)
        .as('shifts'),
    )
    .selectAll()
    .where('position', '<=', SHIFTS_PER_NEED)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  for (const row of rows) found.get(row.need_id)?.push(row);
  return found;
}

/** Ids of the need's next shifts with a free place at `now` (not cancelled, not started), soonest first. */
export async function nextOpenShifts(
  db: Kysely<Database>,
  needId: string,
  now: Date,
  except: readonly string[],
  limit: number,
): Promise<string[]> {
  let query = db
    .selectFrom('volunteer_shifts')
    .select('volunteer_shifts.id')
    .where('volunteer_shifts.need_id', '=', needId)
    .where('volunteer_shifts.cancelled_at', 'is', null)
    .where('volunteer_shifts.starts_at', '>', now)
    .where(sql<boolean>`volunteer_shifts.capacity > ${heldPlacesSql(sql.ref('volunteer_shifts.id'))}`);
  if (except.length > 0) query = query.where('volunteer_shifts.id', 'not in', except);
  const rows = await query.orderBy('volunteer_shifts.starts_at').orderBy('volunteer_shifts.id').limit(limit).execute();
  return rows.map((row) => row.id);
}

/** The sign-ups of responses with their shifts, by shift start: one query for a page of responses. */
export async function signupsOfResponses(db: Kysely<Database>, responseIds: readonly string[]): Promise<Map<string, SignupOfResponse[]>> {
  const found = new Map<string, SignupOfResponse[]>(responseIds.map((id) => [id, []]));
  if (responseIds.length === 0) return found;
  const rows = await db
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_shifts', 'volunteer_shifts.id', 'volunteer_signups.shift_id')
    .select([
      'volunteer_signups.id',
      'volunteer_signups.response_id',
      'volunteer_signups.shift_id',
      'volunteer_signups.status',
      'volunteer_signups.attended',
      'volunteer_shifts.starts_at',
      'volunteer_shifts.ends_at',
      'volunteer_shifts.label',
    ])
    .where('volunteer_signups.response_id', 'in', responseIds)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .execute();
  for (const row of rows) found.get(row.response_id)?.push(row);
  return found;
}

export interface SignupOfResponse {
  id: string;
  response_id: string;
  shift_id: string;
  status: 'active' | 'withdrawn';
  attended: boolean | null;
  starts_at: Date;
  ends_at: Date;
  label: string | null;
}

export interface ShiftData {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  label: string | null;
  skills: string[];
}

/**
 * A need shows its upcoming shifts (`VolunteerNeed.shifts`): a shift written or deleted changes
 * the need, so its version moves, and mirrors that follow needs with `modifiedAfter` see it (a
 * deleted shift leaves nothing else they could find). Sign-ups leave it alone (see `countAccepted`).
 */
async function needChanged(db: Kysely<Database>, need: { needId: string } | { shiftId: string }): Promise<void> {
  const id = 'needId' in need ? need.needId : db.selectFrom('volunteer_shifts').select('need_id').where('id', '=', need.shiftId);
  await db.updateTable('volunteer_needs').set({ updated_at: nextVersion() }).where('id', '=', id).execute();
}

/** Stores shifts of a need (a series shares `seriesId`); returns their ids. */
export async function insertShifts(db: Kysely<Database>, needId: string, seriesId: string | null, shifts: ShiftData[]): Promise<string[]> {
  if (shifts.length === 0) return [];
  await needChanged(db, { needId });
  const rows = await db
    .insertInto('volunteer_shifts')
    .values(
      shifts.map((shift) => ({
        need_id: needId,
        series_id: seriesId,
        starts_at: shift.startsAt,
        ends_at: shift.endsAt,
        capacity: shift.capacity,
        label: shift.label,
        skills: shift.skills,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The shift locked until the transaction ends, with its held places counted under the lock. */
export async function lockedShift(trx: Kysely<Database>, needId: string, shiftId: string): Promise<ShiftRow | undefined> {
  const locked = await trx
    .selectFrom('volunteer_shifts')
    .select('id')
    .where('id', '=', shiftId)
    .where('need_id', '=', needId)
    .forUpdate()
    .executeTakeFirst();
  return locked && findShift(trx, needId, shiftId);
}

export async function updateShift(db: Kysely<Database>, shiftId: string, data: ShiftData, cancelledAt: Date | null): Promise<void> {
  await db
    .updateTable('volunteer_shifts')
    .set({
      starts_at: data.startsAt,
      ends_at: data.endsAt,
      capacity: data.capacity,
      label: data.label,
      skills: data.skills,
      cancelled_at: cancelledAt,
      updated_at: nextVersion(),
    })
    .where('id', '=', shiftId)
    .execute();
  await needChanged(db, { shiftId });
}

/** Whether anyone ever signed up for the shift (withdrawn ones too: they are on its roster). */
export async function hasSignups(db: Kysely<Database>, shiftId: string): Promise<boolean> {
  return (await db.selectFrom('volunteer_signups').select('id').where('shift_id', '=', shiftId).limit(1).executeTakeFirst()) !== undefined;
}

export async function deleteShift(db: Kysely<Database>, shiftId: string): Promise<void> {
  await needChanged(db, { shiftId });
  await db.deleteFrom('volunteer_shifts').where('id', '=', shiftId).execute();
}

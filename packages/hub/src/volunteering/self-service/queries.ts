import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { heldPlacesSql } from '../shifts/queries.js';
import { signupsJoined } from '../shifts/roster.js';

/** What a volunteer reads about one of their sign-ups (page, mails, calendar). */
function selectSignups(db: Kysely<Database>) {
  return signupsJoined(db)
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .select([
      'volunteer_signups.id',
      'volunteer_signups.status',
      'volunteer_signups.response_id',
      'volunteer_shifts.id as shift_id',
      'volunteer_shifts.starts_at',
      'volunteer_shifts.ends_at',
      'volunteer_shifts.label',
      'volunteer_shifts.cancelled_at',
      'volunteer_needs.id as need_id',
      'volunteer_needs.title',
      'volunteer_needs.place_name',
      'volunteer_needs.place_address',
      'volunteer_needs.remote',
      'volunteer_needs.approval_required',
      'volunteer_needs.reminder_hours',
      'volunteer_responses.status as response_status',
      'volunteer_responses.name',
      'volunteer_responses.email',
      'volunteer_responses.language',
      'organizations.name as organization_name',
      'organizations.email as organization_email',
    ]);
}

export type SignupRow = Awaited<ReturnType<typeof signupsOfResponse>>[number];

/** Every sign-up of one response, soonest first. */
export function signupsOfResponse(db: Kysely<Database>, responseId: string) {
  return selectSignups(db)
    .where('volunteer_signups.response_id', '=', responseId)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .execute();
}

export function findSignup(db: Kysely<Database>, signupId: string) {
  return selectSignups(db).where('volunteer_signups.id', '=', signupId).executeTakeFirst();
}

/** The active sign-ups on a shift (whose volunteers hear of a change to it). */
export function activeSignupsOfShift(db: Kysely<Database>, shiftId: string) {
  return selectSignups(db).where('volunteer_signups.shift_id', '=', shiftId).where('volunteer_signups.status', '=', 'active').execute();
}

/** A sign-up that is still on: active, not declined, its shift not cancelled. */
export const isOn = (row: SignupRow) => row.status === 'active' && row.response_status !== 'declined' && row.cancelled_at === null;

/** Shifts of the need a volunteer could move to at `at`: upcoming, not cancelled, with a free place. */
export function openShiftsOfNeed(db: Kysely<Database>, needId: string, at: Date) {
  return db
    .selectFrom('volunteer_shifts')
    .where('need_id', '=', needId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', at)
    .where(sql<boolean>`volunteer_shifts.capacity > ${heldPlacesSql(sql.ref('volunteer_shifts.id'))}`)
    .select(['id', 'starts_at', 'ends_at', 'label'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Deletes the pending reminders of these sign-ups. */
export async function deleteReminders(db: Kysely<Database>, signupIds: readonly string[]): Promise<void> {
  if (signupIds.length === 0) return;
  await db.deleteFrom('mail_outbox').where('kind', '=', 'volunteer-reminder').where('volunteer_signup_id', 'in', signupIds).execute();
}

/** Marks an active sign-up withdrawn (its place is free at once); false when it was not active. */
export async function withdrawSignup(db: Kysely<Database>, signupId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('volunteer_signups')
    .set({ status: 'withdrawn', withdrawn_at: at })
    .where('id', '=', signupId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

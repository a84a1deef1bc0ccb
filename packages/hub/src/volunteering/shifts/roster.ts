import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { csvTable } from '../../http/csv.js';
import { selectShifts } from './queries.js';

type Signup = Schemas['VolunteerSignup'];

/** A shift of one of the organization's needs, with its places; undefined for another's. */
export async function findOrganizationShift(db: Kysely<Database>, organizationId: string, shiftId: string) {
  return selectShifts(db)
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_shifts.need_id')
    .where('volunteer_needs.organization_id', '=', organizationId)
    .where('volunteer_shifts.id', '=', shiftId)
    .executeTakeFirst();
}

/**
 * Sign-ups joined to their person (the response), shift and need: the base of every read of
 * sign-ups (roster, the volunteer's own page, certificates), each selecting what it shows.
 */
export function signupsJoined(db: Kysely<Database>) {
  return db
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_responses', 'volunteer_responses.id', 'volunteer_signups.response_id')
    .innerJoin('volunteer_shifts', 'volunteer_shifts.id', 'volunteer_signups.shift_id')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_shifts.need_id');
}

/** Sign-ups with the person they are for (personal data: for the organization only). */
function selectSignups(db: Kysely<Database>) {
  return signupsJoined(db)
    .selectAll('volunteer_signups')
    .select([
      'volunteer_responses.name',
      'volunteer_responses.email',
      'volunteer_responses.phone',
      'volunteer_responses.message',
      'volunteer_responses.status as response_status',
      'volunteer_responses.language',
      'volunteer_shifts.starts_at as shift_starts_at',
      'volunteer_shifts.ends_at as shift_ends_at',
      'volunteer_shifts.label as shift_label',
    ]);
}

export type SignupRow = Awaited<ReturnType<ReturnType<typeof selectSignups>['executeTakeFirstOrThrow']>>;

/** Everyone signed up for the shift, withdrawn ones too, by sign-up time. */
export async function rosterOf(db: Kysely<Database>, shiftId: string): Promise<SignupRow[]> {
  return selectSignups(db)
    .where('volunteer_signups.shift_id', '=', shiftId)
    .orderBy('volunteer_signups.created_at')
    .orderBy('volunteer_signups.id')
    .execute();
}

/** A sign-up on one of the organization's shifts; undefined for another's. */
export async function findOrganizationSignup(
  db: Kysely<Database>,
  organizationId: string,
  signupId: string,
): Promise<SignupRow | undefined> {
  return selectSignups(db)
    .where('volunteer_needs.organization_id', '=', organizationId)
    .where('volunteer_signups.id', '=', signupId)
    .executeTakeFirst();
}

/** "War da" (true), did not come (false) or not marked (null), with when it was marked. */
export async function markAttendance(db: Kysely<Database>, signupId: string, attended: boolean | null, at: Date): Promise<void> {
  await db
    .updateTable('volunteer_signups')
    .set({ attended, attended_at: attended === null ? null : at })
    .where('id', '=', signupId)
    .execute();
}

/** Who is on the shift: active sign-ups whose response still counts (not declined). */
export const isOnShift = (row: SignupRow): boolean => row.status === 'active' && row.response_status !== 'declined';

export function toSignup(row: SignupRow): Signup {
  return {
    id: row.id,
    shiftId: row.shift_id,
    volunteerResponseId: row.response_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    message: row.message,
    responseStatus: row.response_status,
    status: row.status,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    attended: row.attended,
    signedUpAt: row.created_at.toISOString(),
  };
}

export function rosterCsv(rows: SignupRow[]): string {
  return csvTable([
    ['signed_up_at', 'shift_start', 'shift_end', 'shift', 'name', 'email', 'phone', 'status', 'response_status', 'attended'],
    ...rows.map((row) => [
      row.created_at.toISOString(),
      row.shift_starts_at.toISOString(),
      row.shift_ends_at.toISOString(),
      row.shift_label,
      row.name,
      row.email,
      row.phone,
      row.status,
      row.response_status,
      row.attended === null ? null : String(row.attended),
    ]),
  ]);
}

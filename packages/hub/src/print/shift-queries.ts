import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { selectShifts } from '../volunteering/shifts/queries.js';
import type { ShiftRow } from '../volunteering/shifts/model.js';
import { isOnShift, rosterOf, signupsJoined, type SignupRow } from '../volunteering/shifts/roster.js';
import { printTimeZone } from './page.js';

/**
 * What the print views read of shifts and sign-ups, on the shifts' own queries: places are
 * counted by `selectShifts` (the one capacity rule), the people on a shift by `rosterOf` and
 * `isOnShift`. Names and contacts are read only for the sign-in sheet and the certificate, which
 * check the reader first.
 */

/** The need's shifts that have not started and are not cancelled, by start, with their places taken. */
export async function upcomingShifts(db: Kysely<Database>, needId: string, at: Date): Promise<ShiftRow[]> {
  return selectShifts(db)
    .where('volunteer_shifts.need_id', '=', needId)
    .where('volunteer_shifts.cancelled_at', 'is', null)
    .where('volunteer_shifts.starts_at', '>', at)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .execute();
}

/** Who owns what a roster view names: the organization, and its name and municipality for the page. */
const organizationColumns = [
  'organizations.id as organization_id',
  'organizations.name as organization_name',
  'organizations.email as organization_email',
  'organizations.phone as organization_phone',
  'organizations.website as organization_website',
  'municipalities.name as municipality_name',
] as const;

/** A shift with its places, its need and organization. */
export async function findShiftOfNeed(db: Kysely<Database>, shiftId: string) {
  return selectShifts(db)
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_shifts.need_id')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .leftJoin('municipalities', 'municipalities.id', 'volunteer_needs.municipality_id')
    .select([
      'volunteer_needs.title as need_title',
      'volunteer_needs.place_name',
      'volunteer_needs.place_address',
      'volunteer_needs.approval_required',
      ...organizationColumns,
    ])
    .where('volunteer_shifts.id', '=', shiftId)
    .executeTakeFirst();
}

/** The people on the shift (holding a place), by name: what the sign-in sheet lists. */
export async function shiftRoster(db: Kysely<Database>, shiftId: string): Promise<SignupRow[]> {
  const onShift = (await rosterOf(db, shiftId)).filter(isOnShift);
  return onShift.sort((one, other) => one.name.localeCompare(other.name, 'de'));
}

/** A sign-up's person (its response) and the organization it volunteered for. */
export async function findSignupPerson(db: Kysely<Database>, signupId: string) {
  return db
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_responses', 'volunteer_responses.id', 'volunteer_signups.response_id')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_responses.need_id')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .leftJoin('municipalities', 'municipalities.id', 'organizations.municipality_id')
    .select(['volunteer_responses.id as response_id', 'volunteer_responses.name', 'volunteer_responses.email', ...organizationColumns])
    .where('volunteer_signups.id', '=', signupId)
    .executeTakeFirst();
}

export interface PersonOf {
  organizationId: string;
  responseId: string;
  /** With an address, every response to the organization's needs from it (any case) is the same person. */
  email: string | null;
}

/**
 * The shifts the person was marked present at, of the organization's needs, starting on the days
 * `from` to `to` (`YYYY-MM-DD`, Europe/Berlin, both included), by start.
 */
export async function attendedShifts(db: Kysely<Database>, person: PersonOf, from: string, to: string) {
  return signupsJoined(db)
    .select([
      'volunteer_shifts.id',
      'volunteer_shifts.starts_at',
      'volunteer_shifts.ends_at',
      'volunteer_shifts.label',
      'volunteer_needs.title as need_title',
    ])
    .where('volunteer_needs.organization_id', '=', person.organizationId)
    .where('volunteer_signups.attended', '=', true)
    .where((eb) =>
      person.email === null
        ? eb('volunteer_responses.id', '=', person.responseId)
        : eb.or([
            eb('volunteer_responses.id', '=', person.responseId),
            eb(sql`lower(volunteer_responses.email)`, '=', person.email.toLowerCase()),
          ]),
    )
    .where(sql<boolean>`(volunteer_shifts.starts_at AT TIME ZONE ${printTimeZone})::date BETWEEN ${from}::date AND ${to}::date`)
    .orderBy('volunteer_shifts.starts_at')
    .orderBy('volunteer_shifts.id')
    .execute();
}

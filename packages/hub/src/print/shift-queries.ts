import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { printTimeZone } from './page.js';

/**
 * What the print views read of shifts and sign-ups. A place is held by an active sign-up whose
 * response is not declined (the capacity rule of the sign-up); names and contacts are read only
 * for the sign-in sheet and the certificate, which check the reader first.
 */

/** Active sign-ups whose response is not declined: those holding a place. */
function heldSignups(db: Kysely<Database>) {
  return db
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_responses', 'volunteer_responses.id', 'volunteer_signups.response_id')
    .where('volunteer_signups.status', '=', 'active')
    .where('volunteer_responses.status', '!=', 'declined');
}

export interface ShiftPlaces {
  id: string;
  starts_at: Date;
  ends_at: Date;
  label: string | null;
  capacity: number;
  held: number;
}

/** The need's shifts that have not started and are not cancelled, by start, with their held places. */
export async function upcomingShifts(db: Kysely<Database>, needId: string, at: Date): Promise<ShiftPlaces[]> {
  const shifts = await db
    .selectFrom('volunteer_shifts')
    .select(['id', 'starts_at', 'ends_at', 'label', 'capacity'])
    .where('need_id', '=', needId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', at)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  if (shifts.length === 0) return [];
  const counts = await heldSignups(db)
    .select(['volunteer_signups.shift_id', (eb) => eb.fn.countAll<string>().as('held')])
    .where(
      'volunteer_signups.shift_id',
      'in',
      shifts.map((shift) => shift.id),
    )
    .groupBy('volunteer_signups.shift_id')
    .execute();
  const held = new Map(counts.map((row) => [row.shift_id, Number(row.held)]));
  return shifts.map((shift) => ({ ...shift, held: held.get(shift.id) ?? 0 }));
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

/** A shift with its need and organization. */
export async function findShiftOfNeed(db: Kysely<Database>, shiftId: string) {
  return db
    .selectFrom('volunteer_shifts')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_shifts.need_id')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .leftJoin('municipalities', 'municipalities.id', 'volunteer_needs.municipality_id')
    .select([
      'volunteer_shifts.id',
      'volunteer_shifts.starts_at',
      'volunteer_shifts.ends_at',
      'volunteer_shifts.label',
      'volunteer_shifts.capacity',
      'volunteer_shifts.cancelled_at',
      'volunteer_needs.title as need_title',
      'volunteer_needs.place_name',
      'volunteer_needs.place_address',
      'volunteer_needs.approval_required',
      ...organizationColumns,
    ])
    .where('volunteer_shifts.id', '=', shiftId)
    .executeTakeFirst();
}

/** The people holding a place on the shift, by name: what the sign-in sheet lists. */
export async function shiftRoster(db: Kysely<Database>, shiftId: string) {
  return heldSignups(db)
    .select(['volunteer_responses.name', 'volunteer_responses.phone', 'volunteer_responses.status'])
    .where('volunteer_signups.shift_id', '=', shiftId)
    .orderBy(sql`lower(volunteer_responses.name)`)
    .orderBy('volunteer_signups.created_at')
    .execute();
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
  return db
    .selectFrom('volunteer_signups')
    .innerJoin('volunteer_responses', 'volunteer_responses.id', 'volunteer_signups.response_id')
    .innerJoin('volunteer_shifts', 'volunteer_shifts.id', 'volunteer_signups.shift_id')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_shifts.need_id')
    .select(['volunteer_shifts.id', 'volunteer_shifts.starts_at', 'volunteer_shifts.ends_at', 'volunteer_shifts.label', 'volunteer_needs.title as need_title'])
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

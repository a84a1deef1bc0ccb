import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, VolunteerNeedTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { needColumns, type NeedData } from './model.js';
import * as clock from '../clock.js';

export type NeedRow = Selectable<VolunteerNeedTable> & {
  organization_name: string;
  privacy_policy_url: string | null;
  is_example: boolean;
};

/** The status in SQL, at the moment of the query: the same rule as `needStatus`. */
export const statusSql = (at: Date) => sql<string>`CASE
  WHEN volunteer_needs.closed_at IS NOT NULL THEN 'closed'
  WHEN volunteer_needs.ends_at <= ${at} THEN 'expired'
  WHEN volunteer_needs.people_accepted >= volunteer_needs.people_needed THEN 'filled'
  ELSE 'open' END`;

/** Sort keys: ongoing needs (no start) first, then by start. */
export const startSql = sql<Date>`coalesce(volunteer_needs.starts_at, '-infinity'::timestamptz)`;

/** Needs with what the public sees of their organization. */
export function selectNeeds(db: Kysely<Database>) {
  return db
    .selectFrom('volunteer_needs')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .selectAll('volunteer_needs')
    .select(['organizations.name as organization_name', 'organizations.privacy_policy_url', 'organizations.is_example']);
}

export async function findNeed(db: Kysely<Database>, id: string): Promise<NeedRow | undefined> {
  return selectNeeds(db).where('volunteer_needs.id', '=', id).executeTakeFirst();
}

export async function insertNeed(db: Kysely<Database>, organizationId: string, data: NeedData): Promise<string> {
  const { id } = await db
    .insertInto('volunteer_needs')
    .values({ ...needColumns(data), organization_id: organizationId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateNeed(db: Kysely<Database>, id: string, data: NeedData, close: boolean | undefined): Promise<void> {
  await db
    .updateTable('volunteer_needs')
    .set({
      ...needColumns(data),
      updated_at: new Date(),
      ...(close === true ? { closed_at: sql<Date>`coalesce(closed_at, ${clock.now()})` } : close === false ? { closed_at: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Flips a response's acceptance and the need's count in one transaction; returns false when nothing changed. */
export async function setAccepted(db: Kysely<Database>, responseId: string, needId: string, accepted: boolean): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const flipped = await trx
      .updateTable('volunteer_responses')
      .set({ accepted_at: accepted ? sql<Date>`now()` : null })
      .where('id', '=', responseId)
      .where('accepted_at', accepted ? 'is' : 'is not', null)
      .returning('id')
      .executeTakeFirst();
    if (!flipped) return false;
    await trx
      .updateTable('volunteer_needs')
      .set({ people_accepted: sql<number>`people_accepted + ${accepted ? 1 : -1}`, updated_at: new Date() })
      .where('id', '=', needId)
      .execute();
    return true;
  });
}

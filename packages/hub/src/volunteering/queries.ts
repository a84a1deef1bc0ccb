import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, VolunteerNeedTable, VolunteerResponseStatus, VolunteerResponseTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
  byMomentThenId,
  containsWords,
  modifiedAfter,
  pageByKeyset,
  pageOfOrganization,
  type Keyset,
  type OrganizationPaging,
  type Page,
  type Paging,
} from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';
import { approvedOrganization } from '../orgs/queries.js';
import { needColumns, type NeedData } from './model.js';
import { reclaimPlaces } from './shifts/places.js';
import { needPlacesFreeSql } from './shifts/queries.js';
import * as clock from '../clock.js';

export type NeedRow = Selectable<VolunteerNeedTable> & {
  organization_name: string;
  privacy_policy_url: string | null;
  is_example: boolean;
  /** The free places of its upcoming shifts when it was read; null for a need without shifts. */
  shift_places_free: number | null;
};

/** People still needed at `at`, in SQL: the same rule as `peopleStillNeeded`. */
const stillNeededSql = (at: Date) =>
  sql<number>`coalesce(${needPlacesFreeSql(at)}, greatest(0, volunteer_needs.people_needed - volunteer_needs.people_accepted))`;

/** The status in SQL, at the moment of the query: the same rule as `needStatus`. */
export const statusSql = (at: Date) => sql<string>`CASE
  WHEN volunteer_needs.closed_at IS NOT NULL THEN 'closed'
  WHEN volunteer_needs.ends_at <= ${at} THEN 'expired'
  WHEN ${stillNeededSql(at)} = 0 THEN 'filled'
  ELSE 'open' END`;

/** Sort keys: ongoing needs (no start) first, then by start. */
export const startSql = sql<Date>`coalesce(volunteer_needs.starts_at, '-infinity'::timestamptz)`;

/** Needs of approved organizations, with what the public sees of their organization and their free places at `now`. */
export function selectNeeds(db: Kysely<Database>, now = clock.now()) {
  return db
    .selectFrom('volunteer_needs')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .where(approvedOrganization)
    .selectAll('volunteer_needs')
    .select(['organizations.name as organization_name', 'organizations.privacy_policy_url', 'organizations.is_example'])
    .select(needPlacesFreeSql(now).as('shift_places_free'));
}

export interface NeedFilters {
  status?: string[] | undefined;
  municipality?: string[] | undefined;
  organization?: string[] | undefined;
  skill?: string[] | undefined;
  /** Needs that have not ended by then (ongoing ones too). */
  from?: Date | undefined;
  /** Needs that start before then (ongoing ones too). */
  to?: Date | undefined;
  remote?: boolean | undefined;
  urgent?: boolean | undefined;
  q?: string | undefined;
  sort?: 'date' | 'urgency' | undefined;
  modifiedAfter?: string | undefined;
}

const start = { sql: startSql, type: 'timestamptz', value: (row: NeedRow) => row.starts_at?.toISOString() ?? '-infinity' } as const;
const id = { sql: sql`volunteer_needs.id`, type: 'uuid', value: (row: NeedRow) => row.id } as const;
/** By start, ongoing needs first. */
const byDate: Keyset<NeedRow> = { columns: [start, id], direction: 'asc' };
/** Urgent needs first, then by start. */
const byUrgency: Keyset<NeedRow> = {
  columns: [{ sql: sql`CASE WHEN volunteer_needs.urgent THEN 0 ELSE 1 END`, type: 'int', value: (row) => (row.urgent ? 0 : 1) }, start, id],
  direction: 'asc',
};

/** A page of published needs with the wanted statuses at `now` (open ones without a filter): what citizens see. */
export async function listNeeds(db: Kysely<Database>, filters: NeedFilters, paging: Paging, now: Date): Promise<Page<NeedRow>> {
  const { status, municipality, organization, skill, from, to, remote, urgent, q, sort } = filters;
  let query = selectNeeds(db, now)
    .where('volunteer_needs.published', '=', true)
    .where(sql<boolean>`${statusSql(now)} = ANY(${status?.length ? status : ['open']}::text[])`);
  if (municipality?.length) query = query.where('volunteer_needs.municipality_id', 'in', municipality);
  if (organization?.length) query = query.where('volunteer_needs.organization_id', 'in', organization);
  if (skill?.length) {
    const wanted = skill.map((name) => name.trim().toLocaleLowerCase('de'));
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(volunteer_needs.skills) AS skill WHERE lower(skill) = ANY(${wanted}::text[]))`,
    );
  }
  if (from !== undefined)
    query = query.where((eb) => eb.or([eb('volunteer_needs.ends_at', 'is', null), eb('volunteer_needs.ends_at', '>=', from)]));
  if (to !== undefined)
    query = query.where((eb) => eb.or([eb('volunteer_needs.starts_at', 'is', null), eb('volunteer_needs.starts_at', '<', to)]));
  if (remote !== undefined) query = query.where('volunteer_needs.remote', '=', remote);
  if (urgent !== undefined) query = query.where('volunteer_needs.urgent', '=', urgent);
  for (const condition of containsWords('volunteer_needs.search_text', q)) query = query.where(condition);
  for (const condition of modifiedAfter('volunteer_needs.updated_at', filters.modifiedAfter)) query = query.where(condition);
  return pageByKeyset(query, sort === 'urgency' ? byUrgency : byDate, paging);
}

/** Newest first. */
const byCreation = byMomentThenId<NeedRow>('volunteer_needs', 'created_at', (row) => row.created_at, 'desc');

/** A page of one organization's needs in every status; its drafts only when `drafts`. */
export async function listOrganizationNeeds(
  db: Kysely<Database>,
  organizationId: string,
  paging: OrganizationPaging,
  now = clock.now(),
): Promise<Page<NeedRow>> {
  return pageOfOrganization(selectNeeds(db, now), 'volunteer_needs', organizationId, byCreation, paging);
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
      updated_at: nextVersion(),
      ...(close === true ? { closed_at: sql<Date>`coalesce(closed_at, ${clock.now()})` } : close === false ? { closed_at: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Responses to an organization's needs, with what the organization sees of the need. */
export function selectResponses(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('volunteer_responses')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_responses.need_id')
    .where('volunteer_needs.organization_id', '=', organizationId)
    .selectAll('volunteer_responses')
    .select(['volunteer_needs.title as need_title', 'volunteer_needs.closed_at', 'volunteer_needs.ends_at']);
}

export type ResponseRow = Awaited<ReturnType<ReturnType<typeof selectResponses>['executeTakeFirstOrThrow']>>;

export interface ResponseFilters {
  need?: string[] | undefined;
  /** `true` accepted ones only, `false` the others (new and declined). */
  accepted?: boolean | undefined;
  status?: VolunteerResponseStatus[] | undefined;
}

function filteredResponses(db: Kysely<Database>, organizationId: string, filters: ResponseFilters) {
  let query = selectResponses(db, organizationId);
  if (filters.need?.length) query = query.where('volunteer_responses.need_id', 'in', filters.need);
  if (filters.accepted !== undefined) query = query.where('volunteer_responses.status', filters.accepted ? '=' : '<>', 'accepted');
  if (filters.status?.length) query = query.where('volunteer_responses.status', 'in', filters.status);
  return query;
}

/** Newest first. */
const byArrival = byMomentThenId<ResponseRow>('volunteer_responses', 'created_at', (row) => row.created_at, 'desc');

export async function listResponses(
  db: Kysely<Database>,
  organizationId: string,
  filters: ResponseFilters,
  paging: Paging,
): Promise<Page<ResponseRow>> {
  return pageByKeyset(filteredResponses(db, organizationId, filters), byArrival, paging);
}

export async function findResponse(db: Kysely<Database>, organizationId: string, id: string): Promise<ResponseRow | undefined> {
  return selectResponses(db, organizationId).where('volunteer_responses.id', '=', id).executeTakeFirst();
}

/** Every matching response, newest first: the CSV export is one file, not pages. */
export async function allResponses(db: Kysely<Database>, organizationId: string, filters: ResponseFilters): Promise<ResponseRow[]> {
  return filteredResponses(db, organizationId, filters)
    .orderBy('volunteer_responses.created_at', 'desc')
    .orderBy('volunteer_responses.id', 'desc')
    .execute();
}

/** How much a response in this status counts for its need's `people_accepted`. */
const counts = (status: VolunteerResponseStatus): number => (status === 'accepted' ? 1 : 0);

/**
 * Adds `change` to the need's count of accepted people (no-op for 0). Leaves `updated_at` alone:
 * the count is not part of the need's edited version, so a decision never makes an open edit stale.
 */
async function countAccepted(db: Kysely<Database>, needId: string, change: number): Promise<void> {
  if (change === 0) return;
  await db
    .updateTable('volunteer_needs')
    .set({ people_accepted: sql<number>`people_accepted + ${change}` })
    .where('id', '=', needId)
    .execute();
}

/** The response's status, locked until the transaction ends, so two decisions never count twice. */
async function lockedStatus(trx: Kysely<Database>, responseId: string): Promise<VolunteerResponseStatus | undefined> {
  const row = await trx.selectFrom('volunteer_responses').select('status').where('id', '=', responseId).forUpdate().executeTakeFirst();
  return row?.status;
}

/**
 * Sets a response's status and moves the need's count with it, in one transaction; returns false
 * when the response already had that status (nothing changed, no mail to send). Taking a decline
 * back needs the response's places on its shifts again (409 `shift-full` when one is gone).
 */
export async function decideResponse(
  db: Kysely<Database>,
  responseId: string,
  needId: string,
  status: VolunteerResponseStatus,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await lockedStatus(trx, responseId);
    if (before === undefined || before === status) return false;
    // A declined response held no places; counting again, it needs them back.
    if (before === 'declined') await reclaimPlaces(trx, responseId);
    await trx
      .updateTable('volunteer_responses')
      .set({ status, decided_at: status === 'new' ? null : clock.now() })
      .where('id', '=', responseId)
      .execute();
    await countAccepted(trx, needId, counts(status) - counts(before));
    return true;
  });
}

/** Deletes a response (its pending mails go with it); an accepted one stops counting for its need. */
export async function deleteResponse(db: Kysely<Database>, responseId: string, needId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await lockedStatus(trx, responseId);
    if (before === undefined) return;
    await trx.deleteFrom('volunteer_responses').where('id', '=', responseId).execute();
    await countAccepted(trx, needId, -counts(before));
  });
}

export async function deleteNeed(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('volunteer_needs').where('id', '=', id).execute();
}

/** The response stored under an idempotency key. */
export async function findResponseByKey(db: Kysely<Database>, needId: string, key: string) {
  return db
    .selectFrom('volunteer_responses')
    .select(['request_hash', 'created_at'])
    .where('need_id', '=', needId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Stores a response; undefined when the key already has one (or another request with it is being stored). */
export async function insertResponse(db: Kysely<Database>, row: Insertable<VolunteerResponseTable>) {
  return db
    .insertInto('volunteer_responses')
    .values(row)
    .onConflict((conflict) => conflict.columns(['need_id', 'idempotency_key']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
}

/** A response with what its e-mails tell: the need's title and the organization. */
export async function findResponseForMail(db: Kysely<Database>, responseId: string) {
  return db
    .selectFrom('volunteer_responses')
    .innerJoin('volunteer_needs', 'volunteer_needs.id', 'volunteer_responses.need_id')
    .innerJoin('organizations', 'organizations.id', 'volunteer_needs.organization_id')
    .where('volunteer_responses.id', '=', responseId)
    .select([
      'volunteer_responses.name',
      'volunteer_responses.email',
      'volunteer_responses.phone',
      'volunteer_responses.message',
      'volunteer_responses.privacy_notice_url',
      'volunteer_responses.privacy_notice_version',
      'volunteer_responses.created_at',
      'volunteer_needs.title',
      'organizations.id as organization_id',
      'organizations.name as organization_name',
      'organizations.email as organization_email',
    ])
    .executeTakeFirst();
}

/** Deletes the responses of needs that ended (closed or past their end) before `cutoff`; returns how many. */
export async function deleteResponsesEndedBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('volunteer_responses')
    .where('need_id', 'in', (eb) =>
      eb
        .selectFrom('volunteer_needs')
        .select('id')
        .where(sql<boolean>`least(volunteer_needs.closed_at, volunteer_needs.ends_at) < ${cutoff.toISOString()}::timestamptz`),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

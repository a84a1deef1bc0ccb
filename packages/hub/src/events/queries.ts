import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { byMomentThenId, containsWords, modifiedAfter, pageOfOrganization, type OrganizationPaging, type Page } from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';
import { approvedOrganization } from '../orgs/queries.js';
import { inTransaction } from '../db/transaction.js';
import type { EventColumns, EventRow } from './model.js';
import { forgetOccurrences, storeOccurrences } from './stored-occurrences.js';

/** The municipality lookup of every domain, under the name the events expansion test imports it by. */

export interface EventFilters {
  municipality?: string[] | undefined;
  organization?: string[] | undefined;
  category?: string[] | undefined;
  q?: string | undefined;
  modifiedAfter?: string | undefined;
}

/** Events of approved organizations, with their organizer's name and example flag. */
export function selectEvents(db: Kysely<Database>) {
  return db
    .selectFrom('events')
    .innerJoin('organizations', 'organizations.id', 'events.organization_id')
    .where(approvedOrganization)
    .selectAll('events')
    .select(['organizations.name as organizer_name', 'organizations.is_example']);
}

/** Earliest first occurrence first. */
const byFirstStart = byMomentThenId<EventRow>('events', 'first_start', (row) => row.first_start, 'asc');

/** A page of one organization's events (as stored, not expanded into occurrences); its drafts only when `drafts`. */
export async function listOrganizationEvents(
  db: Kysely<Database>,
  organizationId: string,
  paging: OrganizationPaging,
): Promise<Page<EventRow>> {
  return pageOfOrganization(selectEvents(db), 'events', organizationId, byFirstStart, paging);
}

export async function findEvent(db: Kysely<Database>, id: string): Promise<EventRow | undefined> {
  return selectEvents(db).where('events.id', '=', id).executeTakeFirst();
}

/** The conditions of citizens' reads of events: published, and passing the filters (drafts are left out). */
export function eventConditions(filters: EventFilters): Expression<boolean>[] {
  const conditions: Expression<boolean>[] = [sql<boolean>`events.published`];
  if (filters.municipality?.length) conditions.push(sql<boolean>`events.municipality_id IN (${sql.join(filters.municipality)})`);
  if (filters.organization?.length) conditions.push(sql<boolean>`events.organization_id IN (${sql.join(filters.organization)})`);
  if (filters.category?.length) {
    const wanted = sql.join(filters.category.map((category) => sql`${category}`));
    conditions.push(sql<boolean>`events.categories && ARRAY[${wanted}]::text[]`);
  }
  conditions.push(...containsWords('events.search_text', filters.q), ...modifiedAfter('events.updated_at', filters.modifiedAfter));
  return conditions;
}

/** The stored window of an event (first start to last end) overlaps `[from, to)`: the GiST index finds these. */
export function windowOverlaps(from: Date, to: Date): Expression<boolean> {
  return sql<boolean>`tstzrange(events.first_start, events.last_end, '[]') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
}

/**
 * Events that may have an occurrence in `[from, to)`: their stored window overlaps the range
 * (GiST index) and they pass the filters. Expanding them decides which really do. Citizens' reads:
 * drafts are left out.
 */
export async function eventsInRange(db: Kysely<Database>, filters: EventFilters, from: Date, to: Date): Promise<EventRow[]> {
  let query = selectEvents(db).where(windowOverlaps(from, to));
  for (const condition of eventConditions(filters)) query = query.where(condition);
  return query.execute();
}

export interface WriteOptions {
  /** The caller stores the occurrences (`storeOccurrences`) of all it wrote at once, in the same transaction. */
  deferOccurrences?: boolean;
}

/** Inserts an event; events created through the API get their id as iCalendar UID. */
export async function insertEvent(
  db: Kysely<Database>,
  event: { organizationId: string; uid?: string; imported: boolean; sourceSubscriptionId?: string | null },
  columns: EventColumns,
  options: WriteOptions = {},
): Promise<string> {
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('events')
      .values({
        ...columns,
        id,
        organization_id: event.organizationId,
        uid: event.uid ?? id,
        imported: event.imported,
        source_subscription_id: event.sourceSubscriptionId ?? null,
      })
      .execute();
    if (!options.deferOccurrences) await storeOccurrences(trx, [id]);
  });
  return id;
}

/** Updates an event and, in the same transaction, its stored occurrences (publishing and unpublishing too). */
export async function updateEvent(
  db: Kysely<Database>,
  id: string,
  columns: EventColumns & { imported?: boolean },
  options: WriteOptions = {},
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('events')
      .set({ ...columns, sequence: sql<number>`sequence + 1`, updated_at: nextVersion() })
      .where('id', '=', id)
      .execute();
    if (!options.deferOccurrences) await storeOccurrences(trx, [id]);
  });
}

export async function deleteEvents(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('events').where('id', 'in', ids).execute();
    await forgetOccurrences(trx, ids);
  });
}

/** What an import compares a feed with: each of the organization's events by UID, with its content hash and source. */
export async function eventVersions(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('events')
    .select(['id', 'uid', 'content_hash', 'imported', 'source_subscription_id'])
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Serializes the imports of one organization (inside the import's transaction), so two at once cannot both insert a UID. */
export async function lockImports(trx: Kysely<Database>, organizationId: string): Promise<void> {
  await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).forUpdate().execute();
}

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { byMomentThenId, containsWords, modifiedAfter, pageOfOrganization, type OrganizationPaging, type Page } from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';
import { approvedOrganization } from '../orgs/queries.js';
import type { EventColumns, EventRow } from './model.js';

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

/**
 * Events that may have an occurrence in `[from, to)`: their stored window overlaps the range
 * (GiST index) and they pass the filters. Expanding them decides which really do. Citizens' reads:
 * drafts are left out.
 */
export async function eventsInRange(db: Kysely<Database>, filters: EventFilters, from: Date, to: Date): Promise<EventRow[]> {
  let query = selectEvents(db)
    .where('events.published', '=', true)
    .where(
      sql<boolean>`tstzrange(events.first_start, events.last_end, '[]') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
    );
  if (filters.municipality?.length) query = query.where('events.municipality_id', 'in', filters.municipality);
  if (filters.organization?.length) query = query.where('events.organization_id', 'in', filters.organization);
  if (filters.category?.length) {
    const wanted = sql.join(filters.category.map((category) => sql`${category}`));
    query = query.where(sql<boolean>`events.categories && ARRAY[${wanted}]::text[]`);
  }
  for (const condition of containsWords('events.search_text', filters.q)) query = query.where(condition);
  for (const condition of modifiedAfter('events.updated_at', filters.modifiedAfter)) query = query.where(condition);
  return query.execute();
}

/** Inserts an event; events created through the API get their id as iCalendar UID. */
export async function insertEvent(
  db: Kysely<Database>,
  event: { organizationId: string; uid?: string; imported: boolean; sourceSubscriptionId?: string | null },
  columns: EventColumns,
): Promise<string> {
  const id = randomUUID();
  await db
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
  return id;
}

export async function updateEvent(db: Kysely<Database>, id: string, columns: EventColumns & { imported?: boolean }): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...columns, sequence: sql<number>`sequence + 1`, updated_at: nextVersion() })
    .where('id', '=', id)
    .execute();
}

export async function deleteEvents(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('events').where('id', 'in', ids).execute();
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

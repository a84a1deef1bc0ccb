import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database, OrganizationTable } from '../../db/schema.js';
import type { OfferRow } from '../../help/model.js';
import type { RegionMoment } from '../../help/opening-hours.js';
import { selectOffers } from '../../help/queries.js';
import type { HelpTopicId } from '../../help/topics.js';
import { containsWords, modifiedAfter } from '../../http/listing.js';
import { approvedOrganization } from '../../orgs/queries.js';

/** Every SQL statement of the HSDS API. Public data only: published offers of approved organizations. */

/** Which part of a list to read: a page (`offset`, `limit`), or everything. */
export type Slice = { offset: number; limit: number } | undefined;

/** What services (and their places) are filtered by, the HSDS ids already turned into the Hub's. */
export interface ServiceFilters {
  search?: string | undefined;
  modifiedAfter?: string | undefined;
  organizationId?: string | undefined;
  /** Offers of this topic or a narrower one. */
  topic?: HelpTopicId | undefined;
  /** Only example data. */
  exampleOnly?: boolean | undefined;
  /** A term or taxonomy the Hub does not have: nothing matches. */
  nothing?: boolean | undefined;
}

function all(conditions: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(conditions, sql` AND `)})`;
}

/** Published offers of approved organizations that meet the filters (their FROM is `help_offers` joined with `organizations`). */
function serviceCondition(filters: ServiceFilters): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [approvedOrganization, sql<boolean>`help_offers.published`];
  if (filters.nothing) conditions.push(sql<boolean>`false`);
  conditions.push(...containsWords(sql<string>`help_fold(help_offers.name || ' ' || help_offers.description)`, filters.search));
  conditions.push(...modifiedAfter('help_offers.updated_at', filters.modifiedAfter));
  if (filters.organizationId) conditions.push(sql<boolean>`help_offers.organization_id = ${filters.organizationId}::uuid`);
  if (filters.topic) conditions.push(sql<boolean>`help_offers.topic_closure @> ARRAY[${filters.topic}]::text[]`);
  if (filters.exampleOnly) conditions.push(sql<boolean>`organizations.is_example`);
  return all(conditions);
}

function offers(db: Kysely<Database>) {
  return db.selectFrom('help_offers').innerJoin('organizations', 'organizations.id', 'help_offers.organization_id');
}

/** A page (or all) of the matching offers by name, and how many match. */
export async function listServices(
  db: Kysely<Database>,
  filters: ServiceFilters,
  slice: Slice,
  moment: RegionMoment,
): Promise<{ rows: OfferRow[]; total: number }> {
  const condition = serviceCondition(filters);
  let page = selectOffers(db, moment)
    .select(sql<null>`NULL::int`.as('distance_m'))
    .where(condition)
    .orderBy('help_offers.sort_name')
    .orderBy('help_offers.id');
  if (slice) page = page.offset(slice.offset).limit(slice.limit);
  const [rows, count] = await Promise.all([
    page.execute(),
    offers(db)
      .select(sql<number>`count(*)::int`.as('count'))
      .where(condition)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.count };
}

/** The offers `ids` that are public, in any order. */
export async function findServices(db: Kysely<Database>, ids: readonly string[], moment: RegionMoment): Promise<OfferRow[]> {
  if (ids.length === 0) return [];
  return selectOffers(db, moment)
    .select(sql<null>`NULL::int`.as('distance_m'))
    .where(serviceCondition({}))
    .where('help_offers.id', 'in', ids)
    .execute();
}

/** A page (or all) of the places of matching offers, by the offer's name and the place's position. */
export async function listPlaces(
  db: Kysely<Database>,
  filters: ServiceFilters,
  slice: Slice,
): Promise<{ rows: { offer_id: string; position: number }[]; total: number }> {
  const condition = serviceCondition(filters);
  const places = () => offers(db).innerJoin('help_offer_locations', 'help_offer_locations.offer_id', 'help_offers.id').where(condition);
  let page = places()
    .select(['help_offer_locations.offer_id', 'help_offer_locations.position'])
    .orderBy('help_offers.sort_name')
    .orderBy('help_offers.id')
    .orderBy('help_offer_locations.position');
  if (slice) page = page.offset(slice.offset).limit(slice.limit);
  const [rows, count] = await Promise.all([
    page.execute(),
    places()
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.count };
}

export type OrganizationRow = Selectable<OrganizationTable> & { services: { id: string; name: string }[] };

/** Approved organizations with at least one published offer, each with those offers (id, name) by name. */
function publishingOrganizations(db: Kysely<Database>) {
  const services = sql<OrganizationRow['services']>`(SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name)
      ORDER BY o.sort_name, o.id), '[]') FROM help_offers o WHERE o.organization_id = organizations.id AND o.published)`;
  return db
    .selectFrom('organizations')
    .where(approvedOrganization)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM help_offers o WHERE o.organization_id = organizations.id AND o.published)`)
    .selectAll('organizations')
    .select(services.as('services'));
}

export async function listOrganizations(
  db: Kysely<Database>,
  filters: { search?: string | undefined; modifiedAfter?: string | undefined },
  slice: Slice,
): Promise<{ rows: OrganizationRow[]; total: number }> {
  const conditions = [
    ...containsWords(sql<string>`help_fold(organizations.name || ' ' || coalesce(organizations.description, ''))`, filters.search),
    ...modifiedAfter('organizations.updated_at', filters.modifiedAfter),
  ];
  const matching = publishingOrganizations(db).where(all(conditions));
  let page = matching.orderBy('organizations.sort_name').orderBy('organizations.id');
  if (slice) page = page.offset(slice.offset).limit(slice.limit);
  const [rows, count] = await Promise.all([
    page.execute(),
    db
      .selectFrom(matching.as('matching'))
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.count };
}

export async function findOrganization(db: Kysely<Database>, id: string): Promise<OrganizationRow | undefined> {
  return publishingOrganizations(db).where('organizations.id', '=', id).executeTakeFirst();
}

/** The approved organizations `ids`, for the services that name them. */
export async function findOrganizations(db: Kysely<Database>, ids: readonly string[]): Promise<Selectable<OrganizationTable>[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where(approvedOrganization).where('id', 'in', ids).execute();
}

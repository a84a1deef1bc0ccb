import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { modifiedAfter, pageOfOrganization, type Keyset, type OrganizationPaging, type Page } from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';
import { approvedOrganization } from '../orgs/queries.js';
import { searchLabels, type OfferRow, type OfferWrite } from './model.js';
import { hoursTodaySql, openNowFilterSql, openNowSql, type HoursRow, type RegionMoment } from './opening-hours.js';
import { matchSql, relevanceSql, synonymText, tieBreakSql, type SearchPlan } from './search.js';
import type { HelpTopicId } from './topics.js';

/**
 * Each offer's nearest place to `near` in metres, as a grouped join (one pass over the places,
 * not one subquery per offer). Without `near` it has no rows and every distance is NULL.
 */
export function nearestPlaces(db: Kysely<Database>, near: Schemas['GeoPoint'] | undefined) {
  const metres = near
    ? sql<number>`round(min(help_distance_km(lat, lon, ${near.lat}::float8, ${near.lon}::float8)) * 1000)::int`
    : sql<number>`NULL::int`;
  return db
    .selectFrom('help_offer_locations')
    .select(['offer_id', metres.as('metres')])
    .where('lat', 'is not', null)
    .where(near ? sql<boolean>`true` : sql<boolean>`false`)
    .groupBy('offer_id');
}

/**
 * Offers of approved organizations, each with its nearest place to `near`: what a search matches.
 * The organization's approval is read from the offer (see migration 0017): joined, the planner
 * underestimated the matches and repeated the search index scans once per organization.
 */
function offersFrom(db: Kysely<Database>, near: Schemas['GeoPoint'] | undefined) {
  return db
    .selectFrom('help_offers')
    .where(sql<boolean>`help_offers.organization_approved`)
    .leftJoin(nearestPlaces(db, near).as('nearest'), 'nearest.offer_id', 'help_offers.id');
}

/** Offers of approved organizations, with their organization, places, hours and their state at `moment`. */
export function selectOffers(db: Kysely<Database>, moment: RegionMoment) {
  return selectOfferContent(db).select([openNowSql(moment).as('open_now'), hoursTodaySql(moment).as('hours_today')]);
}

/** Offers of approved organizations as stored, with their organization, places and hours (what does not change with the time). */
export function selectOfferContent(db: Kysely<Database>) {
  return db
    .selectFrom('help_offers')
    .innerJoin('organizations', 'organizations.id', 'help_offers.organization_id')
    .where(approvedOrganization)
    .select([
      'help_offers.id',
      'help_offers.organization_id',
      'organizations.name as organization_name',
      'organizations.is_example',
      'help_offers.name',
      'help_offers.sort_name',
      'help_offers.description',
      'help_offers.easy_read_summary',
      'help_offers.topics',
      'help_offers.audiences',
      'help_offers.eligibility_description',
      'help_offers.languages',
      'help_offers.cost',
      'help_offers.fees_description',
      'help_offers.anonymous',
      'help_offers.barrier_free',
      'help_offers.accessibility',
      'help_offers.crisis',
      'help_offers.service_area',
      'help_offers.url',
      'help_offers.email',
      'help_offers.phones',
      'help_offers.chat_url',
      'help_offers.walk_in',
      'help_offers.always_open',
      'help_offers.open_on_public_holidays',
      'help_offers.hours_description',
      'help_offers.published',
      'help_offers.created_at',
      'help_offers.updated_at',
    ])
    .select([
      sql<string | null>`to_char(help_offers.assured_date, 'YYYY-MM-DD')`.as('assured'),
      sql<OfferRow['locations']>`(SELECT coalesce(json_agg(json_build_object(
          'name', l.name, 'address', l.address, 'municipalityId', l.municipality_id,
          'coordinates', CASE WHEN l.lat IS NULL THEN NULL ELSE json_build_object('lat', l.lat, 'lon', l.lon) END
        ) ORDER BY l.position), '[]') FROM help_offer_locations l WHERE l.offer_id = help_offers.id)`.as('locations'),
      sql<HoursRow[]>`(SELECT coalesce(json_agg(json_build_object(
          'weekdays', h.weekdays, 'on_date', to_char(h.on_date, 'YYYY-MM-DD'),
          'opens', to_char(h.opens, 'HH24:MI'), 'closes', to_char(h.closes, 'HH24:MI'), 'description', h.description
        ) ORDER BY h.position), '[]') FROM help_offer_hours h WHERE h.offer_id = help_offers.id)`.as('hours'),
    ]);
}

/** An offer as stored: a row of `selectOfferContent`. */
export type OfferContent = Omit<OfferRow, 'open_now' | 'hours_today' | 'distance_m'>;

export async function findOffer(db: Kysely<Database>, id: string, moment: RegionMoment): Promise<OfferRow | undefined> {
  return selectOffers(db, moment)
    .select(sql<null>`NULL::int`.as('distance_m'))
    .where('help_offers.id', '=', id)
    .executeTakeFirst();
}

/** By name, as citizens' lists are. */
const byName: Keyset<OfferRow> = {
  columns: [
    { sql: sql`help_offers.sort_name`, value: (row) => row.sort_name },
    { sql: sql`help_offers.id`, type: 'uuid', value: (row) => row.id },
  ],
  direction: 'asc',
};

/** A page of one organization's offers by name; its drafts only when `drafts`. */
export async function listOrganizationOffers(
  db: Kysely<Database>,
  organizationId: string,
  paging: OrganizationPaging,
  moment: RegionMoment,
): Promise<Page<OfferRow>> {
  const offers = selectOffers(db, moment).select(sql<null>`NULL::int`.as('distance_m'));
  return pageOfOrganization(offers, 'help_offers', organizationId, byName, paging);
}

export interface OfferFilters {
  topic?: string[] | undefined;
  audience?: string[] | undefined;
  /** Primary language subtags, lower case. */
  language?: string[] | undefined;
  municipality?: string[] | undefined;
  organization?: string[] | undefined;
  cost?: string[] | undefined;
  anonymous?: boolean | undefined;
  barrierFree?: boolean | undefined;
  openNow?: boolean | undefined;
  near?: Schemas['GeoPoint'] | undefined;
  /** Kilometres; only with `near`. */
  radius?: number | undefined;
  modifiedAfter?: string | undefined;
}

function conditionSql(filters: OfferFilters, plan: SearchPlan | undefined, moment: RegionMoment): RawBuilder<boolean> {
  // Citizens never find drafts.
  const conditions: RawBuilder<unknown>[] = [sql`help_offers.published`];
  if (plan) conditions.push(matchSql(plan));
  if (filters.topic?.length) conditions.push(sql`help_offers.topic_closure && ${filters.topic}::text[]`);
  if (filters.audience?.length) conditions.push(sql`help_offers.audiences && ${filters.audience}::text[]`);
  if (filters.language?.length) {
    conditions.push(sql`EXISTS (SELECT 1 FROM unnest(help_offers.languages) AS tag
      WHERE lower(split_part(tag, '-', 1)) = ANY (${filters.language}::text[]))`);
  }
  if (filters.municipality?.length) {
    conditions.push(sql`(help_offers.service_area IN ('region', 'nationwide') OR EXISTS (SELECT 1 FROM help_offer_locations l
      WHERE l.offer_id = help_offers.id AND l.municipality_id = ANY (${filters.municipality}::text[])))`);
  }
  if (filters.organization?.length) conditions.push(sql`help_offers.organization_id = ANY (${filters.organization}::uuid[])`);
  if (filters.cost?.length) conditions.push(sql`help_offers.cost = ANY (${filters.cost}::text[])`);
  if (filters.anonymous) conditions.push(sql`help_offers.anonymous`);
  if (filters.barrierFree) conditions.push(sql`help_offers.barrier_free`);
  if (filters.openNow) conditions.push(openNowFilterSql(moment));
  if (filters.near && filters.radius !== undefined) conditions.push(sql`nearest.metres <= ${Math.round(filters.radius * 1000)}::int`);
  // A filter like the others: which offers match, never how they rank.
  conditions.push(...modifiedAfter('help_offers.updated_at', filters.modifiedAfter));
  return sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

/**
 * A page of the matches (the `matches` of `searchOffers`) in the order of their key: the page's
 * offers are chosen first, from the columns the key needs, and only they are read in full.
 */
function rankedPage(
  db: Kysely<Database>,
  moment: RegionMoment,
  relevance: { plan: SearchPlan; municipalities: string[] | undefined } | undefined,
  after: SearchPosition | undefined,
  limit: number,
) {
  const key = relevance
    ? sql<number>`(matched.coarse - ${tieBreakSql(relevance.plan, relevance.municipalities)})`
    : sql<number>`matched.coarse`;
  const candidates = db
    .selectFrom(sql<{ id: string; metres: number | null; coarse: number }>`matches`.as('matched'))
    .innerJoin('help_offers', 'help_offers.id', 'matched.id')
    .select(['matched.id', 'matched.metres', key.as('sort_key')]);
  const ranked = (
    after
      ? candidates.where(sql<boolean>`(${key}, help_offers.sort_name, help_offers.id) > (${after[1]}::int, ${after[2]}, ${after[3]}::uuid)`)
      : // The tie-break moves an offer less than one step of the coarse key: on the first page,
        // only offers up to the coarse key of the (limit + 1)th match can appear.
        candidates.where(
          sql<boolean>`matched.coarse <= (SELECT max(coarse) FROM (SELECT coarse FROM matches ORDER BY coarse LIMIT ${limit + 1}) AS first)`,
        )
  )
    .orderBy(sql.ref('sort_key'))
    .orderBy('help_offers.sort_name')
    .orderBy('help_offers.id')
    .limit(limit + 1);
  return selectOffers(db, moment)
    .innerJoin(ranked.as('ranked'), 'ranked.id', 'help_offers.id')
    .select(['ranked.metres as distance_m', 'ranked.sort_key']);
}

/** A page of the offers that meet `condition` by name: read in the order of the name index until it is full. */
function pageByName(
  db: Kysely<Database>,
  moment: RegionMoment,
  filters: OfferFilters,
  condition: RawBuilder<boolean>,
  after: SearchPosition | undefined,
  limit: number,
) {
  const page = selectOffers(db, moment)
    .leftJoin(nearestPlaces(db, filters.near).as('nearest'), 'nearest.offer_id', 'help_offers.id')
    .select(['nearest.metres as distance_m', sql<number>`0`.as('sort_key')])
    .where(condition);
  return (after ? page.where(sql<boolean>`(help_offers.sort_name, help_offers.id) > (${after[2]}, ${after[3]}::uuid)`) : page)
    .orderBy('help_offers.sort_name')
    .orderBy('help_offers.id')
    .limit(limit + 1);
}

export type SearchSort = 'relevance' | 'distance' | 'name';

/** Where a page ends: the sort, its key (−score, metres or 0), the folded name and the id. */
export type SearchPosition = [SearchSort, number, string, string];

/** Sorts after every real distance, so offers without a place come last. */
export const NO_DISTANCE = 2_147_483_647;

export interface SearchResult {
  rows: (OfferRow & { sort_key: number })[];
  total: number;
  facets: { topics: Schemas['HelpFacetCount'][]; audiences: Schemas['HelpFacetCount'][] };
}

/** Counts per value, most first (by id between equal counts). */
export function facetCounts(counts: [string, number][]): Schemas['HelpFacetCount'][] {
  return counts.map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/**
 * One page of matching offers after `after`, in keyset order (key, name, id) — every sort is
 * ascending on an integer key, so paging is stable however deep — plus the size and facets of
 * the whole result, in one statement: the matches are found and scored once, then counted by
 * topic and audience and cut to the page (by name, the page is read in name order instead).
 */
export async function searchOffers(
  db: Kysely<Database>,
  search: { filters: OfferFilters; plan: SearchPlan | undefined; sort: SearchSort; after: SearchPosition | undefined; limit: number },
  moment: RegionMoment,
): Promise<SearchResult> {
  const { filters, plan, sort, after, limit } = search;
  const relevance = sort === 'relevance' ? plan : undefined;
  // The key without the relevance tie-break, for every match.
  const coarse = relevance
    ? sql<number>`-${relevanceSql(relevance)}`
    : sort === 'distance'
      ? sql<number>`coalesce(nearest.metres, ${NO_DISTANCE}::int)`
      : sql<number>`0`;
  const matches = offersFrom(db, filters.near)
    .select(['help_offers.id', 'help_offers.topic_closure', 'help_offers.audiences', 'nearest.metres', coarse.as('coarse')])
    .where(conditionSql(filters, plan, moment));

  const rows =
    relevance || sort === 'distance'
      ? rankedPage(db, moment, relevance && { plan: relevance, municipalities: filters.municipality }, after, limit)
      : pageByName(db, moment, filters, conditionSql(filters, plan, moment), after, limit);

  const result = await inTransaction(db, async (trx) => {
    // Offers are read from memory, where a random read costs little more than a sequential one.
    // With PostgreSQL's default (4 times as much) the planner reads every offer rather than use
    // the search indexes, and joins the page's offers by reading them all.
    await sql`SET LOCAL random_page_cost = 1.1`.execute(trx);
    // The size and the facets of the whole result come as one more row after the page, whose
    // columns are NULL in it (and its facets in the page rows).
    return sql<(OfferRow & { sort_key: number }) | { id: null; facets: Facets }>`
    WITH matches AS MATERIALIZED ${matches}
    SELECT page.*, facets.facets
    FROM ${rows} AS page
    FULL JOIN (SELECT json_build_object(
      'total', (SELECT count(*)::int FROM matches),
      'topics', (SELECT coalesce(json_agg(json_build_array(value, count)), '[]')
        FROM (SELECT value, count(*)::int AS count FROM matches, unnest(topic_closure) AS value GROUP BY value) AS topic),
      'audiences', (SELECT coalesce(json_agg(json_build_array(value, count)), '[]')
        FROM (SELECT value, count(*)::int AS count FROM matches, unnest(audiences) AS value GROUP BY value) AS audience)
    ) AS facets) AS facets
    ON false
    ORDER BY page.sort_key, page.sort_name, page.id`.execute(trx);
  });
  const facets = (result.rows.at(-1) as { facets: Facets }).facets;
  return {
    rows: result.rows.filter((row): row is OfferRow & { sort_key: number } => row.id !== null),
    total: facets.total,
    facets: { topics: facetCounts(facets.topics), audiences: facetCounts(facets.audiences) },
  };
}

/** The size of a result and its counts per topic and per audience. */
interface Facets {
  total: number;
  topics: [string, number][];
  audiences: [string, number][];
}

/**
 * Adds the words of `text` and of all topic synonyms to the vocabulary: folded, without German
 * stop words, only plain words (no hyphens or addresses, which would not parse as a tsquery).
 */
async function addSearchWords(db: Kysely<Database>, text: string): Promise<void> {
  await sql`INSERT INTO help_search_words (word)
    SELECT DISTINCT help_fold(token) FROM unnest(tsvector_to_array(to_tsvector('simple', ${`${text}\n${synonymText}`}))) AS token
    WHERE length(token) BETWEEN 3 AND 60 AND token ~ '^[[:alpha:][:digit:]]+$' AND to_tsvector('german', token) <> ''::tsvector
    ON CONFLICT DO NOTHING`.execute(db);
}

async function writeParts(db: Kysely<Database>, offerId: string, write: OfferWrite): Promise<void> {
  await db.deleteFrom('help_offer_locations').where('offer_id', '=', offerId).execute();
  await db.deleteFrom('help_offer_hours').where('offer_id', '=', offerId).execute();
  await insertParts(db, [{ id: offerId, write }]);
}

/** Places, hours and vocabulary of offers whose parts are not stored yet. */
async function insertParts(db: Kysely<Database>, offers: { id: string; write: OfferWrite }[]): Promise<void> {
  const locations = offers.flatMap(({ id, write }) => write.locations.map((location) => ({ ...location, offer_id: id })));
  const hours = offers.flatMap(({ id, write }) => write.hours.map((row, position) => ({ ...row, position, offer_id: id })));
  if (locations.length > 0) await db.insertInto('help_offer_locations').values(locations).execute();
  if (hours.length > 0) await db.insertInto('help_offer_hours').values(hours).execute();
  await addSearchWords(db, offers.map(({ write }) => write.text).join('\n'));
}

/** Offers per statement: well below PostgreSQL's 65,535 parameters with 30 columns an offer. */
const INSERT_BATCH = 500;

/**
 * Stores new offers (checked by `checkedWrite`) in one transaction; returns their ids in order.
 * An offer brings its own id only when it keeps one from elsewhere (an HSDS import).
 */
export async function insertOffers(
  db: Kysely<Database>,
  offers: { organizationId: string; write: OfferWrite; id?: string }[],
): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const ids: string[] = [];
    for (let from = 0; from < offers.length; from += INSERT_BATCH) {
      const batch = offers.slice(from, from + INSERT_BATCH).map((offer) => ({ ...offer, id: offer.id ?? randomUUID() }));
      await trx
        .insertInto('help_offers')
        .values(batch.map(({ id, organizationId, write }) => ({ ...write.columns, id, organization_id: organizationId })))
        .execute();
      await insertParts(trx, batch);
      ids.push(...batch.map((offer) => offer.id));
    }
    return ids;
  });
}

export async function insertOffer(db: Kysely<Database>, organizationId: string, write: OfferWrite): Promise<string> {
  const [id] = await insertOffers(db, [{ organizationId, write }]);
  return id!;
}

export async function updateOffer(db: Kysely<Database>, offerId: string, write: OfferWrite): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('help_offers')
      .set({ ...write.columns, updated_at: nextVersion() })
      .where('id', '=', offerId)
      .execute();
    await writeParts(trx, offerId, write);
  });
}

/**
 * After an organization is renamed: its offers are found by the new name, not the old one (the
 * name is part of each offer's search labels), and the new name's words join the vocabulary.
 */
export async function renameInOffers(db: Kysely<Database>, organizationId: string, organizationName: string): Promise<void> {
  const offers = await db
    .selectFrom('help_offers')
    .select(['id', 'topics', 'audiences'])
    .where('organization_id', '=', organizationId)
    .execute();
  if (offers.length === 0) return;
  const labels = offers.map((offer) =>
    searchLabels(offer.topics as HelpTopicId[], offer.audiences as Schemas['HelpAudience'][], organizationName),
  );
  await sql`UPDATE help_offers SET search_labels = renamed.labels
    FROM unnest(${offers.map((offer) => offer.id)}::uuid[], ${labels}::text[]) AS renamed (id, labels)
    WHERE help_offers.id = renamed.id`.execute(db);
  await addSearchWords(db, organizationName);
}

export async function deleteOffer(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('help_offers').where('id', '=', id).execute();
}

import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import * as clock from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { toHelpOffer, type OfferRow } from '../../help/model.js';
import { regionMoment } from '../../help/opening-hours.js';
import { helpTopics } from '../../help/topics.js';
import type { Handlers, Schemas } from '../../http/api.js';
import { ProblemError } from '../../http/problems.js';
import { searchSpellings, sortKey } from '../../http/text.js';
import { toOrganization } from '../../orgs/organizations.js';
import { selectMunicipalityNames } from '../../orgs/queries.js';
import { licenceLinkHeader, type OpenDataOptions } from '../licence.js';
import { EXAMPLE_DATA_TERM_ID, FLAGS_TAXONOMY, HELP_TOPICS_TAXONOMY, partId, taxonomyId, topicTermId } from './ids.js';
import {
  hsdsOrganization,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsTaxonomies,
  hsdsTaxonomyTerms,
  type HsdsObject,
  type MappingContext,
} from './mapping.js';
import {
  findOrganization,
  findOrganizations,
  findServices,
  listOrganizations,
  listPlaces,
  listServices,
  type ServiceFilters,
  type Slice,
} from './queries.js';

type Operations =
  | 'getHsdsApiInfo'
  | 'listHsdsServices'
  | 'getHsdsService'
  | 'listHsdsOrganizations'
  | 'getHsdsOrganization'
  | 'listHsdsTaxonomies'
  | 'getHsdsTaxonomy'
  | 'listHsdsTaxonomyTerms'
  | 'getHsdsTaxonomyTerm'
  | 'listHsdsServiceAtLocations'
  | 'getHsdsServiceAtLocation';

/**
 * The HSDS profile this API follows: HSDS 3.0 itself, whose schemas the specification names at
 * this canonical URL (it defines no profile URI of its own for the unmodified standard).
 */
export const HSDS_PROFILE = 'https://github.com/openreferral/specification/tree/3.0/schema';

interface ListQuery {
  page?: number | undefined;
  per_page?: number | undefined;
  format?: 'json' | 'ndjson' | undefined;
}

const DEFAULT_PER_PAGE = 50;

/** The page a list query asks for; all of it for `format=ndjson`. */
function sliceOf(query: ListQuery): Slice {
  if (query.format === 'ndjson') return undefined;
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  return { offset: ((query.page ?? 1) - 1) * perPage, limit: perPage };
}

/**
 * A list's answer: the HSDS paging envelope around the page (`size` the items on it, `empty`
 * when it has none), or with `format=ndjson` every item, one JSON object a line.
 */
function listAnswer(reply: FastifyReply, query: ListQuery, items: HsdsObject[], total: number): Schemas['HsdsPageEnvelope'] | string {
  if (query.format === 'ndjson') {
    reply.type('application/x-ndjson');
    return items.map((item) => `${JSON.stringify(item)}\n`).join('');
  }
  const page = query.page ?? 1;
  const totalPages = Math.ceil(total / (query.per_page ?? DEFAULT_PER_PAGE));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: items.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: items.length === 0,
    contents: items,
  };
}

/** A fixed list (taxonomies, terms) cut to the page asked for. */
function listOf(reply: FastifyReply, query: ListQuery, items: HsdsObject[]): Schemas['HsdsPageEnvelope'] | string {
  const slice = sliceOf(query);
  return listAnswer(reply, query, slice ? items.slice(slice.offset, slice.offset + slice.limit) : items, items.length);
}

/** Whether every word of `search` is in the text, folded as the lists' searches fold. */
function containsAllWords(text: string, search: string | undefined): boolean {
  const folded = sortKey(text);
  return (search ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => searchSpellings(word).some((spelling) => folded.includes(spelling)));
}

const topicsByTerm = new Map(helpTopics.map((topic) => [topicTermId(topic.id), topic.id]));

/** The filters of a list of services or places, HSDS terms and taxonomies turned into the Hub's topics and flag. */
function serviceFilters(query: {
  search?: string | undefined;
  modified_after?: string | undefined;
  organization_id?: string | undefined;
  taxonomy_term_id?: string | undefined;
  taxonomy_id?: string | undefined;
}): ServiceFilters {
  const filters: ServiceFilters = { search: query.search, modifiedAfter: query.modified_after, organizationId: query.organization_id };
  const term = query.taxonomy_term_id;
  if (term !== undefined) {
    if (term === EXAMPLE_DATA_TERM_ID) filters.exampleOnly = true;
    else if (topicsByTerm.has(term)) filters.topic = topicsByTerm.get(term);
    else filters.nothing = true;
  }
  // Every offer has a topic: the topics' taxonomy filters nothing out.
  if (query.taxonomy_id === taxonomyId(FLAGS_TAXONOMY)) filters.exampleOnly = true;
  else if (query.taxonomy_id !== undefined && query.taxonomy_id !== taxonomyId(HELP_TOPICS_TAXONOMY)) filters.nothing = true;
  return filters;
}

const notFound = (noun: string, id: string) => new ProblemError('not-found', `There is no ${noun} "${id}" in the HSDS data.`);

/** The HSDS 3.0 read API (`/hsds/…`): the published help offers, their organizations, places and topics. */
export function hsdsHandlers(db: Kysely<Database>, options: { openData: OpenDataOptions; publicUrl: string }): Pick<Handlers, Operations> {
  const { publicUrl } = options;
  const link = licenceLinkHeader(options.openData, publicUrl);
  const licensed = (reply: FastifyReply) => reply.header('Link', link);
  const moment = () => regionMoment(clock.now());

  async function mappingContext(): Promise<MappingContext> {
    const names = await selectMunicipalityNames(db);
    return { publicUrl, municipalityNames: new Map(names.map((row) => [row.id, row.name])) };
  }

  /** What the mapping of each offer needs: the offer as the Hub's API has it, and its organization. */
  async function sources(rows: OfferRow[]) {
    const [organizations, context] = await Promise.all([
      findOrganizations(db, [...new Set(rows.map((row) => row.organization_id))]),
      mappingContext(),
    ]);
    const byId = new Map(organizations.map((row) => [row.id, toOrganization(row)]));
    return {
      context,
      offers: new Map(rows.map((row) => [row.id, { offer: toHelpOffer(row), organization: byId.get(row.organization_id)! }])),
    };
  }

  async function services(rows: OfferRow[]): Promise<HsdsObject[]> {
    const { context, offers } = await sources(rows);
    return rows.map((row) => {
      const { offer, organization } = offers.get(row.id)!;
      return hsdsService(offer, organization, context);
    });
  }

  /** Places of public offers as `service_at_location` objects, in the order given. */
  async function places(rows: { offer_id: string; position: number }[]): Promise<HsdsObject[]> {
    const { context, offers } = await sources(await findServices(db, [...new Set(rows.map((row) => row.offer_id))], moment()));
    return rows.map((row) => {
      const { offer, organization } = offers.get(row.offer_id)!;
      return hsdsServiceAtLocation(offer, row.position, organization, context);
    });
  }

  return {
    async getHsdsApiInfo(_request, reply) {
      licensed(reply);
      return { version: '3.0', profile: HSDS_PROFILE, openapi_url: `${publicUrl}/openapi.json` };
    },

    async listHsdsServices(request, reply) {
      licensed(reply);
      const { query } = request;
      const { rows, total } = await listServices(db, serviceFilters(query), sliceOf(query), moment());
      return listAnswer(reply, query, await services(rows), total);
    },

    async getHsdsService(request, reply) {
      licensed(reply);
      const [row] = await findServices(db, [request.params.id], moment());
      if (!row) throw notFound('service', request.params.id);
      const [service] = await services([row]);
      return service!;
    },

    async listHsdsOrganizations(request, reply) {
      licensed(reply);
      const { query } = request;
      const filters = { search: query.search, modifiedAfter: query.modified_after };
      const { rows, total } = await listOrganizations(db, filters, sliceOf(query));
      const items = rows.map((row) => hsdsOrganization(toOrganization(row), { publicUrl }, row.services));
      return listAnswer(reply, query, items, total);
    },

    async getHsdsOrganization(request, reply) {
      licensed(reply);
      const row = await findOrganization(db, request.params.id);
      if (!row) throw notFound('organization', request.params.id);
      return hsdsOrganization(toOrganization(row), { publicUrl }, row.services);
    },

    async listHsdsTaxonomies(request, reply) {
      licensed(reply);
      return listOf(reply, request.query, hsdsTaxonomies(publicUrl));
    },

    async getHsdsTaxonomy(request, reply) {
      licensed(reply);
      const taxonomy = hsdsTaxonomies(publicUrl).find((item) => item.id === request.params.id);
      if (!taxonomy) throw notFound('taxonomy', request.params.id);
      return taxonomy;
    },

    async listHsdsTaxonomyTerms(request, reply) {
      licensed(reply);
      const { query } = request;
      const terms = hsdsTaxonomyTerms().filter(
        (term) =>
          (query.taxonomy_id === undefined || term['taxonomy_id'] === query.taxonomy_id) &&
          containsAllWords(`${String(term['code'])} ${String(term['name'])} ${String(term['description'])}`, query.search),
      );
      return listOf(reply, query, terms);
    },

    async getHsdsTaxonomyTerm(request, reply) {
      licensed(reply);
      const term = hsdsTaxonomyTerms().find((item) => item.id === request.params.id);
      if (!term) throw notFound('taxonomy term', request.params.id);
      return term;
    },

    async listHsdsServiceAtLocations(request, reply) {
      licensed(reply);
      const { query } = request;
      const { rows, total } = await listPlaces(db, serviceFilters(query), sliceOf(query));
      return listAnswer(reply, query, await places(rows), total);
    },

    async getHsdsServiceAtLocation(request, reply) {
      licensed(reply);
      // Ids of places are derived (ids.ts), so the one asked for is found among all public places.
      const { rows } = await listPlaces(db, {}, undefined);
      const place = rows.find((row) => partId(row.offer_id, 'service_at_location', row.position) === request.params.id);
      if (!place) throw notFound('service at location', request.params.id);
      const [item] = await places([place]);
      return item!;
    },
  };
}

import type { Kysely } from 'kysely';
import { mayRead, mayReadDrafts } from '../auth/authorize.js';
import type { Database } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { DEFAULT_LIMIT, mapPage } from '../http/listing.js';
import { writeIfUnchanged } from '../http/preconditions.js';
import { withoutSaving } from '../http/preview.js';
import { fieldError, invalidBody, invalidQuery, ProblemError } from '../http/problems.js';
import { existingOrganization, knownMunicipalities, unknownMunicipality } from '../orgs/lookups.js';
import { emergencyContacts } from './emergency-contacts.js';
import { checkOffer, completeInput, dataFromOffer, toHelpOffer, toWrite, type OfferData, type OfferWrite } from './model.js';
import { regionMoment } from './opening-hours.js';
import {
  deleteOffer,
  findOffer,
  insertOffer,
  listOrganizationOffers,
  searchOffers,
  updateOffer,
  type SearchPosition,
  type SearchSort,
} from './queries.js';
import type { HelpSearchIndex } from './search-index.js';
import { planSearch } from './search.js';
import { helpTopics } from './topics.js';
import * as clock from '../clock.js';

type HelpOperations =
  | 'listHelpTopics'
  | 'listEmergencyContacts'
  | 'listHelpOffers'
  | 'getHelpOffer'
  | 'listOrganizationHelpOffers'
  | 'createHelpOffer'
  | 'updateHelpOffer'
  | 'deleteHelpOffer'
  | 'previewHelpOffer';

function parseNear(near: string | undefined): Schemas['GeoPoint'] | undefined {
  if (near === undefined) return undefined;
  const [lat, lon] = near.split(',').map(Number) as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw invalidQuery([fieldError('/near', 'invalid-coordinates', 'must be lat,lon with -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180')]);
  return { lat, lon };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor of this search: the same sort, an int4 key and an offer id (anything else would fail in SQL). */
function parseCursor(cursor: string | undefined, sort: SearchSort): SearchPosition | undefined {
  const position = decodeCursor(cursor, 4);
  if (!position) return undefined;
  const [cursorSort, key, name, id] = position;
  const validKey = Number.isInteger(key) && Math.abs(key as number) < 2 ** 31;
  if (cursorSort !== sort || !validKey || typeof name !== 'string' || typeof id !== 'string' || !uuid.test(id)) {
    throw invalidQuery([fieldError('/cursor', 'cursor-mismatch', 'belongs to another search; start again without cursor')]);
  }
  return [sort, key as number, name, id];
}

async function assertMunicipalities(db: Kysely<Database>, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const known = await knownMunicipalities(db, ids);
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown !== -1) throw invalidQuery([unknownMunicipality(`/municipality/${unknown}`, ids[unknown]!)]);
}

/** Checks an offer as a whole (422 naming each problem) and maps it to what is stored; the demo seed writes through it too. */
export async function checkedOffer(db: Kysely<Database>, data: OfferData, organizationId: string): Promise<OfferWrite> {
  const ids = data.locations.flatMap((location) => (location.municipalityId ? [location.municipalityId] : []));
  const municipalities = await knownMunicipalities(db, ids);
  const checked = checkOffer(data, municipalities);
  if (checked.errors.length > 0) throw invalidBody(checked.errors);
  const organization = await existingOrganization(db, organizationId);
  return toWrite(checked.data, { organizationName: organization.name, municipalityNames: municipalities });
}

const notFound = (id: string) => new ProblemError('not-found', `There is no help offer "${id}".`);

const offerEntry = (id: string) => ({ table: 'help_offers', id, noun: 'help offer' }) as const;

/** `openNow` and `hoursToday` are computed for the time of the request (tests call the queries with other moments). */
export function helpHandlers(db: Kysely<Database>, searchIndex?: HelpSearchIndex): Pick<Handlers, HelpOperations> {
  const now = () => regionMoment(clock.now());

  async function existingOffer(id: string, from: Kysely<Database> = db) {
    const row = await findOffer(from, id, now());
    if (!row) throw notFound(id);
    return row;
  }

  return {
    async listHelpTopics() {
      return { items: helpTopics, nextCursor: null };
    },

    async listEmergencyContacts() {
      return { items: emergencyContacts, nextCursor: null };
    },

    async listHelpOffers(request) {
      const query = request.query;
      const near = parseNear(query.near);
      if (query.radius !== undefined && !near) throw invalidQuery([fieldError('/radius', 'needs-near', 'needs near (lat,lon)')]);
      const sort: SearchSort = query.sort ?? (query.q ? 'relevance' : near ? 'distance' : 'name');
      if (sort === 'distance' && !near) throw invalidQuery([fieldError('/sort', 'needs-near', 'distance needs near (lat,lon)')]);
      const after = parseCursor(query.cursor, sort);
      await assertMunicipalities(db, query.municipality);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const plan = query.q ? await planSearch(db, query.q, searchIndex?.wordsInMemory) : undefined;
      const filters = {
        topic: query.topic,
        audience: query.audience,
        language: query.language?.map((tag) => tag.split('-', 1)[0]!.toLowerCase()),
        municipality: query.municipality,
        organization: query.organization,
        cost: query.cost,
        anonymous: query.anonymous,
        barrierFree: query.barrierFree,
        openNow: query.openNow,
        near,
        radius: query.radius,
        modifiedAfter: query.modifiedAfter,
      };
      const search = { filters, plan, sort, after, limit };
      const moment = now();
      const result = (await searchIndex?.search(search, moment)) ?? (await searchOffers(db, search, moment));
      const page = toPage(
        result.rows,
        limit,
        (row) => [sort, row.sort_key, row.sort_name, row.id],
        (row): Schemas['HelpOfferHit'] =>
          // Set on the item, not spread into a copy of it: see `searchRow` (search-index.ts) on copies and the GC.
          Object.assign(toHelpOffer(row), { distanceKm: row.distance_m === null ? null : Math.round(row.distance_m / 100) / 10 }),
      );
      return { ...page, total: result.total, crisisDetected: plan?.crisisDetected ?? false, facets: result.facets };
    },

    async getHelpOffer(request) {
      const row = await existingOffer(request.params.helpOfferId);
      if (!mayRead(request, row)) throw notFound(row.id);
      return toHelpOffer(row);
    },

    async listOrganizationHelpOffers(request) {
      const { organizationId } = request.params;
      await existingOrganization(db, organizationId);
      const options = { ...request.query, drafts: mayReadDrafts(request) };
      return mapPage(await listOrganizationOffers(db, organizationId, options, now()), toHelpOffer);
    },

    async createHelpOffer(request, reply) {
      const { organizationId } = request.params;
      const write = await checkedOffer(db, completeInput(request.body), organizationId);
      const id = await insertOffer(db, organizationId, write);
      reply.code(201).header('Location', `/help-offers/${id}`);
      return toHelpOffer((await findOffer(db, id, now()))!);
    },

    async updateHelpOffer(request) {
      const row = await existingOffer(request.params.helpOfferId);
      // The stored offer with the sent fields replaced, checked as a whole like a new one.
      const merged = { ...dataFromOffer(toHelpOffer(row)), ...request.body };
      const write = await checkedOffer(db, completeInput(merged), row.organization_id);
      await writeIfUnchanged(db, request, offerEntry(row.id), (trx) => updateOffer(trx, row.id, write));
      return toHelpOffer((await findOffer(db, row.id, now()))!);
    },

    async deleteHelpOffer(request, reply) {
      const row = await existingOffer(request.params.helpOfferId);
      await writeIfUnchanged(db, request, offerEntry(row.id), (trx) => deleteOffer(trx, row.id));
      return reply.code(204).send();
    },

    async previewHelpOffer(request) {
      const { organizationId } = request.params;
      const { offer: input, replaces } = request.body;
      return withoutSaving(db, 'offer', async (trx) => {
        let id: string;
        if (replaces === undefined) {
          const write = await checkedOffer(trx, { ...completeInput(input), published: true }, organizationId);
          id = await insertOffer(trx, organizationId, write);
        } else {
          const row = await existingOffer(replaces, trx);
          if (row.organization_id !== organizationId) throw notFound(replaces);
          // As updateHelpOffer merges: the stored offer with the sent fields replaced.
          const merged = { ...dataFromOffer(toHelpOffer(row)), ...input };
          await updateOffer(trx, row.id, await checkedOffer(trx, { ...completeInput(merged), published: true }, organizationId));
          id = row.id;
        }
        return toHelpOffer((await findOffer(trx, id, now()))!);
      });
    },
  };
}

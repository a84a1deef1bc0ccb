import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { toHelpOffer, type OfferRow } from '../../help/model.js';
import { regionMoment } from '../../help/opening-hours.js';
import { searchOffers, type SearchPosition } from '../../help/queries.js';
import { openingHoursInWords } from '../../print/opening-hours-words.js';
import type { DatasetTable, ReadTable } from './table.js';

const columns = [
  'id',
  'name',
  'organizationId',
  'organization',
  'description',
  'topics',
  'audiences',
  'eligibility',
  'languages',
  'cost',
  'fees',
  'anonymous',
  'barrierFree',
  'accessibility',
  'crisis',
  'walkIn',
  'serviceArea',
  'url',
  'email',
  'phones',
  'chatUrl',
  'places',
  'municipalityIds',
  'openingHours',
  'assuredDate',
  'isExample',
  'updatedAt',
] as const;

const PAGE_SIZE = 100;

/** Every published offer, by name: the citizens' search without a query, page after page. */
async function publishedOffers(db: Kysely<Database>, now: Date): Promise<OfferRow[]> {
  const offers: OfferRow[] = [];
  let after: SearchPosition | undefined;
  for (;;) {
    const { rows } = await searchOffers(db, { filters: {}, plan: undefined, sort: 'name', after, limit: PAGE_SIZE }, regionMoment(now));
    const page = rows.slice(0, PAGE_SIZE);
    offers.push(...page);
    const last = page.at(-1);
    if (rows.length <= PAGE_SIZE || !last) return offers;
    after = ['name', 0, last.sort_name, last.id];
  }
}

/** "Name, address" of a place, as one line. */
function placeText(location: Schemas['HelpLocation']): string {
  return [location.name, location.address].filter(Boolean).join(', ');
}

/** Published help offers; each place with coordinates is a point, the hours are German phrases. */
export const readHelpOffers: ReadTable = async (db, now): Promise<DatasetTable<(typeof columns)[number]>> => {
  const offers = (await publishedOffers(db, now)).map(toHelpOffer);
  return {
    columns,
    entries: offers.map((offer) => ({
      id: offer.id,
      fields: {
        id: offer.id,
        name: offer.name,
        organizationId: offer.organization.id,
        organization: offer.organization.name,
        description: offer.description,
        topics: offer.topics,
        audiences: offer.audiences,
        eligibility: offer.eligibilityDescription,
        languages: offer.languages,
        cost: offer.cost,
        fees: offer.feesDescription,
        anonymous: offer.anonymous,
        barrierFree: offer.barrierFree,
        accessibility: offer.accessibility,
        crisis: offer.crisis,
        walkIn: offer.walkIn,
        serviceArea: offer.serviceArea,
        url: offer.url,
        email: offer.email,
        phones: offer.phones.map((phone) => (phone.description ? `${phone.number} (${phone.description})` : phone.number)),
        chatUrl: offer.chatUrl,
        places: offer.locations.map(placeText).filter(Boolean),
        municipalityIds: [...new Set(offer.locations.flatMap((location) => (location.municipalityId ? [location.municipalityId] : [])))],
        openingHours: openingHoursInWords(offer.openingHours),
        assuredDate: offer.assuredDate,
        isExample: offer.isExample,
        updatedAt: offer.updatedAt,
      },
      places: offer.locations.flatMap((location) =>
        location.coordinates
          ? [{ ...location.coordinates, fields: { placeName: location.name ?? null, address: location.address ?? null } }]
          : [],
      ),
    })),
  };
};

import { sql, type Kysely } from 'kysely';
import type { Database } from '../packages/hub/src/db/schema.js';
import type { Schemas } from '../packages/hub/src/http/api.js';
import { completeInput } from '../packages/hub/src/help/model.js';
import { checkedOffer } from '../packages/hub/src/help/handlers.js';
import { insertOffers } from '../packages/hub/src/help/queries.js';
import { exampleOffers, type SeedOffer } from '../packages/hub/src/help/seed/example-offers.js';
import { realOffers } from '../packages/hub/src/help/seed/real-offers.js';

/** Deterministic pseudo-random numbers, so every run stores the same offers. */
let state = 6;
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;

const templates: SeedOffer[] = [...realOffers, ...exampleOffers];
const prefixes = ['Außensprechstunde', 'Offener Treff', 'Online-Beratung', 'Zweigstelle', 'Sprechstunde', 'Gruppenangebot'];
const streets = [
  'Hauptstraße',
  'Kirchplatz',
  'Bahnhofstraße',
  'Schulstraße',
  'Marktplatz',
  'Am Rathaus',
  'Lindenweg',
  'Gartenstraße',
  'Mühlweg',
  'Ringstraße',
  'Schlossberg',
  'Kapellenweg',
];
const costs: Schemas['HelpCost'][] = ['free', 'free', 'low', 'fee'];

/** The first sentence of a text, to mix descriptions of different offers. */
const firstSentence = (text: string) => text.match(/^.*?[.!?](\s|$)/)?.[0].trim() ?? text;

/**
 * An offer like one of the demo offers (topics, hours, crisis flag and organization of its
 * template), in another municipality, with a varied name and description, more topics or
 * other audiences, costs and access, and its place somewhere within a few kilometres.
 */
function variant(index: number, municipalities: { id: string; name: string; lat: number; lon: number }[]): SeedOffer {
  const template = templates[index % templates.length]!;
  const other = pick(templates);
  const municipality = pick(municipalities);
  const name = pick([
    `${template.name} ${municipality.name}`,
    `${pick(prefixes)} ${template.name}`,
    `${pick(prefixes)} ${template.name} ${municipality.name}`,
  ]);
  const secretPlace = (template.locations ?? []).some((location) => !location.address);
  const located = template.serviceArea === 'local' || (template.locations?.length ?? 0) > 0;
  const locations: Schemas['HelpLocation'][] = located
    ? [
        {
          name: null,
          address: secretPlace ? null : `${pick(streets)} ${1 + Math.floor(random() * 60)}, ${municipality.name}`,
          municipalityId: municipality.id,
          coordinates: secretPlace
            ? null
            : {
                lat: Math.round((municipality.lat + (random() - 0.5) * 0.04) * 1e5) / 1e5,
                lon: Math.round((municipality.lon + (random() - 0.5) * 0.06) * 1e5) / 1e5,
              },
        },
      ]
    : [];
  return {
    ...template,
    name: name.slice(0, 200),
    description: `${template.description} ${firstSentence(other.description)} Auch für Menschen aus ${municipality.name} und Umgebung.`,
    topics: chance(0.3) ? [...new Set([...template.topics, pick(other.topics)])] : template.topics,
    audiences: chance(0.3) ? (other.audiences ?? []) : (template.audiences ?? []),
    cost: template.crisis ? 'free' : pick(costs),
    anonymous: chance(0.2) ? !template.anonymous : (template.anonymous ?? false),
    barrierFree: chance(0.2) ? !template.barrierFree : (template.barrierFree ?? false),
    locations,
  };
}

/**
 * Stores `count` help offers generated from the demo offers (the same ones every run), each
 * checked by `checkedWrite` and stored by `insertOffers` as the API and the seed do, so the
 * search columns and the vocabulary are filled as on a running Hub.
 */
export async function storeBenchHelpOffers(db: Kysely<Database>, count: number): Promise<void> {
  state = 6;
  const municipalities = await db.selectFrom('municipalities').select(['id', 'name', 'lat', 'lon']).orderBy('id').execute();
  const organizations = new Map((await db.selectFrom('organizations').select(['id', 'name']).execute()).map((row) => [row.name, row.id]));
  const batch = 1000;
  for (let from = 0; from < count; from += batch) {
    const writes = [];
    for (let index = from; index < Math.min(count, from + batch); index++) {
      const { organization, ...input } = variant(index, municipalities);
      const organizationId = organizations.get(organization);
      if (!organizationId) throw new Error(`bench help offer ${index}: unknown organization "${organization}"`);
      writes.push({ organizationId, write: await checkedOffer(db, completeInput(input), organizationId) });
    }
    await insertOffers(db, writes);
  }
  // Fresh statistics, as autovacuum would have them on a Hub that has been running.
  await sql`ANALYZE help_offers, help_offer_locations, help_offer_hours, help_search_words`.execute(db);
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newOrganizationRow } from '../../orgs/organizations.js';
import { completeInput } from '../model.js';
import { checkedOffer } from '../handlers.js';
import { insertOffers } from '../queries.js';
import { exampleOffers, type SeedOffer } from './example-offers.js';
import { helpOrganizations } from './organizations.js';
import { realOffers } from './real-offers.js';

async function addMissingOrganizations(db: Kysely<Database>): Promise<void> {
  const existing = new Set((await db.selectFrom('organizations').select('name').execute()).map((row) => row.name));
  const missing = helpOrganizations.filter((organization) => !existing.has(organization.name));
  if (missing.length === 0) return;
  await db
    .insertInto('organizations')
    .values(missing.map(newOrganizationRow))
    .execute();
}

/** Spreads places of one municipality a few hundred metres around its centre, the same on every seed. */
function nearCenter(center: { lat: number; lon: number }, index: number) {
  return {
    lat: Math.round((center.lat + (((index * 7) % 11) - 5) * 0.0009) * 1e5) / 1e5,
    lon: Math.round((center.lon + (((index * 5) % 13) - 6) * 0.0012) * 1e5) / 1e5,
  };
}

/**
 * Adds the help offers: the real crisis lines and the example offers, once — when any offer
 * exists, nothing happens. Each goes through the same checks as an offer sent to the API. Places
 * with an address get coordinates near their municipality's centre; places without one (a
 * women's shelter's secret address, services that come to people's homes) get none.
 */
export async function seedHelp(db: Kysely<Database>): Promise<number> {
  if (await db.selectFrom('help_offers').select('id').limit(1).executeTakeFirst()) return 0;
  await addMissingOrganizations(db);
  const organizations = new Map((await db.selectFrom('organizations').select(['id', 'name']).execute()).map((row) => [row.name, row.id]));
  const centers = new Map((await db.selectFrom('municipalities').select(['id', 'lat', 'lon']).execute()).map((row) => [row.id, row]));
  const offers: SeedOffer[] = [...realOffers, ...exampleOffers];
  const writes = [];
  for (const [index, { organization, ...input }] of offers.entries()) {
    const organizationId = organizations.get(organization);
    if (!organizationId) throw new Error(`The demo help offer "${input.name}" names an unknown organization "${organization}".`);
    const locations = (input.locations ?? []).map((location) => {
      const center = location.municipalityId ? centers.get(location.municipalityId) : undefined;
      return { ...location, coordinates: location.address && center ? nearCenter(center, index) : null };
    });
    writes.push({ organizationId, write: await checkedOffer(db, completeInput({ ...input, locations }), organizationId) });
  }
  await insertOffers(db, writes);
  return offers.length;
}

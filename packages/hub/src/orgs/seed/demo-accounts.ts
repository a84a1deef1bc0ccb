import type { Kysely } from 'kysely';
import { grantMembership, makeRegionAdmin, personWithAddress } from '../../accounts/queries.js';
import type { Database } from '../../db/schema.js';

/**
 * Demo sign-ins, so that the organizations' pages can be tried at once (README): an owner for each
 * example organization, `<organization-slug>@demo.smart-region.example`, and a region admin,
 * `admin@demo.smart-region.example`. `.example` is reserved (RFC 2606): no mail ever reaches anyone.
 */
export const DEMO_DOMAIN = 'demo.smart-region.example';

export const demoRegionAdmin = { email: `admin@${DEMO_DOMAIN}`, displayName: 'Demo-Regionsverwaltung' };

export function demoOwnerAddress(organizationSlug: string): string {
  return `${organizationSlug}@${DEMO_DOMAIN}`;
}

/** Safe to run again: people and memberships that exist are kept. */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<void> {
  const admin = await personWithAddress(db, demoRegionAdmin.email, demoRegionAdmin.displayName);
  await makeRegionAdmin(db, admin.id);
  const examples = await db.selectFrom('organizations').select(['id', 'slug', 'name']).where('is_example', '=', true).execute();
  for (const organization of examples) {
    const owner = await personWithAddress(db, demoOwnerAddress(organization.slug), `Demo-Vorstand ${organization.name}`.slice(0, 100));
    await grantMembership(db, organization.id, owner.id, 'owner');
  }
}

import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { assetUrl } from '../../assets.js';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { sortKey } from '../../http/text.js';
import { seedEvents } from '../../events/seed/seed-events.js';
import { seedHelp } from '../../help/seed/seed-help.js';
import { seedPolls } from '../../polls/seed/seed-polls.js';
import { seedVolunteering } from '../../volunteering/seed/seed-volunteering.js';
import { newOrganizationRow } from '../organizations.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { exampleOrganizations } from './example-organizations.js';

/** The real municipalities of the city and county of Würzburg, with official keys. */
export async function loadMunicipalities(): Promise<Schemas['Municipality'][]> {
  return JSON.parse(await readFile(assetUrl('municipalities'), 'utf8')) as Schemas['Municipality'][];
}

export interface SeedResult {
  municipalities: number;
  organizations: number;
}

/**
 * Demo data. Safe to run again: municipalities are updated in place, and example
 * organizations are only added when none exist yet. Each example organization has a demo owner to
 * sign in as, and there is a demo region admin (`demo-accounts.ts`).
 */
export async function seed(db: Kysely<Database>): Promise<SeedResult> {
  const municipalities = await loadMunicipalities();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('municipalities')
      .values(
        municipalities.map((municipality) => ({
          id: municipality.id,
          name: municipality.name,
          sort_name: sortKey(municipality.name),
          official_key: municipality.officialKey,
          kind: municipality.kind,
          district: municipality.district,
          lat: municipality.center.lat,
          lon: municipality.center.lon,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          sort_name: eb.ref('excluded.sort_name'),
          official_key: eb.ref('excluded.official_key'),
          kind: eb.ref('excluded.kind'),
          district: eb.ref('excluded.district'),
          lat: eb.ref('excluded.lat'),
          lon: eb.ref('excluded.lon'),
        })),
      )
      .execute();

    const existing = await trx.selectFrom('organizations').select('id').where('is_example', '=', true).limit(1).execute();
    let organizations = 0;
    if (existing.length === 0) {
      const rows = exampleOrganizations.map((organization) => newOrganizationRow({ ...organization, isExample: true }));
      const inserted = await trx.insertInto('organizations').values(rows).executeTakeFirst();
      organizations = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    }
    await seedEvents(trx);
    await seedHelp(trx);
    await seedPolls(trx);
    await seedVolunteering(trx);
    // Last: the other domains add example organizations of their own.
    await seedDemoAccounts(trx);
    return { municipalities: municipalities.length, organizations };
  });
}

/** True when the database has no municipalities yet: a fresh installation. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

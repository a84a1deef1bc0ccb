import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, MunicipalityTable, OrganizationTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { nextVersion } from '../http/preconditions.js';
import { renameInOffers } from '../help/queries.js';
import { modifiedAfter, pageByName, type Page, type Paging } from '../http/listing.js';
import type { ExistingOrganization } from './lookups.js';

/** Every SQL statement of municipalities and organizations. */

/**
 * Only approved organizations are public: a registered one waits for a region admin, a rejected one
 * is gone from view. Every public read of organizations, and of the events, help offers, polls and
 * volunteer needs they publish (whose queries join `organizations`), filters with this.
 */
export const approvedOrganization = sql<boolean>`organizations.status = 'approved'`;

export async function listMunicipalities(
  db: Kysely<Database>,
  filters: { district?: MunicipalityTable['district'] | undefined; q?: string | undefined },
  paging: Paging,
): Promise<Page<Selectable<MunicipalityTable>>> {
  let query = db.selectFrom('municipalities').selectAll();
  if (filters.district) query = query.where('district', '=', filters.district);
  return pageByName(query, { ...paging, q: filters.q });
}

/** A municipality by its id or its eight-digit official key. */
export async function findMunicipality(db: Kysely<Database>, idOrKey: string): Promise<Selectable<MunicipalityTable> | undefined> {
  const column = /^[0-9]{8}$/.test(idOrKey) ? 'official_key' : 'id';
  return db.selectFrom('municipalities').selectAll().where(column, '=', idOrKey).executeTakeFirst();
}

/** The names of the municipalities among `ids`, or of all of them without `ids`. */
export async function selectMunicipalityNames(db: Kysely<Database>, ids?: readonly string[]): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('municipalities').select(['id', 'name']);
  if (ids) query = query.where('id', 'in', ids);
  return query.execute();
}

export async function listOrganizations(
  db: Kysely<Database>,
  filters: { kind?: string | undefined; municipality?: string | undefined; q?: string | undefined; modifiedAfter?: string | undefined },
  paging: Paging,
): Promise<Page<Selectable<OrganizationTable>>> {
  let query = db.selectFrom('organizations').selectAll().where(approvedOrganization);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.municipality) query = query.where('municipality_id', '=', filters.municipality);
  for (const condition of modifiedAfter('organizations.updated_at', filters.modifiedAfter)) query = query.where(condition);
  return pageByName(query, { ...paging, q: filters.q });
}

/** An approved organization: what the public may see. */
export async function findOrganization(db: Kysely<Database>, id: string): Promise<Selectable<OrganizationTable> | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).where(approvedOrganization).executeTakeFirst();
}

/**
 * What other domains need of an organization before they list or write its content: approved ones
 * only (the authorization refuses writes for others before, with 403 `organization-pending`).
 */
export async function findOrganizationSummary(db: Kysely<Database>, id: string): Promise<ExistingOrganization | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'municipality_id as municipalityId'])
    .where('id', '=', id)
    .where(approvedOrganization)
    .executeTakeFirst();
}

export async function insertOrganization(db: Kysely<Database>, row: Insertable<OrganizationTable>): Promise<Selectable<OrganizationTable>> {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Writes the given columns; a new name is also the new name in the organization's help offers' search labels.
 * Its offers, events and volunteer needs show the name, so a new name changes them too: their
 * versions move, and a mirror that follows them with `modifiedAfter` gets them with the new name.
 */
export async function updateOrganization(
  db: Kysely<Database>,
  id: string,
  columns: Updateable<OrganizationTable>,
): Promise<Selectable<OrganizationTable> | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst();
    const updated = await trx
      .updateTable('organizations')
      .set({ ...columns, updated_at: nextVersion() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (updated && columns.name !== undefined) await renameInOffers(trx, id, updated.name);
    if (updated && updated.name !== before?.name) await entriesRenamed(trx, id);
    return updated;
  });
}

async function entriesRenamed(db: Kysely<Database>, organizationId: string): Promise<void> {
  await db.updateTable('help_offers').set({ updated_at: nextVersion() }).where('organization_id', '=', organizationId).execute();
  await db.updateTable('events').set({ updated_at: nextVersion() }).where('organization_id', '=', organizationId).execute();
  await db.updateTable('volunteer_needs').set({ updated_at: nextVersion() }).where('organization_id', '=', organizationId).execute();
}

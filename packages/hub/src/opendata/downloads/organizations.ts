import { toOrganization } from '../../orgs/organizations.js';
import { listOrganizations } from '../../orgs/queries.js';
import { everyPage, type DatasetTable, type ReadTable } from './table.js';

const columns = [
  'id',
  'slug',
  'name',
  'kind',
  'description',
  'municipalityId',
  'website',
  'email',
  'phone',
  'privacyPolicyUrl',
  'isExample',
  'updatedAt',
] as const;

/** Approved organizations with the contact details they publish themselves (no person's). */
export const readOrganizations: ReadTable = async (db): Promise<DatasetTable<(typeof columns)[number]>> => {
  const organizations = (await everyPage((paging) => listOrganizations(db, {}, paging))).map(toOrganization);
  return {
    columns,
    entries: organizations.map((organization) => ({
      id: organization.id,
      fields: Object.fromEntries(columns.map((column) => [column, organization[column]])) as Record<
        (typeof columns)[number],
        string | boolean | null
      >,
      places: [],
    })),
  };
};

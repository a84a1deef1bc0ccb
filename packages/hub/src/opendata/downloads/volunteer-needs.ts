import { toMunicipality } from '../../orgs/municipalities.js';
import { listMunicipalities } from '../../orgs/queries.js';
import { toNeed } from '../../volunteering/model.js';
import { listNeeds } from '../../volunteering/queries.js';
import { everyPage, type DatasetTable, type ReadTable } from './table.js';

/**
 * The public fields of a need, chosen one by one: no responses, no contact role (a name may stand
 * in it), no shifts with their people, no privacy settings — nothing about a person.
 */
const columns = [
  'id',
  'title',
  'description',
  'organizationId',
  'organization',
  'municipalityId',
  'placeName',
  'address',
  'remote',
  'startsAt',
  'endsAt',
  'ongoing',
  'timeCommitment',
  'skills',
  'peopleNeeded',
  'peopleStillNeeded',
  'urgent',
  'status',
  'isExample',
  'updatedAt',
] as const;

const EVERY_STATUS = ['open', 'filled', 'expired', 'closed'];

/**
 * Published needs in every status. A need's place has no coordinates, so its point is the centre
 * of its municipality (`position: municipality-centre` says so); a need without one has none.
 */
export const readVolunteerNeeds: ReadTable = async (db, now): Promise<DatasetTable<(typeof columns)[number]>> => {
  const [rows, municipalities] = await Promise.all([
    everyPage((paging) => listNeeds(db, { status: EVERY_STATUS }, paging, now)),
    everyPage((paging) => listMunicipalities(db, {}, paging)),
  ]);
  const centres = new Map(municipalities.map((row) => [row.id, toMunicipality(row).center]));
  return {
    columns,
    entries: rows.map((row) => {
      const need = toNeed(row, [], now);
      const centre = need.municipalityId === null ? undefined : centres.get(need.municipalityId);
      return {
        id: need.id,
        fields: {
          id: need.id,
          title: need.title,
          description: need.description,
          organizationId: need.organization.organizationId,
          organization: need.organization.name,
          municipalityId: need.municipalityId,
          placeName: need.place?.name ?? null,
          address: need.place?.address ?? null,
          remote: need.remote,
          startsAt: need.startsAt,
          endsAt: need.endsAt,
          ongoing: need.ongoing,
          timeCommitment: need.timeCommitment,
          skills: need.skills,
          peopleNeeded: need.peopleNeeded,
          peopleStillNeeded: need.peopleStillNeeded,
          urgent: need.urgent,
          status: need.status,
          isExample: need.isExample,
          updatedAt: need.updatedAt,
        },
        places: centre ? [{ ...centre, fields: { position: 'municipality-centre' } }] : [],
      };
    }),
  };
};

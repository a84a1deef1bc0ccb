import { toMunicipality } from '../../orgs/municipalities.js';
import { listMunicipalities } from '../../orgs/queries.js';
import { everyPage, type DatasetTable, type ReadTable } from './table.js';

const columns = ['id', 'name', 'officialKey', 'kind', 'district', 'lat', 'lon'] as const;

/** Every municipality of the region, at its centre. */
export const readMunicipalities: ReadTable = async (db): Promise<DatasetTable<(typeof columns)[number]>> => {
  const municipalities = (await everyPage((paging) => listMunicipalities(db, {}, paging))).map(toMunicipality);
  return {
    columns,
    entries: municipalities.map(({ id, name, officialKey, kind, district, center }) => ({
      id,
      fields: { id, name, officialKey, kind, district, lat: center.lat, lon: center.lon },
      places: [{ ...center, fields: {} }],
    })),
  };
};

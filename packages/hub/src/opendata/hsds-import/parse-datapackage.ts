import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { ProblemError } from '../../http/problems.js';
import type { HsdsAttribute, HsdsLocation, HsdsService, HsdsServiceAtLocation } from './dataset.js';
import { notHsds } from './parse-json.js';

/**
 * An HSDS datapackage: a zip of `datapackage.json` and one CSV file per table, joined here by
 * their ids into services as an HSDS API nests them.
 */

/** A datapackage has some 25 tables; far more files is no datapackage. */
export const MAX_ZIP_FILES = 200;
/** What all files may hold once unpacked: a zip bomb is refused before anything is unpacked. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

const tables = [
  'services',
  'locations',
  'addresses',
  'accessibility',
  'service_at_locations',
  'schedules',
  'phones',
  'languages',
  'attributes',
  'taxonomy_terms',
  'taxonomies',
  'cost_options',
  'service_areas',
] as const;
type Table = (typeof tables)[number];
type Row = Record<string, string>;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Unpacks the files the import reads (found by the table's name, in any folder), after checking
 * the sizes the archive declares. fflate unpacks each file into a buffer of its declared size,
 * so a file that is larger than it says cannot grow beyond it.
 */
function unpack(zip: Uint8Array): Map<string, Uint8Array> {
  const wanted = new Set(['datapackage.json', ...tables.map((table) => `${table}.csv`)]);
  let files = 0;
  let bytes = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(zip, {
      filter(file) {
        files += 1;
        bytes += file.originalSize;
        if (files > MAX_ZIP_FILES) {
          throw new ProblemError(
            'payload-too-large',
            `The zip holds more than ${MAX_ZIP_FILES} files; an HSDS datapackage has one per table.`,
          );
        }
        if (bytes > MAX_UNZIPPED_BYTES) {
          throw new ProblemError('payload-too-large', `The zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MiB.`);
        }
        return wanted.has(baseName(file.name));
      },
    });
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError('invalid-request', `The body is no readable zip archive (${(error as Error).message}).`);
  }
  const byName = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(unpacked)) {
    const name = baseName(path);
    // The shallowest copy wins: `data/services.csv` over a stray one deeper down.
    if (!byName.has(name)) byName.set(name, content);
  }
  return byName;
}

function readTable(files: Map<string, Uint8Array>, table: Table): Row[] {
  const content = files.get(`${table}.csv`);
  if (!content) return [];
  try {
    return parse<Row>(new TextDecoder('utf-8', { fatal: true }).decode(content), { columns: true, bom: true, skip_empty_lines: true });
  } catch (error) {
    throw notHsds(`${table}.csv cannot be read as UTF-8 CSV (${(error as Error).message}).`);
  }
}

/** Rows grouped by one column's value. */
function groupBy(rows: Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row[column];
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

const of = (groups: Map<string, Row[]>, key: string | undefined): Row[] => (key ? (groups.get(key) ?? []) : []);

export function servicesFromDatapackage(zip: Uint8Array): HsdsService[] {
  const files = unpack(zip);
  if (!files.has('datapackage.json') || !files.has('services.csv')) {
    throw notHsds('an HSDS datapackage is a zip with datapackage.json and services.csv (and the other tables as CSV).');
  }
  const read = Object.fromEntries(tables.map((table) => [table, readTable(files, table)])) as Record<Table, Row[]>;
  const byService = (table: Table) => groupBy(read[table], 'service_id');
  const byLocation = (table: Table) => groupBy(read[table], 'location_id');
  const taxonomies = new Map(read.taxonomies.map((row) => [row['id'], row]));
  const terms = new Map(
    read.taxonomy_terms.map((row) => {
      const taxonomy = taxonomies.get(row['taxonomy_id']);
      return [row['id'], { ...row, taxonomy_detail: taxonomy ? { id: taxonomy['id'], name: taxonomy['name'] } : null }];
    }),
  );
  const addresses = byLocation('addresses');
  const accessibility = byLocation('accessibility');
  const locationSchedules = byLocation('schedules');
  const locations = new Map(
    read.locations.map((row): [string | undefined, HsdsLocation] => [
      row['id'],
      {
        ...row,
        addresses: of(addresses, row['id']),
        accessibility: of(accessibility, row['id']),
        schedules: of(locationSchedules, row['id']),
      },
    ]),
  );
  const atSchedules = groupBy(read.schedules, 'service_at_location_id');
  const atLocations = byService('service_at_locations');
  const attributes = groupBy(read.attributes, 'link_id');
  // A schedule of a place or of a service at a place belongs there, not to the service as a whole.
  const serviceSchedules = groupBy(
    read.schedules.filter((row) => !row['location_id'] && !row['service_at_location_id']),
    'service_id',
  );
  const phones = byService('phones');
  const languages = byService('languages');
  const costOptions = byService('cost_options');
  const serviceAreas = byService('service_areas');
  return read.services.map((row) => {
    const id = row['id'];
    return {
      ...row,
      phones: of(phones, id),
      languages: of(languages, id),
      schedules: of(serviceSchedules, id),
      cost_options: of(costOptions, id),
      service_areas: of(serviceAreas, id),
      service_at_locations: of(atLocations, id).map((at): HsdsServiceAtLocation => ({
        location_id: at['location_id'],
        location: locations.get(at['location_id']) ?? null,
        schedules: of(atSchedules, at['id']),
      })),
      attributes: of(attributes, id).map((attribute): HsdsAttribute => ({
        ...attribute,
        taxonomy_term: terms.get(attribute['taxonomy_term_id']) ?? null,
      })),
    };
  });
}

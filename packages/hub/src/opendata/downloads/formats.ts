import { csvTable } from '../../http/csv.js';
import type { DatasetId } from '../datasets.js';
import { licenceMembers, type OpenDataOptions } from '../licence.js';
import type { DatasetTable, Value } from './table.js';

/** A value as one CSV cell: lists joined by `; `, booleans as `true`/`false`, nothing as empty. */
function cellText(value: Value): string | number | null {
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join('; ');
  return value as string | number | null;
}

/** The table as CSV (RFC 4180, CRLF, one header row; formula-safe through `csvCell`). */
export function toCsv(table: DatasetTable): string {
  return csvTable([
    table.columns as string[],
    ...table.entries.map((entry) => table.columns.map((column) => cellText(entry.fields[column]!))),
  ]);
}

/** The table as the JSON download: the CSV's fields, lists as arrays, with the licence. */
export function toJson(dataset: DatasetId, table: DatasetTable, options: OpenDataOptions, generatedAt: Date) {
  return {
    dataset,
    generatedAt: generatedAt.toISOString(),
    ...licenceMembers(options),
    items: table.entries.map((entry) => entry.fields),
  };
}

/**
 * The table's places as a GeoJSON FeatureCollection (RFC 7946: WGS 84, `[lon, lat]`, no `crs`),
 * one Point feature per place, with `licence` and `attribution` as foreign members. An entry's
 * only place keeps the entry's id; several places are told apart by their position.
 */
export function toGeoJson(table: DatasetTable, options: OpenDataOptions) {
  return {
    type: 'FeatureCollection' as const,
    ...licenceMembers(options),
    features: table.entries.flatMap((entry) =>
      entry.places.map((place, index) => ({
        type: 'Feature' as const,
        id: entry.places.length === 1 ? entry.id : `${entry.id}/${index + 1}`,
        geometry: { type: 'Point' as const, coordinates: [place.lon, place.lat] },
        properties: { ...entry.fields, ...place.fields },
      })),
    ),
  };
}

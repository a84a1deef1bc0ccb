import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Page, Paging } from '../../http/listing.js';

/**
 * What every dataset module builds: its columns and one entry per row. The CSV, JSON and GeoJSON
 * downloads are three writings of this one table, so their fields cannot drift apart.
 */

/** A field's value; a list is a cell of `; `-separated values in CSV and an array in JSON. */
export type Value = string | number | boolean | null | readonly string[];

/** A point in WGS 84, where an entry is. */
export interface Place {
  lat: number;
  lon: number;
  /** Fields of this place alone (its name and address), added to the entry's in its feature. */
  fields: Record<string, Value>;
}

export interface Entry<Column extends string> {
  /** Unique in the dataset: the feature id stems from it. */
  id: string;
  fields: Record<Column, Value>;
  /** Where the entry is, for GeoJSON (one feature each); empty without coordinates. */
  places: Place[];
}

export interface DatasetTable<Column extends string = string> {
  columns: readonly Column[];
  entries: Entry<Column>[];
}

/** How a dataset module reads its table at the Hub's now. */
export type ReadTable = (db: Kysely<Database>, now: Date) => Promise<DatasetTable>;

/** The most a list query pages at once (the contract's `limit` maximum). */
const PAGE_SIZE = 100;

/** Every item of a paginated public list, read page after page through the domain's own query. */
export async function everyPage<Row>(read: (paging: Paging) => Promise<Page<Row>>): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ cursor, limit: PAGE_SIZE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}

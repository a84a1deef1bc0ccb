import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { decodeCursor, toPage } from './cursor.js';
import { escapeLike, searchSpellings } from './text.js';

export const DEFAULT_LIMIT = 20;

export interface Paging {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** One sort key of a keyset: its SQL, the type a cursor's value is cast to, and its value in a row. */
export interface KeyColumn<Row> {
  sql: RawBuilder<unknown>;
  /** A PostgreSQL type (`timestamptz`, `uuid`, `int`); none where the column's own type is inferred. */
  type?: 'timestamptz' | 'uuid' | 'int';
  value: (row: Row) => string | number;
}

/** The order of a list: sort keys, most significant first, the last one unique (the id), all one way. */
export interface Keyset<Row> {
  columns: KeyColumn<Row>[];
  direction: 'asc' | 'desc';
}

/**
 * The commonest order: a moment (`table.column`), then the row's UUID `table.id` as the tie-break.
 * The column must hold milliseconds at most (a `DEFAULT date_trunc('milliseconds', now())`, or
 * moments from JavaScript): the cursor carries the moment as a JavaScript `Date`, and a finer stored
 * moment would make a page that ends inside one millisecond skip (or repeat) rows.
 */
export function byMomentThenId<Row extends { id: string }>(
  table: string,
  column: string,
  moment: (row: Row) => Date,
  direction: Keyset<Row>['direction'],
): Keyset<Row> {
  return {
    columns: [
      { sql: sql.ref(`${table}.${column}`), type: 'timestamptz', value: (row) => moment(row).toISOString() },
      { sql: sql.ref(`${table}.id`), type: 'uuid', value: (row) => row.id },
    ],
    direction,
  };
}

/**
 * One page of `query` in the keyset's order, continued after the cursor's position: keyset
 * pagination, so a page costs the same however deep the client has paged. The one way every
 * domain's `queries.ts` pages a list; the cursor is the last row's keys (see `encodeCursor`).
 */
export async function pageByKeyset<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  keyset: Keyset<Row>,
  paging: Paging,
): Promise<Page<Row>> {
  const limit = paging.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(paging.cursor, keyset.columns.length);
  const keys = keyset.columns.map((column) => column.sql);
  let page = query;
  if (after) {
    const values = keyset.columns.map((column, index) =>
      column.type ? sql`${after[index]}::${sql.raw(column.type)}` : sql`${after[index]}`,
    );
    page = page.where(sql<boolean>`(${sql.join(keys)}) ${sql.raw(keyset.direction === 'asc' ? '>' : '<')} (${sql.join(values)})`);
  }
  for (const key of keys) page = page.orderBy(sql`${key} ${sql.raw(keyset.direction)}`);
  const rows = await page.limit(limit + 1).execute();
  return toPage(
    rows,
    limit,
    (row) => keyset.columns.map((column) => column.value(row)),
    (row) => row,
  );
}

/** An organization's own list: its drafts too only for who may read them (auth/authorize.ts `mayReadDrafts`). */
export interface OrganizationPaging extends Paging {
  drafts: boolean;
}

/**
 * One page of an organization's own events, help offers or volunteer needs (its workspace's
 * lists) in the keyset's order: `query` selects from `table`; drafts only when `paging.drafts`.
 */
export function pageOfOrganization<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  table: 'events' | 'help_offers' | 'volunteer_needs',
  organizationId: string,
  keyset: Keyset<Row>,
  paging: OrganizationPaging,
): Promise<Page<Row>> {
  let page = query.where(sql<boolean>`${sql.ref(`${table}.organization_id`)} = ${organizationId}`);
  if (!paging.drafts) page = page.where(sql<boolean>`${sql.ref(`${table}.published`)}`);
  return pageByKeyset(page, keyset, paging);
}

/** The items of a page mapped to what the API answers. */
export function mapPage<Row, Item>(page: Page<Row>, toItem: (row: Row) => Item): Page<Item> {
  return { items: page.items.map(toItem), nextCursor: page.nextCursor };
}

/** Rows of a table listed by name: the folded `sort_name` and `id` as the tie-break. */
interface NamedRow {
  sort_name: string;
  id: string;
}

const byName: Keyset<NamedRow> = {
  columns: [
    { sql: sql`sort_name`, value: (row) => row.sort_name },
    { sql: sql`id`, value: (row) => row.id },
  ],
  direction: 'asc',
};

/**
 * One page of a table listed by name: filtered by a part of the name (`q`, matched in every
 * spelling of `searchSpellings`), in German order.
 */
export async function pageByName<DB, TB extends keyof DB, Row extends NamedRow>(
  query: SelectQueryBuilder<DB, TB, Row>,
  options: Paging & { q?: string | undefined },
): Promise<Page<Row>> {
  let page = query;
  if (options.q) {
    const patterns = searchSpellings(options.q).map((spelling) => `%${escapeLike(spelling)}%`);
    page = page.where(sql<boolean>`sort_name LIKE ANY (${patterns}::text[])`);
  }
  return pageByKeyset(page, byName, options);
}

/**
 * Conditions for a text search in a folded column (see `sortKey`), or in folded text such as
 * `help_fold(name || ' ' || description)`: every word of `q` must appear, in any of its
 * spellings ("hoechberg" finds "Höchberg").
 */
export function containsWords(column: string | RawBuilder<string>, q: string | undefined): RawBuilder<boolean>[] {
  const text = typeof column === 'string' ? sql.ref(column) : column;
  return (q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const patterns = searchSpellings(word).map((spelling) => `%${escapeLike(spelling)}%`);
      return sql<boolean>`${text} LIKE ANY (${patterns}::text[])`;
    });
}

/**
 * The condition of a list's `modifiedAfter` (or HSDS `modified_after`): entries whose `column`
 * (their `updated_at`) is after the moment, exclusive; none without one. The contract checked
 * the date-time's format.
 */
export function modifiedAfter(column: string, after: string | undefined): RawBuilder<boolean>[] {
  return after === undefined ? [] : [sql<boolean>`${sql.ref(column)} > ${new Date(after)}::timestamptz`];
}

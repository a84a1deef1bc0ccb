import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { decodeCursor, toPage } from './cursor.js';
import { escapeLike, searchSpellings } from './text.js';

export const DEFAULT_LIMIT = 20;

/** Rows of a table listed by name: the folded `sort_name` and `id` as the tie-break. */
interface NamedRow {
  sort_name: string;
  id: string;
}

/**
 * One page of a table listed by name: filtered by a part of the name (`q`, matched in every
 * spelling of `searchSpellings`), continued after the cursor's position, in German order.
 * Keyset pagination: a page costs the same however deep the client has paged.
 */
export async function pageByName<DB, TB extends keyof DB, Row extends NamedRow, Item>(
  query: SelectQueryBuilder<DB, TB, Row>,
  options: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
  toItem: (row: Row) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(options.cursor, 2);
  let page = query;
  if (options.q) {
    const patterns = searchSpellings(options.q).map((spelling) => `%${escapeLike(spelling)}%`);
    page = page.where(sql<boolean>`sort_name LIKE ANY (${patterns}::text[])`);
  }
  if (after) page = page.where(sql<boolean>`(sort_name, id) > (${after[0]}, ${after[1]})`);
  const rows = await page.orderBy(sql`sort_name`).orderBy(sql`id`).limit(limit + 1).execute();
  return toPage(rows, limit, (row) => [row.sort_name, row.id], toItem);
}

/**
 * Conditions for a text search in a folded column (see `sortKey`): every word of `q` must
 * appear, in any of its spellings ("hoechberg" finds "Höchberg").
 */
export function containsWords(column: string, q: string | undefined): RawBuilder<boolean>[] {
  return (q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const patterns = searchSpellings(word).map((spelling) => `%${escapeLike(spelling)}%`);
      return sql<boolean>`${sql.ref(column)} LIKE ANY (${patterns}::text[])`;
    });
}

import { fieldError, invalidQuery } from './problems.js';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded JSON.
 * Clients never build them; a cursor that does not decode is answered with a 400.
 */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.length === length &&
      position.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return position;
    }
  } catch {
    // fall through to the problem below
  }
  throw invalidQuery(
    [fieldError('/cursor', 'unknown-cursor', 'is not a cursor this Hub issued')],
    'The cursor is not valid. Pass the nextCursor of a previous page.',
  );
}

/** Cuts a result fetched with `limit + 1` rows into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  position: (row: Row) => (string | number)[],
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(position(last)) : null,
  };
}

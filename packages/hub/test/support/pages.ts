import assert from 'node:assert/strict';

/** Every item of a list, following `nextCursor` from `url` (which has a query already). */
export async function everyPage<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(`${url}${cursor ? `&cursor=${cursor}` : ''}`);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const page = JSON.parse(text);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubClient, pages, paginate, type Municipality } from '../src/index.js';
import { baseUrl, fakeFetch, json, wuerzburg } from './support/fake-fetch.js';

const municipality = (id: string): Municipality => ({ ...wuerzburg, id, name: id });

/** Three pages of two municipalities, linked by cursors. */
function threePages() {
  return fakeFetch(
    json({ items: [municipality('a'), municipality('b')], nextCursor: 'c1' }),
    json({ items: [municipality('c'), municipality('d')], nextCursor: 'c2' }),
    json({ items: [municipality('e')], nextCursor: null }),
  );
}

const queries = (requests: Request[]) => requests.map((request) => new URL(request.url).search);

describe('paginate', () => {
  it('yields the items of all pages, following nextCursor and keeping the query', async () => {
    const fake = threePages();
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });

    const ids: string[] = [];
    for await (const item of paginate(hub, '/municipalities', { params: { query: { limit: 2, district: 'Stadt Würzburg' } } })) {
      ids.push(item.id);
    }

    assert.deepEqual(ids, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(queries(fake.requests), [
      '?limit=2&district=Stadt%20W%C3%BCrzburg',
      '?limit=2&district=Stadt%20W%C3%BCrzburg&cursor=c1',
      '?limit=2&district=Stadt%20W%C3%BCrzburg&cursor=c2',
    ]);
  });

  it('sends no further request when the loop stops early', async () => {
    const fake = threePages();
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });

    for await (const item of paginate(hub, '/municipalities')) {
      if (item.id === 'b') break;
    }

    assert.equal(fake.requests.length, 1);
  });

  it('starts at a given cursor', async () => {
    const fake = fakeFetch(json({ items: [municipality('e')], nextCursor: null }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });

    const items = [];
    for await (const item of paginate(hub, '/municipalities', { params: { query: { cursor: 'c2' } } })) items.push(item);

    assert.equal(items.length, 1);
    assert.deepEqual(queries(fake.requests), ['?cursor=c2']);
  });

  it('passes the signal to every page request', async () => {
    const fake = threePages();
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });
    const controller = new AbortController();
    const reason = new Error('closed');

    await assert.rejects(
      (async () => {
        for await (const item of paginate(hub, '/municipalities', { signal: controller.signal })) {
          if (item.id === 'b') controller.abort(reason);
        }
      })(),
      (error) => error === reason,
    );
    assert.equal(fake.requests.length, 1);
  });
});

describe('pages', () => {
  it('yields each page with its cursor', async () => {
    const fake = threePages();
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });

    const cursors: (string | null)[] = [];
    let count = 0;
    for await (const page of pages(hub, '/municipalities', { params: { query: { limit: 2 } } })) {
      cursors.push(page.nextCursor);
      count += page.items.length;
    }

    assert.deepEqual(cursors, ['c1', 'c2', null]);
    assert.equal(count, 5);
  });
});

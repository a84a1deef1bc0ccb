import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from '../src/etag-cache.js';
import { createHubClient } from '../src/index.js';
import { baseUrl, fakeFetch, json, wuerzburg, type Answer } from './support/fake-fetch.js';

const notModified = (etag: string) => new Response(null, { status: 304, headers: { ETag: etag } });
const hoechberg = { ...wuerzburg, id: 'hoechberg', name: 'Höchberg', officialKey: '09679147', kind: 'market' } as const;

function client(answers: Answer[], cache?: { maxEntries: number } | false) {
  const fake = fakeFetch(...answers);
  return { hub: createHubClient({ baseUrl, fetch: fake.fetch, cache }), requests: fake.requests };
}

const get = (hub: ReturnType<typeof createHubClient>, municipalityId: string, headers?: Record<string, string>) =>
  hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId } }, headers });

describe('ETag cache', () => {
  it('revalidates with If-None-Match and answers a 304 with the remembered data', async () => {
    const { hub, requests } = client([json(wuerzburg, { headers: { ETag: 'W/"v1"' } }), notModified('W/"v1"')]);

    const first = await get(hub, 'wuerzburg');
    const second = await get(hub, 'wuerzburg');

    assert.equal(requests[0]?.headers.has('If-None-Match'), false);
    assert.equal(requests[1]?.headers.get('If-None-Match'), 'W/"v1"');
    assert.deepEqual(second, wuerzburg);
    // Each caller gets its own copy: one widget changing its data cannot change another's.
    assert.notEqual(second, first);
  });

  it('replaces the remembered answer when the data changed', async () => {
    const renamed = { ...wuerzburg, name: 'Würzburg (Stadt)' };
    const { hub, requests } = client([
      json(wuerzburg, { headers: { ETag: '"v1"' } }),
      json(renamed, { headers: { ETag: '"v2"' } }),
      notModified('"v2"'),
    ]);

    await get(hub, 'wuerzburg');
    assert.deepEqual(await get(hub, 'wuerzburg'), renamed);
    assert.deepEqual(await get(hub, 'wuerzburg'), renamed);
    assert.equal(requests[2]?.headers.get('If-None-Match'), '"v2"');
  });

  it('keeps answers per Accept-Language', async () => {
    const { hub, requests } = client([json(wuerzburg, { headers: { ETag: '"de"' } }), json(wuerzburg, { headers: { ETag: '"en"' } })]);

    await get(hub, 'wuerzburg', { 'Accept-Language': 'de' });
    await get(hub, 'wuerzburg', { 'Accept-Language': 'en' });

    assert.equal(requests[1]?.headers.has('If-None-Match'), false);
  });

  it('keeps answers per Accept: a CSV answer never stands in for the JSON one', async () => {
    const { hub, requests } = client([json(wuerzburg, { headers: { ETag: '"csv"' } }), json(wuerzburg, { headers: { ETag: '"json"' } })]);

    await get(hub, 'wuerzburg', { Accept: 'text/csv' });
    await get(hub, 'wuerzburg', { Accept: 'application/json' });

    assert.equal(requests[1]?.headers.has('If-None-Match'), false);
  });

  it('forgets the least recently used answer beyond maxEntries', async () => {
    const answer = (body: object, etag: string) => json(body, { headers: { ETag: etag } });
    const { hub, requests } = client(
      [
        answer(wuerzburg, '"w"'),
        answer(hoechberg, '"h"'),
        notModified('"w"'), // using wuerzburg again makes hoechberg the least recently used
        answer({ ...wuerzburg, id: 'gerbrunn' }, '"g"'), // evicts hoechberg
        answer(hoechberg, '"h"'), // evicts wuerzburg
        answer(wuerzburg, '"w"'),
      ],
      { maxEntries: 2 },
    );

    for (const id of ['wuerzburg', 'hoechberg', 'wuerzburg', 'gerbrunn', 'hoechberg', 'wuerzburg']) await get(hub, id);

    assert.deepEqual(
      requests.map((request) => request.headers.get('If-None-Match')),
      [null, null, '"w"', null, null, null],
    );
  });

  it('does not remember answers without ETag or marked no-store, nor non-GET requests', async () => {
    const { hub, requests } = client([
      json(wuerzburg),
      json(wuerzburg, { headers: { ETag: '"v1"', 'Cache-Control': 'no-store' } }),
      json(wuerzburg),
      json({ id: 'x' }, { status: 201, headers: { ETag: '"p"' } }),
      json({ id: 'x' }, { status: 201 }),
    ]);

    await get(hub, 'wuerzburg');
    await get(hub, 'wuerzburg');
    await get(hub, 'wuerzburg');
    await hub.POST('/organizations', { body: { name: 'Tafel', kind: 'welfare', isExample: true } });
    await hub.POST('/organizations', { body: { name: 'Tafel', kind: 'welfare', isExample: true } });

    assert.ok(requests.every((request) => !request.headers.has('If-None-Match')));
  });

  it('can be turned off', async () => {
    const { hub, requests } = client(
      [json(wuerzburg, { headers: { ETag: '"v1"' } }), json(wuerzburg, { headers: { ETag: '"v1"' } })],
      false,
    );

    await get(hub, 'wuerzburg');
    await get(hub, 'wuerzburg');

    assert.equal(requests[1]?.headers.has('If-None-Match'), false);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry, counting reads as use', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);

    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });

  it('replaces an entry without growing', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('a', 2);

    assert.equal(cache.size, 1);
    assert.equal(cache.get('a'), 2);
  });
});

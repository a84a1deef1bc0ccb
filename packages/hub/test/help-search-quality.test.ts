import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { helpClient } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';

interface QualityQuery {
  q: string;
  category: string;
  expect: string[];
  crisisDetected?: boolean;
}

const set = JSON.parse(readFileSync(new URL('./fixtures/help-search-quality.json', import.meta.url), 'utf8')) as { queries: QualityQuery[] };

describe('help search quality (test/fixtures/help-search-quality.json)', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;

  before(async () => {
    hub = await startTestHub();
    client = helpClient(hub);
  });
  after(() => hub.close());

  test('the set has at least 40 queries, every category several times, and names only seeded offers', async () => {
    assert.ok(set.queries.length >= 40, `${set.queries.length} queries`);
    const categories = new Map<string, number>();
    for (const query of set.queries) categories.set(query.category, (categories.get(query.category) ?? 0) + 1);
    for (const category of ['stem', 'umlaut', 'typo', 'synonym', 'phrase', 'compound', 'prefix', 'place', 'crisis']) {
      assert.ok((categories.get(category) ?? 0) >= 3, `at least 3 "${category}" queries`);
    }
    const names = new Set((await client.searchAll('sort=name')).map((offer) => offer.name));
    for (const query of set.queries) {
      for (const name of query.expect) assert.ok(names.has(name), `"${query.q}" expects "${name}", which is no seeded offer`);
    }
  });

  test('every query finds its offers in the top 3 (hit rate 100 %)', async (t) => {
    const misses: string[] = [];
    const timings: number[] = [];
    for (const query of set.queries) {
      const started = performance.now();
      const page = await client.search(`limit=3&q=${encodeURIComponent(query.q)}`);
      timings.push(performance.now() - started);
      const top = page.items.map((item) => item.name);
      const missing = query.expect.filter((name) => !top.includes(name));
      if (missing.length > 0) misses.push(`"${query.q}" (${query.category}): missing ${missing.join(', ')}; top 3: ${top.join(' | ')}`);
      if (query.crisisDetected !== undefined && page.crisisDetected !== query.crisisDetected) {
        misses.push(`"${query.q}": crisisDetected ${page.crisisDetected}, expected ${query.crisisDetected}`);
      }
    }
    const hits = set.queries.length - new Set(misses.map((miss) => miss.split('"')[1])).size;
    timings.sort((a, b) => a - b);
    t.diagnostic(`search quality: ${hits}/${set.queries.length} queries hit (${((100 * hits) / set.queries.length).toFixed(1)} %)`);
    t.diagnostic(`latency over HTTP: median ${timings[Math.floor(timings.length / 2)]!.toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms`);
    assert.deepEqual(misses, []);
  });

  test('crisis words put the crisis lines first, before any other offer', async () => {
    for (const q of ['Suizid', 'nicht mehr leben', 'Selbstmord']) {
      const page = await client.search(`q=${encodeURIComponent(q)}`);
      assert.equal(page.crisisDetected, true, q);
      assert.deepEqual(page.items.slice(0, 2).map((item) => item.crisis), [true, true], q);
      assert.ok(page.items.slice(0, 2).every((item) => !item.isExample), `${q}: the real crisis lines come first`);
    }
    const violence = await client.search('q=Gewalt');
    assert.equal(violence.crisisDetected, false);
  });
});

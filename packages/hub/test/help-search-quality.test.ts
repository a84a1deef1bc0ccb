import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { helpClient, type SearchPage } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';

interface QualityQuery {
  q: string;
  category: string;
  /** Each must be in the top 3. */
  expect: string[];
  crisisDetected?: boolean;
  /** More query parameters ("municipality=ochsenfurt"). */
  params?: string;
  /** None may be in the top 3. */
  avoid?: string[];
  /** Each must be somewhere in the result (below the expected ones is fine). */
  found?: string[];
  /** What the first item must be. */
  first?: { name: string; crisis?: boolean; municipalityId?: string };
}

interface QualitySet {
  queries: QualityQuery[];
  /** Offers added through the API on top of the demo data. */
  offers?: Record<string, unknown>[];
}

const read = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as QualitySet;
const sets = { demo: read('help-search-quality.json'), region: read('help-search-quality-region.json') };
const allQueries = [...sets.demo.queries, ...sets.region.queries];

/** What is wrong with one query's answer (empty: a hit), and the rank of its first expected offer (0: not in the top 10). */
async function judge(client: ReturnType<typeof helpClient>, query: QualityQuery): Promise<{ problems: string[]; rank: number }> {
  const params = `q=${encodeURIComponent(query.q)}${query.params ? `&${query.params}` : ''}`;
  const page: SearchPage = await client.search(`limit=10&${params}`);
  const names = page.items.map((item) => item.name);
  const top = names.slice(0, 3);
  const problems: string[] = [];
  const missing = query.expect.filter((name) => !top.includes(name));
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);
  const unwanted = (query.avoid ?? []).filter((name) => top.includes(name));
  if (unwanted.length > 0) problems.push(`should not be in the top 3: ${unwanted.join(', ')}`);
  if (query.crisisDetected !== undefined && page.crisisDetected !== query.crisisDetected)
    problems.push(`crisisDetected ${page.crisisDetected}`);
  if (query.first) {
    const first = page.items[0];
    const ok =
      first !== undefined &&
      first.name === query.first.name &&
      (query.first.crisis === undefined || first.crisis === query.first.crisis) &&
      (query.first.municipalityId === undefined || first.locations[0]?.municipalityId === query.first.municipalityId);
    if (!ok)
      problems.push(`first is ${first ? `${first.name} (crisis ${first.crisis}, ${first.locations[0]?.municipalityId})` : 'nothing'}`);
  }
  if (query.found?.length) {
    const everything = new Set((await client.searchAll(params)).map((item) => item.name));
    const absent = query.found.filter((name) => !everything.has(name));
    if (absent.length > 0) problems.push(`not found at all: ${absent.join(', ')}`);
  }
  if (problems.length > 0) problems.push(`top 3: ${top.join(' | ')}`);
  const ranks = query.expect.map((name) => names.indexOf(name) + 1).filter((rank) => rank > 0);
  return { problems, rank: ranks.length > 0 ? Math.min(...ranks) : 0 };
}

/** Runs a set; its hits@3 and MRR as a diagnostic line, and its misses. */
async function run(
  client: ReturnType<typeof helpClient>,
  name: string,
  set: QualitySet,
  t: { diagnostic(message: string): void },
): Promise<string[]> {
  const misses: string[] = [];
  let reciprocalRanks = 0;
  for (const query of set.queries) {
    const { problems, rank } = await judge(client, query);
    if (problems.length > 0)
      misses.push(`"${query.q}"${query.params ? ` (${query.params})` : ''} [${query.category}]: ${problems.join('; ')}`);
    reciprocalRanks += rank > 0 ? 1 / rank : 0;
  }
  const count = set.queries.length;
  const hits = count - misses.length;
  t.diagnostic(`${name}: hits@3 ${hits}/${count} = ${(hits / count).toFixed(3)}, MRR ${(reciprocalRanks / count).toFixed(3)}`);
  for (const miss of misses) t.diagnostic(`miss: ${miss}`);
  return misses;
}

/** Every name a query mentions must be an offer on the Hub. */
async function assertNamesExist(client: ReturnType<typeof helpClient>, queries: QualityQuery[]): Promise<void> {
  const offers = await client.searchAll('sort=name');
  assert.ok(offers.some((offer) => offer.isExample) && offers.some((offer) => !offer.isExample), 'demo data and real lines are seeded');
  const names = new Set(offers.map((offer) => offer.name));
  for (const query of queries) {
    for (const name of [...query.expect, ...(query.avoid ?? []), ...(query.found ?? []), ...(query.first ? [query.first.name] : [])]) {
      assert.ok(names.has(name), `"${query.q}" names "${name}", which is no offer on the Hub`);
    }
  }
}

/**
 * The demo-data set (issue 6) runs on the demo data as seeded; the region set (issue 12) on the
 * demo data plus its own offers, added through the API like any organization's.
 */
describe('help search quality (test/fixtures/help-search-quality*.json), with the demo data', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;

  before(async () => {
    hub = await startTestHub();
    client = helpClient(hub);
  });
  after(() => hub.close());

  test('the sets have every category several times', () => {
    assert.ok(sets.demo.queries.length >= 40, `${sets.demo.queries.length} demo-data queries`);
    assert.ok(sets.region.queries.length >= 60, `${sets.region.queries.length} region queries`);
    const categories = new Map<string, number>();
    for (const query of allQueries) categories.set(query.category, (categories.get(query.category) ?? 0) + 1);
    const required = [
      'stem',
      'umlaut',
      'typo',
      'synonym',
      'phrase',
      'compound',
      'prefix',
      'place',
      'crisis',
      'fold',
      'verb',
      'crisis-phrase',
      'person',
      'hierarchy',
      'false-friend',
      'compound-typo',
      'tie',
    ];
    for (const category of required) assert.ok((categories.get(category) ?? 0) >= 3, `at least 3 "${category}" queries`);
  });

  test('demo-data set: every query finds its offers in the top 3', async (t) => {
    await assertNamesExist(client, sets.demo.queries);
    assert.deepEqual(await run(client, 'demo-data set on the demo data', sets.demo, t), []);
  });

  test('region set, with the demo data and more offers: every query as stated', async (t) => {
    const organization = await client.organization('Beratungsnetz Mainfranken');
    for (const offer of sets.region.offers ?? []) await client.created(organization, offer);
    await assertNamesExist(client, sets.region.queries);
    const misses = await run(client, 'region set on the demo data and its offers', sets.region, t);
    // Reported, not asserted: offers added since the demo-data set was written may rightly outrank its answers.
    await run(client, 'demo-data set on the same data', sets.demo, t);
    assert.deepEqual(misses, []);
  });

  test('crisis words put the crisis lines first, before any other offer', async () => {
    for (const q of ['Suizid', 'nicht mehr leben', 'Selbstmord', 'ich will nicht mehr']) {
      const page = await client.search(`q=${encodeURIComponent(q)}`);
      assert.equal(page.crisisDetected, true, q);
      assert.deepEqual(
        page.items.slice(0, 2).map((item) => item.crisis),
        [true, true],
        q,
      );
      assert.ok(
        page.items.slice(0, 2).every((item) => !item.isExample),
        `${q}: the real crisis lines come first`,
      );
    }
    const violence = await client.search('q=Gewalt');
    assert.equal(violence.crisisDetected, false);
  });
});

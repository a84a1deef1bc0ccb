import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { everyPage } from './support/pages.js';

describe('municipalities', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  const all = (query = '') => everyPage(`${hub.baseUrl}/municipalities?limit=7${query}`, 'listMunicipalities');

  test('the city and all 52 municipalities of the county, each once, in German order', async () => {
    const items = await all();
    assert.equal(items.length, 53);
    assert.equal(new Set(items.map((item) => item.id)).size, 53);
    assert.equal(items.filter((item) => item.district === 'Landkreis Würzburg').length, 52);
    const names = items.map((item) => item.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'de')),
    );
  });

  test('get by slug and by official key', async () => {
    const bySlug = await expectDocumented(await fetch(`${hub.baseUrl}/municipalities/wuerzburg`), 'getMunicipality');
    assert.equal(bySlug.name, 'Würzburg');
    assert.equal(bySlug.officialKey, '09663000');
    assert.equal(bySlug.kind, 'city');
    const byKey = await expectDocumented(await fetch(`${hub.baseUrl}/municipalities/09663000`), 'getMunicipality');
    assert.deepEqual(byKey, bySlug);
  });

  test('search folds case, umlauts and their ae/oe/ue spelling', async () => {
    for (const q of ['Höchberg', 'hoch', 'HOECHBERG', 'höch']) {
      const names = (await all(`&q=${encodeURIComponent(q)}`)).map((item) => item.name);
      assert.ok(names.includes('Höchberg'), `${q}: ${names.join()}`);
    }
    assert.deepEqual(await all('&q=%25'), [], 'LIKE wildcards are matched literally');
  });

  test('district filter', async () => {
    const city = await all('&district=Stadt%20W%C3%BCrzburg');
    assert.deepEqual(
      city.map((item) => item.id),
      ['wuerzburg'],
    );
  });

  test('ETag and 304 Not Modified', async () => {
    const first = await fetch(`${hub.baseUrl}/municipalities/hoechberg`);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^W\/".+"$/);
    const second = await fetch(`${hub.baseUrl}/municipalities/hoechberg`, { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(second.status, 304);
    assert.equal(await second.text(), '');
    const other = await fetch(`${hub.baseUrl}/municipalities/wuerzburg`, { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(other.status, 200);
  });

  test('public reads are open to any origin and set no cookie', async () => {
    const response = await fetch(`${hub.baseUrl}/municipalities?limit=1`, { headers: { origin: 'https://www.gemeinde.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });
});

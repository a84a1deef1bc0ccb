import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { loadContract } from '../src/http/contract.js';
import { regionMoment } from '../src/help/opening-hours.js';
import { findOffer, searchOffers } from '../src/help/queries.js';
import { expectDocumented } from './support/contract.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, writtenStraight, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

describe('help topics, emergency contacts and help offers', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;
  let org: string;
  let other: string;
  let orgKey: string;

  before(async () => {
    hub = await startTestHub();
    client = helpClient(hub);
    org = await client.organization('Beratungsverein Test Höchberg');
    other = await client.organization('Andere Beratung Test');
    orgKey = (await createApiKey(hub.database.db, { organizationId: org, scopes: ['help-offers:write'] })).key;
  });
  after(() => hub.close());

  test('help topics: two levels, every contract topic once, synonyms and everyday words', async () => {
    const response = await fetch(`${hub.baseUrl}/help-topics`);
    const page = await expectDocumented(response, 'listHelpTopics');
    const contract = loadContract().document as { components: { schemas: { HelpTopicId: { enum: string[] } } } };
    assert.deepEqual(page.items.map((topic) => topic.id).sort(), [...contract.components.schemas.HelpTopicId.enum].sort());
    const byId = new Map(page.items.map((topic) => [topic.id, topic]));
    const leaves = page.items.filter((topic) => topic.parentId !== null);
    assert.ok(leaves.length >= 12, `${leaves.length} leaf topics`);
    for (const leaf of leaves) assert.equal(byId.get(leaf.parentId!)?.parentId, null, `${leaf.id} has a top-level parent`);
    const synonyms = (id: (typeof page.items)[number]['id']) => byId.get(id)!.synonyms;
    assert.ok(synonyms('sucht').includes('Abhängigkeit') && synonyms('sucht-alkohol').includes('saufen'));
    assert.ok(synonyms('einsamkeit').includes('allein') && synonyms('einsamkeit').includes('niemand'));
    assert.ok(synonyms('trauer').includes('Verlust') && synonyms('trauer').includes('gestorben'));
    assert.deepEqual(
      page.items.filter((topic) => topic.crisis).map((topic) => topic.id),
      ['krise-suizid'],
    );
    const etag = response.headers.get('etag')!;
    assert.equal((await fetch(`${hub.baseUrl}/help-topics`, { headers: { 'if-none-match': etag } })).status, 304);
  });

  test('emergency contacts: the real nationwide and Bavarian numbers, emergencies first', async () => {
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/emergency-contacts`), 'listEmergencyContacts');
    const numbers = page.items.flatMap((contact) => contact.phones.map((phone) => phone.number));
    for (const number of [
      '112',
      '110',
      '0800 111 0 111',
      '0800 111 0 222',
      '116 123',
      '116 111',
      '0800 111 0 550',
      '116 016',
      '116 117',
      '0800 655 3000',
    ]) {
      assert.ok(numbers.includes(number), number);
    }
    assert.ok(page.items.every((contact) => contact.isExample === false));
    assert.deepEqual(
      page.items.slice(0, 2).map((contact) => contact.category),
      ['emergency', 'emergency'],
    );
    assert.ok(page.items.some((contact) => contact.scope === 'regional'));
  });

  test('demo data: at least 50 example offers over 12+ topics across the region, and the real crisis lines', async () => {
    const offers = await client.searchAll('sort=name');
    const examples = offers.filter((offer) => offer.isExample);
    assert.ok(examples.length >= 50, `${examples.length} example offers`);
    const leafTopics = new Set(examples.flatMap((offer) => offer.topics));
    assert.ok(leafTopics.size >= 12, `${leafTopics.size} topics`);
    const municipalities = new Set(examples.flatMap((offer) => offer.locations.map((location) => location.municipalityId)));
    assert.ok(municipalities.size >= 10, `${municipalities.size} municipalities`);
    assert.ok(
      examples.every((offer) =>
        [offer.url, offer.email, offer.chatUrl].every((address) => address === null || /\.example(\/|$)/.test(address)),
      ),
    );
    assert.ok(
      examples.every((offer) => offer.phones.every((phone) => phone.number.includes(' 0000 '))),
      'invented 0000 numbers',
    );
    const real = offers.filter((offer) => !offer.isExample);
    assert.deepEqual(real.map((offer) => offer.name).sort(), [
      'Elterntelefon',
      'Hilfetelefon Gewalt gegen Frauen',
      'Kinder- und Jugendtelefon',
      'Krisendienst Unterfranken',
      'TelefonSeelsorge',
    ]);
    const seelsorge = real.find((offer) => offer.name === 'TelefonSeelsorge')!;
    assert.deepEqual(
      seelsorge.phones.map((phone) => phone.number),
      ['0800 111 0 111', '0800 111 0 222', '116 123'],
    );
    assert.equal(seelsorge.crisis, true);
    assert.equal(seelsorge.openNow, true);
  });

  test('an organization creates, reads, updates and deletes its offer with its key', async () => {
    const response = await client.create(
      org,
      offerBody({
        name: 'Trauertreff im Rathaus',
        description: 'Gesprächsrunde für Trauernde nach dem Tod eines Angehörigen.',
        easyReadSummary: 'Ein Mensch ist gestorben. Sie sind traurig. Hier können Sie reden.',
        topics: ['trauer'],
        audiences: ['adults', 'relatives'],
        languages: ['de', 'EN'],
        phones: [{ number: '0931 0000 999' }],
        openingHours: {
          schedules: [{ byDay: ['WE'], opensAt: '18:00', closesAt: '19:30' }],
          exceptions: [{ date: '2026-12-23', description: 'Weihnachtspause' }],
        },
        assuredDate: '2026-11-20',
      }),
      orgKey,
    );
    const offer = await expectDocumented(response, 'createHelpOffer', 201);
    assert.equal(response.headers.get('location'), `/help-offers/${offer.id}`);
    assert.deepEqual(offer.organization, { id: org, name: 'Beratungsverein Test Höchberg' });
    assert.deepEqual(offer.languages, ['de', 'en']);
    assert.deepEqual(offer.phones, [{ number: '0931 0000 999', description: null }]);
    assert.deepEqual(offer.openingHours, {
      alwaysOpen: false,
      schedules: [{ byDay: ['WE'], opensAt: '18:00', closesAt: '19:30' }],
      openOnPublicHolidays: false,
      exceptions: [{ date: '2026-12-23', opensAt: null, closesAt: null, description: 'Weihnachtspause' }],
      description: null,
    });
    assert.equal(offer.assuredDate, '2026-11-20');
    assert.equal(offer.cost, 'free');
    assert.equal(offer.isExample, true);
    assert.equal(offer.easyReadSummary, 'Ein Mensch ist gestorben. Sie sind traurig. Hier können Sie reden.');
    assert.deepEqual(await (await fetch(`${hub.baseUrl}/help-offers/${offer.id}`)).json(), offer);
    const listed = (await client.search('q=Trauertreff')).items.find((item) => item.id === offer.id);
    assert.equal(listed?.easyReadSummary, offer.easyReadSummary);

    const patched = await client.patch(
      offer.id,
      { name: 'Trauercafé im Rathaus', openingHours: { alwaysOpen: true }, crisis: true, phones: [], easyReadSummary: null },
      orgKey,
    );
    const updated = await expectDocumented(patched, 'updateHelpOffer');
    assert.equal(updated.name, 'Trauercafé im Rathaus');
    assert.equal(updated.description, offer.description);
    assert.deepEqual(updated.phones, []);
    assert.equal(updated.easyReadSummary, null, 'null removes the summary');
    assert.deepEqual(updated.openingHours.schedules, [], 'opening hours are replaced as a whole');
    assert.equal(updated.openNow, true);
    assert.ok(updated.updatedAt > offer.updatedAt);
    const found = await client.search('q=Trauercafe%20Rathaus');
    assert.equal(found.items[0]!.id, offer.id);

    assert.equal((await client.remove(offer.id, orgKey)).status, 204);
    await expectProblem(await fetch(`${hub.baseUrl}/help-offers/${offer.id}`), 404, 'not-found');
    await expectProblem(await client.remove(offer.id, orgKey), 404, 'not-found');
  });

  test('renaming an organization makes its offers findable by the new name, not the old one', async () => {
    const renamed = await client.organization('Beratungsverein Morgenrot');
    const offer = await client.created(renamed, offerBody({ name: 'Offener Gesprächskreis', description: 'Jeden Monat ein Thema.' }));
    assert.ok((await client.search('q=Morgenrot')).items.some((item) => item.id === offer.id));

    const response = await fetch(`${hub.baseUrl}/organizations/${renamed}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ name: 'Lichtblick Nachbarschaftsverein' }),
    });
    assert.equal(response.status, 200, await response.clone().text());

    const found = await client.search('q=Lichtblick');
    assert.deepEqual(
      found.items.map((item) => [item.id, item.organization.name]),
      [[offer.id, 'Lichtblick Nachbarschaftsverein']],
    );
    assert.equal(
      (await client.search('q=Lichtblik')).items[0]?.id,
      offer.id,
      'the new name is in the vocabulary: a typo is corrected to it',
    );
    assert.ok(!(await client.search('q=Morgenrot')).items.some((item) => item.id === offer.id));
  });

  test('offers of an organization no longer approved are found by no search, nor counted; approved again, they are', async () => {
    const paused = await client.organization('Nachbarschaftshilfe Abendstern');
    const offer = await client.created(paused, offerBody({ name: 'Abendstern-Sprechstunde', topics: ['einsamkeit'] }));
    const setStatus = (status: 'approved' | 'rejected') =>
      writtenStraight(hub, () => hub.database.db.updateTable('organizations').set({ status }).where('id', '=', paused).execute());
    const found = async () => {
      const searches = ['q=Abendstern', 'q=Abendstern&sort=name', `q=Abendstern&near=49.7836,9.8817&sort=distance`, 'topic=einsamkeit'];
      const pages = await Promise.all(searches.map((search) => client.searchAll(search)));
      const counted = await client.search('q=Abendstern');
      return { found: pages.map((items) => items.some((item) => item.id === offer.id)), total: counted.total };
    };
    const before = await found();
    assert.deepEqual(before.found, [true, true, true, true]);

    await setStatus('rejected');
    assert.deepEqual(await found(), { found: [false, false, false, false], total: before.total - 1 });
    await setStatus('approved');
    assert.deepEqual(await found(), before);
  });

  test("no key → 401; another organization's key or a key without help-offers:write → 403", async () => {
    const theirs = await client.created(other, offerBody());
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/${org}/help-offers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(offerBody()),
      }),
      401,
      'unauthorized',
    );
    await expectProblem(await client.create(other, offerBody(), orgKey), 403, 'forbidden');
    await expectProblem(await client.patch(theirs.id, { name: 'Übernommen' }, orgKey), 403, 'forbidden');
    await expectProblem(await client.remove(theirs.id, orgKey), 403, 'forbidden');
    const eventsOnly = (await createApiKey(hub.database.db, { organizationId: org, scopes: ['events:write'] })).key;
    await expectProblem(await client.create(org, offerBody(), eventsOnly), 403, 'forbidden');
    assert.equal(
      (await expectDocumented(await fetch(`${hub.baseUrl}/help-offers/${theirs.id}`), 'getHelpOffer')).name,
      'Offene Sprechstunde',
    );
    await expectProblem(await client.create('7c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b', offerBody()), 404, 'not-found');
  });

  test('offers the schema allows but that make no sense → 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ locations: [{ address: 'Irgendwo 1', municipalityId: 'atlantis' }] }, '/body/locations/0/municipalityId'],
      [{ locations: [] }, '/body/serviceArea'],
      [{ crisis: true }, '/body/crisis'],
      [
        { openingHours: { schedules: [{ byDay: ['MO'], opensAt: '09:00', closesAt: '09:00' }] } },
        '/body/openingHours/schedules/0/closesAt',
      ],
      [{ openingHours: { exceptions: [{ date: '2026-12-24', opensAt: '09:00' }] } }, '/body/openingHours/exceptions/0'],
      [{ languages: ['de-x'] }, '/body/languages/0'],
      [{ topics: ['astrologie'] }, '/body/topics/0'],
      [{ cost: 'cheap' }, '/body/cost'],
      [{ easyReadSummary: 'x'.repeat(1001) }, '/body/easyReadSummary'],
      [{ colour: 'blue' }, '/body/colour'],
      [{ openingHours: { schedules: [{ byDay: ['MO'], opensAt: '9:00', closesAt: '12:00' }] } }, '/body/openingHours/schedules/0/opensAt'],
    ];
    for (const [overrides, pointer] of cases) {
      const problem = await expectProblem(await client.create(org, offerBody(overrides), orgKey), 422, 'validation-failed');
      assert.ok(
        problem.errors?.some((error) => error.pointer === pointer),
        `${pointer} in ${JSON.stringify(problem.errors)}`,
      );
    }
    const missing = await expectProblem(await client.create(org, { name: 'Ohne alles' }, orgKey), 422, 'validation-failed');
    assert.ok(missing.errors?.some((error) => error.pointer === '/body/description'));
  });

  test('bad search parameters → 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['near=abc', '/query/near'],
      ['near=95.1,10', '/query/near'],
      ['radius=5', '/query/radius'],
      ['near=49.7,9.9&radius=0', '/query/radius'],
      ['sort=distance', '/query/sort'],
      ['sort=popular', '/query/sort'],
      ['topic=astrologie', '/query/topic/0'],
      ['audience=aliens', '/query/audience/0'],
      ['municipality=atlantis', '/query/municipality/0'],
      ['cost=cheap', '/query/cost/0'],
      ['language=deutsch!', '/query/language/0'],
      ['openNow=maybe', '/query/openNow'],
      ['limit=0', '/query/limit'],
      [`q=${'a'.repeat(201)}`, '/query/q'],
      ['cursor=bm9wZQ', '/query/cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['name', 0, 'a', 'not-a-uuid'])).toString('base64url')}`, '/query/cursor'],
      [
        `cursor=${Buffer.from(JSON.stringify(['name', 1e12, 'a', '7c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b'])).toString('base64url')}`,
        '/query/cursor',
      ],
    ];
    for (const [query, pointer] of cases) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}/help-offers?${query}`), 400, 'invalid-request');
      assert.ok(
        problem.errors?.some((error) => error.pointer === pointer),
        `${query}: ${pointer} in ${JSON.stringify(problem.errors)}`,
      );
    }
    const byName = await client.search('limit=2&sort=name');
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/help-offers?limit=2&sort=relevance&q=Sucht&cursor=${byName.nextCursor}`),
      400,
      'invalid-request',
    );
    assert.equal(problem.errors?.[0]?.pointer, '/query/cursor');
  });

  test('near: distance in km to the nearest place, sorted nearest first, radius filters', async () => {
    const ochsenfurt = '49.6636,10.0714';
    const page = await client.search(`near=${ochsenfurt}&limit=100`);
    const distances = page.items.map((item) => item.distanceKm);
    const placed = distances.filter((distance): distance is number => distance !== null);
    assert.deepEqual(
      placed,
      [...placed].sort((a, b) => a - b),
      'sorted by distance by default',
    );
    assert.deepEqual(
      distances.slice(placed.length),
      distances.filter((distance) => distance === null),
      'offers without a place last',
    );
    assert.ok(page.items[0]!.locations.some((location) => location.municipalityId === 'ochsenfurt'));
    assert.ok(placed[0]! < 2, `${placed[0]} km`);
    const wuerzburg = page.items.find((item) => item.name === 'Suchtberatung Alkohol und Medikamente')!;
    assert.ok(wuerzburg.distanceKm! > 15 && wuerzburg.distanceKm! < 22, `Ochsenfurt–Würzburg ${wuerzburg.distanceKm} km`);

    const near = await client.searchAll(`near=${ochsenfurt}&radius=8`);
    assert.ok(near.length > 0 && near.every((item) => item.distanceKm !== null && item.distanceKm <= 8));
    const sucht = await client.search(`q=Sucht&near=${ochsenfurt}&sort=distance`);
    assert.equal(sucht.items[0]!.name, 'Mediensprechstunde für Familien');
    assert.equal(
      (await client.search('q=Sucht')).items.every((item) => item.distanceKm === null),
      true,
    );
  });

  test('filters combine with AND, repeated values with OR', async () => {
    const items = await client.searchAll('topic=sucht&audience=relatives&municipality=hoechberg&cost=free');
    assert.ok(items.length >= 3, `${items.length} offers`);
    for (const item of items) {
      assert.ok(
        item.topics.some((topic) => topic.startsWith('sucht')),
        item.name,
      );
      assert.ok(item.audiences.includes('relatives'), item.name);
      assert.ok(item.serviceArea !== 'local' || item.locations.some((location) => location.municipalityId === 'hoechberg'), item.name);
      assert.equal(item.cost, 'free');
    }
    const local = await client.searchAll('municipality=kist&municipality=eisingen');
    assert.ok(local.some((item) => item.name === 'Offener Mittagstisch im Dorfladen'));
    assert.ok(
      local.every(
        (item) =>
          item.serviceArea !== 'local' || item.locations.some((l) => l.municipalityId === 'kist' || l.municipalityId === 'eisingen'),
      ),
    );
    assert.ok(!local.some((item) => item.name === 'Abstinenzgruppe Höchberg: gemeinsam trocken bleiben'));

    const russian = await client.searchAll('language=ru-RU');
    assert.ok(russian.length > 0 && russian.every((item) => item.languages.some((tag) => tag.startsWith('ru'))));
    const low = await client.searchAll('cost=low&cost=fee');
    assert.ok(low.some((item) => item.name === 'Tafel-Lebensmittelausgabe Ochsenfurt') && low.every((item) => item.cost !== 'free'));
    const both = await client.searchAll('anonymous=true&barrierFree=true&topic=angst&topic=depression');
    assert.ok(both.length > 0 && both.every((item) => item.anonymous && item.barrierFree));
    const open = await client.searchAll('openNow=true');
    assert.ok(open.every((item) => item.openNow === true) && open.some((item) => item.name === 'TelefonSeelsorge'));
    const unfiltered = await client.searchAll('anonymous=false');
    assert.ok(unfiltered.length > both.length, 'false does not filter');
    const ofOrganization = await client.searchAll(`organization=${org}&organization=${other}`);
    assert.ok(ofOrganization.every((item) => item.organization.id === org || item.organization.id === other));
  });

  test('facets and total count the whole result, not the page', async () => {
    const all = await client.searchAll('q=Sucht');
    const page = await client.search('q=Sucht&limit=2');
    assert.equal(page.items.length, 2);
    assert.equal(page.total, all.length);
    const count = (values: string[][]) => {
      const counts = new Map<string, number>();
      for (const list of values) for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const parents = (topics: string[]) => [
      ...topics,
      ...topics.filter((topic) => topic.includes('-') && topic.startsWith('sucht')).map(() => 'sucht'),
    ];
    const topicCounts = count(all.map((item) => parents(item.topics)));
    assert.equal(page.facets.topics.find((facet) => facet.id === 'sucht')?.count, topicCounts.get('sucht'));
    assert.equal(page.facets.topics.find((facet) => facet.id === 'sucht-alkohol')?.count, topicCounts.get('sucht-alkohol'));
    assert.deepEqual(new Map(page.facets.audiences.map((facet) => [facet.id, facet.count])), count(all.map((item) => item.audiences)));
    const counts = page.facets.topics.map((facet) => facet.count);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'most first',
    );
    const empty = await client.search('q=Quantenphysik');
    assert.deepEqual(
      { total: empty.total, items: empty.items, facets: empty.facets },
      { total: 0, items: [], facets: { topics: [], audiences: [] } },
    );
  });

  test('paging is stable: pages of 3 give the same offers in the same order as one page, for every sort', async () => {
    for (const query of [
      'q=Beratung',
      'q=allein%20Gespr%C3%A4ch',
      'near=49.7913,9.9534',
      'sort=name&topic=familie',
      'q=Suizid&sort=name',
    ]) {
      const whole = (await client.searchAll(query)).map((item) => item.id);
      const paged = (await client.searchAll(query, 3)).map((item) => item.id);
      assert.ok(whole.length > 3, `${query}: ${whole.length}`);
      assert.deepEqual(paged, whole, query);
      assert.equal(new Set(paged).size, paged.length, `${query}: no offer twice`);
    }
  });

  describe('opening hours at a given moment (Europe/Berlin)', () => {
    const offers: Record<string, string> = {};
    const at = async (name: string, instant: string) => findOffer(hub.database.db, offers[name]!, regionMoment(new Date(instant)));
    const openAt = async (name: string, instant: string) => (await at(name, instant))!.open_now;

    before(async () => {
      const hours = org;
      const create = async (name: string, openingHours: Record<string, unknown>) => {
        offers[name] = (await client.created(hours, offerBody({ name, openingHours }))).id;
      };
      await create('Nachttreff', { schedules: [{ byDay: ['FR', 'SA'], opensAt: '20:00', closesAt: '01:00' }] });
      await create('Sonntagscafé', { schedules: [{ byDay: ['SU'], opensAt: '09:00', closesAt: '12:00' }] });
      await create('Samstagnacht', { schedules: [{ byDay: ['SA'], opensAt: '22:00', closesAt: '04:00' }] });
      await create('Werktags', {
        schedules: [
          { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '12:00' },
          { byDay: ['TH'], opensAt: '22:00', closesAt: '02:00' },
        ],
        exceptions: [
          { date: '2026-12-24', description: 'Heiligabend geschlossen' },
          { date: '2026-12-26', opensAt: '10:00', closesAt: '12:00', description: 'Sonderöffnung' },
        ],
      });
      await create('Auch an Feiertagen', {
        schedules: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '12:00' }],
        openOnPublicHolidays: true,
      });
      await create('Nach Vereinbarung', { description: 'Termine nach Vereinbarung' });
      await create('Rund um die Uhr', { alwaysOpen: true });
    });

    test('periods past midnight belong to the day they start', async () => {
      assert.equal(await openAt('Nachttreff', '2026-11-27T18:59:00Z'), false, 'Fri 19:59');
      assert.equal(await openAt('Nachttreff', '2026-11-27T19:00:00Z'), true, 'Fri 20:00');
      assert.equal(await openAt('Nachttreff', '2026-11-27T23:30:00Z'), true, 'Sat 00:30, from Friday');
      assert.equal(await openAt('Nachttreff', '2026-11-28T00:00:00Z'), false, 'Sat 01:00, closed');
      assert.equal(await openAt('Nachttreff', '2026-11-28T23:30:00Z'), true, 'Sun 00:30, from Saturday');
      assert.equal(await openAt('Nachttreff', '2026-11-29T23:30:00Z'), false, 'Mon 00:30, no Sunday period');
      assert.deepEqual((await at('Nachttreff', '2026-11-27T10:00:00Z'))!.hours_today, [{ opensAt: '20:00', closesAt: '01:00' }]);
    });

    test('on daylight-saving days the wall clock counts', async () => {
      // 29 March 2026, 09:30 CEST = 07:30 UTC (08:30 if the offset had not changed).
      assert.equal(await openAt('Sonntagscafé', '2026-03-29T07:30:00Z'), true);
      assert.equal(await openAt('Sonntagscafé', '2026-03-29T06:30:00Z'), false, '08:30 CEST');
      // Saturday 22:00 to Sunday 04:00 across the lost hour: 03:30 CEST is open, 04:30 CEST not.
      assert.equal(await openAt('Samstagnacht', '2026-03-29T01:30:00Z'), true);
      assert.equal(await openAt('Samstagnacht', '2026-03-29T02:30:00Z'), false);
      // 25 October 2026, 09:30 CET = 08:30 UTC; 07:30 UTC is 08:30 CET.
      assert.equal(await openAt('Sonntagscafé', '2026-10-25T08:30:00Z'), true);
      assert.equal(await openAt('Sonntagscafé', '2026-10-25T07:30:00Z'), false);
    });

    test('closed on Bavarian public holidays unless stated; exceptions override both ways', async () => {
      assert.equal(await openAt('Werktags', '2026-12-23T09:00:00Z'), true, 'Wed 23 Dec 10:00');
      assert.equal(await openAt('Werktags', '2026-12-24T09:00:00Z'), false, 'Thu 24 Dec: closed by exception');
      assert.equal(await openAt('Werktags', '2026-12-25T09:00:00Z'), false, 'Fri 25 Dec: public holiday');
      assert.deepEqual((await at('Werktags', '2026-12-25T09:00:00Z'))!.hours_today, []);
      assert.equal(await openAt('Werktags', '2026-06-04T08:00:00Z'), false, 'Fronleichnam 2026');
      assert.equal(await openAt('Werktags', '2026-12-26T10:00:00Z'), true, 'Sat 26 Dec 11:00: special opening on a holiday');
      assert.equal(await openAt('Werktags', '2026-12-26T11:30:00Z'), false, '12:30');
      assert.equal(await openAt('Werktags', '2026-12-17T22:30:00Z'), true, 'Fri 18 Dec 00:30, from Thursday night');
      assert.equal(await openAt('Werktags', '2026-12-24T23:30:00Z'), false, 'Thursday 24 Dec is closed, so is its night');
      assert.equal(await openAt('Auch an Feiertagen', '2026-12-25T09:00:00Z'), true);
    });

    test('no hours stated → openNow null; around the clock → true', async () => {
      assert.equal(await openAt('Nach Vereinbarung', '2026-11-25T10:00:00Z'), null);
      assert.equal(await openAt('Rund um die Uhr', '2026-12-25T03:00:00Z'), true);
    });

    test('the openNow filter uses the same rule', async () => {
      const search = (instant: string) =>
        searchOffers(
          hub.database.db,
          { filters: { organization: [org], openNow: true }, plan: undefined, sort: 'name', after: undefined, limit: 50 },
          regionMoment(new Date(instant)),
        );
      const saturdayNight = await search('2026-11-27T23:30:00Z');
      assert.deepEqual(
        saturdayNight.rows.map((row) => row.name),
        ['Nachttreff', 'Rund um die Uhr'],
      );
      assert.equal(saturdayNight.total, 2);
      const christmas = await search('2026-12-25T09:00:00Z');
      assert.deepEqual(
        christmas.rows.map((row) => row.name),
        ['Auch an Feiertagen', 'Rund um die Uhr'],
      );
    });
  });
});

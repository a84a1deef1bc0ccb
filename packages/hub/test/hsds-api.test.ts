import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type AnySchema, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Schema } from '@smart-region/sdk';
import { licenceLinkHeader, openDataOptions } from '../src/opendata/licence.js';
import { EXAMPLE_DATA_TERM_ID, FLAGS_TAXONOMY, HELP_TOPICS_TAXONOMY, taxonomyId, topicTermId, uuidV5 } from '../src/opendata/hsds/ids.js';
import { SCHEDULE_NOTES } from '../src/opendata/hsds/mapping.js';
import { expectDocumented, type OperationId } from './support/contract.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

type Item = { id: string } & Record<string, unknown>;
type Envelope = Schema<'HsdsPageEnvelope'>;

const publicUrl = 'https://hub.example';
const fixtures = new URL('./fixtures/hsds/', import.meta.url);

/** The official HSDS 3.0 schemas, each under its file name, so their `$ref`s ("phone.json") resolve. */
function hsdsSchemas(): (name: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const folder of ['', 'compiled/']) {
    for (const file of readdirSync(new URL(folder, fixtures))) {
      if (file.endsWith('.json'))
        ajv.addSchema(JSON.parse(readFileSync(new URL(folder + file, fixtures), 'utf8')) as AnySchema, folder + file);
    }
  }
  return (name) => ajv.getSchema(name)!;
}

describe('HSDS 3.0 read API', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;
  const schema = hsdsSchemas();
  const link = licenceLinkHeader(openDataOptions({}), publicUrl);

  before(async () => {
    hub = await startTestHub({ publicUrl });
    client = helpClient(hub);
  });
  after(() => hub.close());

  function expectValid(kind: string, item: unknown): void {
    const validate = schema(kind);
    assert.ok(validate(item), `${kind}: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(item).slice(0, 500)}`);
  }

  /** An answer as the contract documents it, with the licence. */
  async function get<T>(path: string, operationId: OperationId): Promise<T> {
    const response = await fetch(`${hub.baseUrl}/hsds${path}`);
    assert.equal(response.headers.get('link'), link, `${path} names the licence`);
    return await expectDocumented(response, operationId);
  }

  /** Every item of a list, page by page. */
  async function everyItem(path: string, operationId: OperationId): Promise<Item[]> {
    const items: Item[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page++) {
      const envelope = await get<Envelope>(`${path}${separator}per_page=100&page=${page}`, operationId);
      items.push(...envelope.contents);
      if (envelope.last_page) return items;
    }
  }

  async function ndjson(path: string): Promise<Item[]> {
    const response = await fetch(`${hub.baseUrl}/hsds${path}${path.includes('?') ? '&' : '?'}format=ndjson`);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    assert.equal(response.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
    assert.equal(response.headers.get('link'), link);
    assert.ok(text === '' || text.endsWith('\n'), 'every line ends');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Item);
  }

  const ids = (items: Item[]) => items.map((item) => item.id);
  const termIds = (item: Item) =>
    ((item['attributes'] ?? []) as { taxonomy_term_id: string }[]).map((attribute) => attribute.taxonomy_term_id);

  test('UUIDv5 as RFC 9562 derives it', () => {
    // The RFC's example: "www.example.com" in the DNS namespace.
    assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  test('the root names HSDS 3.0, its profile and the Hub’s OpenAPI document', async () => {
    const info = await get<Record<string, string>>('', 'getHsdsApiInfo');
    assert.equal(info['version'], '3.0');
    assert.match(info['profile']!, /^https:\/\/github\.com\/openreferral\/specification\/tree\/3\.0/);
    assert.equal(info['openapi_url'], `${publicUrl}/openapi.json`);
  });

  test('services: every published offer of approved organizations, each valid HSDS, the same in list, detail and NDJSON', async () => {
    const services = await everyItem('/services', 'listHsdsServices');
    const offers = await client.searchAll('sort=name');
    assert.deepEqual(new Set(ids(services)), new Set(offers.map((offer) => offer.id)));
    assert.ok(services.length > 20, `${services.length} services`);
    assert.equal(schema('service.json')({ id: services[0]!.id, status: 'active' }), false, 'the schemas do check (a service needs a name)');
    for (const service of services) {
      expectValid('service.json', service);
      expectValid('compiled/service_list.json', service);
    }
    for (const service of services.slice(0, 10)) {
      assert.deepEqual(await get<Item>(`/services/${service.id}`, 'getHsdsService'), service);
    }
    assert.deepEqual(await ndjson('/services'), services);
  });

  test('a service carries the offer’s fields, places, languages, cost, topics and hours', async () => {
    const services = await everyItem('/services?search=Psychosoziale Beratung Lebenswege', 'listHsdsServices');
    const service = services.find((item) => item['name'] === 'Psychosoziale Beratung Lebenswege')!;
    const offer = (await client.searchAll('q=Lebenswege')).find((item) => item.id === service.id)!;
    assert.equal(service['organization_id'], offer.organization.id);
    assert.equal(service['last_modified'], offer.updatedAt);
    assert.equal(service['assured_date'], '2026-10-15');
    assert.equal(service['status'], 'active');
    assert.deepEqual(
      (service['languages'] as Item[]).map((language) => [language['code'], language['name']]),
      [
        ['de', 'Deutsch'],
        ['en', 'Englisch'],
      ],
    );
    assert.deepEqual(
      (service['cost_options'] as Item[]).map((option) => [option['option'], option['amount']]),
      [['kostenlos', 0]],
    );
    assert.deepEqual(termIds(service), [...offer.topics.map((topic) => topicTermId(topic)), EXAMPLE_DATA_TERM_ID]);
    const [place] = service['service_at_locations'] as Item[];
    const location = place!['location'] as Item;
    assert.equal(location['location_type'], 'physical');
    assert.equal(location['latitude'], offer.locations[0]!.coordinates!.lat);
    assert.deepEqual(
      (location['addresses'] as Item[]).map(({ address_1, postal_code, city, country }) => ({ address_1, postal_code, city, country })),
      [{ address_1: 'Domstraße 10', postal_code: '97070', city: 'Würzburg', country: 'DE' }],
    );
    const schedules = service['schedules'] as Item[];
    assert.deepEqual(
      schedules.map(({ freq, byday, opens_at, closes_at }) => ({ freq, byday, opens_at, closes_at })),
      [
        { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '12:00' },
        { freq: 'WEEKLY', byday: 'TU,TH', opens_at: '14:00', closes_at: '18:00' },
      ],
    );
    assert.ok(schedules.every((schedule) => schedule['description'] === offer.openingHours.description));
    assert.ok(schedules.every((schedule) => schedule['notes'] === SCHEDULE_NOTES.closedOnHolidays));
  });

  test('opening hours: around the clock, holidays and exceptions as HSDS schedules', async () => {
    const org = await client.organization('HSDS Öffnungszeiten Test');
    const offer = await client.created(
      org,
      offerBody({
        name: 'Sprechstunde mit Ausnahmen',
        openingHours: {
          alwaysOpen: true,
          schedules: [{ byDay: ['MO', 'WE'], opensAt: '22:00', closesAt: '02:00' }],
          openOnPublicHolidays: true,
          exceptions: [
            { date: '2026-12-24', description: 'Heiligabend' },
            { date: '2026-12-31', opensAt: '10:00', closesAt: '12:00' },
          ],
          description: 'Nachts am Telefon.',
        },
      }),
    );
    const service = await get<Item>(`/services/${offer.id}`, 'getHsdsService');
    expectValid('service.json', service);
    const schedules = (service['schedules'] as Item[]).map(({ id, service_id, ...schedule }) => {
      assert.equal(service_id, offer.id);
      return schedule;
    });
    assert.deepEqual(schedules, [
      {
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: 'MO,TU,WE,TH,FR,SA,SU',
        opens_at: '00:00',
        closes_at: '24:00',
        description: 'Nachts am Telefon.',
        notes: SCHEDULE_NOTES.alwaysOpen,
      },
      {
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: 'MO,WE',
        opens_at: '22:00',
        closes_at: '02:00',
        description: 'Nachts am Telefon.',
        notes: SCHEDULE_NOTES.openOnHolidays,
      },
      {
        valid_from: '2026-12-24',
        valid_to: '2026-12-24',
        dtstart: '2026-12-24',
        description: 'Heiligabend',
        notes: SCHEDULE_NOTES.closedDay,
      },
      {
        valid_from: '2026-12-31',
        valid_to: '2026-12-31',
        dtstart: '2026-12-31',
        opens_at: '10:00',
        closes_at: '12:00',
        notes: SCHEDULE_NOTES.otherHours,
      },
    ]);
    // Ids are derived, the same on every read.
    assert.deepEqual(await get<Item>(`/services/${offer.id}`, 'getHsdsService'), service);
  });

  test('organizations: approved ones that publish, each valid HSDS with its services', async () => {
    const organizations = await everyItem('/organizations', 'listHsdsOrganizations');
    const services = await everyItem('/services', 'listHsdsServices');
    assert.deepEqual(new Set(ids(organizations)), new Set(services.map((service) => service['organization_id'])));
    for (const organization of organizations) {
      expectValid('organization.json', organization);
      expectValid('compiled/organization_list.json', organization);
      const own = services.filter((service) => service['organization_id'] === organization.id);
      assert.deepEqual(new Set(ids(organization['services'] as Item[])), new Set(ids(own)));
    }
    const organization = organizations[0]!;
    assert.deepEqual(await get<Item>(`/organizations/${organization.id}`, 'getHsdsOrganization'), organization);
    assert.deepEqual(await ndjson('/organizations'), organizations);
  });

  test('taxonomies and terms: the help topics with their parents, and the example flag', async () => {
    const taxonomies = await everyItem('/taxonomies', 'listHsdsTaxonomies');
    assert.deepEqual(
      taxonomies.map((taxonomy) => [taxonomy.id, taxonomy['name']]),
      [
        [taxonomyId(HELP_TOPICS_TAXONOMY), HELP_TOPICS_TAXONOMY],
        [taxonomyId(FLAGS_TAXONOMY), FLAGS_TAXONOMY],
      ],
    );
    for (const taxonomy of taxonomies) {
      expectValid('taxonomy.json', taxonomy);
      assert.deepEqual(await get<Item>(`/taxonomies/${taxonomy.id}`, 'getHsdsTaxonomy'), taxonomy);
    }
    const terms = await everyItem('/taxonomy_terms', 'listHsdsTaxonomyTerms');
    for (const term of terms) expectValid('taxonomy_term.json', term);
    const depression = terms.find((term) => term['code'] === 'depression')!;
    assert.equal(depression.id, topicTermId('depression'));
    assert.equal(depression['parent_id'], topicTermId('seelische-gesundheit'));
    assert.equal(depression['taxonomy'], HELP_TOPICS_TAXONOMY);
    assert.deepEqual(await get<Item>(`/taxonomy_terms/${depression.id}`, 'getHsdsTaxonomyTerm'), depression);
    const flags = await everyItem(`/taxonomy_terms?taxonomy_id=${taxonomyId(FLAGS_TAXONOMY)}`, 'listHsdsTaxonomyTerms');
    assert.deepEqual(ids(flags), [EXAMPLE_DATA_TERM_ID]);
    assert.equal(flags[0]!['code'], 'example-data');
    const found = await everyItem('/taxonomy_terms?search=sucht', 'listHsdsTaxonomyTerms');
    assert.ok(found.length > 1 && found.every((term) => JSON.stringify(term).toLowerCase().includes('sucht')));
  });

  test('services at locations: each place of each published offer, valid HSDS with its service and location', async () => {
    const places = await everyItem('/service_at_locations', 'listHsdsServiceAtLocations');
    const services = await everyItem('/services', 'listHsdsServices');
    const expected = services.flatMap((service) => ((service['service_at_locations'] ?? []) as Item[]).map((place) => place.id));
    assert.deepEqual(ids(places), expected);
    for (const place of places) {
      expectValid('service_at_location.json', place);
      expectValid('compiled/service_at_location_list.json', place);
      assert.equal((place['service'] as Item).id, place['service_id']);
    }
    for (const place of places.slice(0, 5)) {
      assert.deepEqual(await get<Item>(`/service_at_locations/${place.id}`, 'getHsdsServiceAtLocation'), place);
    }
    assert.deepEqual(ids(await ndjson('/service_at_locations')), ids(places));
    const depression = await everyItem(`/service_at_locations?taxonomy_term_id=${topicTermId('depression')}`, 'listHsdsServiceAtLocations');
    assert.ok(depression.length > 0 && depression.length < places.length);
    assert.ok(depression.every((place) => termIds(place['service'] as Item).includes(topicTermId('depression'))));
  });

  test('paging: the envelope’s numbers add up, pages follow each other in name order', async () => {
    const all = await ndjson('/services');
    const perPage = 7;
    const pages = Math.ceil(all.length / perPage);
    const seen: Item[] = [];
    for (let page = 1; page <= pages; page++) {
      const envelope = await get<Envelope>(`/services?per_page=${perPage}&page=${page}`, 'listHsdsServices');
      assert.deepEqual(
        { ...envelope, contents: undefined },
        {
          total_items: all.length,
          total_pages: pages,
          page_number: page,
          size: page < pages ? perPage : all.length - perPage * (pages - 1),
          first_page: page === 1,
          last_page: page === pages,
          empty: false,
          contents: undefined,
        },
      );
      seen.push(...envelope.contents);
    }
    assert.deepEqual(ids(seen), ids(all));
    const beyond = await get<Envelope>(`/services?per_page=${perPage}&page=${pages + 1}`, 'listHsdsServices');
    assert.deepEqual([beyond.size, beyond.empty, beyond.last_page, beyond.contents], [0, true, true, []]);
    const defaults = await get<Envelope>('/services', 'listHsdsServices');
    assert.deepEqual([defaults.page_number, defaults.size], [1, Math.min(50, all.length)]);
  });

  test('search: every word in name or description, case and accents folded', async () => {
    const found = await everyItem('/services?search=GESPRACHE seelischen', 'listHsdsServices');
    assert.ok(found.some((service) => service['name'] === 'Psychosoziale Beratung Lebenswege'));
    for (const service of found) {
      const text = `${String(service['name'])} ${String(service['description'])}`.toLowerCase();
      assert.ok(text.includes('gespräche') && text.includes('seelischen'), text);
    }
    assert.equal((await get<Envelope>('/services?search=zzqx', 'listHsdsServices')).empty, true);
    const organizations = await everyItem('/organizations?search=lebenswege', 'listHsdsOrganizations');
    assert.deepEqual(
      organizations.map((organization) => organization['name']),
      ['Beratungsstelle Lebenswege Würzburg'],
    );
  });

  test('taxonomy_term_id: a parent topic finds the offers of its narrower topics; taxonomy_id and organization_id filter too', async () => {
    const parent = await everyItem(`/services?taxonomy_term_id=${topicTermId('seelische-gesundheit')}`, 'listHsdsServices');
    const byTopic = await client.searchAll('topic=seelische-gesundheit&sort=name');
    assert.deepEqual(new Set(ids(parent)), new Set(byTopic.map((offer) => offer.id)));
    assert.ok(parent.some((service) => termIds(service).includes(topicTermId('depression'))));
    const flagged = await everyItem(`/services?taxonomy_id=${taxonomyId(FLAGS_TAXONOMY)}`, 'listHsdsServices');
    assert.ok(flagged.length > 0 && flagged.every((service) => termIds(service).includes(EXAMPLE_DATA_TERM_ID)));
    const everything = await ndjson('/services');
    assert.equal((await ndjson(`/services?taxonomy_id=${taxonomyId(HELP_TOPICS_TAXONOMY)}`)).length, everything.length);
    const organization = String(everything[0]!['organization_id']);
    const own = await ndjson(`/services?organization_id=${organization}`);
    assert.ok(own.length > 0 && own.every((service) => service['organization_id'] === organization));
    const unknown = `/services?taxonomy_term_id=${uuidV5('unknown', taxonomyId(HELP_TOPICS_TAXONOMY))}`;
    assert.equal((await get<Envelope>(unknown, 'listHsdsServices')).total_items, 0);
  });

  test('example data is flagged; real offers and organizations are not', async () => {
    const services = await ndjson('/services');
    const real = services.filter((service) => !(service['organization'] as Item)['attributes']);
    assert.ok(real.length > 0, 'the real crisis lines');
    for (const service of services) {
      const example = termIds(service['organization'] as Item).includes(EXAMPLE_DATA_TERM_ID);
      assert.equal(termIds(service).includes(EXAMPLE_DATA_TERM_ID), example, String(service['name']));
    }
    const telefonSeelsorge = real.find((service) => String(service['name']).includes('TelefonSeelsorge'));
    assert.ok(telefonSeelsorge, 'TelefonSeelsorge is real data');
  });

  test('modified_after: only what changed after the moment', async () => {
    const before = await ndjson('/services');
    const latest = before
      .map((service) => String(service['last_modified']))
      .sort()
      .at(-1)!;
    const org = await client.organization('HSDS Änderungen Test');
    const offer = await client.created(org, offerBody({ name: 'Neu nach dem Stand' }));
    assert.deepEqual(ids(await ndjson(`/services?modified_after=${encodeURIComponent(latest)}`)), [offer.id]);
    assert.deepEqual(ids(await ndjson(`/services?modified_after=${encodeURIComponent(offer.updatedAt)}`)), []);
    const organizations = await ndjson(`/organizations?modified_after=${encodeURIComponent(latest)}`);
    assert.deepEqual(ids(organizations), [org]);
  });

  test('drafts and organizations not approved are absent', async () => {
    const org = await client.organization('HSDS Entwürfe Test');
    const draft = await client.created(org, offerBody({ name: 'Entwurf HSDS', published: false }));
    const pendingOrg = await client.organization('HSDS Wartet Test');
    const pending = await client.created(pendingOrg, offerBody({ name: 'Wartet HSDS' }));
    await hub.database.db.updateTable('organizations').set({ status: 'pending' }).where('id', '=', pendingOrg).execute();
    const services = ids(await ndjson('/services'));
    const places = await ndjson('/service_at_locations');
    const organizations = ids(await ndjson('/organizations'));
    for (const id of [draft.id, pending.id]) {
      assert.ok(!services.includes(id));
      assert.ok(!places.some((place) => place['service_id'] === id));
      await expectProblem(await fetch(`${hub.baseUrl}/hsds/services/${id}`), 404, 'not-found');
    }
    assert.ok(!organizations.includes(org), 'an organization with drafts only publishes nothing');
    assert.ok(!organizations.includes(pendingOrg));
    await expectProblem(await fetch(`${hub.baseUrl}/hsds/organizations/${pendingOrg}`), 404, 'not-found');
  });

  test('unknown ids are 404 and bad parameters 400, as problems', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['services', 'organizations', 'taxonomies', 'taxonomy_terms', 'service_at_locations']) {
      const response = await fetch(`${hub.baseUrl}/hsds/${path}/${unknown}`);
      assert.equal(response.headers.get('link'), link);
      await expectProblem(response, 404, 'not-found');
    }
    for (const query of ['page=0', 'page=abc', 'per_page=101', 'format=xml', 'modified_after=yesterday', 'taxonomy_term_id=depression']) {
      await expectProblem(await fetch(`${hub.baseUrl}/hsds/services?${query}`), 400, 'invalid-request');
    }
  });
});

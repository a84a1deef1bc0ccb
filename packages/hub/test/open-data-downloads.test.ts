import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { DATASETS, type DatasetId, type DownloadFormat } from '../src/opendata/datasets.js';
import { licenceLinkHeader, licenceMembers, openDataOptions } from '../src/opendata/licence.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { contract, expectDocumented, type Json } from './support/contract.js';
import { pinTestClock } from './support/clock.js';
import { eventBody, eventClient } from './support/events.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { everyPage } from './support/pages.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';

type Item = Record<string, unknown>;
interface Feature {
  type: string;
  id?: unknown;
  geometry: { type: string; coordinates: number[] };
  properties: Item;
}

const operations = { csv: 'downloadDatasetCsv', json: 'downloadDatasetJson', geojson: 'downloadDatasetGeoJson' } as const;
const licence = licenceMembers(openDataOptions({}));

/** What a person gave when answering a need, and a contact role naming someone: in no download. */
const personal = {
  name: 'Rosalinde Auskunftsscheu',
  email: 'rosalinde.auskunftsscheu@example.org',
  phone: '+49 931 555 0177',
  message: 'Ich bringe meinen Anhänger mit.',
  contactRole: 'Frau Petra Kontaktperson',
};
/** Drafts of an offer, a need and an event: in no download. */
const drafts = {
  offer: 'Entwurf einer Beratung, noch nicht veröffentlicht',
  need: 'Entwurf eines Einsatzes, noch nicht veröffentlicht',
  event: 'Entwurf eines Konzerts, noch nicht veröffentlicht',
};
/** Names a spreadsheet would run as formulas. */
const formulaOrganization = '=HYPERLINK("https://boese.example/","Spenden")';
const formulaOffer = '@SUMME(1+1) Schuldnerberatung';

/** A value as the CSV cell of the same field: the rule the contract describes. */
function cellOf(value: unknown): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`A field is a list or a scalar, not ${JSON.stringify(value)}.`);
}

describe('open data downloads: every dataset as CSV, JSON and GeoJSON with its licence', () => {
  let hub: TestHub;
  /** Each download's answer and body, read once. */
  const answers = new Map<string, { response: Response; bytes: Buffer; text: string }>();
  let weeklyEventOrganization: string;
  let codesPoll: string;

  async function download(dataset: string, format: DownloadFormat, headers: Record<string, string> = {}) {
    const response = await fetch(`${hub.baseUrl}/open-data/${dataset}.${format}`, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { response, bytes, text: bytes.toString('utf8') };
  }

  async function answer(dataset: DatasetId, format: DownloadFormat) {
    const key = `${dataset}.${format}`;
    if (!answers.has(key)) answers.set(key, await download(dataset, format));
    return answers.get(key)!;
  }

  async function jsonItems(dataset: DatasetId): Promise<Item[]> {
    return (JSON.parse((await answer(dataset, 'json')).text) as { items: Item[] }).items;
  }

  async function features(dataset: DatasetId): Promise<Feature[]> {
    return (JSON.parse((await answer(dataset, 'geojson')).text) as { features: Feature[] }).features;
  }

  before(async () => {
    pinTestClock();
    hub = await startTestHub({ volunteering: { purgeIntervalMs: 0, proofDifficulty: { minCounter: 200, maxCounter: 400 } } });
    const help = helpClient(hub);
    const formulaOrganizationId = await help.organization(formulaOrganization);
    await help.created(formulaOrganizationId, offerBody({ name: formulaOffer }));
    await help.created(formulaOrganizationId, offerBody({ name: drafts.offer, published: false }));

    const volunteers = volunteerClient(hub);
    const club = await volunteers.organizationId('TSV Ochsenfurt 1862 e.V.');
    const need = await volunteers.created(club, needBody({ title: 'Anhänger für den Umzug', contactRole: personal.contactRole }));
    await volunteers.created(club, needBody({ title: drafts.need, published: false }));
    const { contactRole: _, ...person } = personal;
    assert.equal((await volunteers.respond(need.id, await volunteers.responseBody(need, person))).status, 201);

    // A poll with participation codes, a meeting's and a postal tally, closed: every channel.
    const town = await volunteers.organizationId('Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
    const townKey = (await createApiKey(hub.database.db, { organizationId: town, scopes: ['polls:write', 'poll-codes:manage'] })).key;
    const polls = pollClient(hub, townKey);
    const poll = await polls.created(town, pollBody({ participation: 'codes' }));
    codesPoll = poll.id;
    const [first, second] = poll.options;
    for (const code of await polls.codes(poll.id, 2)) assert.equal((await polls.vote(poll.id, { choices: [first!.id], code })).status, 201);
    const meeting = { place: 'Bürgersaal Eisingen', date: '2026-11-18', counts: [{ optionId: second!.id, count: 5 }] };
    assert.equal((await polls.tally(poll.id, meeting)).status, 201);
    const paper = { channel: 'postal', place: 'Rathaus', date: '2026-11-20', counts: [{ optionId: first!.id, count: 3 }] };
    assert.equal((await polls.tally(poll.id, paper)).status, 201);
    assert.equal((await polls.patch(poll.id, { status: 'closed' }, townKey)).status, 200);

    const events = eventClient(hub);
    weeklyEventOrganization = await events.newOrganization('Gesangverein Randersacker');
    await events.created(
      weeklyEventOrganization,
      eventBody({ title: drafts.event, start: '2026-12-12T19:00', end: '2026-12-12T21:00', published: false }),
    );
    await events.created(
      weeklyEventOrganization,
      eventBody({
        title: 'Offenes Singen',
        start: '2026-11-04T18:00',
        end: '2026-11-04T19:30',
        recurrence: { rule: 'FREQ=WEEKLY' },
        overrides: [{ recurrenceId: '2026-12-09T18:00', status: 'cancelled' }],
        location: {
          name: 'Pfarrheim',
          address: 'Kirchgasse 3, 97236 Randersacker',
          municipalityId: 'randersacker',
          coordinates: { lat: 49.76, lon: 9.98 },
        },
      }),
    );
  });
  after(async () => {
    await hub?.close();
  });

  test("the registry's datasets are the contract's, and its GeoJSON datasets those the contract lets through", () => {
    const { document } = contract();
    const components = document['components'] as { schemas: Record<string, Json>; parameters: Record<string, { schema: Json }> };
    assert.deepEqual(
      DATASETS.map((dataset) => dataset.id),
      components.schemas['OpenDatasetId']!['enum'],
    );
    assert.deepEqual(
      DATASETS.filter((dataset) => dataset.formats.includes('geojson')).map((dataset) => dataset.id),
      components.parameters['OpenGeoDatasetId']!.schema['enum'],
    );
  });

  test('every dataset answers in each of its formats as the contract documents, with the licence in the Link header', async () => {
    const link = licenceLinkHeader(openDataOptions({}), 'http://localhost:8080');
    for (const dataset of DATASETS) {
      for (const format of dataset.formats) {
        const { response, text } = await answer(dataset.id, format);
        assert.equal(response.status, 200, `${dataset.id}.${format}: ${text.slice(0, 300)}`);
        assert.equal(response.headers.get('link'), link, `${dataset.id}.${format} names the licence`);
        assert.match(response.headers.get('link')!, /<https:\/\/www\.govdata\.de\/dl-de\/by-2-0>; rel="license"/);
        assert.match(response.headers.get('etag') ?? '', /^W\/"/, `${dataset.id}.${format} has an ETag`);
        const broken = contract().brokenPromises(operations[format], 200, response.headers.get('content-type') ?? '', text);
        assert.deepEqual(broken, [], `${dataset.id}.${format}`);
      }
    }
  });

  test('JSON: dataset, generation time, licence and attribution, and the items with example data flagged', async () => {
    for (const dataset of DATASETS) {
      const body = JSON.parse((await answer(dataset.id, 'json')).text) as Json;
      assert.equal(body['dataset'], dataset.id);
      assert.equal(body['generatedAt'], new Date(body['generatedAt'] as string).toISOString());
      assert.deepEqual(body['licence'], licence.licence);
      assert.equal(body['attribution'], licence.attribution);
      assert.match(licence.attribution, /Smart Region Würzburg.*Datenlizenz Deutschland/);
      const items = body['items'] as Item[];
      assert.ok(items.length > 0, `${dataset.id} has entries in the demo data`);
      if (dataset.id !== 'municipalities') {
        assert.ok(
          items.some((item) => item['isExample'] === true),
          `${dataset.id} flags example data`,
        );
      }
    }
    const offers = await jsonItems('help-offers');
    const sample = offers.find((item) => (item['openingHours'] as string[]).length > 0)!;
    assert.ok(Array.isArray(sample['topics']) && Array.isArray(sample['languages']), 'lists are arrays');
    assert.match((sample['openingHours'] as string[]).join(' '), /Uhr|Rund um die Uhr/, 'opening hours in words');
  });

  test('CSV: UTF-8 with BOM, CRLF, a header row, and the same fields as the JSON download (round trip)', async () => {
    for (const dataset of DATASETS) {
      const { response, bytes, text } = await answer(dataset.id, 'csv');
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="${dataset.id}.csv"`);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${dataset.id}.csv starts with a byte order mark`);
      assert.ok(text.endsWith('\r\n'));
      const records: string[][] = parse(text, { bom: true, record_delimiter: '\r\n' });
      const [header = [], ...rows] = records;
      const items = await jsonItems(dataset.id);
      assert.deepEqual(header, Object.keys(items[0]!), `${dataset.id}: the header names the JSON fields`);
      assert.equal(rows.length, items.length, `${dataset.id}: one row per item`);
      rows.forEach((row, index) => {
        const item = items[index]!;
        header.forEach((column, position) => {
          const cell = row[position]!;
          const expected = cellOf(item[column]);
          // A formula-like text gains a guarding apostrophe, and only that.
          assert.ok(
            cell === expected || (cell === `'${expected}` && /^[\s=+\-@]/u.test(expected)),
            `${dataset.id} row ${index} ${column}: ${JSON.stringify(cell)} ≠ ${JSON.stringify(expected)}`,
          );
        });
      });
    }
  });

  test('CSV: names a spreadsheet would run as formulas are written as text', async () => {
    const organizations = parse<Item>((await answer('organizations', 'csv')).text, { bom: true, columns: true });
    assert.ok(organizations.some((row) => row['name'] === `'${formulaOrganization}`));
    assert.ok(!organizations.some((row) => row['name'] === formulaOrganization));
    const offers = parse<Item>((await answer('help-offers', 'csv')).text, { bom: true, columns: true });
    const offer = offers.find((row) => row['name'] === `'${formulaOffer}`);
    assert.ok(offer, 'the offer whose name starts with @ is guarded');
    assert.equal(offer['organization'], `'${formulaOrganization}`);
    // In JSON the names stay as entered.
    assert.ok((await jsonItems('help-offers')).some((item) => item['name'] === formulaOffer));
  });

  test('GeoJSON: valid RFC 7946 FeatureCollections, longitude first, with the licence members', async () => {
    for (const dataset of DATASETS.filter((entry) => entry.formats.includes('geojson'))) {
      const { response, text } = await answer(dataset.id, 'geojson');
      assert.match(response.headers.get('content-type') ?? '', /^application\/geo\+json/);
      check(text);
      const collection = JSON.parse(text) as Json & { features: Feature[] };
      assert.equal(collection['type'], 'FeatureCollection');
      assert.ok(!('crs' in collection), 'no crs: RFC 7946 is WGS 84 only');
      assert.deepEqual(collection['licence'], licence.licence);
      assert.equal(collection['attribution'], licence.attribution);
      assert.ok(collection.features.length > 0, `${dataset.id} has places`);
      const ids = collection.features.map((feature) => feature.id);
      assert.ok(
        ids.every((id) => typeof id === 'string'),
        `${dataset.id}: feature ids are strings`,
      );
      assert.equal(new Set(ids).size, ids.length, `${dataset.id}: feature ids are unique`);
      for (const feature of collection.features) {
        assert.equal(feature.geometry.type, 'Point');
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        assert.equal(feature.geometry.coordinates.length, 2);
        assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90, `${dataset.id} ${String(feature.id)}: in range`);
        // The region lies around 49.8° N, 9.9° E: a swapped pair would put it in the Indian Ocean.
        assert.ok(lat > 49 && lat < 50.5 && lon > 9 && lon < 10.6, `${dataset.id} ${String(feature.id)}: [lon, lat] in the region`);
      }
    }
    const hoechberg = (await features('municipalities')).find((feature) => feature.id === 'hoechberg')!;
    assert.equal(hoechberg.properties['name'], 'Höchberg');
    assert.equal(hoechberg.geometry.coordinates[0]!.toFixed(2), '9.88');
    assert.equal(hoechberg.geometry.coordinates[1]!.toFixed(2), '49.78');
  });

  test("GeoJSON: an offer's places are its features, and a need is at its municipality's centre", async () => {
    const offers = await jsonItems('help-offers');
    const offerFeatures = await features('help-offers');
    const withPlaces = offerFeatures.filter((feature) => String(feature.id).includes('/'));
    for (const feature of offerFeatures) {
      const offerId = String(feature.id).split('/')[0];
      assert.ok(
        offers.some((item) => item['id'] === offerId),
        `feature ${String(feature.id)} is of a published offer`,
      );
      assert.equal(feature.properties['id'], offerId);
    }
    if (withPlaces.length > 0) assert.ok(withPlaces.every((feature) => /\/[1-9][0-9]*$/.test(String(feature.id))));
    const hoechberg = (await features('municipalities')).find((feature) => feature.id === 'hoechberg')!;
    const need = (await features('volunteer-needs')).find((feature) => feature.properties['title'] === 'Anhänger für den Umzug')!;
    assert.deepEqual(need.geometry.coordinates, hoechberg.geometry.coordinates);
    assert.equal(need.properties['position'], 'municipality-centre');
  });

  test('events: each occurrence from today for a year, the same as GET /events lists, cancelled ones with their status', async () => {
    const occurrences = (await jsonItems('events')).filter((item) => item['organizationId'] === weeklyEventOrganization);
    const listed = await everyPage(
      `${hub.baseUrl}/events?from=2026-12-02&to=2027-12-02&organization=${weeklyEventOrganization}&limit=100`,
      'listEventOccurrences',
    );
    assert.deepEqual(
      occurrences.map((item) => [item['start'], item['status']]),
      listed.map((item) => [item.start, item.status]),
    );
    assert.equal(occurrences[0]!['start'], '2026-12-02T18:00:00+01:00', 'today is the first day');
    assert.equal(occurrences.at(-1)!['start'], '2027-12-01T18:00:00+01:00', 'a year ahead is the last');
    assert.equal(occurrences.find((item) => item['recurrenceId'] === '2026-12-09T18:00:00')?.['status'], 'cancelled');
    const all = await jsonItems('events');
    assert.ok(all.every((item) => (item['end'] as string) >= '2026-12-02' && (item['start'] as string) < '2027-12-02T01'));
  });

  test("poll results: closed polls per option and channel, as the poll's own results count them", async () => {
    const rows = await jsonItems('poll-results');
    const polls = new Set(rows.map((row) => row['pollId'] as string));
    for (const pollId of polls) {
      const results = await pollClient(hub).results(pollId);
      assert.equal(results.status, 'closed');
      const own = rows.filter((row) => row['pollId'] === pollId);
      assert.deepEqual(
        own.map((row) => [
          row['optionId'],
          row['option'],
          (row['online'] as number) + (row['codes'] as number),
          row['inPerson'],
          row['postal'],
          row['total'],
          row['share'],
        ]),
        results.options!.map((option) => [
          option.optionId,
          option.label,
          option.online,
          option.inPerson,
          option.postal,
          option.total,
          option.share,
        ]),
      );
      for (const row of own) {
        assert.equal(row[row['participation'] === 'codes' ? 'online' : 'codes'], 0, 'online votes count as codes in a poll with codes');
      }
    }
  });

  test('poll results: code votes, a meeting and postal ballots each in their column', async () => {
    const rows = (await jsonItems('poll-results')).filter((row) => row['pollId'] === codesPoll);
    assert.deepEqual(
      rows.map((row) => [row['online'], row['codes'], row['inPerson'], row['postal'], row['total']]),
      [
        [0, 2, 0, 3, 5],
        [0, 0, 5, 0, 5],
        [0, 0, 0, 0, 0],
      ],
    );
    assert.ok(rows.every((row) => row['participation'] === 'codes' && row['isExample'] === true));
  });

  test('only public data: no drafts, no respondent, no contact person in any download', async () => {
    for (const dataset of DATASETS) {
      for (const format of dataset.formats) {
        const { text } = await answer(dataset.id, format);
        for (const draft of Object.values(drafts)) assert.ok(!text.includes(draft), `${dataset.id}.${format} has no draft`);
        for (const [field, value] of Object.entries(personal)) {
          assert.ok(!text.includes(value), `${dataset.id}.${format} does not contain the ${field}`);
        }
      }
    }
    const need = (await jsonItems('volunteer-needs')).find((item) => item['title'] === 'Anhänger für den Umzug')!;
    assert.deepEqual(
      Object.keys(need).filter((field) => /contact|respon|consent|privacy|shift|email|phone|message/i.test(field)),
      [],
      'no field of a need is about people',
    );
  });

  test('a dataset the registry does not have, or a format it has not, is a 400 problem', async () => {
    for (const path of ['residents.csv', 'residents.json', 'organizations.geojson', 'poll-results.geojson']) {
      await expectProblem(await fetch(`${hub.baseUrl}/open-data/${path}`), 400, 'invalid-request');
    }
  });

  test('a client that has the download gets 304 Not Modified', async () => {
    for (const format of ['csv', 'geojson'] as const) {
      const first = await answer('municipalities', format);
      const again = await download('municipalities', format, { 'if-none-match': first.response.headers.get('etag')! });
      assert.equal(again.response.status, 304, format);
      assert.equal(again.bytes.length, 0);
    }
    await expectDocumented(await fetch(`${hub.baseUrl}/open-data/municipalities.json`), 'downloadDatasetJson');
  });
});

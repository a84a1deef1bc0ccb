import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { strToU8, zipSync } from 'fflate';
import { openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../src/orgs/seed/seed.js';
import { expectDocumented } from './support/contract.js';
import { helpClient, type HelpOffer } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { exited } from './support/processes.js';
import { expectProblem } from './support/problems.js';

type Report = Schema<'HsdsImportReport'>;
type Service = Record<string, unknown>;

/** An HSDS 3.0 service as another directory's HSDS API answers it. */
function service(id: string, overrides: Service = {}): Service {
  return {
    id,
    name: 'Trauercafé Höchberg',
    description: 'Eine Gesprächsgruppe für Trauernde, jeden Montag und Mittwoch.',
    status: 'active',
    url: 'https://trauercafe.example/',
    email: 'info@trauercafe.example',
    eligibility_description: 'Für Erwachsene, die einen Menschen verloren haben.',
    fees_description: null,
    assured_date: '2026-10-01',
    languages: [{ code: 'de' }, { code: 'TR' }],
    phones: [{ number: '0931 123456', description: 'Anmeldung' }],
    schedules: [
      { freq: 'WEEKLY', byday: 'MO,WE', opens_at: '14:00:00', closes_at: '16:00:00' },
      { valid_from: '2026-12-24', valid_to: '2026-12-24', description: 'Heiligabend geschlossen' },
    ],
    service_at_locations: [
      {
        location: {
          name: 'Pfarrheim',
          location_type: 'physical',
          latitude: 49.7836,
          longitude: 9.8817,
          addresses: [{ address_1: 'Kirchplatz 2', postal_code: '97204', city: 'Höchberg', address_type: 'physical' }],
        },
      },
    ],
    attributes: [
      { taxonomy_term: { code: 'trauer', name: 'Trauer & Verlust', taxonomy_detail: { name: 'smart-region-help-topics' } } },
      { taxonomy_term: { code: 'PH-1400.2000', name: 'Bereavement Support Groups', taxonomy: '211 LA' } },
      { taxonomy_term: { code: 'K7', name: 'Kaffee und Kuchen', taxonomy: 'Eigene Kategorien' } },
    ],
    ...overrides,
  };
}

/** The same services as an HSDS datapackage: datapackage.json and the CSV tables, joined by ids. */
function datapackage(services: { id: string; name: string; topic: string; day: string }[], extra: Record<string, Uint8Array> = {}) {
  const csv = (header: string[], rows: string[][]) =>
    strToU8([header, ...rows].map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n'));
  const locationIds = services.map(() => randomUUID());
  const termIds = services.map(() => randomUUID());
  const taxonomyId = randomUUID();
  return zipSync({
    'datapackage.json': strToU8(JSON.stringify({ name: 'hsds-test', resources: [{ name: 'services', path: 'services.csv' }] })),
    'services.csv': csv(
      ['id', 'name', 'description', 'status', 'url'],
      services.map((entry) => [entry.id, entry.name, `${entry.name}: Beratung, auch am Telefon.`, 'active', 'https://beratung.example/']),
    ),
    'locations.csv': csv(
      ['id', 'name', 'location_type', 'latitude', 'longitude'],
      services.map((_, index) => [locationIds[index]!, 'Beratungsstelle', 'physical', '49.7913', '9.9534']),
    ),
    'addresses.csv': csv(
      ['id', 'location_id', 'address_1', 'postal_code', 'city', 'address_type'],
      services.map((_, index) => [randomUUID(), locationIds[index]!, 'Domstraße 10', '97070', 'Würzburg', 'physical']),
    ),
    'service_at_locations.csv': csv(
      ['id', 'service_id', 'location_id'],
      services.map((entry, index) => [randomUUID(), entry.id, locationIds[index]!]),
    ),
    'schedules.csv': csv(
      ['id', 'service_id', 'freq', 'byday', 'opens_at', 'closes_at'],
      services.map((entry) => [randomUUID(), entry.id, 'WEEKLY', entry.day, '09:00', '12:00']),
    ),
    'phones.csv': csv(
      ['id', 'service_id', 'number', 'description'],
      services.map((entry) => [randomUUID(), entry.id, '0931 4711', '']),
    ),
    'languages.csv': csv(
      ['id', 'service_id', 'name', 'code'],
      services.map((entry) => [randomUUID(), entry.id, 'Deutsch', 'de']),
    ),
    'taxonomies.csv': csv(['id', 'name'], [[taxonomyId, 'smart-region-help-topics']]),
    'taxonomy_terms.csv': csv(
      ['id', 'code', 'name', 'taxonomy_id'],
      services.map((entry, index) => [termIds[index]!, entry.topic, entry.topic, taxonomyId]),
    ),
    'attributes.csv': csv(
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      services.map((entry, index) => [randomUUID(), entry.id, 'service', 'service', termIds[index]!]),
    ),
    ...extra,
  });
}

function importer(hub: TestHub) {
  const post = (organization: string, body: BodyInit, type: string, query = '', key = hub.adminToken) =>
    fetch(`${hub.baseUrl}/organizations/${organization}/hsds-imports${query}`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${key}` },
      body,
    });
  return {
    post,
    json: (organization: string, dataset: unknown, query = '') => post(organization, JSON.stringify(dataset), 'application/json', query),
    zip: (organization: string, zip: Uint8Array, query = '') => post(organization, new Uint8Array(zip), 'application/zip', query),
    async report(response: Response): Promise<Report> {
      return expectDocumented(response, 'importHsds');
    },
    async refused(response: Response): Promise<Report> {
      const problem = await expectProblem(response, 422, 'validation-failed');
      return (problem as unknown as { report: Report }).report;
    },
    async offer(id: string): Promise<HelpOffer | undefined> {
      const response = await fetch(`${hub.baseUrl}/help-offers/${id}`);
      if (response.status === 404) return undefined;
      return expectDocumented(response, 'getHelpOffer');
    },
  };
}

describe('HSDS import', () => {
  let hub: TestHub;
  let client: ReturnType<typeof importer>;
  let organization: string;

  before(async () => {
    hub = await startTestHub();
    client = importer(hub);
    organization = await helpClient(hub).organization('Trauernetz Mainfranken');
  });
  after(() => hub?.close());

  test('imports a page of an HSDS API as help offers with their ids; again, nothing changes; a change updates', async () => {
    const id = randomUUID();
    const page = {
      total_items: 1,
      total_pages: 1,
      page_number: 1,
      size: 1,
      first_page: true,
      last_page: true,
      empty: false,
      contents: [service(id)],
    };
    const report = await client.report(await client.json(organization, page));
    assert.deepEqual(
      { created: report.created, updated: report.updated, unchanged: report.unchanged, refused: report.refused, dryRun: report.dryRun },
      { created: 1, updated: 0, unchanged: 0, refused: 0, dryRun: false },
    );
    assert.deepEqual(report.items, [{ id, name: 'Trauercafé Höchberg', outcome: 'created' }]);
    assert.deepEqual(report.unmappedTerms, [{ taxonomy: 'Eigene Kategorien', code: 'K7', name: 'Kaffee und Kuchen', services: 1 }]);

    const offer = (await client.offer(id))!;
    assert.equal(offer.organization.id, organization);
    assert.deepEqual(offer.topics, ['trauer'], "the Hub's own term by code, the 211 LA term by name: one topic");
    assert.deepEqual(offer.languages, ['de', 'tr']);
    assert.deepEqual(offer.phones, [{ number: '0931 123456', description: 'Anmeldung' }]);
    assert.equal(offer.serviceArea, 'local');
    assert.deepEqual(offer.locations, [
      {
        name: 'Pfarrheim',
        address: 'Kirchplatz 2, 97204 Höchberg',
        municipalityId: 'hoechberg',
        coordinates: { lat: 49.7836, lon: 9.8817 },
      },
    ]);
    assert.deepEqual(offer.openingHours.schedules, [{ byDay: ['MO', 'WE'], opensAt: '14:00', closesAt: '16:00' }]);
    assert.deepEqual(offer.openingHours.exceptions, [
      { date: '2026-12-24', opensAt: null, closesAt: null, description: 'Heiligabend geschlossen' },
    ]);
    assert.equal(offer.eligibilityDescription, 'Für Erwachsene, die einen Menschen verloren haben.');
    assert.equal(offer.assuredDate, '2026-10-01');

    const again = await client.report(await client.json(organization, [service(id)]));
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 1]);
    assert.equal((await client.offer(id))!.updatedAt, offer.updatedAt, 'an unchanged offer is not written');

    const changed = await client.report(await client.json(organization, service(id, { name: 'Trauercafé im Pfarrheim' })));
    assert.deepEqual(changed.items, [{ id, name: 'Trauercafé im Pfarrheim', outcome: 'updated' }]);
    assert.equal((await client.offer(id))!.name, 'Trauercafé im Pfarrheim');
  });

  test('imports an HSDS datapackage zip, joined by ids; a second import changes nothing', async () => {
    const services = [
      { id: randomUUID(), name: 'Schuldnerberatung Stadtmitte', topic: 'schulden', day: 'TU' },
      { id: randomUUID(), name: 'Suchtberatung am Dom', topic: 'sucht', day: 'TH' },
    ];
    const zip = datapackage(services);
    const report = await client.report(await client.zip(organization, zip));
    assert.deepEqual([report.created, report.refused], [2, 0]);
    const offer = (await client.offer(services[1]!.id))!;
    assert.deepEqual(offer.topics, ['sucht']);
    assert.deepEqual(offer.locations, [
      {
        name: 'Beratungsstelle',
        address: 'Domstraße 10, 97070 Würzburg',
        municipalityId: 'wuerzburg',
        coordinates: { lat: 49.7913, lon: 9.9534 },
      },
    ]);
    assert.deepEqual(offer.openingHours.schedules, [{ byDay: ['TH'], opensAt: '09:00', closesAt: '12:00' }]);
    assert.deepEqual(offer.phones, [{ number: '0931 4711', description: null }]);
    const again = await client.report(await client.zip(organization, zip));
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 2]);
  });

  test('all or nothing: a refused service keeps every other one out, and the report says why', async () => {
    const good = randomUUID();
    const long = randomUUID();
    const untopical = randomUUID();
    const response = await client.json(organization, [
      service(good),
      service(long, { name: 'x'.repeat(201) }),
      service(untopical, { attributes: [{ taxonomy_term: { code: 'Z9', name: 'Sonstiges', taxonomy: 'Eigene Kategorien' } }] }),
      service(randomUUID(), { status: 'inactive' }),
    ]);
    const report = await client.refused(response);
    assert.deepEqual([report.created, report.refused, report.skipped], [1, 2, 1]);
    const byId = new Map(report.items.map((item) => [item.id, item]));
    assert.match(byId.get(long)!.reason!, /^name must NOT have more than 200 characters$/);
    assert.equal(byId.get(untopical)!.reason, 'none of its taxonomy terms maps to a help topic');
    assert.match(report.items[3]!.reason!, /status is "inactive"/);
    assert.deepEqual(
      report.unmappedTerms.map((term) => [term.name, term.services]),
      [
        ['Kaffee und Kuchen', 3],
        ['Sonstiges', 1],
      ],
    );
    assert.equal(await client.offer(good), undefined, 'nothing was stored');
  });

  test("the Hub's own checks refuse too, naming the field (as createHelpOffer does)", async () => {
    const id = randomUUID();
    const report = await client.refused(
      await client.json(organization, service(id, { schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '10:00' }] })),
    );
    assert.match(report.items[0]!.reason!, /^openingHours\/schedules\/0\/closesAt must differ from opensAt/);
  });

  test('a dry run checks and reports, and stores nothing', async () => {
    const id = randomUUID();
    const report = await client.report(await client.json(organization, [service(id)], '?dryRun=true'));
    assert.deepEqual([report.dryRun, report.created], [true, 1]);
    assert.equal(await client.offer(id), undefined);
  });

  test("an id of another organization's offer is refused; an organization's key imports only into its own", async () => {
    const other = await helpClient(hub).organization('Anderer Verein');
    const id = randomUUID();
    await client.report(await client.json(other, [service(id)]));
    const report = await client.refused(await client.json(organization, [service(id, { name: 'Übernommen' })]));
    assert.equal(report.items[0]!.reason, "id is another organization's help offer");
    assert.equal((await client.offer(id))!.organization.id, other);
  });

  test('wrong media type 415, too large 413, not JSON or a broken zip 400, a zip bomb 413', async () => {
    await expectProblem(await client.post(organization, 'Name;Beschreibung', 'text/csv'), 415, 'unsupported-media-type');
    await expectProblem(await client.post(organization, '{"contents": [', 'application/json'), 400, 'invalid-request');
    await expectProblem(await client.post(organization, 'PK kein zip', 'application/zip'), 400, 'invalid-request');
    const huge = new Blob([new Uint8Array(21 * 1024 * 1024)]);
    await expectProblem(await client.post(organization, huge, 'application/zip'), 413, 'payload-too-large');
    const bomb = zipSync({ 'services.csv': new Uint8Array(65 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 1024 * 1024);
    await expectProblem(await client.zip(organization, bomb), 413, 'payload-too-large');
    const many = zipSync(Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`f${index}.csv`, strToU8('id')])));
    await expectProblem(await client.zip(organization, many), 413, 'payload-too-large');
    const noHsds = await expectProblem(await client.json(organization, { hello: 'world' }), 422, 'validation-failed');
    assert.match(noHsds.detail!, /no HSDS dataset/);
  });
});

/** Every service a Hub's HSDS read API publishes, by id. */
async function exportedServices(hub: TestHub): Promise<Service[]> {
  const response = await fetch(`${hub.baseUrl}/hsds/services?format=ndjson`);
  assert.equal(response.status, 200);
  const services = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Service);
  return services.sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}

/**
 * A service without what names its organization (another one in the Hub it was imported into)
 * and without the moment it was last changed (when it was imported there).
 */
function withoutOrganization({
  organization_id: _id,
  organization: _organization,
  last_modified: _modified,
  ...service
}: Service): Service {
  return service;
}

describe('HSDS round trip', () => {
  let source: TestHub;
  let target: TestHub;

  before(async () => {
    [source, target] = await Promise.all([startTestHub(), startTestHub()]);
    // A Hub without help offers: the demo offers come only through the import.
    await target.database.db.deleteFrom('help_offers').execute();
  });
  after(() => Promise.all([source?.close(), target?.close()]));

  test('the demo help offers exported as HSDS, imported into another Hub and exported again are the same', async () => {
    const exported = await exportedServices(source);
    assert.ok(exported.length >= 10, `the demo data has help offers (${exported.length})`);
    const byOrganization = new Map<string, Service[]>();
    for (const service of exported) {
      const organization = String(service['organization_id']);
      byOrganization.set(organization, [...(byOrganization.get(organization) ?? []), service]);
    }
    const client = importer(target);
    for (const services of byOrganization.values()) {
      const organization = services[0]!['organization'] as { name: string; attributes?: unknown[] };
      const response = await fetch(`${target.baseUrl}/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.adminToken}` },
        body: JSON.stringify({ name: `${organization.name} (HSDS)`, kind: 'welfare', isExample: Boolean(organization.attributes) }),
      });
      const { id } = await expectDocumented(response, 'createOrganization', 201);
      const report = await client.report(await client.json(id, { contents: services }));
      assert.deepEqual([report.created, report.refused, report.unmappedTerms], [services.length, 0, []], JSON.stringify(report.items));
      const again = await client.report(await client.json(id, services));
      assert.equal(again.unchanged, services.length, 'a second import changes nothing');
    }
    const reexported = await exportedServices(target);
    assert.deepEqual(reexported.map(withoutOrganization), exported.map(withoutOrganization));
  });
});

describe('sr-hub import-hsds', () => {
  let dataDir: string;
  let organizationId: string;
  const cli = new URL('../src/cli.ts', import.meta.url).pathname;

  async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const { DATABASE_URL: _serverMode, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...env, HUB_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const { code } = await exited(child);
    return { code, out, err };
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-hsds-'));
    const database = await openDatabase({ dataDir });
    await migrate(database);
    await seed(database.db);
    organizationId = (
      await database.db.selectFrom('organizations').select('id').where('name', '=', 'TSV Ochsenfurt 1862 e.V.').executeTakeFirstOrThrow()
    ).id;
    await database.close();
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('imports a JSON file or a datapackage, prints the report, and refuses with the reasons', async () => {
    const json = join(dataDir, 'services.json');
    await writeFile(json, JSON.stringify([service(randomUUID())]));
    const dry = await run(['import-hsds', '--organization', organizationId, '--dry-run', json]);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^Dry run, nothing stored: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 refused\./);
    assert.match(dry.out, /Eigene Kategorien K7 "Kaffee und Kuchen" \(1 services\)/);

    const zip = join(dataDir, 'datapackage.zip');
    await writeFile(zip, datapackage([{ id: randomUUID(), name: 'Seniorenberatung', topic: 'pflege-alter', day: 'FR' }]));
    const fromZip = await run(['import-hsds', '--organization', organizationId, zip]);
    assert.equal(fromZip.code, 0, fromZip.err);
    assert.match(fromZip.out, /^Imported: 1 created/);

    const bad = join(dataDir, 'bad.json');
    const badId = randomUUID();
    await writeFile(bad, JSON.stringify([service(badId, { description: '' })]));
    const refused = await run(['import-hsds', '--organization', organizationId, bad]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /1 of 1 services cannot be imported, so nothing was stored/);
    assert.match(refused.err, new RegExp(`refused ${badId} "Trauercafé Höchberg": description must NOT have fewer than 1 characters`));
    const missing = await run(['import-hsds', '--organization', organizationId]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Usage: sr-hub import-hsds/);
  });
});

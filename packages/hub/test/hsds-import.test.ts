import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { strToU8, zipSync } from 'fflate';
import { createApiKey } from '../src/auth/api-keys.js';
import { expectDocumented } from './support/contract.js';
import { helpClient, type HelpOffer } from './support/help.js';
import { datapackage, service, type Service } from './support/hsds.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

type Report = Schema<'HsdsImportReport'>;

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
      const problem = await expectDocumented(response.clone(), 'importHsds', 422);
      await expectProblem(response, 422, 'validation-failed');
      return problem.report!;
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

  test('what is no object where HSDS has objects is passed over, not a failure', async () => {
    const id = randomUUID();
    const odd = { phones: [null, 7], languages: 'de', schedules: [null], service_at_locations: [null, { location: 'Rathaus' }] };
    const report = await client.report(
      await client.json(
        organization,
        service(id, { ...odd, attributes: [null, ...(service(id)['attributes'] as unknown[])] }),
        '?dryRun=true',
      ),
    );
    assert.deepEqual(report.items, [{ id, name: 'Trauercafé Höchberg', outcome: 'created' }]);
  });

  test('a dry run checks and reports, and stores nothing', async () => {
    const id = randomUUID();
    const report = await client.report(await client.json(organization, [service(id)], '?dryRun=true'));
    assert.deepEqual([report.dryRun, report.created], [true, 1]);
    assert.equal(await client.offer(id), undefined);
  });

  test("an id of another organization's offer is refused; an organization's key imports only into its own", async () => {
    const other = await helpClient(hub).organization('Anderer Verein');
    const { key } = await createApiKey(hub.database.db, { organizationId: other, scopes: ['help-offers:write'] });
    const id = randomUUID();
    await client.report(await client.post(other, JSON.stringify([service(id)]), 'application/json', '', key));
    const report = await client.refused(await client.json(organization, [service(id, { name: 'Übernommen' })]));
    assert.equal(report.items[0]!.reason, "id is another organization's help offer");
    assert.equal((await client.offer(id))!.organization.id, other);
    const foreign = await client.post(organization, JSON.stringify([service(randomUUID())]), 'application/json', '', key);
    await expectProblem(foreign, 403, 'forbidden');
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

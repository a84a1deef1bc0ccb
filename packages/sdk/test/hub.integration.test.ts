import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { failure } from './support/failure.js';
import { createHubClient, paginate, type Fetch, type HubClient, type Municipality } from '../src/index.js';

/** The part of the Hub's test support (packages/hub/test/support/hub.ts) this test uses. */
interface TestHub {
  baseUrl: string;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * Imported by a computed specifier on purpose: with a literal one, `tsc -p packages/sdk` would
 * compile the Hub's sources as part of the SDK (outside its rootDir, with the Hub's dependencies).
 * The SDK is checked against the running Hub here, not against its code.
 */
const hubSupport = new URL('../../hub/test/support/hub.ts', import.meta.url).href;
const { startTestHub } = (await import(hubSupport)) as { startTestHub: () => Promise<TestHub> };

/** Wraps the real `fetch` and records the status of every answer. */
function countingFetch(): { fetch: Fetch; statuses: number[] } {
  const statuses: number[] = [];
  return {
    statuses,
    fetch: async (request) => {
      const response = await fetch(request);
      statuses.push(response.status);
      return response;
    },
  };
}

describe('the SDK against a real Hub', () => {
  let testHub: TestHub;
  let hub: HubClient;

  before(async () => {
    testHub = await startTestHub();
    hub = createHubClient({ baseUrl: testHub.baseUrl, locale: 'de' });
  });
  after(() => testHub?.close());

  it('lists all municipalities across pages', async () => {
    const municipalities: Municipality[] = [];
    for await (const municipality of paginate(hub, '/municipalities', { params: { query: { limit: 10 } } })) {
      municipalities.push(municipality);
    }

    const ids = municipalities.map((municipality) => municipality.id);
    assert.ok(municipalities.length > 40, `only ${municipalities.length} municipalities`);
    assert.equal(new Set(ids).size, ids.length, 'an id came twice');
    assert.ok(ids.includes('wuerzburg') && ids.includes('hoechberg'));
  });

  it('gets a municipality by slug and by official key', async () => {
    const bySlug = await hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });
    const byKey = await hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: '09663000' } } });

    assert.equal(bySlug.name, 'Würzburg');
    assert.equal(bySlug.officialKey, '09663000');
    assert.deepEqual(byKey, bySlug);
  });

  it('turns a 404 into a HubError with the problem type', async () => {
    const error = await failure(hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'atlantis' } } }));

    assert.equal(error.status, 404);
    assert.equal(error.type, '/problems/not-found');
    assert.ok(error.title);
  });

  it('turns a 400 into a HubError that points at the invalid parameter', async () => {
    // The contract's maximum (100) is not part of the generated type, so this compiles.
    const error = await failure(hub.GET('/municipalities', { params: { query: { limit: 1000 } } }));

    assert.equal(error.status, 400);
    assert.ok(error.errors[0]?.pointer, 'errors[0].pointer is missing');
  });

  it('serves a repeated GET from its ETag cache through a 304', async () => {
    const counting = countingFetch();
    const cached = createHubClient({ baseUrl: testHub.baseUrl, fetch: counting.fetch });
    const get = () => cached.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'hoechberg' } } });

    const first = await get();
    const second = await get();

    assert.deepEqual(counting.statuses, [200, 304]);
    assert.deepEqual(second, first);
    assert.equal(second.name, 'Höchberg');
  });

  it('creates and updates an organization with the admin key', async () => {
    const admin = createHubClient({ baseUrl: testHub.baseUrl, apiKey: testHub.adminToken });

    const created = await admin.POST('/organizations', {
      body: { name: 'Nachbarschaftshilfe Höchberg', kind: 'initiative', municipalityId: 'hoechberg' },
    });
    const updated = await admin.PATCH('/organizations/{organizationId}', {
      params: { path: { organizationId: created.id } },
      body: { description: 'Einkaufshilfe und Fahrdienst.' },
    });

    assert.equal(created.name, 'Nachbarschaftshilfe Höchberg');
    assert.equal(created.isExample, false);
    assert.equal(updated.id, created.id);
    assert.equal(updated.description, 'Einkaufshilfe und Fahrdienst.');
    const fetched = await hub.GET('/organizations/{organizationId}', { params: { path: { organizationId: created.id } } });
    assert.deepEqual(fetched, updated);
  });

  it('refuses a write without a key with a 401 HubError', async () => {
    const error = await failure(hub.POST('/organizations', { body: { name: 'Ohne Schlüssel e.V.', kind: 'club' } }));

    assert.equal(error.status, 401);
    assert.equal(error.type, '/problems/unauthorized');
  });

  it('reports a Hub that does not answer as a network error', async () => {
    const offline = createHubClient({ baseUrl: 'http://127.0.0.1:9', retry: false });

    const error = await failure(offline.GET('/health'));

    assert.equal(error.isNetworkError, true);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubClient, versionOf } from '../src/index.js';
import { baseUrl, fakeFetch, json, wuerzburg } from './support/fake-fetch.js';

describe('createHubClient', () => {
  it('resolves to the data of the answer and builds the URL from path and query params', async () => {
    const fake = fakeFetch(json(wuerzburg), json({ items: [wuerzburg], nextCursor: null }));
    const hub = createHubClient({ baseUrl: `${baseUrl}/`, fetch: fake.fetch });

    const municipality = await hub.GET('/municipalities/{municipalityId}', {
      params: { path: { municipalityId: 'wuerzburg' } },
    });
    const page = await hub.GET('/municipalities', { params: { query: { limit: 10, district: 'Stadt Würzburg' } } });

    assert.deepEqual(municipality, wuerzburg);
    assert.deepEqual(page.items, [wuerzburg]);
    assert.equal(fake.requests[0]?.url, `${baseUrl}/municipalities/wuerzburg`);
    assert.equal(fake.requests[1]?.url, `${baseUrl}/municipalities?limit=10&district=Stadt%20W%C3%BCrzburg`);
  });

  it('keeps the version (ETag) of each answer beside its data, for If-Match', async () => {
    const fake = fakeFetch(json(wuerzburg, { headers: { ETag: 'W/"v1.abc"' } }), json({ items: [], nextCursor: null }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch, cache: false });

    const municipality = await hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });
    const page = await hub.GET('/municipalities');

    assert.equal(versionOf(municipality), 'W/"v1.abc"');
    assert.deepEqual(municipality, wuerzburg, 'the data itself is unchanged');
    assert.equal(versionOf(page), undefined);
    assert.equal(versionOf({ ...municipality }), undefined, 'a copy is not the answer');
  });

  it('sends the API key as a bearer token and the locale as Accept-Language', async () => {
    const fake = fakeFetch(json(wuerzburg));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch, apiKey: 'k3y', locale: 'en' });

    await hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });

    assert.equal(fake.requests[0]?.headers.get('Authorization'), 'Bearer k3y');
    assert.equal(fake.requests[0]?.headers.get('Accept-Language'), 'en');
  });

  it('sends neither header when no key and no locale are configured', async () => {
    const fake = fakeFetch(json(wuerzburg));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });

    await hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });

    assert.equal(fake.requests[0]?.headers.has('Authorization'), false);
    assert.equal(fake.requests[0]?.headers.has('Accept-Language'), false);
  });

  it("sends no cookies unless told to; the Hub's own pages send their session with credentials same-origin", async () => {
    const fake = fakeFetch(json(wuerzburg), json(wuerzburg));
    const widget = createHubClient({ baseUrl, fetch: fake.fetch });
    const manage = createHubClient({ baseUrl, fetch: fake.fetch, credentials: 'same-origin' });

    await widget.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });
    await manage.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'wuerzburg' } } });

    assert.equal(fake.requests[0]?.credentials, 'omit');
    assert.equal(fake.requests[1]?.credentials, 'same-origin');
  });

  it('sends a JSON body for writes and resolves to the created resource', async () => {
    const created = { id: '3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11', name: 'Sportverein Höchberg e.V.' };
    const fake = fakeFetch(json(created, { status: 201 }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch, apiKey: 'admin' });

    const organization = await hub.POST('/organizations', {
      body: { name: 'Sportverein Höchberg e.V.', kind: 'club', isExample: true },
    });

    assert.deepEqual(organization, created);
    const request = fake.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(await request?.json(), { name: 'Sportverein Höchberg e.V.', kind: 'club', isExample: true });
  });

  it('passes the signal on, so an aborted call rejects with the reason and sends nothing', async () => {
    const fake = fakeFetch();
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });
    const reason = new Error('the widget went away');

    await assert.rejects(hub.GET('/health', { signal: AbortSignal.abort(reason) }), (error) => error === reason);
    assert.equal(fake.requests.length, 0);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

describe('every request the contract does not allow gets a problem+json 4xx', () => {
  let hub: TestHub;
  let orgId: string;
  const json = { 'content-type': 'application/json' };
  const admin = () => ({ ...json, authorization: `Bearer ${hub.adminToken}` });

  before(async () => {
    hub = await startTestHub({ bodyLimit: 4096 });
    const page = await (await fetch(`${hub.baseUrl}/organizations?limit=1`)).json();
    orgId = page.items[0].id;
  });
  after(() => hub.close());

  test('unknown route → 404', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/nowhere?x=1`), 404, 'not-found');
    assert.equal(problem.detail, 'There is nothing at /nowhere.');
  });

  test('unknown municipality → 404 naming it', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/municipalities/atlantis`), 404, 'not-found');
    assert.match(problem.detail ?? '', /atlantis/);
  });

  test('wrong method on a known path → 405 with Allow', async () => {
    const response = await fetch(`${hub.baseUrl}/municipalities`, { method: 'DELETE' });
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    await expectProblem(response, 405, 'method-not-allowed');
    const onItem = await fetch(`${hub.baseUrl}/organizations/${orgId}`, { method: 'PUT', headers: admin(), body: '{}' });
    assert.equal(onItem.headers.get('allow'), 'GET, PATCH, HEAD');
    await expectProblem(onItem, 405, 'method-not-allowed');
  });

  test('malformed JSON → 400', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body: '{"name": "A' });
    const problem = await expectProblem(response, 400, 'invalid-request');
    assert.match(problem.detail ?? '', /JSON/);
  });

  test('wrong types and unknown fields in a body → 422 naming each field', async () => {
    const body = JSON.stringify({ name: 42, kind: 'castle', favourite: true });
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }),
      422,
      'validation-failed',
    );
    const pointers = problem.errors?.map((error) => error.pointer) ?? [];
    assert.ok(pointers.includes('/body/name'), pointers.join());
    assert.ok(pointers.includes('/body/kind'), pointers.join());
    assert.ok(pointers.includes('/body/favourite'), pointers.join());
  });

  test('a missing required field → 422 naming it', async () => {
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body: JSON.stringify({ kind: 'club' }) }),
      422,
      'validation-failed',
    );
    assert.deepEqual(problem.errors?.map((error) => error.pointer), ['/body/name']);
  });

  test('a municipality that does not exist → 422', async () => {
    const body = JSON.stringify({ name: 'Verein', kind: 'club', municipalityId: 'atlantis' });
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }),
      422,
      'validation-failed',
    );
    assert.equal(problem.errors?.[0]?.pointer, '/body/municipalityId');
  });

  test('wrong query parameters → 400 naming the parameter', async () => {
    for (const [query, pointer] of [
      ['limit=1000', '/query/limit'],
      ['limit=zero', '/query/limit'],
      ['district=Mars', '/query/district'],
      ['cursor=bm9wZQ', '/query/cursor'],
    ] as const) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}/municipalities?${query}`), 400, 'invalid-request');
      assert.equal(problem.errors?.[0]?.pointer, pointer, query);
    }
  });

  test('a malformed path parameter → 400', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/organizations/not-a-uuid`), 400, 'invalid-request');
    assert.equal(problem.errors?.[0]?.pointer, '/path/organizationId');
  });

  test('body too large → 413', async () => {
    const body = JSON.stringify({ name: 'Verein', kind: 'club', description: 'x'.repeat(10_000) });
    await expectProblem(await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }), 413, 'payload-too-large');
  });

  test('wrong content type → 415', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'text/plain' },
      body: 'name=Verein',
    });
    await expectProblem(response, 415, 'unsupported-media-type');
  });

  test('no key → 401 with WWW-Authenticate, before the body is even looked at', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: json, body: '{' });
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    await expectProblem(response, 401, 'unauthorized');
  });

  test('an unknown key → 401', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer sr_not-a-key' },
      body: JSON.stringify({ name: 'Verein', kind: 'club' }),
    });
    await expectProblem(response, 401, 'unauthorized');
  });
});

describe('rate limit', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  after(() => hub.close());

  test('too many requests → 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${hub.baseUrl}/municipalities?limit=1`)).status, 200);
    const response = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    await expectProblem(response, 429, 'rate-limited');
  });
});

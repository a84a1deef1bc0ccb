import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { contractPath, idempotentOperations, outputPath, render } from '../scripts/idempotent-operations.js';
import { createHubClient, newIdempotencyKey } from '../src/index.js';
import { baseUrl, fakeFetch, json, problem } from './support/fake-fetch.js';

describe('newIdempotencyKey', () => {
  it('makes keys the contract accepts (16–100 of A–Z a–z 0–9 _ -)', () => {
    assert.match(newIdempotencyKey(), /^[A-Za-z0-9_-]{16,100}$/);
  });

  it('makes a different key each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    assert.equal(keys.size, 100);
  });
});

describe('Idempotency-Key on citizen writes', () => {
  const pollId = '5b1d7c1e-8f0a-4c3b-9d2e-1a2b3c4d5e6f';
  const optionId = '9c2d1e0f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
  const receipt = { pollId, choices: [optionId], receivedAt: '2026-11-12T18:03:11.512Z', results: null };
  const vote = (hub: ReturnType<typeof createHubClient>, header?: Record<string, string>) =>
    hub.POST('/polls/{pollId}/votes', {
      params: { path: { pollId }, ...(header ? { header } : {}) },
      body: { choices: [optionId], code: 'K7QM-3HXP' },
    });

  it('is added to operations whose contract declares it, and to no others', async () => {
    const fake = fakeFetch(json(receipt, { status: 201 }), json({ id: pollId }, { status: 201 }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch, apiKey: 'k3y' });
    await vote(hub);
    await hub.POST('/organizations', { body: { name: 'Verein', kind: 'club' } });
    assert.match(fake.requests[0]?.headers.get('Idempotency-Key') ?? '', /^[A-Za-z0-9_-]{16,100}$/);
    assert.equal(fake.requests[1]?.headers.has('Idempotency-Key'), false);
  });

  it('is the same on every retry of one call, and new for the next call', async () => {
    const unavailable = () => problem(503, { type: '/problems/service-unavailable', title: 'Unavailable' }, { 'Retry-After': '0' });
    const fake = fakeFetch(unavailable(), new TypeError('fetch failed'), json(receipt, { status: 201 }), json(receipt, { status: 201 }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch, retry: { baseDelay: 1 } });
    await vote(hub);
    await vote(hub);
    const keys = fake.requests.map((request) => request.headers.get('Idempotency-Key'));
    assert.equal(keys.length, 4);
    assert.equal(new Set(keys.slice(0, 3)).size, 1, 'one key for the three attempts of the first vote');
    assert.notEqual(keys[3], keys[0]);
  });

  it("is the caller's own when given", async () => {
    const fake = fakeFetch(json(receipt, { status: 201 }));
    const hub = createHubClient({ baseUrl, fetch: fake.fetch });
    const key = newIdempotencyKey();
    await vote(hub, { 'Idempotency-Key': key });
    assert.equal(fake.requests[0]?.headers.get('Idempotency-Key'), key);
  });
});

it('src/generated/idempotent-operations.ts lists what openapi/hub.yaml declares', async () => {
  const contract = await readFile(contractPath, 'utf8');
  assert.equal(
    await readFile(outputPath, 'utf8'),
    render(idempotentOperations(contract)),
    'Run `npx tsx packages/sdk/scripts/idempotent-operations.ts` and commit the result.',
  );
  assert.ok(idempotentOperations(contract).includes('POST /polls/{pollId}/votes'));
});

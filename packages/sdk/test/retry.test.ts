import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHubClient, HubError, newIdempotencyKey } from '../src/index.js';
import { backoffDelay, isRetryable, retryDelay, type RetryOptions } from '../src/retry.js';
import { baseUrl, fakeFetch, json, networkFailure, problem, type Answer } from './support/fake-fetch.js';

const health = { status: 'ok', database: 'ok', version: '0.1.0' };
const unavailable = () => problem(503, { type: '/problems/service-unavailable', title: 'The Hub is temporarily unavailable.' });
const rateLimited = (retryAfter: string) =>
  problem(429, { type: '/problems/rate-limited', title: 'Too many requests.' }, { 'Retry-After': retryAfter });
const organization = { name: 'Tafel Würzburg e.V.', kind: 'welfare', isExample: true } as const;

/** Tiny delays keep the suite fast; the delay arithmetic itself is tested as a pure function. */
const fast: RetryOptions = { maxAttempts: 3, baseDelay: 1, maxDelay: 20 };

function client(answers: Answer[], retry: Partial<RetryOptions> = fast) {
  const fake = fakeFetch(...answers);
  return { hub: createHubClient({ baseUrl, fetch: fake.fetch, retry, cache: false }), requests: fake.requests };
}

describe('retries', () => {
  it('retries a GET after a 503', async () => {
    const { hub, requests } = client([unavailable(), json(health)]);

    assert.deepEqual(await hub.GET('/health'), health);
    assert.equal(requests.length, 2);
  });

  it('retries a GET after a 429 whose Retry-After fits in maxDelay', async () => {
    const { hub, requests } = client([rateLimited('0'), json(health)]);

    assert.deepEqual(await hub.GET('/health'), health);
    assert.equal(requests.length, 2);
  });

  it('does not wait for a Retry-After longer than maxDelay: it reports it at once', async () => {
    const { hub, requests } = client([rateLimited('30'), json(health)]);

    await assert.rejects(hub.GET('/health'), (error: HubError) => error.status === 429 && error.retryAfter === 30);
    assert.equal(requests.length, 1);
  });

  it('retries after network errors', async () => {
    const { hub, requests } = client([networkFailure(), networkFailure(), json(health)]);

    assert.deepEqual(await hub.GET('/health'), health);
    assert.equal(requests.length, 3);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { hub, requests } = client([unavailable(), networkFailure(), unavailable()]);

    await assert.rejects(hub.GET('/health'), (error: HubError) => error.status === 503);
    assert.equal(requests.length, 3);
  });

  it('does not retry other errors', async () => {
    const { hub, requests } = client([problem(500, { type: '/problems/internal-error', title: 'Something went wrong in the Hub.' })]);

    await assert.rejects(hub.GET('/health'), (error: HubError) => error.status === 500);
    assert.equal(requests.length, 1);
  });

  it('sends every request once with retry: false or maxAttempts: 1', async () => {
    const { hub, requests } = client([unavailable()], { maxAttempts: 1 });
    const off = fakeFetch(unavailable());

    await assert.rejects(hub.GET('/health'));
    await assert.rejects(createHubClient({ baseUrl, fetch: off.fetch, retry: false }).GET('/health'));
    assert.equal(requests.length, 1);
    assert.equal(off.requests.length, 1);
  });

  it('does not retry a POST without an Idempotency-Key: the Hub might have done it already', async () => {
    const lostAnswer = client([networkFailure(), json({}, { status: 201 })]);
    const busy = client([unavailable(), json({}, { status: 201 })]);

    await assert.rejects(lostAnswer.hub.POST('/organizations', { body: organization }), (error: HubError) => error.isNetworkError);
    await assert.rejects(busy.hub.POST('/organizations', { body: organization }), (error: HubError) => error.status === 503);
    assert.equal(lostAnswer.requests.length, 1);
    assert.equal(busy.requests.length, 1);
  });

  it('retries a POST with an Idempotency-Key, sending the same key and body each time', async () => {
    const key = newIdempotencyKey();
    const { hub, requests } = client([networkFailure(), unavailable(), json({ id: 'created' }, { status: 201 })]);

    const created = await hub.POST('/organizations', { body: organization, headers: { 'Idempotency-Key': key } });

    assert.deepEqual(created, { id: 'created' });
    assert.equal(requests.length, 3);
    for (const request of requests) {
      assert.equal(request.headers.get('Idempotency-Key'), key);
      assert.deepEqual(await request.json(), organization);
    }
  });

  it('stops at once when aborted during the backoff, with the abort reason', { timeout: 5_000 }, async () => {
    const controller = new AbortController();
    const reason = new Error('the citizen left the page');
    // Honouring Retry-After, the client would wait an hour: only the abort can end the test in time.
    const { hub, requests } = client(
      [
        () => {
          setTimeout(() => controller.abort(reason), 1);
          return rateLimited('3600');
        },
      ],
      { maxAttempts: 3, baseDelay: 1, maxDelay: 3_600_000 },
    );

    await assert.rejects(hub.GET('/health', { signal: controller.signal }), (error) => error === reason);
    assert.equal(requests.length, 1);
  });

  it('does not retry a request aborted while in flight', async () => {
    const controller = new AbortController();
    const reason = new Error('superseded by a newer search');
    const { hub, requests } = client([
      (request) => {
        controller.abort(reason);
        return request.signal.reason as Error;
      },
    ]);

    await assert.rejects(hub.GET('/health', { signal: controller.signal }), (error) => error === reason);
    assert.equal(requests.length, 1);
  });
});

describe('isRetryable', () => {
  const request = (method: string, headers: Record<string, string> = {}) => new Request(`${baseUrl}/x`, { method, headers });

  it('allows idempotent methods', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) assert.equal(isRetryable(request(method)), true, method);
  });

  it('allows POST and PATCH only with an Idempotency-Key', () => {
    assert.equal(isRetryable(request('POST')), false);
    assert.equal(isRetryable(request('PATCH')), false);
    assert.equal(isRetryable(request('POST', { 'Idempotency-Key': newIdempotencyKey() })), true);
    assert.equal(isRetryable(request('PATCH', { 'Idempotency-Key': newIdempotencyKey() })), true);
  });
});

describe('retry delays', () => {
  const options: RetryOptions = { maxAttempts: 5, baseDelay: 100, maxDelay: 1_000 };

  it('doubles the backoff ceiling per retry, up to maxDelay, with full jitter below it', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 1)),
      [100, 200, 400, 800, 1_000],
    );
    assert.equal(
      backoffDelay(3, options, () => 0),
      0,
    );
    assert.equal(
      backoffDelay(3, options, () => 0.5),
      200,
    );
  });

  it('waits exactly as long as Retry-After says, when that fits in maxDelay', () => {
    assert.equal(
      retryDelay(1, 1, options, () => 1),
      1_000,
    );
    assert.equal(
      retryDelay(1, 0, options, () => 1),
      0,
    );
    assert.equal(
      retryDelay(1, 2, options, () => 1),
      undefined,
    );
  });

  it('backs off when there is no Retry-After', () => {
    assert.equal(
      retryDelay(2, undefined, options, () => 1),
      200,
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRetryAfter } from '../src/retry-after.js';
import { createHubClient, networkErrorType } from '../src/index.js';
import { baseUrl, fakeFetch, json, networkFailure, problem } from './support/fake-fetch.js';
import { failure } from './support/failure.js';

function client(...answers: Parameters<typeof fakeFetch>) {
  return createHubClient({ baseUrl, fetch: fakeFetch(...answers).fetch, retry: false });
}

describe('HubError', () => {
  it('maps a problem+json answer to its fields and keeps the problem', async () => {
    const body = { type: '/problems/not-found', title: 'Not found.', detail: 'There is no municipality "atlantis".' };
    const hub = client(problem(404, body));

    const error = await failure(hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId: 'atlantis' } } }));

    assert.equal(error.name, 'HubError');
    assert.equal(error.status, 404);
    assert.equal(error.type, '/problems/not-found');
    assert.equal(error.title, 'Not found.');
    assert.equal(error.detail, 'There is no municipality "atlantis".');
    assert.deepEqual(error.errors, []);
    assert.equal(error.retryAfter, undefined);
    assert.equal(error.isNetworkError, false);
    assert.deepEqual(error.problem, { status: 404, ...body });
    assert.match(error.message, /atlantis/);
  });

  it('lists the invalid fields of a 400', async () => {
    const hub = client(
      problem(400, {
        type: '/problems/invalid-request',
        title: 'The request is not valid.',
        errors: [{ pointer: '/query/limit', reason: 'must be <= 100' }, { pointer: 42 }],
      }),
    );

    const error = await failure(hub.GET('/municipalities', { params: { query: { limit: 1000 } } }));

    assert.equal(error.status, 400);
    // The malformed entry is dropped rather than handed to a widget that would render it.
    assert.deepEqual(error.errors, [{ pointer: '/query/limit', reason: 'must be <= 100' }]);
  });

  it('reads Retry-After in seconds', async () => {
    const hub = client(problem(429, { type: '/problems/rate-limited', title: 'Too many requests.' }, { 'Retry-After': '30' }));

    const error = await failure(hub.GET('/health'));

    assert.equal(error.status, 429);
    assert.equal(error.retryAfter, 30);
  });

  it('recognizes a problem sent as application/json', async () => {
    const hub = client(json({ type: '/problems/forbidden', title: 'This API key may not do this.', status: 403 }, { status: 403 }));

    const error = await failure(hub.GET('/health'));

    assert.equal(error.type, '/problems/forbidden');
    assert.equal(error.title, 'This API key may not do this.');
  });

  it('gives an error answer that is not a problem the status text as title', async () => {
    const hub = client(
      new Response('<html><body>Bad gateway</body></html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'Content-Type': 'text/html' },
      }),
    );

    const error = await failure(hub.GET('/health'));

    assert.equal(error.status, 502);
    assert.equal(error.type, 'about:blank');
    assert.equal(error.title, 'Bad Gateway');
    assert.equal(error.detail, undefined);
    assert.equal(error.problem, undefined);
  });

  it('names the status when the answer has neither a problem nor a status text', async () => {
    const hub = client(new Response(null, { status: 500 }));

    const error = await failure(hub.GET('/health'));

    assert.equal(error.status, 500);
    assert.equal(error.title, 'HTTP error 500');
  });

  it('marks a request that got no answer as a network error, with the cause', async () => {
    const cause = networkFailure();
    const hub = client(cause);

    const error = await failure(hub.GET('/health'));

    assert.equal(error.status, 0);
    assert.equal(error.type, networkErrorType);
    assert.equal(error.isNetworkError, true);
    assert.equal(error.cause, cause);
  });

  it('treats an answer that cannot be read as a network error', async () => {
    const portal = new Response('<html>Please log in to the Wi-Fi</html>', {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    const cutOff = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          controller.error(new TypeError('terminated'));
        },
      }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    );

    for (const answer of [portal, cutOff]) {
      const error = await failure(client(answer).GET('/health'));
      assert.equal(error.isNetworkError, true);
      assert.ok(error.cause instanceof Error);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('reads seconds', () => {
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
  });

  it('reads an HTTP date as the seconds until then, never negative', () => {
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now), 0);
  });

  it('ignores a missing or unreadable header', () => {
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
  });
});

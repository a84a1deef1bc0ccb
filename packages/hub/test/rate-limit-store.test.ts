import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { countHit, deleteEndedWindows } from '../src/http/rate-limit-store.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

/*
 * The rate limiter's counters in the database (what several Hub processes on one PostgreSQL
 * share; scale-out.test.ts runs two). Here one Hub with the database store, on PGlite and
 * PostgreSQL alike; windows end by moving their end into the past, not by waiting.
 */

describe('rate limits counted in the database', () => {
  let hub: TestHub;
  const MAX = 3;
  const windows = () => hub.database.db.selectFrom('rate_limits').select(['key', 'hits']).orderBy('key').execute();

  before(async () => {
    hub = await startTestHub({ rateLimit: { max: MAX, timeWindowMs: 60_000, store: 'database' } });
  });
  after(() => hub.close());

  test('the request after the limit gets 429 problem+json with Retry-After; the count is a row', async () => {
    for (let i = 1; i <= MAX; i++) {
      const response = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-ratelimit-remaining'), String(MAX - i));
    }
    const refused = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    await expectProblem(refused, 429, 'rate-limited');
    assert.deepEqual(await windows(), [{ key: '127.0.0.1', hits: MAX + 1 }]);
  });

  test('a window that ended starts anew with the next request', async () => {
    await sql`UPDATE rate_limits SET resets_at = now() - interval '1 second'`.execute(hub.database.db);
    const response = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-ratelimit-remaining'), String(MAX - 1));
    assert.deepEqual(await windows(), [{ key: '127.0.0.1', hits: 1 }]);
  });

  test('a route with its own limit counts apart from the general one', async () => {
    await sql`DELETE FROM rate_limits`.execute(hub.database.db);
    const response = await fetch(`${hub.baseUrl}/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'apart@rate-limit.example' }),
    });
    assert.equal(response.status, 202, await response.text());
    assert.equal(response.headers.get('x-ratelimit-limit'), '20');
    assert.deepEqual(await windows(), [{ key: 'POST /sign-in-links 127.0.0.1', hits: 1 }]);
  });

  test('concurrent requests of one client are all counted, none twice', async () => {
    const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(hub.database.db, 'concurrent', 60_000)));
    assert.deepEqual(
      counts.map((hits) => hits.current).sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    for (const hits of counts) assert.ok(hits.ttl > 0 && hits.ttl <= 60_000, `ttl ${hits.ttl}`);
  });

  test('the cleanup deletes ended windows and keeps running ones', async () => {
    await sql`DELETE FROM rate_limits`.execute(hub.database.db);
    await countHit(hub.database.db, 'ended', 60_000);
    await countHit(hub.database.db, 'running', 60_000);
    await sql`UPDATE rate_limits SET resets_at = now() - interval '1 second' WHERE key = 'ended'`.execute(hub.database.db);
    assert.equal(await deleteEndedWindows(hub.database.db), 1);
    assert.deepEqual(await windows(), [{ key: 'running', hits: 1 }]);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { countHit, deleteEndedWindows, RateLimitCounter, type RateLimitHits } from '../src/http/rate-limit-store.js';
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

  test('concurrent requests over HTTP: exactly the limit gets through, each with its own remainder', async () => {
    await sql`DELETE FROM rate_limits`.execute(hub.database.db);
    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(`${hub.baseUrl}/municipalities?limit=1`)));
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    const passed = responses.filter((response) => response.status === 200);
    assert.deepEqual(
      passed.map((response) => response.headers.get('x-ratelimit-remaining')).sort(),
      Array.from({ length: MAX }, (_, index) => String(index)),
    );
    assert.equal(responses.filter((response) => response.status === 429).length, 12 - MAX);
    assert.deepEqual(await windows(), [{ key: '127.0.0.1', hits: 12 }]);
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

  describe('the counter sends the hits that come while a statement is on its way as one statement', () => {
    const currents = (hits: RateLimitHits[]) => hits.map((hit) => hit.current);

    test('hits of several keys in one statement: each key counts exactly, each request gets its own count', async () => {
      await sql`DELETE FROM rate_limits`.execute(hub.database.db);
      const counter = new RateLimitCounter(hub.database.db);
      // The first goes at once, alone; the others come while it is on its way and wait for it.
      const first = counter.count('batch a', 60_000);
      const batch = ['batch a', 'batch b', 'batch a', 'batch c', 'batch a', 'batch b'].map((key) => counter.count(key, 60_000));
      assert.equal((await first).current, 1);
      const counted = await Promise.all(batch);
      assert.deepEqual(currents(counted), [2, 1, 3, 1, 4, 2]);
      for (const hits of counted) assert.ok(hits.ttl > 0 && hits.ttl <= 60_000, `ttl ${hits.ttl}`);
      assert.equal(counter.statements, 2);
      assert.deepEqual(await windows(), [
        { key: 'batch a', hits: 4 },
        { key: 'batch b', hits: 2 },
        { key: 'batch c', hits: 1 },
      ]);
    });

    test('40 hits of one key in one statement are counted 1..40 in the order they came', async () => {
      const counter = new RateLimitCounter(hub.database.db);
      const counted = await Promise.all(Array.from({ length: 40 }, () => counter.count('batch one key', 60_000)));
      assert.deepEqual(
        currents(counted),
        Array.from({ length: 40 }, (_, index) => index + 1),
      );
      assert.equal(counter.statements, 2);
    });

    test('a statement that fails fails every request of it, counts none, and the next statement counts', async () => {
      await sql`DELETE FROM rate_limits`.execute(hub.database.db);
      const counter = new RateLimitCounter(hub.database.db);
      const first = counter.count('failing first', 60_000);
      // PostgreSQL takes no NUL byte in text: the statement that carries this key fails as a whole.
      const failing = ['failing a', 'failing \u0000', 'failing a'].map((key) => counter.count(key, 60_000));
      assert.equal((await first).current, 1);
      const settled = await Promise.allSettled(failing);
      assert.deepEqual(
        settled.map((result) => result.status),
        ['rejected', 'rejected', 'rejected'],
      );
      for (const result of settled) assert.match(String((result as PromiseRejectedResult).reason), /0x00/);
      assert.equal((await counter.count('failing a', 60_000)).current, 1);
      assert.equal(counter.statements, 3);
      assert.deepEqual(await windows(), [
        { key: 'failing a', hits: 1 },
        { key: 'failing first', hits: 1 },
      ]);
    });

    test('close() while hits wait: they are sent and counted before it resolves; later hits are refused', async () => {
      await sql`DELETE FROM rate_limits`.execute(hub.database.db);
      const counter = new RateLimitCounter(hub.database.db);
      const counted: string[] = [];
      const hit = (key: string) => counter.count(key, 60_000).then((hits) => counted.push(`${key} ${hits.current}`));
      const pending = [hit('closing'), hit('closing'), hit('closing other')];
      await counter.close();
      assert.deepEqual(counted, ['closing 1', 'closing 2', 'closing other 1']);
      await Promise.all(pending);
      await assert.rejects(counter.count('closing', 60_000), /closed/);
      assert.equal(counter.statements, 2);
      assert.deepEqual(await windows(), [
        { key: 'closing', hits: 2 },
        { key: 'closing other', hits: 1 },
      ]);
      await counter.close();
    });
  });
});

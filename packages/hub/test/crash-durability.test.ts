import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServerDatabase, serverUrl } from './support/server.js';
import type { Schema } from '@smart-region/sdk';
import { freePort } from './support/ports.js';
import { exited } from './support/processes.js';

/*
 * kill -9 of the Hub during a stream of acknowledged writes loses none of them, and the Hub starts
 * again on the same storage each time: on PGlite the lock file the killed Hub left behind must not
 * block the start. Embedded PGlite in a temporary data directory by default; a throwaway database
 * on the server in DATABASE_URL when that is set (CI runs the suite both ways).
 */

const cli = new URL('../src/cli.ts', import.meta.url).pathname;
const adminToken = 'crash-test-admin-token-0123456789';
const rounds = 3;
const writersInFlight = 4;
const startBoundMs = 60_000;
// The delay before each kill comes from this seed: a failure can be replayed with CRASH_TEST_SEED.
const seed = Number(process.env.CRASH_TEST_SEED ?? 0x5eed12);

/** mulberry32: a small seeded generator, so the kill moments are the same on every run. */
function seeded(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Answer {
  status: number;
  body: string;
}

/** One request on its own connection: no pooled socket of a killed Hub is reused after a restart. */
function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { authorization: `Bearer ${adminToken}` };
  if (text !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (answer += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(text);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Hub {
  child: ChildProcess;
  output: () => string;
}

/** `sr-hub serve --seed-if-empty` as a user runs it; resolves once /health answers 200. */
async function startHub(env: NodeJS.ProcessEnv, base: string): Promise<Hub> {
  // Not the test runner's context: a child that inherits it reports to the runner instead of running.
  const { DATABASE_URL: _serverMode, NODE_TEST_CONTEXT: _runner, ...rest } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--seed-if-empty'], {
    env: { ...rest, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const hub = { child, output: () => output };
  running.add(child);
  child.once('exit', () => running.delete(child));

  const deadline = Date.now() + startBoundMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`serve exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`);
    }
    try {
      if ((await call(base, 'GET', '/health')).status === 200) return hub;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`serve was not healthy within ${startBoundMs} ms:\n${output}`);
}

/** Every Hub this file started and that has not exited yet: `after` kills what is left. */
const running = new Set<ChildProcess>();

interface Acknowledged {
  id: string;
  name: string;
  round: number;
}

const mode = serverUrl ? 'PostgreSQL' : 'PGlite';

describe(`kill -9 of the Hub during acknowledged writes (${mode})`, { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let dropDatabase: () => Promise<void> = async () => {};

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-crash-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { HUB_DATA_DIR: dataDir, PORT: String(port), HUB_ADMIN_TOKEN: adminToken, RATE_LIMIT_MAX: '1000000' };
    if (serverUrl) {
      // A fresh database of its own; the Hub migrates and seeds it.
      const database = await createServerDatabase('sr_test_crash');
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
  });

  after(async () => {
    for (const child of running) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await dropDatabase();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test(`${rounds} rounds: every write answered 201 before the kill is there after the restart`, async (t) => {
    const random = seeded(seed);
    const acknowledged: Acknowledged[] = [];
    const figures: string[] = [];

    const starting = Date.now();
    let hub = await startHub(env, base);
    figures.push(`first start (migrate, seed): ${Date.now() - starting} ms`);
    for (let round = 1; round <= rounds; round++) {
      // A few writers keep writes in flight until the kill; only what answered 201 counts.
      let killed = false;
      let sent = 0;
      let refused = 0;
      const unexpected: string[] = [];
      const ackedThisRound = () => acknowledged.filter((write) => write.round === round).length;
      const writer = async (w: number) => {
        for (let n = 0; !killed; n++) {
          const name = `Absturztest Runde ${round} Schreiber ${w} Nr. ${n}`;
          sent++;
          try {
            const answer = await call(base, 'POST', '/organizations', { name, kind: 'club', municipalityId: 'hoechberg' });
            if (answer.status === 201) acknowledged.push({ id: (JSON.parse(answer.body) as Schema<'Organization'>).id, name, round });
            else unexpected.push(`${answer.status} ${answer.body.slice(0, 300)}`);
          } catch {
            // The connection died with the Hub: not acknowledged, so it may or may not be there.
            refused++;
            if (!killed) await sleep(10);
          }
        }
      };
      const writers = Array.from({ length: writersInFlight }, (_, w) => writer(w));

      // The seeded delay counts from the first acknowledged write: on a slow machine a fresh Hub's
      // first answers take a while, and a round without one would prove nothing.
      const delayMs = Math.round(300 + random() * 1200);
      try {
        const firstWait = Date.now() + 20_000;
        while (ackedThisRound() === 0 && unexpected.length === 0 && Date.now() < firstWait) await sleep(20);
        await sleep(delayMs);
        assert.equal(hub.child.exitCode, null, `the Hub is still running at the kill:\n${hub.output()}`);
        const exit = exited(hub.child);
        hub.child.kill('SIGKILL');
        const { signal } = await exit;
        assert.equal(signal, 'SIGKILL');
      } finally {
        // Also when an assertion failed: writers that never stop would keep the test process alive.
        killed = true;
        await Promise.all(writers);
      }
      if (!serverUrl) await assert.doesNotReject(stat(join(dataDir, 'hub.lock')), 'the killed Hub left its lock behind: a stale one');
      assert.deepEqual(unexpected, [], 'before the kill every write is answered 201');
      assert.ok(ackedThisRound() >= 1, `round ${round}: at least one acknowledged write before the kill`);

      // Restart on the same data directory or database, within the bound.
      const restarting = Date.now();
      hub = await startHub(env, base);
      const restartMs = Date.now() - restarting;
      assert.ok(restartMs < startBoundMs, `restart took ${restartMs} ms`);

      // Every write acknowledged so far, in this round or an earlier one, reads back as written.
      const missing: string[] = [];
      for (let i = 0; i < acknowledged.length; i += 8) {
        await Promise.all(
          acknowledged.slice(i, i + 8).map(async (write) => {
            const answer = await call(base, 'GET', `/organizations/${write.id}`);
            if (answer.status !== 200) missing.push(`${write.id} (round ${write.round}): ${answer.status}`);
            else assert.equal((JSON.parse(answer.body) as Schema<'Organization'>).name, write.name);
          }),
        );
      }
      assert.deepEqual(missing, [], 'no acknowledged write is lost');
      figures.push(
        `round ${round}: kill ${delayMs} ms after the first acknowledged write, ${ackedThisRound()} acknowledged of ${sent} sent (${refused} cut off), restart ${restartMs} ms`,
      );
    }

    const stopped = exited(hub.child);
    hub.child.kill('SIGTERM');
    const { code } = await stopped;
    assert.equal(code, 0, hub.output());
    t.diagnostic(`${mode}, seed ${seed}: ${acknowledged.length} acknowledged writes, none lost`);
    for (const line of figures) t.diagnostic(line);
  });
});

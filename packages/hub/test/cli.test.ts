import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { openDatabase } from '../src/db/connection.js';
import { expectDocumented } from './support/contract.js';
import { datapackage, service } from './support/hsds.js';
import { freePort } from './support/ports.js';
import { exited } from './support/processes.js';

const cli = new URL('../src/cli.ts', import.meta.url).pathname;

/** The CLI as a user runs it, on embedded PGlite in its own data directory. */
function sr(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Not the test runner's context either: a child that inherits it reports to the runner instead of running.
  const { DATABASE_URL: _serverMode, NODE_TEST_CONTEXT: _runner, ...rest } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...rest, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  const child = sr(args, env);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const { code } = await exited(child);
  return { code, out, err };
}

interface Answer {
  status: number;
  connection: string | undefined;
  /** The request went over a connection kept alive from an earlier one. */
  reused: boolean;
}

/** A GET through `agent`, which keeps its connection open between requests (as browsers and proxies do). */
function get(agent: Agent, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reused: req.reusedSocket }));
    });
    req.on('error', reject).end();
  });
}

async function serve(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = sr(['serve', '--seed-if-empty'], env);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Smart Region Hub on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return child;
}

describe('sr-hub CLI on embedded PGlite', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-'));
    const port = await freePort();
    env = { HUB_DATA_DIR: dataDir, PORT: String(port), HUB_ADMIN_TOKEN: 'test-admin-token-0123456789', SHUTDOWN_DRAIN_MS: '1500' };
    base = `http://127.0.0.1:${port}`;
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('seed, refuse bad input, serve, refuse a second process, shut down gracefully, keep the data', async () => {
    const seeded = await run(['seed'], env);
    assert.equal(seeded.code, 0, seeded.err);
    assert.match(seeded.out, /53 municipalities, 10 example organizations/);

    const badKey = await run(['create-api-key', '--organization', 'verein'], env);
    assert.equal(badKey.code, 2);
    assert.match(badKey.err, /not an organization id/);
    const badScope = await run(['create-api-key', '--admin', '--scope', 'everything'], env);
    assert.equal(badScope.code, 2);
    assert.match(badScope.err, /Unknown scope everything/);

    const hub = await serve(env);
    try {
      const health = await expectDocumented(await fetch(`${base}/health`), 'getHealth');
      assert.equal(health.status, 'ok');
      const docs = await fetch(`${base}/docs`);
      assert.match(await docs.text(), /redoc/);
      assert.match(docs.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(await (await fetch(`${base}/openapi.yaml`)).text(), /^openapi: 3\.1/);

      const busy = await run(['migrate'], env);
      assert.equal(busy.code, 2);
      assert.match(busy.err, /A Hub is running on this data directory/);

      // Connections kept alive and idle when SIGTERM arrives (one per agent).
      const kept = [new Agent({ keepAlive: true, maxSockets: 1 }), new Agent({ keepAlive: true, maxSockets: 1 })];
      for (const agent of kept) assert.equal((await get(agent, `${base}/health`)).status, 200);

      // A request in flight when SIGTERM arrives is still answered, then the Hub exits cleanly.
      const body = JSON.stringify({ name: 'Verein während des Herunterfahrens', kind: 'club' });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          `${base}/organizations`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${env.HUB_ADMIN_TOKEN}`,
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          hub.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 300);
        }, 200);
      });
      // While it drains, a request on a kept connection is answered, never reset, and told to close
      // the connection; the health check says the Hub is going, so a load balancer sends no one new.
      await sleep(250);
      const [healthWhileDraining, read] = await Promise.all([
        get(kept[0]!, `${base}/health`),
        get(kept[1]!, `${base}/municipalities?limit=1`),
      ]);
      assert.deepEqual(healthWhileDraining, { status: 503, connection: 'close', reused: true });
      assert.deepEqual(read, { status: 200, connection: 'close', reused: true });
      const response = await answered;
      assert.equal(response.status, 201, response.body);
      const { code } = await exited(hub);
      assert.equal(code, 0);
      await assert.rejects(stat(join(dataDir, 'hub.lock')), 'the lock is released');

      const again = await serve(env);
      try {
        const created = JSON.parse(response.body) as Schema<'Organization'>;
        const fetched = await expectDocumented(await fetch(`${base}/organizations/${created.id}`), 'getOrganization');
        assert.equal(fetched.name, 'Verein während des Herunterfahrens');
      } finally {
        again.kill('SIGTERM');
        await exited(again);
      }
    } finally {
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
  });
});

describe('sr-hub add-region-admin', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-admin-'));
    env = { HUB_DATA_DIR: dataDir };
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('makes a new or an existing person region admin; a new one needs a name', async () => {
    const bad = await run(['add-region-admin', 'not-an-address'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /is not an e-mail address/);
    const unnamed = await run(['add-region-admin', 'landrat@wuerzburg.example'], env);
    assert.equal(unnamed.code, 2);
    assert.match(unnamed.err, /has no account yet: give the person's name too \(--name/);

    const created = await run(['add-region-admin', 'landrat@wuerzburg.example', '--name', 'Lena Landrat'], env);
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Lena Landrat <landrat@wuerzburg\.example> is a region admin/);
    const again = await run(['add-region-admin', 'Landrat@Wuerzburg.example'], env);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /Lena Landrat <landrat@wuerzburg\.example> is a region admin/, 'the same person, found in any case');

    const database = await openDatabase({ dataDir });
    try {
      const people = await database.db.selectFrom('people').select(['email', 'display_name', 'region_admin']).execute();
      assert.deepEqual(people, [{ email: 'landrat@wuerzburg.example', display_name: 'Lena Landrat', region_admin: true }]);
    } finally {
      await database.close();
    }
  });
});

describe('sr-hub list-api-keys and revoke-api-key', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-keys-'));
    env = { HUB_DATA_DIR: dataDir };
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('lists the keys that work, never the keys themselves; revokes one, an admin key too', async () => {
    const created = await run(['create-api-key', '--admin', '--label', 'IT'], env);
    assert.equal(created.code, 0, created.err);
    const key = /^(sr_\S+)$/m.exec(created.out)?.[1];
    assert.ok(key, created.out);

    const listed = await run(['list-api-keys'], env);
    assert.equal(listed.code, 0, listed.err);
    assert.ok(!listed.out.includes(key), 'never the key');
    const line = listed.out.split('\n').find((entry) => entry.includes('"IT"'));
    assert.match(line ?? '', /^[0-9a-f-]{36} {2}sr_\S+… {2}admin {2}admin {2}"IT" {2}expires never {2}last used never$/);
    const id = line!.slice(0, 36);

    const bad = await run(['revoke-api-key', 'IT'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Usage: sr-hub revoke-api-key <key-id>/);
    const revoked = await run(['revoke-api-key', id], env);
    assert.equal(revoked.code, 0, revoked.err);
    assert.match(revoked.out, new RegExp(`API key ${id} revoked`));
    assert.ok(!(await run(['list-api-keys'], env)).out.includes(id));
    const again = await run(['revoke-api-key', id], env);
    assert.equal(again.code, 2);
    assert.match(again.err, /no API key .* that works/);
  });
});

describe('sr-hub import-hsds', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let organizationId: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-hsds-'));
    env = { HUB_DATA_DIR: dataDir };
    assert.equal((await run(['seed'], env)).code, 0);
    const database = await openDatabase({ dataDir });
    const organization = await database.db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'TSV Ochsenfurt 1862 e.V.')
      .executeTakeFirst();
    await database.close();
    organizationId = organization!.id;
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('imports a JSON file or a datapackage, prints the report, and refuses with the reasons', async () => {
    const json = join(dataDir, 'services.json');
    await writeFile(json, JSON.stringify([service(randomUUID())]));
    const dry = await run(['import-hsds', '--organization', organizationId, '--dry-run', json], env);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^Dry run, nothing stored: 1 created, 0 updated, 0 unchanged, 0 skipped, 0 refused\./);
    assert.match(dry.out, /Eigene Kategorien K7 "Kaffee und Kuchen" \(1 services\)/);

    const zip = join(dataDir, 'datapackage.zip');
    await writeFile(zip, datapackage([{ id: randomUUID(), name: 'Seniorenberatung', topic: 'pflege-alter', day: 'FR' }]));
    const fromZip = await run(['import-hsds', '--organization', organizationId, zip], env);
    assert.equal(fromZip.code, 0, fromZip.err);
    assert.match(fromZip.out, /^Imported: 1 created/);

    const bad = join(dataDir, 'bad.json');
    const badId = randomUUID();
    await writeFile(bad, JSON.stringify([service(badId, { description: '' })]));
    const refused = await run(['import-hsds', '--organization', organizationId, bad], env);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /1 of 1 services cannot be imported, so nothing was stored/);
    assert.match(refused.err, new RegExp(`refused ${badId} "Trauercafé Höchberg": description must NOT have fewer than 1 characters`));
    const missing = await run(['import-hsds', '--organization', organizationId], env);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Usage: sr-hub import-hsds/);
  });
});

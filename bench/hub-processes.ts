// Several Hub processes on one PostgreSQL (issue 20): read throughput of one process against two
// behind a round-robin, and what the shared rate-limit store costs a request. Each Hub runs in its
// own process as production does, the rate limit on (a limit no run reaches, so every request is
// counted and none refused).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../packages/hub/src/app.js';
import { openDatabase } from '../packages/hub/src/db/connection.js';
import { migrate } from '../packages/hub/src/db/migrate.js';
import type { RateLimitStoreKind } from '../packages/hub/src/http/rate-limit-store.js';
import { seed } from '../packages/hub/src/orgs/seed/seed.js';
import { startServer, type Row } from './lib.js';
import { postgresServer } from './postgres.js';
import { stopOnSigterm } from './servers/stop.js';

/** Two processes should read at least this much more than one (issue 20). */
const TARGET_RATIO = 1.6;
const CONNECTIONS = 10;
const PATHS = ['/municipalities?limit=20', '/help-offers?q=Sucht'];

type Hub = Awaited<ReturnType<typeof startServer>>;

/** One Hub process on the database in `BENCH_DATABASE_URL`, counting requests in `BENCH_RATE_LIMIT_STORE`. */
async function serveHub(): Promise<void> {
  const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL });
  const store = process.env.BENCH_RATE_LIMIT_STORE as RateLimitStoreKind;
  const app = await buildApp({ database, logger: false, rateLimit: { max: 1_000_000_000, timeWindowMs: 60_000, store } });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ address });
  stopOnSigterm(app);
}

/**
 * Requests per second with `CONNECTIONS` connections spread evenly over `urls` (autocannon opens
 * them round-robin over the URLs: the balancer of this bench, costing no process of its own).
 */
async function readRate(urls: string[], seconds: number): Promise<{ rps: number; p99: number }> {
  // autocannon takes several URLs (its README says so); its type declarations know only one.
  const url = urls as unknown as string;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  if (result.errors + result.non2xx > 0) throw new Error(`${urls.join(', ')}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const rate = (measured: { rps: number; p99: number }) => `${Math.round(measured.rps)} req/s (p99 ${measured.p99} ms)`;

async function startHubs(url: string, count: number, store: RateLimitStoreKind): Promise<Hub[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      startServer('./hub-processes.ts', { BENCH_HUB_PROCESS: '1', BENCH_DATABASE_URL: url, BENCH_RATE_LIMIT_STORE: store }),
    ),
  );
}

/** Two Hub processes against one, reading, each path (the rate limit counted in PostgreSQL). */
async function twoProcessesAgainstOne(url: string, seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  const hubs = await startHubs(url, 2, 'database');
  const [a, b] = hubs as [Hub, Hub];
  try {
    for (const path of PATHS) {
      // Warm-up of both processes: validators, serializers, the JIT, the pools' connections.
      await readRate([`${a.address}${path}`, `${b.address}${path}`], 1);
      const load = loadavg()[0]!.toFixed(1);
      const two = await readRate([`${a.address}${path}`, `${b.address}${path}`], seconds);
      const one = await readRate([`${a.address}${path}`], seconds);
      const ratio = two.rps / one.rps;
      rows.push({
        benchmark: `GET ${path}: two Hub processes on one PostgreSQL (${seconds} s, ${CONNECTIONS} connections; target ≥ ${TARGET_RATIO}×)`,
        ours: `two processes, connections round-robin: ${rate(two)}`,
        peer: `one process: ${rate(one)}`,
        ratio: `${ratio.toFixed(2)}× — target ${ratio >= TARGET_RATIO ? 'met' : 'missed'}`,
        note: `load average ${load} when the pair began; ${cpus().length} cores shared by the load generator (autocannon, one thread), the Hub processes and PostgreSQL: past the cores there are, a second process can only take what the first leaves idle. Rate limit on, counted in PostgreSQL`,
      });
    }
  } finally {
    await Promise.all(hubs.map((hub) => hub.stop()));
  }
  return rows;
}

/** What the shared counters cost a request: one process each, the same read, memory store against database store. */
async function rateLimitStoreCost(url: string, seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  const path = PATHS[0]!;
  const [memory] = await startHubs(url, 1, 'memory');
  let inDatabase: Hub | undefined;
  try {
    [inDatabase] = await startHubs(url, 1, 'database');
    await readRate([`${memory!.address}${path}`], 1);
    await readRate([`${inDatabase!.address}${path}`], 1);
    const load = loadavg()[0]!.toFixed(1);
    // Alternated (database, memory, memory, database) and averaged: a machine whose load changes
    // during the pair favours neither.
    const shared1 = await readRate([`${inDatabase!.address}${path}`], seconds);
    const local1 = await readRate([`${memory!.address}${path}`], seconds);
    const local2 = await readRate([`${memory!.address}${path}`], seconds);
    const shared2 = await readRate([`${inDatabase!.address}${path}`], seconds);
    const mean = (a: { rps: number; p99: number }, b: { rps: number; p99: number }) => ({
      rps: (a.rps + b.rps) / 2,
      p99: Math.max(a.p99, b.p99),
    });
    const shared = mean(shared1, shared2);
    const local = mean(local1, local2);
    rows.push({
      benchmark: `GET ${path}: rate limit counted in PostgreSQL (2 × ${seconds} s, ${CONNECTIONS} connections, one process)`,
      ours: `database store: ${rate(shared)}`,
      peer: `memory store (one process only): ${rate(local)}`,
      ratio: `${(shared.rps / local.rps).toFixed(2)}×`,
      note: `load average ${load} when the pair began; two runs of each, alternated, averaged (p99: the higher). The database store counts every request in PostgreSQL before answering; the requests that come while its statement is on its way go together as the next (an upsert per client, on an UNLOGGED table, which commits without waiting for the disk); PostgreSQL shares the cores with the Hub here`,
    });
  } finally {
    for (const hub of [memory, inDatabase]) await hub?.stop();
  }
  return rows;
}

/** One Hub process against two on one PostgreSQL, reading; and the rate-limit store's cost per request. */
export async function hubProcesses(seconds: number): Promise<Row[]> {
  return onSharedDatabase(async (url) => [...(await twoProcessesAgainstOne(url, seconds)), ...(await rateLimitStoreCost(url, seconds))]);
}

/** Only the rate-limit store's cost per request (database store against memory store, one process each). */
export async function rateLimitStoreCostOnly(seconds: number): Promise<Row[]> {
  return onSharedDatabase((url) => rateLimitStoreCost(url, seconds));
}

/** `measure` on a database of its own with the demo data, on a PostgreSQL server; no rows without PostgreSQL. */
async function onSharedDatabase(measure: (url: string) => Promise<Row[]>): Promise<Row[]> {
  const postgres = await postgresServer();
  if (!postgres) {
    console.warn('PostgreSQL is not installed: several Hub processes not measured');
    return [];
  }
  // One database with the demo data that every process shares.
  const name = `sr_bench_processes_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ url: url.href });
    await migrate(database);
    await seed(database.db);
    await database.close();
    return await measure(url.href);
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await postgres.stop();
  }
}

if (process.env.BENCH_HUB_PROCESS && process.send) await serveHub();

import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import type { Challenge } from 'altcha-lib';
import pg from 'pg';
import { percentile, startServer, type Row } from './lib.js';
import { postgresServer } from './postgres.js';

/** The Hub's votes per second as a share of the bare route's in the same run (issue 20). */
const TARGET_RATIO = 0.5;
/** Votes in flight at once, each on its own keep-alive connection. */
const CONNECTIONS = 50;
const WARM_UP_VOTES = 100;
/**
 * The Hub checks a proof with two HMACs whatever its difficulty, so the bulk runs use easy
 * challenges: solving 10,000 at the production difficulty would take this machine longer than a
 * challenge stays valid. One smaller run at the production difficulty shows the Hub's side is the same.
 */
const EASY = { BENCH_PROOF_MIN: '50', BENCH_PROOF_MAX: '150' };
const ORGANIZATION = 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)';

interface Hub {
  address: string;
  adminToken: string;
  /** A key of ORGANIZATION for its participation codes (a region admin, and so the admin token, makes none). */
  organizerKey: string;
}

interface PreparedVote {
  key: string;
  body: string;
  optionId: string;
}

interface Run {
  ms: number;
  latencies: number[];
  failures: Map<number, number>;
}

function jsonWithKey(key: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${key}` };
}

async function json<T>(response: Response, expected: number): Promise<T> {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${response.url}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function createPoll(hub: Hub, participation: 'open' | 'codes'): Promise<{ id: string; options: { id: string }[] }> {
  const page = await json<{ items: { id: string; name: string }[] }>(await fetch(`${hub.address}/organizations?limit=100`), 200);
  const organization = page.items.find((item) => item.name === ORGANIZATION);
  if (!organization) throw new Error(`example organization ${ORGANIZATION} not found`);
  const body = {
    question: 'Wo soll die neue Bank stehen?',
    options: [{ label: 'Am Brunnen' }, { label: 'An der Kirche' }, { label: 'Am Spielplatz' }],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    municipalityId: 'eisingen',
    participation,
  };
  const response = await fetch(`${hub.address}/organizations/${organization.id}/polls`, {
    method: 'POST',
    headers: jsonWithKey(hub.adminToken),
    body: JSON.stringify(body),
  });
  return json(response, 201);
}

/** Runs `work` on every item, at most `concurrency` at a time. */
async function eachLimited<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/** Solves the challenges in one process per core, as many voters' browsers would; returns solutions in order. */
async function solve(challenges: Challenge[]): Promise<{ counter: number; derivedKey: string }[]> {
  const processes = Math.min(availableParallelism(), challenges.length);
  const share = Math.ceil(challenges.length / processes);
  const parts = await Promise.all(
    Array.from({ length: processes }, async (_, part) => {
      const solver = fork(new URL('./poll-proofs-solver.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
      solver.send(challenges.slice(part * share, (part + 1) * share));
      const [solutions] = (await once(solver, 'message')) as [{ counter: number; derivedKey: string }[]];
      return solutions;
    }),
  );
  return parts.flat();
}

/** Votes with solved proofs: challenges fetched from the Hub and solved before any vote is sent. */
async function openVotes(
  hub: Hub,
  poll: { id: string; options: { id: string }[] },
  count: number,
): Promise<{ votes: PreparedVote[]; solveMs: number }> {
  const challenges = await eachLimited(Array.from({ length: count }), 20, async () =>
    json<Challenge>(await fetch(`${hub.address}/polls/${poll.id}/challenge`), 200),
  );
  const started = performance.now();
  const solutions = await solve(challenges);
  const solveMs = performance.now() - started;
  const votes = challenges.map((challenge, index) => {
    const optionId = poll.options[index % poll.options.length]!.id;
    return { key: randomUUID(), optionId, body: JSON.stringify({ choices: [optionId], proof: { challenge, solution: solutions[index] } }) };
  });
  return { votes, solveMs };
}

/** Votes with printed participation codes, made by the Hub beforehand. */
async function codeVotes(hub: Hub, poll: { id: string; options: { id: string }[] }, count: number): Promise<PreparedVote[]> {
  const codes: string[] = [];
  while (codes.length < count) {
    const response = await fetch(`${hub.address}/polls/${poll.id}/codes`, {
      method: 'POST',
      headers: jsonWithKey(hub.organizerKey),
      body: JSON.stringify({ count: Math.min(5_000, count - codes.length) }),
    });
    codes.push(...(await json<{ codes: string[] }>(response, 201)).codes);
  }
  return codes.map((code, index) => {
    const optionId = poll.options[index % poll.options.length]!.id;
    return { key: randomUUID(), optionId, body: JSON.stringify({ choices: [optionId], code }) };
  });
}

/** Sends every vote once, `CONNECTIONS` at a time over keep-alive connections; times each answer. */
async function send(hub: Hub, pollId: string, votes: readonly PreparedVote[]): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = `${hub.address}/polls/${pollId}/votes`;
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const post = (vote: PreparedVote) =>
    new Promise<number>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'idempotency-key': vote.key };
      const outgoing = request(url, { method: 'POST', agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      outgoing.on('error', reject);
      outgoing.end(vote.body);
    });
  const started = performance.now();
  await eachLimited(votes, CONNECTIONS, async (vote) => {
    const sent = performance.now();
    const status = await post(vote);
    latencies.push(performance.now() - sent);
    if (status !== 201) failures.set(status, (failures.get(status) ?? 0) + 1);
  });
  const ms = performance.now() - started;
  agent.destroy();
  return { ms, latencies, failures };
}

/** Whether the Hub's results show exactly the votes sent, per option and in participants. */
async function countsExact(hub: Hub, pollId: string, votes: readonly PreparedVote[]): Promise<{ exact: boolean; counted: number }> {
  const results = await json<{ participants: { online: number }; options: { optionId: string; online: number }[] }>(
    await fetch(`${hub.address}/polls/${pollId}/results`, { headers: jsonWithKey(hub.adminToken) }),
    200,
  );
  const expected = new Map<string, number>();
  for (const vote of votes) expected.set(vote.optionId, (expected.get(vote.optionId) ?? 0) + 1);
  const exact =
    results.participants.online === votes.length &&
    results.options.every((option) => option.online === (expected.get(option.optionId) ?? 0));
  return { exact, counted: results.participants.online };
}

/**
 * The processes this one started (Linux: /proc), to tell which is the server just started; empty
 * where /proc cannot say.
 */
function children(): Set<number> {
  try {
    const tasks = readdirSync('/proc/self/task');
    return new Set(
      tasks.flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)),
    );
  } catch {
    return new Set();
  }
}

/** The one process started since `before`, if there is exactly one. */
function startedSince(before: ReadonlySet<number>): number | undefined {
  const started = [...children()].filter((pid) => !before.has(pid));
  return started.length === 1 ? started[0] : undefined;
}

/** CPU time (user and system) a process has used so far, in ms, from /proc (at 100 ticks a second); undefined where it cannot be read. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (name) ": state is field 3 of proc(5), utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * What the server's database connections are doing, sampled from `pg_stat_activity` every few
 * milliseconds while the timed votes run (BENCH_VOTE_WAITS=1, PostgreSQL only): per sample, how
 * many of them were on a core, waiting for something (a row lock, the WAL's flush, …) or idle — an
 * idle connection is in the server's pool or between its statements, so idle ones while requests
 * queue mean the server itself, not PostgreSQL, is what the votes wait for.
 */
interface WaitSampler {
  /** What the connections did, and the CPU time (ms) PostgreSQL's processes used meanwhile. */
  stop(): Promise<{ waits: string; postgresCpuMs: number | undefined }>;
}

const WAIT_SAMPLE_MS = 5;

async function sampleWaits(url: string | undefined): Promise<WaitSampler | undefined> {
  if (!url || process.env.BENCH_VOTE_WAITS !== '1') return undefined;
  const client = new pg.Client({ connectionString: url, application_name: 'bench vote waits' });
  await client.connect();
  // The servers' connections are those to their throwaway databases; the Hub's listening session is not in its pool.
  const text = `SELECT coalesce(state, '?') AS state, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
                  FROM pg_stat_activity
                 WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname <> current_database()
                   AND application_name NOT LIKE 'sr-hub %'`;
  // Every process of the server but this sampler's (backends, WAL writer, checkpointer, …): its CPU time is PostgreSQL's share of the votes.
  const { rows: processes } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()');
  const postgresCpu = () =>
    processes.reduce<number | undefined>((sum, { pid }) => (sum === undefined ? undefined : sum + (cpuMs(pid) ?? 0)), 0);
  const cpuBefore = postgresCpu();
  const seen = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ state: string; wait: string }>({ name: 'bench-vote-waits', text });
      samples += 1;
      for (const { state, wait } of rows) {
        // An idle connection waits for its client (ClientRead) by definition: its state says it all.
        const what = state === 'active' ? wait : state;
        seen.set(what, (seen.get(what) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const cpuAfter = postgresCpu();
      await client.end();
      const total = [...seen.values()].reduce((sum, n) => sum + n, 0);
      const parts = [...seen]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${(n / samples).toFixed(2)} ${what}`)
        .join(', ');
      const waits = `connections by pg_stat_activity (${samples} samples, every ${WAIT_SAMPLE_MS} ms): ${(total / Math.max(1, samples)).toFixed(1)} on average = ${parts}`;
      return { waits, postgresCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
    },
  };
}

/**
 * How long the process's main thread (the event loop) has waited for a core so far, in ms: the
 * second field of /proc/<pid>/schedstat (Linux, nanoseconds on a run queue); undefined elsewhere.
 */
function runQueueMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return undefined;
  }
}

interface Measured {
  perSecond: number;
  /**
   * The server's own CPU time per timed vote: unlike votes per second, barely moved by what else
   * runs on a shared machine, so it compares runs taken at different loads.
   */
  cpuMsPerVote: number | undefined;
  /** The machine's load average (1 min) when the timed votes were done. */
  load: number;
  latencies: number[];
  failed: string;
  /** With BENCH_VOTE_WAITS=1 on PostgreSQL: what the server's connections did during the timed votes. */
  waits: string | undefined;
  /** This process's CPU time per timed vote: the load generator's share of the machine, on a small one not negligible. */
  clientCpuMsPerVote: number;
  /** How long the server's event loop waited for a core per timed vote: the machine's share of the wait. */
  runQueueMsPerVote: number | undefined;
  /** With BENCH_VOTE_WAITS=1 on PostgreSQL: PostgreSQL's CPU time per timed vote. */
  postgresCpuMsPerVote: number | undefined;
}

/** Sends the untimed warm-up votes, then the timed ones; says which answers were not 201. */
async function timedVotes(
  hub: Hub,
  pollId: string,
  votes: readonly PreparedVote[],
  serverPid: number | undefined,
  databaseUrl: string | undefined,
): Promise<Measured> {
  const warmUp = await send(hub, pollId, votes.slice(0, WARM_UP_VOTES));
  const sampler = await sampleWaits(databaseUrl);
  const cpuBefore = cpuMs(serverPid);
  const queuedBefore = runQueueMs(serverPid);
  const clientBefore = process.cpuUsage();
  const run = await send(hub, pollId, votes.slice(WARM_UP_VOTES));
  const client = process.cpuUsage(clientBefore);
  const cpuAfter = cpuMs(serverPid);
  const queuedAfter = runQueueMs(serverPid);
  const sampled = await sampler?.stop();
  const timed = votes.length - WARM_UP_VOTES;
  const failed = [...warmUp.failures, ...run.failures].map(([status, times]) => `${times} × HTTP ${status}`).join(', ');
  return {
    perSecond: (timed / run.ms) * 1000,
    cpuMsPerVote: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / timed,
    clientCpuMsPerVote: (client.user + client.system) / 1000 / timed,
    runQueueMsPerVote: queuedBefore === undefined || queuedAfter === undefined ? undefined : (queuedAfter - queuedBefore) / timed,
    load: loadavg()[0]!,
    latencies: run.latencies,
    failed,
    waits: sampled?.waits,
    postgresCpuMsPerVote: sampled?.postgresCpuMs === undefined ? undefined : sampled.postgresCpuMs / timed,
  };
}

const figures = (measured: Measured) =>
  `${Math.round(measured.perSecond)} votes/s (p50 ${percentile(measured.latencies, 50).toFixed(0)} ms, p95 ${percentile(measured.latencies, 95).toFixed(0)} ms, p99 ${percentile(measured.latencies, 99).toFixed(0)} ms${
    measured.cpuMsPerVote === undefined ? '' : `, ${measured.cpuMsPerVote.toFixed(2)} ms of the server's CPU a vote`
  })`;

/** The peer: the same votes, each stored by one INSERT behind a bare Fastify route. */
async function measurePeer(env: NodeJS.ProcessEnv, votes: readonly PreparedVote[]): Promise<Measured> {
  const before = children();
  const server = await startServer('./servers/bare-votes.ts', env);
  try {
    const pollId = randomUUID();
    const peer = { address: server.address, adminToken: '', organizerKey: '' };
    const measured = await timedVotes(peer, pollId, votes, startedSince(before), env.DATABASE_URL);
    const { n } = await json<{ n: number }>(await fetch(`${server.address}/polls/${pollId}/count`), 200);
    if (n !== votes.length) throw new Error(`bare route stored ${n} of ${votes.length} votes`);
    return measured;
  } finally {
    await server.stop();
  }
}

async function measure(
  kind: string,
  env: NodeJS.ProcessEnv,
  participation: 'open' | 'codes',
  count: number,
  difficulty: 'easy' | 'production',
): Promise<Row> {
  const adminToken = randomBytes(24).toString('base64url');
  const before = children();
  const server = await startServer<{ organizerKey: string }>('./servers/polls-hub.ts', {
    ...env,
    ...(difficulty === 'easy' ? EASY : {}),
    // The test database pins the Hub's clock to the tests' day; the bench's polls open at the real time.
    SR_TEST_NOW: new Date().toISOString(),
    BENCH_ADMIN_TOKEN: adminToken,
    BENCH_ORGANIZATION: ORGANIZATION,
  });
  const hub = { address: server.address, adminToken, organizerKey: server.info.organizerKey };
  const hubPid = startedSince(before);
  const total = WARM_UP_VOTES + count;
  let prepared: { votes: PreparedVote[]; solveMs: number };
  let ours: Measured;
  let counts: { exact: boolean; counted: number };
  try {
    const poll = await createPoll(hub, participation);
    prepared = participation === 'open' ? await openVotes(hub, poll, total) : { votes: await codeVotes(hub, poll, total), solveMs: 0 };
    ours = await timedVotes(hub, poll.id, prepared.votes, hubPid, env.DATABASE_URL);
    counts = await countsExact(hub, poll.id, prepared.votes);
  } finally {
    await server.stop();
  }
  const peer = await measurePeer(env, prepared.votes);
  const proof =
    participation === 'open'
      ? `${difficulty === 'easy' ? 'easy' : 'production-difficulty'} proofs of work (solved beforehand in ${availableParallelism()} processes, ${(prepared.solveMs / total).toFixed(difficulty === 'easy' ? 1 : 0)} ms a proof here), each checked and spent by the Hub`
      : 'printed participation codes made beforehand, each checked and spent by the Hub';
  const ratio = ours.perSecond / peer.perSecond;
  const target = kind.startsWith('PostgreSQL')
    ? `target ≥ ${TARGET_RATIO}× the bare route ${ratio >= TARGET_RATIO ? 'met' : 'missed'}`
    : '';
  const exact = counts.exact
    ? `final counts exact (${counts.counted.toLocaleString('en')} of ${total.toLocaleString('en')} sent)`
    : `final counts WRONG (${counts.counted} counted of ${total} sent)`;
  return {
    benchmark: `POST /polls/{id}/votes, ${participation === 'open' ? 'open poll' : 'code poll'}, ${count.toLocaleString('en')} votes (${kind})`,
    ours: figures(ours),
    peer: `bare Fastify route, one INSERT a vote: ${figures(peer)}`,
    ratio: `${ratio.toFixed(2)}×`,
    note: [
      target,
      exact,
      ours.cpuMsPerVote !== undefined &&
        peer.cpuMsPerVote !== undefined &&
        `the Hub's process used ${(ours.cpuMsPerVote / peer.cpuMsPerVote).toFixed(1)}× the bare route's CPU a vote`,
      ours.failed && `failed: ${ours.failed}`,
      proof,
      `${CONNECTIONS} keep-alive connections, one Idempotency-Key a vote, ${WARM_UP_VOTES} untimed votes first; results visible always (the default), so each answer carries the current results`,
      `load average ${ours.load.toFixed(1)} (Hub) and ${peer.load.toFixed(1)} (peer) on ${availableParallelism()} cores`,
      kind.startsWith('PostgreSQL') && `a pool of ${process.env.DATABASE_POOL_SIZE ?? 10} connections for each server`,
      `the load generator's CPU a vote ${ours.clientCpuMsPerVote.toFixed(2)} ms (Hub) and ${peer.clientCpuMsPerVote.toFixed(2)} ms (bare route)`,
      ours.runQueueMsPerVote !== undefined &&
        peer.runQueueMsPerVote !== undefined &&
        `waiting for a core a vote (event loop on a run queue) ${ours.runQueueMsPerVote.toFixed(2)} ms (Hub) and ${peer.runQueueMsPerVote.toFixed(2)} ms (bare route)`,
      ours.postgresCpuMsPerVote !== undefined &&
        peer.postgresCpuMsPerVote !== undefined &&
        `PostgreSQL's CPU a vote ${ours.postgresCpuMsPerVote.toFixed(2)} ms (Hub) and ${peer.postgresCpuMsPerVote.toFixed(2)} ms (bare route)`,
      ours.waits && `the Hub's ${ours.waits}`,
      peer.waits && `the bare route's ${peer.waits}`,
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/**
 * Sustained voting through the whole Hub, with exact final counts, on PGlite and on PostgreSQL —
 * a throwaway cluster with fsync off, then one with fsync on (a commit waits for the disk, as in
 * production). A count of 0 leaves its rows out.
 */
export async function pollVotes(votes: { pglite: number; postgres: number; production: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const pglite = { DATABASE_URL: '' };
  if (votes.pglite > 0) rows.push(await measure('PGlite', pglite, 'open', votes.pglite, 'easy'));
  if (votes.pglite > 0) rows.push(await measure('PGlite', pglite, 'codes', votes.pglite, 'easy'));
  for (const fsync of [false, true]) {
    const postgres = await postgresServer({ fsync });
    if (!postgres) {
      console.warn('PostgreSQL is not installed: votes measured on PGlite only');
      return rows;
    }
    try {
      const server = { DATABASE_URL: postgres.url };
      const kind = postgres.fsync === undefined ? 'PostgreSQL' : `PostgreSQL, fsync ${postgres.fsync ? 'on' : 'off'}`;
      if (votes.postgres > 0) {
        rows.push(await measure(kind, server, 'open', votes.postgres, 'easy'));
        rows.push(await measure(kind, server, 'codes', votes.postgres, 'easy'));
      }
      if (votes.production > 0 && !fsync) rows.push(await measure(kind, server, 'open', votes.production, 'production'));
    } finally {
      await postgres.stop();
    }
    // The server in DATABASE_URL has one fsync setting: measured once.
    if (postgres.fsync === undefined) break;
  }
  return rows;
}

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { keepAnswers, percentile, startServer, type Row } from './lib.js';
import { onPgliteAndPostgres } from './postgres.js';

const month = { from: '2026-12-01', to: '2027-01-01' };
const queries = [
  { name: 'unfiltered', query: '' },
  { name: 'one municipality', query: '&municipality=hoechberg' },
  { name: 'text search', query: '&q=chorprobe' },
];

/** Latencies (ms) of the first request and of `requests` sequential ones after a short warm-up; fails on any non-200. */
async function latencies(url: string, requests: number): Promise<{ first: number; times: number[] }> {
  const times: number[] = [];
  let first = Number.NaN;
  for (let index = -3; index < requests; index++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    const ms = performance.now() - started;
    if (index === -3) first = ms;
    if (index >= 0) times.push(ms);
  }
  return { first, times };
}

const summary = ({ first, times }: { first: number; times: number[] }) =>
  `p95 ${percentile(times, 95).toFixed(0)} ms (median ${percentile(times, 50).toFixed(0)} ms; first request ${first.toFixed(0)} ms)`;

async function measure(kind: string, env: NodeJS.ProcessEnv, requests: number): Promise<Row[]> {
  const hub = await startServer<{ occurrences: number; fillMs: number }>('./servers/events-hub.ts', env);
  try {
    const rows: Row[] = [];
    for (const { name, query } of queries) {
      const parameters = `from=${month.from}&to=${month.to}&limit=100${query}`;
      const ours = await latencies(`${hub.address}/events?${parameters}`, requests);
      const peer = await latencies(`${hub.address}/bench/events-sql?${parameters}`, requests);
      await keepAnswers(hub.address, true);
      const kept = await latencies(`${hub.address}/events?${parameters}`, requests);
      await keepAnswers(hub.address, false);
      rows.push({
        benchmark: `GET /events, one month of 10,000 stored events (a fifth recurring), ${name} (${kind})`,
        ours: `${summary(ours)}; repeats from the answer cache: p95 ${percentile(kept.times, 95).toFixed(1)} ms (median ${percentile(kept.times, 50).toFixed(1)} ms)`,
        peer: `plain SQL over the stored occurrences: ${summary(peer)}`,
        ratio: `${(percentile(ours.times, 95) / percentile(peer.times, 95)).toFixed(1)}× (p95)`,
        note: `${requests} sequential requests for the first page (limit=100) of ${hub.info.occurrences} occurrences in ${month.from.slice(0, 7)}${name === 'unfiltered' ? '' : ' before filtering'}; occurrences stored for a rolling horizon (the Hub stored those of the bulk-loaded events in ${(hub.info.fillMs / 1000).toFixed(1)} s before listening), so the first request reads them as later ones do. The first figures are the Hub with its answer cache off, each request reading the database (a month or filter nobody asked this minute); the repeats, the same request asked again within the minute as the Hub ships, answered from memory. The peer is one SQL statement on the same database, from the same process, without the API's JSON mapping`,
      });
    }
    return rows;
  } finally {
    await hub.stop();
  }
}

/** `GET /events` latency for a month of a large calendar, on PGlite and on PostgreSQL. */
export async function eventsQuery(requests: number): Promise<Row[]> {
  return onPgliteAndPostgres('GET /events', (kind, env) => measure(kind, env, requests));
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a V8 CPU profile: ms, share, name and place. */
export function topSelfTime(profile: CpuProfile, count = 15): string[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    // The first sample's delta is the time from enabling the profiler to starting it, not work.
    if (index === 0) return;
    const frame = frames.get(id)!;
    const place = frame.url ? `${frame.url.replace(/^.*\/(node_modules|packages)\//, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${place}`.trim();
    const us = profile.timeDeltas[index] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}

/**
 * `node --import tsx bench/events-query.ts --profile [dir]`: CPU profiles of the Hub on PGlite and
 * PostgreSQL, apart for the first request of the month and for `requests` unfiltered repeats
 * (written to dir, default a temporary one), summarized by self time.
 */
async function profileEventsQuery(dir: string, requests: number): Promise<void> {
  const parameters = `from=${month.from}&to=${month.to}&limit=100`;
  await onPgliteAndPostgres('GET /events profile', async (kind, env) => {
    const hub = await startServer('./servers/events-hub.ts', { ...env, BENCH_CPU_PROFILE: dir });
    try {
      const profiled = async (name: string, work: () => Promise<{ first: number; times: number[] }>) => {
        await fetch(`${hub.address}/bench/profile/start`, { method: 'POST' });
        const result = await work();
        await fetch(`${hub.address}/bench/profile/stop?name=${kind}-${name}`, { method: 'POST' });
        const profile = JSON.parse(await readFile(join(dir, `${kind}-${name}.cpuprofile`), 'utf8')) as CpuProfile;
        console.log(`\n${kind}, ${name}: ${summary(result)}\n${topSelfTime(profile).join('\n')}`);
      };
      await profiled('first', async () => {
        const started = performance.now();
        await (await fetch(`${hub.address}/events?${parameters}`)).arrayBuffer();
        return { first: performance.now() - started, times: [performance.now() - started] };
      });
      await profiled('repeats', () => latencies(`${hub.address}/events?${parameters}`, requests));
    } finally {
      await hub.stop();
    }
    return [];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--profile') {
  const dir = process.argv[3] ?? (await mkdtemp(join(tmpdir(), 'events-profile-')));
  console.log(`profiles in ${dir}`);
  await profileEventsQuery(dir, Number(process.env.BENCH_EVENT_REQUESTS ?? 40));
}

import { percentile, startServer, type Row } from './lib.js';
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
      rows.push({
        benchmark: `GET /events, one month of 10,000 stored events (a fifth recurring), ${name} (${kind})`,
        ours: summary(ours),
        peer: `plain SQL over the stored occurrences: ${summary(peer)}`,
        ratio: `${(percentile(ours.times, 95) / percentile(peer.times, 95)).toFixed(1)}× (p95)`,
        note: `${requests} sequential requests for the first page (limit=100) of ${hub.info.occurrences} occurrences in ${month.from.slice(0, 7)}${name === 'unfiltered' ? '' : ' before filtering'}; occurrences stored for a rolling horizon (the Hub stored those of the bulk-loaded events in ${(hub.info.fillMs / 1000).toFixed(1)} s before listening), so the first request reads them as later ones do; the peer is one SQL statement on the same database, from the same process, without the API's JSON mapping`,
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

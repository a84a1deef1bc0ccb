import { loadavg } from 'node:os';
import { requestsPerSecond, startServer, type Row } from './lib.js';
import { onPgliteAndPostgres } from './postgres.js';

/** Each read at least half as fast as a bare Fastify route answering the same JSON (issue 20). */
const TARGET_RATIO = 0.5;

/** The Hub as shipped, answering repeats from memory, and with its answer cache off: every request made by the route. */
const CACHE_MODES = [
  { env: 'on', label: 'answer cache on, as shipped', does: 'answers the repeat from memory (http/answer-cache.ts)' },
  { env: 'off', label: 'answer cache off', does: 'validates, queries the database' },
] as const;

/** Public reads through the whole Hub, each against a bare Fastify route that answers the same JSON. */
async function measure(kind: string, env: NodeJS.ProcessEnv, seconds: number): Promise<Row[]> {
  let bare: Awaited<ReturnType<typeof startServer>> | undefined;
  const rows: Row[] = [];
  try {
    for (const mode of CACHE_MODES) {
      const hub = await startServer('./servers/hub.ts', { ...env, BENCH_ANSWER_CACHE: mode.env });
      try {
        const offers = (await (await fetch(`${hub.address}/help-offers?limit=1`)).json()) as { items: { id: string }[] };
        const paths = ['/municipalities?limit=20', `/help-offers/${offers.items[0]!.id}`];
        if (!bare) {
          // The peer answers each path's body as the Hub sent it; the query string plays no part in its routing.
          const bodies: Record<string, unknown> = {};
          for (const path of paths) {
            const response = await fetch(`${hub.address}${path}`);
            if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
            bodies[path.split('?', 1)[0]!] = await response.json();
          }
          bare = await startServer('./servers/bare-fastify.ts', { BENCH_ROUTES: JSON.stringify(bodies) });
        }
        for (const path of paths) {
          // Warm-up: the first requests compile the route's validators and serializers, and the JIT.
          await requestsPerSecond(`${hub.address}${path}`, 1);
          await requestsPerSecond(`${bare.address}${path}`, 1);
          const load = loadavg()[0]!.toFixed(1);
          const ours = await requestsPerSecond(`${hub.address}${path}`, seconds);
          const peer = await requestsPerSecond(`${bare.address}${path}`, seconds);
          if (ours.errors > 0 || peer.errors > 0) throw new Error(`errors during the run: hub ${ours.errors}, bare ${peer.errors}`);
          const ratio = ours.rps / peer.rps;
          rows.push({
            benchmark: `GET ${path.replace(/[0-9a-f-]{36}/, '{id}')} (${kind}, ${mode.label}, ${seconds} s, 10 connections; target ≥ ${TARGET_RATIO}×)`,
            ours: `${Math.round(ours.rps)} req/s (p99 ${ours.p99} ms)`,
            peer: `bare Fastify route, same JSON: ${Math.round(peer.rps)} req/s (p99 ${peer.p99} ms)`,
            ratio: `${ratio.toFixed(2)}× — target ${ratio >= TARGET_RATIO ? 'met' : 'missed'}`,
            note: `load average ${load} when the pair began. The Hub routes, ${mode.does}, sets security and CORS headers and an ETag; the peer serializes the same body. No rate limit on either`,
          });
        }
      } finally {
        await hub.stop();
      }
    }
    return rows;
  } finally {
    await bare?.stop();
  }
}

/** `GET /municipalities` and `GET /help-offers/{id}` on PGlite and on PostgreSQL, each next to its bare route. */
export async function hubThroughput(seconds: number): Promise<Row[]> {
  return onPgliteAndPostgres('the Hub throughput', (kind, env) => measure(kind, env, seconds));
}

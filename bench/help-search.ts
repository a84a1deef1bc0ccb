import { percentile, startServer, type Row } from './lib.js';
import { postgresServer } from './postgres.js';

/** Queries of the search-quality set (packages/hub/test/fixtures/help-search-quality.json) and filters. */
const queries = [
  { kind: 'stem', query: 'q=Trauernde' },
  { kind: 'umlaut as ue', query: 'q=Gluecksspiel' },
  { kind: 'umlaut as ae', query: 'q=haeusliche Gewalt' },
  { kind: 'typo', query: 'q=Depresion' },
  { kind: 'typo', query: 'q=Schuldnerberatng' },
  { kind: 'synonym', query: 'q=saufen' },
  { kind: 'synonyms', query: 'q=Oma vergesslich' },
  { kind: 'crisis word', query: 'q=Suizid' },
  { kind: 'crisis phrase', query: 'q=ich möchte nicht mehr leben' },
  { kind: 'compound', query: 'q=Gruppe Angehörige' },
  { kind: 'open now', query: 'q=Sucht&openNow=true' },
  { kind: 'near, by distance', query: 'q=Beratung&near=49.7913,9.9534&sort=distance' },
  { kind: 'topic', query: 'q=Hilfe&topic=einsamkeit' },
];

const targets = { PGlite: 15, PostgreSQL: 10 };

/** Latencies (ms) of `requests` sequential requests after a short warm-up, and the result size; fails on any non-200. */
async function latencies(url: string, requests: number): Promise<{ times: number[]; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let index = -3; index < requests; index++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body}`);
    total = (JSON.parse(body) as { total: number }).total;
    if (index >= 0) times.push(ms);
  }
  return { times, total };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (times: number[]) => `p95 ${ms(percentile(times, 95))} (median ${ms(percentile(times, 50))})`;

async function measure(kind: keyof typeof targets, env: NodeJS.ProcessEnv, requests: number): Promise<Row[]> {
  const hub = await startServer<{ offers: number }>('./servers/help-hub.ts', env);
  try {
    const rows: Row[] = [];
    const all = { ours: [] as number[], peer: [] as number[], worst: 0 };
    for (const { kind: queryKind, query } of queries) {
      const search = encodeURI(query);
      const ours = await latencies(`${hub.address}/help-offers?${search}`, requests);
      const peer = await latencies(`${hub.address}/bench/help-offers-ilike?${search}`, requests);
      all.ours.push(...ours.times);
      all.peer.push(...peer.times);
      all.worst = Math.max(all.worst, percentile(ours.times, 95));
      rows.push({
        benchmark: `GET /help-offers?${query} — ${queryKind} (${kind})`,
        ours: summary(ours.times),
        peer: `ILIKE: ${summary(peer.times)}`,
        ratio: `${(percentile(ours.times, 95) / percentile(peer.times, 95)).toFixed(2)}×`,
        note: `found ${ours.total} offers; ILIKE found ${peer.total}`,
      });
    }
    const target = targets[kind];
    rows.unshift({
      benchmark: `GET /help-offers, ${queries.length} queries over ${hub.info.offers} help offers (${kind}; target p95 ≤ ${target} ms)`,
      ours: `${summary(all.ours)}; slowest query p95 ${ms(all.worst)} — target ${all.worst <= target ? 'met' : 'missed'}`,
      peer: `ILIKE: ${summary(all.peer)}`,
      ratio: `${(percentile(all.ours, 95) / percentile(all.peer, 95)).toFixed(2)}×`,
      note: `${requests} sequential requests per query (first page, limit=20, with total and facets) after 3 warm-ups, through the whole Hub over HTTP. Peer: a route on the same Hub and database that matches any word with ILIKE '%word%' over name and description, applies the same topic, openNow and near filters and returns the same page and total, without German search, ranking or facets`,
    });
    return rows;
  } finally {
    await hub.stop();
  }
}

/** `GET /help-offers` latency with 10,000 offers, against a plain ILIKE search, on PGlite and on PostgreSQL. */
export async function helpSearch(requests: number): Promise<Row[]> {
  const rows = await measure('PGlite', { DATABASE_URL: '' }, requests);
  const postgres = await postgresServer();
  if (!postgres) {
    console.warn('PostgreSQL is not installed: GET /help-offers measured on PGlite only');
    return rows;
  }
  try {
    return [...rows, ...(await measure('PostgreSQL', { DATABASE_URL: postgres.url }, requests))];
  } finally {
    await postgres.stop();
  }
}

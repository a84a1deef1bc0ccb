import { keepAnswers, percentile, startServer, useSearchIndex, type Row } from './lib.js';
import { onPgliteAndPostgres } from './postgres.js';

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

/** The floor: the same statements, run `requests` times straight on the database inside the Hub process. */
async function floor(address: string, search: string, requests: number): Promise<number[]> {
  const response = await fetch(`${address}/bench/help-offers-sql?${search}&requests=${requests}`);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`floor ${search}: HTTP ${response.status} ${body}`);
  return (JSON.parse(body) as { times: number[] }).times;
}

async function measure(kind: keyof typeof targets, env: NodeJS.ProcessEnv, requests: number): Promise<Row[]> {
  const hub = await startServer<{ offers: number }>('./servers/help-hub.ts', env);
  try {
    const rows: Row[] = [];
    const all = {
      ours: [] as number[],
      database: [] as number[],
      kept: [] as number[],
      ilike: [] as number[],
      floor: [] as number[],
      worst: 0,
    };
    for (const { kind: queryKind, query } of queries) {
      const search = encodeURI(query);
      await keepAnswers(hub.address, true);
      const kept = await latencies(`${hub.address}/help-offers?${search}`, requests);
      await keepAnswers(hub.address, false);
      await useSearchIndex(hub.address, false);
      const database = await latencies(`${hub.address}/help-offers?${search}`, requests);
      await useSearchIndex(hub.address, true);
      const ours = await latencies(`${hub.address}/help-offers?${search}`, requests);
      const ilike = await latencies(`${hub.address}/bench/help-offers-ilike?${search}`, requests);
      const sqlFloor = await floor(hub.address, search, requests);
      all.ours.push(...ours.times);
      all.database.push(...database.times);
      all.kept.push(...kept.times);
      all.ilike.push(...ilike.times);
      all.floor.push(...sqlFloor);
      all.worst = Math.max(all.worst, percentile(ours.times, 95));
      rows.push({
        benchmark: `GET /help-offers?${query} — ${queryKind} (${kind})`,
        ours: `searching: ${summary(ours.times)}; in the database (index off): ${summary(database.times)}; repeats from the answer cache: ${summary(kept.times)}`,
        peer: `plain SQL: ${summary(sqlFloor)}; ILIKE: ${summary(ilike.times)}`,
        ratio: `${(percentile(ours.times, 95) / percentile(sqlFloor, 95)).toFixed(2)}× SQL, ${(percentile(ours.times, 95) / percentile(ilike.times, 95)).toFixed(2)}× ILIKE`,
        note: `found ${ours.total} offers (in the database ${database.total}); ILIKE found ${ilike.total}`,
      });
    }
    const target = targets[kind];
    rows.unshift({
      benchmark: `GET /help-offers, ${queries.length} queries over ${hub.info.offers} help offers (${kind}; target p95 ≤ ${target} ms)`,
      ours: `searching: ${summary(all.ours)}; slowest query p95 ${ms(all.worst)} — target ${all.worst <= target ? 'met' : 'missed'}; in the database (index off): ${summary(all.database)}; repeats from the answer cache: ${summary(all.kept)}`,
      peer: `plain SQL: ${summary(all.floor)}; ILIKE: ${summary(all.ilike)}`,
      ratio: `${(percentile(all.ours, 95) / percentile(all.floor, 95)).toFixed(2)}× SQL, ${(percentile(all.ours, 95) / percentile(all.ilike, 95)).toFixed(2)}× ILIKE`,
      note: `${requests} sequential requests per query (first page, limit=20, with total and facets) after 3 warm-ups, through the whole Hub over HTTP. The target is judged on "searching": the Hub as shipped with its answer cache off, so that each request runs the search, as a query nobody asked this minute does (matches, scores, total and facets from the search index in memory, the page's offers from the database); "in the database" is the same with the index off, each search one SQL statement; "repeats" is the same query asked again within the minute, answered from the answer cache. Peers: plain SQL, the floor — the statements the Hub runs for the same query (vocabulary look-up, then the search with its total and facets in its transaction) run again straight on the same database in the Hub's process, timed there; and a route on the same Hub and database that matches any word with ILIKE '%word%' over name and description, applies the same topic, openNow and near filters and returns the same page and total, without German search, ranking or facets`,
    });
    return rows;
  } finally {
    await hub.stop();
  }
}

/** `GET /help-offers` latency with 10,000 offers, against its plain SQL and a plain ILIKE search, on PGlite and on PostgreSQL. */
export async function helpSearch(requests: number): Promise<Row[]> {
  return onPgliteAndPostgres('GET /help-offers', (kind, env) => measure(kind, env, requests));
}

// The Hub with 10,000 help offers in a throwaway database (in-memory PGlite, or a database of its
// own on the PostgreSQL server in DATABASE_URL), plus the peer on the same app and the same rows:
// GET /bench/help-offers-ilike, the plain search a Hub without German search would do, and
// GET /bench/help-offers-sql, the floor: the statements GET /help-offers runs, timed in the database;
// POST /bench/answer-cache switches the Hub's answer cache off and on, POST /bench/search-index its
// search index.
import { sql, type CompiledQuery, type Kysely, type QueryId } from 'kysely';
import type { Database } from '../../packages/hub/src/db/schema.js';
import { buildApp } from '../../packages/hub/src/app.js';
import { DEFAULT_LIMIT } from '../../packages/hub/src/http/listing.js';
import { toHelpOffer } from '../../packages/hub/src/help/model.js';
import { openNowFilterSql, regionMoment } from '../../packages/hub/src/help/opening-hours.js';
import { nearestPlaces, searchOffers, selectOffers, type SearchSort } from '../../packages/hub/src/help/queries.js';
import { planSearch } from '../../packages/hub/src/help/search.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { storeBenchHelpOffers } from '../help-data.js';
import { registerAnswerCacheSwitch, registerSearchIndexSwitch } from './answer-cache-switch.js';
import { stopOnSigterm } from './stop.js';

const throwaway = await openTestDatabase();
const { database } = throwaway;
const db = database.db;
await storeBenchHelpOffers(db, Number(process.env.BENCH_HELP_OFFERS ?? 10_000));
const { offers } = await db
  .selectFrom('help_offers')
  .select(sql<number>`count(*)::int`.as('offers'))
  .executeTakeFirstOrThrow();

const app = await buildApp({ database, rateLimit: false, logger: false });

interface BaselineQuery {
  q?: string;
  topic?: string;
  openNow?: string;
  near?: string;
  sort?: string;
}

/**
 * Any word of `q` anywhere in name or description (`ILIKE '%word%'`, no index can serve it), the
 * Hub's topic, openNow and near filters, sorted by name or distance: the same page of offers,
 * without stemming, spellings, typo correction, synonyms, ranking or facets.
 */
app.get<{ Querystring: BaselineQuery }>('/bench/help-offers-ilike', async (request) => {
  const { q = '', topic, openNow, near: nearText, sort } = request.query;
  const moment = regionMoment(new Date());
  const near = nearText ? (([lat, lon]) => ({ lat: lat!, lon: lon! }))(nearText.split(',').map(Number)) : undefined;
  const words = q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const text = sql<boolean>`(help_offers.name || ' ' || help_offers.description) ILIKE ANY (${words}::text[])`;
  let query = selectOffers(db, moment)
    .leftJoin(nearestPlaces(db, near).as('nearest'), 'nearest.offer_id', 'help_offers.id')
    .select('nearest.metres as distance_m')
    .where(text);
  if (topic) query = query.where(sql<boolean>`help_offers.topic_closure && ${[topic]}::text[]`);
  if (openNow === 'true') query = query.where(openNowFilterSql(moment));
  const ordered = sort === 'distance' ? query.orderBy(sql`nearest.metres`) : query;
  const rows = await ordered.orderBy('help_offers.sort_name').orderBy('help_offers.id').limit(DEFAULT_LIMIT).execute();
  let count = db
    .selectFrom('help_offers')
    .select(sql<number>`count(*)::int`.as('total'))
    .where(text);
  if (topic) count = count.where(sql<boolean>`help_offers.topic_closure && ${[topic]}::text[]`);
  if (openNow === 'true') count = count.where(openNowFilterSql(moment));
  const { total } = await count.executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({ ...toHelpOffer(row), distanceKm: row.distance_m === null ? null : Math.round(row.distance_m / 100) / 10 })),
    total,
  };
});

/** A database handle that records the statements it executes, compiled, in order. */
function recording(): { db: Kysely<Database>; executed: CompiledQuery[] } {
  const compiled = new Map<QueryId, CompiledQuery>();
  const executed: CompiledQuery[] = [];
  const recorder = db.withPlugin({
    transformQuery(args) {
      compiled.set(args.queryId, db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      executed.push(compiled.get(args.queryId)!);
      return args.result;
    },
  });
  return { db: recorder, executed };
}

/**
 * The floor for GET /help-offers: the statements it runs for the same query (vocabulary look-up,
 * then the search in its transaction), recorded once and run again `requests` times straight on
 * the database, without HTTP, validation, query planning in JS or shaping the JSON. Returns their
 * latencies in ms, measured here.
 */
app.get<{ Querystring: BaselineQuery & { requests: string } }>('/bench/help-offers-sql', async (request) => {
  const { q, topic, openNow, near: nearText, sort, requests } = request.query;
  const moment = regionMoment(new Date());
  const near = nearText ? (([lat, lon]) => ({ lat: lat!, lon: lon! }))(nearText.split(',').map(Number)) : undefined;
  const { db: recorder, executed } = recording();
  const plan = q ? await planSearch(recorder, q) : undefined;
  const lookUps = executed.splice(0);
  const filters = { topic: topic ? [topic] : undefined, openNow: openNow === 'true' || undefined, near };
  const order = (sort ?? (q ? 'relevance' : near ? 'distance' : 'name')) as SearchSort;
  await searchOffers(recorder, { filters, plan, sort: order, after: undefined, limit: DEFAULT_LIMIT }, moment);
  // The search runs in a transaction (its SET LOCAL applies to it); so does the floor's.
  const times: number[] = [];
  for (let index = -3; index < Number(requests); index++) {
    const started = performance.now();
    for (const statement of lookUps) await db.executeQuery(statement);
    await db.transaction().execute(async (trx) => {
      for (const statement of executed) await trx.executeQuery(statement);
    });
    if (index >= 0) times.push(performance.now() - started);
  }
  return { times };
});

registerAnswerCacheSwitch(app);
registerSearchIndexSwitch(app);

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, offers });
stopOnSigterm(app, () => throwaway.drop());

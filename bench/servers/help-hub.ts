// The Hub with 10,000 help offers in a throwaway database (in-memory PGlite, or a database of its
// own on the PostgreSQL server in DATABASE_URL), plus the peer on the same app and the same rows:
// GET /bench/help-offers-ilike, the plain search a Hub without German search would do.
import { sql } from 'kysely';
import { buildApp } from '../../packages/hub/src/app.js';
import { DEFAULT_LIMIT } from '../../packages/hub/src/http/listing.js';
import { toHelpOffer } from '../../packages/hub/src/help/model.js';
import { openNowFilterSql, regionMoment } from '../../packages/hub/src/help/opening-hours.js';
import { nearestPlaces, selectOffers } from '../../packages/hub/src/help/queries.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { storeBenchHelpOffers } from '../help-data.js';
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

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, offers });
stopOnSigterm(app, () => throwaway.drop());

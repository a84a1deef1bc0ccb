// The Hub with 10,000 stored events (a fifth of them recurring) in a throwaway database:
// in-memory PGlite, or a database of its own on the PostgreSQL server in DATABASE_URL. Plus the
// peer on the same app and the same rows: GET /bench/events-sql, one plain SQL statement over the
// stored occurrences giving the same page (the floor of what the Hub's route can do).
// BENCH_CPU_PROFILE names a directory: then POST /bench/profile/start and /bench/profile/stop?name=…
// profile the Hub between them (<name>.cpuprofile there, for Chrome DevTools; `bench/events-query.ts --profile` drives and summarizes them),
// so the first request and the repeats are profiled apart, without the fill before them.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../packages/hub/src/app.js';
import { dataFromRow, scheduleOf } from '../../packages/hub/src/events/model.js';
import { parseRange } from '../../packages/hub/src/events/occurrences.js';
import { eventsInRange } from '../../packages/hub/src/events/queries.js';
import { occurrencesBetween } from '../../packages/hub/src/events/recurrence.js';
import { refreshStoredOccurrences } from '../../packages/hub/src/events/stored-occurrences.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { storeBenchEvents } from '../events-data.js';
import { registerAnswerCacheSwitch } from './answer-cache-switch.js';
import { stopOnSigterm } from './stop.js';

const throwaway = await openTestDatabase();
const { database } = throwaway;
const db = database.db;
await storeBenchEvents(db, Number(process.env.BENCH_EVENTS ?? 10_000));

const month = parseRange(process.env.BENCH_FROM ?? '2026-12-01', process.env.BENCH_TO ?? '2027-01-01');
// Counted without the Hub's remembered expansions, so its first request finds none.
const rows = await eventsInRange(db, {}, month.from, month.to);
const expand = (row: (typeof rows)[number]) => occurrencesBetween(scheduleOf(dataFromRow(row)), month.from.getTime(), month.to.getTime());
const occurrences = rows.reduce((sum, row) => sum + expand(row).length, 0);
// The bench loads events in bulk, past the API: the Hub stores their occurrences as it does at start
// (here before it listens, so the first request measures a read, not the fill). BENCH_STORED=0: not stored.
const started = performance.now();
if (process.env.BENCH_STORED !== '0') await refreshStoredOccurrences(db);
const fillMs = performance.now() - started;
// The uncached path first: the work the Hub does when it must really answer (first request, a new
// month, a new filter), as the peer does on every request. BENCH_ANSWER_CACHE=1, or the switch:
// with the answer cache in front.
const app = await buildApp({ database, rateLimit: false, logger: false });
app.answerCache!.setLive(process.env.BENCH_ANSWER_CACHE === '1');
registerAnswerCacheSwitch(app);

/** The first page of a month as one statement: stored occurrences overlapping it, with their events, in the API's order. */
app.get<{ Querystring: { from: string; to: string; limit?: string; municipality?: string; q?: string } }>(
  '/bench/events-sql',
  async (request) => {
    const { from, to } = parseRange(request.query.from, request.query.to);
    const { municipality, q } = request.query;
    const result = await sql`
      SELECT o.recurrence_id, o.start_text, o.end_text, o.override_index, e.*
      FROM event_occurrences o JOIN events e ON e.id = o.event_id
      WHERE o.start_at < ${to} AND o.end_at > ${from} AND e.published
        ${municipality ? sql`AND e.municipality_id = ${municipality}` : sql``}
        ${q ? sql`AND e.search_text LIKE ${`%${q}%`}` : sql``}
      ORDER BY o.start_at, o.event_id, o.recurrence_id
      LIMIT ${Number(request.query.limit ?? 100) + 1}`.execute(db);
    return { items: result.rows };
  },
);

const profileDir = process.env.BENCH_CPU_PROFILE;
if (profileDir) {
  const profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
  app.post('/bench/profile/start', async () => {
    await profiler.post('Profiler.start');
    return { started: true };
  });
  app.post<{ Querystring: { name: string } }>('/bench/profile/stop', async (request) => {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(join(profileDir, `${request.query.name}.cpuprofile`), JSON.stringify(profile));
    return { written: request.query.name };
  });
}

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, occurrences, fillMs });
stopOnSigterm(app, () => throwaway.drop());

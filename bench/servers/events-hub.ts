// The Hub with 10,000 stored events (a fifth of them recurring) in a throwaway database:
// in-memory PGlite, or a database of its own on the PostgreSQL server in DATABASE_URL.
import { buildApp } from '../../packages/hub/src/app.js';
import { dataFromRow, scheduleOf } from '../../packages/hub/src/events/model.js';
import { parseRange } from '../../packages/hub/src/events/occurrences.js';
import { eventsInRange } from '../../packages/hub/src/events/queries.js';
import { occurrencesBetween } from '../../packages/hub/src/events/recurrence.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { storeBenchEvents } from '../events-data.js';
import { stopOnSigterm } from './stop.js';

const throwaway = await openTestDatabase();
const { database } = throwaway;
await storeBenchEvents(database.db, Number(process.env.BENCH_EVENTS ?? 10_000));

const month = parseRange(process.env.BENCH_FROM ?? '2026-12-01', process.env.BENCH_TO ?? '2027-01-01');
// Counted without the Hub's remembered expansions, so its first request finds none.
const rows = await eventsInRange(database.db, {}, month.from, month.to);
const expand = (row: (typeof rows)[number]) => occurrencesBetween(scheduleOf(dataFromRow(row)), month.from.getTime(), month.to.getTime());
const occurrences = rows.reduce((sum, row) => sum + expand(row).length, 0);
const app = await buildApp({ database, rateLimit: false, logger: false });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, occurrences });
stopOnSigterm(app, () => throwaway.drop());

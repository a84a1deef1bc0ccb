// The Hub as it runs in production with the demo data (in-memory PGlite, or a database of its own
// on the PostgreSQL server in DATABASE_URL), minus rate limiting and logs, in its own process so
// the load generator does not share its event loop. `BENCH_ANSWER_CACHE=off` turns its answer cache off.
import { buildApp } from '../../packages/hub/src/app.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { stopOnSigterm } from './stop.js';

const throwaway = await openTestDatabase();
const app = await buildApp({
  database: throwaway.database,
  rateLimit: false,
  logger: false,
  ...(process.env.BENCH_ANSWER_CACHE === 'off' ? { answerCache: false as const } : {}),
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
stopOnSigterm(app, () => throwaway.drop());

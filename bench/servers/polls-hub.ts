// The Hub for the voting benchmark, on a throwaway database (in-memory PGlite, or a database of
// its own on the PostgreSQL server in DATABASE_URL), with an admin token to create polls and read
// results. BENCH_PROOF_MIN/MAX set the proof-of-work difficulty; the production default otherwise.
import { buildApp } from '../../packages/hub/src/app.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { stopOnSigterm } from './stop.js';

const throwaway = await openTestDatabase();
const { database } = throwaway;
const { BENCH_PROOF_MIN: min, BENCH_PROOF_MAX: max } = process.env;
const proofDifficulty = min && max ? { minCounter: Number(min), maxCounter: Number(max) } : undefined;
const app = await buildApp({
  database,
  adminToken: process.env.BENCH_ADMIN_TOKEN,
  rateLimit: false,
  logger: false,
  polls: { proofDifficulty },
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, database: database.kind });
stopOnSigterm(app, () => throwaway.drop());

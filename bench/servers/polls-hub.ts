// The Hub for the voting benchmark, on a throwaway database (in-memory PGlite, or a database of
// its own on the PostgreSQL server in DATABASE_URL), with an admin token to create polls and read
// results, and a key of the organization BENCH_ORGANIZATION (its name) to print participation codes,
// which only the organization itself does. BENCH_PROOF_MIN/MAX set the proof-of-work difficulty; the
// production default otherwise. BENCH_CPU_PROFILE names a directory: the Hub's CPU profile from start
// to stop is written there (hub-<pid>.cpuprofile, for Chrome DevTools or a summary script), as
// `node --cpu-prof` would, which NODE_OPTIONS may not carry.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { buildApp } from '../../packages/hub/src/app.js';
import { createApiKey } from '../../packages/hub/src/auth/api-keys.js';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { stopOnSigterm } from './stop.js';

const profileDir = process.env.BENCH_CPU_PROFILE;
const profiler = profileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

async function writeProfile(): Promise<void> {
  if (!profiler || !profileDir) return;
  const { profile } = await profiler.post('Profiler.stop');
  await writeFile(join(profileDir, `hub-${process.pid}.cpuprofile`), JSON.stringify(profile));
}

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
const organization = await database.db
  .selectFrom('organizations')
  .select('id')
  .where('name', '=', process.env.BENCH_ORGANIZATION ?? '')
  .executeTakeFirstOrThrow();
const organizer = await createApiKey(database.db, { organizationId: organization.id, scopes: ['poll-codes:manage'] });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address, database: database.kind, organizerKey: organizer.key });
stopOnSigterm(app, () => writeProfile().then(() => throwaway.drop()));

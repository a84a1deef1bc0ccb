// The Hub as it runs in production (PGlite in memory, demo data), minus rate limiting and logs,
// in its own process so the load generator does not share its event loop.
import { buildApp } from '../../packages/hub/src/app.js';
import { openDatabase } from '../../packages/hub/src/db/connection.js';
import { migrate } from '../../packages/hub/src/db/migrate.js';
import { seed } from '../../packages/hub/src/orgs/seed/seed.js';
import { stopOnSigterm } from './stop.js';

const database = await openDatabase({ url: process.env.DATABASE_URL });
await migrate(database);
await seed(database.db);
const app = await buildApp({ database, rateLimit: false, logger: false });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
stopOnSigterm(app);

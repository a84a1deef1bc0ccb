import { openDatabase, type HubDatabase } from '../../src/db/connection.js';
import { pinTestClock } from './clock.js';
import { createServerDatabase, serverUrl } from './server.js';
import { pgliteTemplateData, serverTemplateName } from './template.js';

/**
 * A migrated database with the demo data for one test file: a throwaway database on the
 * PostgreSQL server in `DATABASE_URL` when set (CI runs the suite both ways), else in-memory
 * PGlite. Each is a copy of one template built once (see template.ts), not migrated and seeded
 * anew. `drop` removes what the test created; call it after the Hub closed its connections.
 */
export interface TestDatabase {
  database: HubDatabase;
  url: string | undefined;
  drop: () => Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  // What the demo data says and what the Hub answers depend on the date: tests choose it.
  pinTestClock();
  if (!serverUrl) {
    const database = await openDatabase({ loadDataDir: await pgliteTemplateData() });
    return { database, url: undefined, drop: async () => {} };
  }
  const { url, drop } = await createServerDatabase('sr_test', await serverTemplateName());
  const database = await openDatabase({ url });
  return { database, url, drop };
}

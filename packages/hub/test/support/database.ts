import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type HubDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { pinTestClock } from './clock.js';

/**
 * A fresh, migrated database for one test file: a throwaway database on the PostgreSQL server
 * in `DATABASE_URL` when set (CI runs the suite both ways), else in-memory PGlite.
 * `drop` removes what the test created; call it after the Hub closed its connections.
 */
export interface TestDatabase {
  database: HubDatabase;
  url: string | undefined;
  drop(): Promise<void>;
}

export const serverUrl = process.env.DATABASE_URL || undefined;

export async function openTestDatabase(): Promise<TestDatabase> {
  // What the demo data says and what the Hub answers depend on the date: tests choose it.
  pinTestClock();
  if (!serverUrl) {
    const database = await openDatabase();
    await migrate(database);
    return { database, url: undefined, drop: async () => {} };
  }
  const { url, drop } = await createServerDatabase();
  const database = await openDatabase({ url });
  await migrate(database);
  return { database, url, drop };
}

/** An empty throwaway database on the PostgreSQL server in `DATABASE_URL`, and how to drop it. */
export async function createServerDatabase(prefix = 'sr_test'): Promise<{ url: string; drop(): Promise<void> }> {
  if (!serverUrl) throw new Error('createServerDatabase needs DATABASE_URL.');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

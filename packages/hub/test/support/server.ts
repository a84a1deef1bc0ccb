import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests run against (CI runs the suite both ways), else PGlite. */
export const serverUrl = process.env.DATABASE_URL || undefined;

/**
 * A throwaway database on the PostgreSQL server in `DATABASE_URL` — empty, or a copy of
 * `template` — its name, and how to drop it.
 */
export async function createServerDatabase(
  prefix = 'sr_test',
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error('createServerDatabase needs DATABASE_URL.');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return { name, url: serverDatabaseUrl(name), drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

function serverDatabaseUrl(name: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs one statement on the server's maintenance connection (`DATABASE_URL` itself). */
export async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

import { readdir, readFile } from 'node:fs/promises';
import { assetUrl } from '../assets.js';
import type { HubDatabase } from './connection.js';

const migrationsDir = assetUrl('migrations');
/** Any fixed number: serializes Hub processes that start at the same time against one server. */
const MIGRATION_LOCK_ID = 7_386_101;

/**
 * Applies the plain SQL files in `migrations/` that have not run yet, in name order,
 * all in one transaction: a failing migration leaves the database as it was.
 * Returns the names of the files applied.
 */
export async function migrate(database: HubDatabase): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort();
  return database.inScriptTransaction(async (session) => {
    if (database.kind === 'postgres') {
      await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    }
    await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await session.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const pending = files.filter((name) => !done.has(name));
    for (const name of pending) {
      await session.exec(await readFile(new URL(name, migrationsDir), 'utf8'));
      await session.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
    return pending;
  });
}

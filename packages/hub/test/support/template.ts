import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type HubDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { seed } from '../../src/orgs/seed/seed.js';
import { testNow } from './clock.js';
import { adminQuery, createServerDatabase } from './server.js';

/*
 * Opening an empty PGlite, migrating it and loading the demo data takes seconds; the tests of a
 * file take a fraction of that. So the migrated, seeded database is built once and every test
 * file starts from a copy: a PGlite data directory tarball in the temporary directory, or a
 * template database on the PostgreSQL server (`CREATE DATABASE … TEMPLATE`).
 *
 * Test files run in separate processes. Whichever finds no template builds one under a name of
 * its own and renames it into place, so a reader never sees half a template; two files that start
 * together may both build it (the one that renames second throws its copy away). Waiting on a
 * lock would take as long as building, and a crashed builder could not leave a stale lock behind.
 */

const sources = fileURLToPath(new URL('../../src/', import.meta.url));
const lockfile = fileURLToPath(new URL('../../../../package-lock.json', import.meta.url));

/**
 * What the template holds depends on the migrations, the demo data and the code that writes it
 * (which reaches into every domain: the whole of `src`), the dependencies' versions, and the
 * pinned date (the demo data's dates are relative to it).
 */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256').update(testNow);
  const entries = await readdir(sources, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (const file of [...files.sort(), lockfile]) hash.update(relative(sources, file)).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Migrates `database` and loads the demo data into it, as the template holds them. */
async function fill(database: HubDatabase): Promise<void> {
  await migrate(database);
  await seed(database.db);
}

const pgliteFolder = join(tmpdir(), 'smart-region-hub-tests');
/** Templates of other sources are removed once nothing has used them for this long. */
const STALE_MS = 3_600_000;

let pgliteTemplate: Promise<Blob> | undefined;

/** The template as a PGlite data directory tarball, for `openDatabase({ loadDataDir })`. */
export function pgliteTemplateData(): Promise<Blob> {
  return (pgliteTemplate ??= loadOrBuildPglite());
}

async function loadOrBuildPglite(): Promise<Blob> {
  const file = join(pgliteFolder, `template-${await templateKey()}.tar.gz`);
  try {
    const data = new Blob([await readFile(file)]);
    // Its modification time says when it was last used (see removeStaleTemplates).
    const touched = new Date();
    await utimes(file, touched, touched).catch(() => undefined);
    return data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const database = await openDatabase();
  await fill(database);
  const data = await database.dumpDataDir!();
  await database.close();
  await mkdir(pgliteFolder, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, new Uint8Array(await data.arrayBuffer()));
  await rename(partial, file);
  await removeStaleTemplates(file);
  return data;
}

async function removeStaleTemplates(current: string): Promise<void> {
  for (const name of await readdir(pgliteFolder)) {
    const file = join(pgliteFolder, name);
    if (file === current || !name.endsWith('.tar.gz')) continue;
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}

let serverTemplate: Promise<string> | undefined;

/** The name of the template database on the PostgreSQL server, for `createServerDatabase`. */
export function serverTemplateName(): Promise<string> {
  return (serverTemplate ??= findOrBuildServerTemplate());
}

async function findOrBuildServerTemplate(): Promise<string> {
  const name = `sr_template_${await templateKey()}`;
  if ((await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0) return name;
  const building = await createServerDatabase('sr_building');
  const database = await openDatabase({ url: building.url });
  await fill(database);
  await database.close();
  try {
    await adminQuery(`ALTER DATABASE ${building.name} RENAME TO ${name}`);
  } catch (error) {
    await building.drop();
    // Another test file renamed its copy into place first.
    if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
    return name;
  }
  // Templates of earlier sources; one still being copied from stays, and goes next time.
  for (const { datname } of await adminQuery<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'sr\\_template\\_%' AND datname <> $1`,
    [name],
  )) {
    await adminQuery(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
  return name;
}

const DUPLICATE_DATABASE = '42P04';

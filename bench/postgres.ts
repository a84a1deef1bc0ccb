import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../packages/hub/test/support/ports.js';
import type { Row } from './lib.js';

const run = promisify(execFile);

/**
 * A PostgreSQL server for the benchmarks: the one in DATABASE_URL, else a throwaway cluster
 * started as .ci/run does (as the `postgres` user when running as root, which PostgreSQL refuses),
 * else none when PostgreSQL is not installed. The throwaway cluster runs with `fsync=off` unless
 * `fsync: true` asks for one that waits for its disk on every commit, as a production server does.
 * `fsync` in the answer says which (undefined for the server in DATABASE_URL: its own setting).
 */
export async function postgresServer(
  options: { fsync?: boolean } = {},
): Promise<{ url: string; fsync: boolean | undefined; stop(): Promise<void> } | undefined> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, fsync: undefined, stop: async () => {} };
  const fsync = options.fsync ?? false;
  const bin = await run('sh', ['-c', 'dirname "$(readlink -f "$(command -v initdb)")"']).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
  if (!bin || bin === '.') return undefined;
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  const dir = await mkdtemp(join(tmpdir(), 'sr-bench-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    await chown(dir, Number(stdout), -1);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  await as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  // fsync=off by default: a throwaway cluster need not survive a crash; RESULTS.md says so next to the figures.
  const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=${fsync ? 'on' : 'off'}`;
  await as(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    fsync,
    async stop() {
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `measure` on embedded PGlite, then on a PostgreSQL server (`postgresServer`), with the rows of
 * both; PGlite's only when PostgreSQL is not installed, saying that `what` was measured there only.
 */
export async function onPgliteAndPostgres(
  what: string,
  measure: (kind: 'PGlite' | 'PostgreSQL', env: NodeJS.ProcessEnv) => Promise<Row[]>,
): Promise<Row[]> {
  const rows = await measure('PGlite', { DATABASE_URL: '' });
  const postgres = await postgresServer();
  if (!postgres) {
    console.warn(`PostgreSQL is not installed: ${what} measured on PGlite only`);
    return rows;
  }
  try {
    return [...rows, ...(await measure('PostgreSQL', { DATABASE_URL: postgres.url }))];
  } finally {
    await postgres.stop();
  }
}

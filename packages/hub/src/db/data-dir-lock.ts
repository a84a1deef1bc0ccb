import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PGlite is single-process: a data directory belongs to one running Hub. The Hub leaves a lock
 * file there, so the CLI can say clearly that a Hub is running instead of failing on a locked file.
 */
export interface DataDirOwner {
  pid: number;
  port: number;
}

const lockFile = (dataDir: string) => join(dataDir, 'hub.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running Hub that owns the directory, if any (a lock left by a crashed Hub does not count). */
export async function findDataDirOwner(dataDir: string): Promise<DataDirOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockFile(dataDir), 'utf8')) as DataDirOwner;
    return owner.pid !== process.pid && isAlive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export async function claimDataDir(dataDir: string, port: number): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(lockFile(dataDir), JSON.stringify({ pid: process.pid, port } satisfies DataDirOwner));
  return () => rm(lockFile(dataDir), { force: true });
}

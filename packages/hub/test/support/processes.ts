import type { ChildProcess } from 'node:child_process';

export interface Exit {
  /** The exit code; null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** How `child` ended, once it has: `events.once` for a child process, with its arguments typed. */
export function exited(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', reject);
  });
}

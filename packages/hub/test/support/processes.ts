import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { eventually } from './mail.js';
import { freePort } from './ports.js';

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

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;

export interface HubProcess {
  child: ChildProcess;
  baseUrl: string;
  /** The process's last 4,000 characters of output, for a failure's message. */
  output: () => string;
}

/**
 * `sr-hub serve` (with `args`) as an operator runs it, on the database `env` names; resolves once
 * /health answers. Processes starting together on a busy machine compile the Hub's sources each,
 * so becoming healthy may take a while.
 */
export async function startHubProcess(env: NodeJS.ProcessEnv, args: string[] = []): Promise<HubProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Not the test runner's context: a child that inherits it reports to the runner instead of running.
  const { NODE_TEST_CONTEXT: _runner, ...rest } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', ...args], {
    env: { ...rest, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  await eventually(
    'a healthy Hub process',
    async () => {
      if (child.exitCode !== null) assert.fail(`serve exited (${child.exitCode}):\n${output}`);
      return fetch(`${baseUrl}/health`).then(
        (response) => response.status === 200,
        () => false,
      );
    },
    120_000,
  );
  return { child, baseUrl, output: () => output };
}

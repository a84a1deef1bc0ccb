import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';

export interface Row {
  benchmark: string;
  ours: string;
  peer: string;
  ratio: string;
  note: string;
}

/** Starts a bench server in its own process and returns its address once it listens. */
export async function startServer<Info = object>(
  script: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ address: string; info: Info; stop(): Promise<void> }> {
  const child: ChildProcess = fork(new URL(script, import.meta.url).pathname, [], {
    // The Hub's modules as built (servers/shipped-hub.ts); the bench's own through tsx.
    execArgv: ['--import', 'tsx', '--import', new URL('./servers/shipped-hub.ts', import.meta.url).pathname],
    env: { ...process.env, ...env },
  });
  const [message] = (await once(child, 'message')) as [{ address: string } & Info];
  return {
    address: message.address,
    info: message,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Requests per second over a fixed, bounded run on loopback. */
export async function requestsPerSecond(url: string, seconds: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 10, duration: seconds, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The value below which `p` percent of `values` lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Help searches of a bench Hub from its index (built first) or in the database (servers/answer-cache-switch.ts). */
export async function useSearchIndex(address: string, use: boolean): Promise<void> {
  const response = await fetch(`${address}/bench/search-index?use=${use ? 1 : 0}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`search index switch: HTTP ${response.status}`);
}

/** Switches the answer cache of a bench Hub (servers/answer-cache-switch.ts) off or on. */
export async function keepAnswers(address: string, keep: boolean): Promise<void> {
  const response = await fetch(`${address}/bench/answer-cache?keep=${keep ? 1 : 0}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`answer cache switch: HTTP ${response.status}`);
}

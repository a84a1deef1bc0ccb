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
export async function startServer(script: string, env: NodeJS.ProcessEnv = {}): Promise<{ address: string; stop(): Promise<void> }> {
  const child: ChildProcess = fork(new URL(script, import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
  });
  const [message] = (await once(child, 'message')) as [{ address: string }];
  return {
    address: message.address,
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

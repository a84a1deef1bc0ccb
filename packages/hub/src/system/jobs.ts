import type { FastifyBaseLogger } from 'fastify';

/** A job the Hub runs on its own, on an interval. */
export interface ScheduledJob {
  /** Stops the timers and waits for a running round; before the database closes. */
  stop(): Promise<void>;
}

/**
 * Runs `round` at once and then every `intervalMs` (0: never, e.g. in tests that run the round
 * themselves), never two rounds at once. A failed round is logged as `failure` and tried again on
 * the next one: a database that is away for a while must not stop the job. The timers do not
 * keep a process (a test, the CLI) alive.
 */
export function scheduleJob(round: () => Promise<unknown>, intervalMs: number, log: FastifyBaseLogger, failure: string): ScheduledJob {
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= round()
      .catch(() => log.warn(failure))
      .finally(() => (running = undefined));
  };
  if (intervalMs > 0) timers.push(setTimeout(run, 0), setInterval(run, intervalMs));
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await running;
    },
  };
}

/**
 * The running Hub's deletion of what is past its retention period (`what`, e.g. "volunteer
 * responses"): `purge` deletes it and says how many went, which the log then tells.
 */
export function scheduleRetentionPurge(
  what: string,
  purge: () => Promise<number>,
  intervalMs: number,
  log: FastifyBaseLogger,
): ScheduledJob {
  return scheduleJob(
    async () => {
      const count = await purge();
      if (count > 0) log.info({ count }, `${what} past their retention period deleted`);
    },
    intervalMs,
    log,
    `${what}: retention purge failed, retrying on the next round`,
  );
}

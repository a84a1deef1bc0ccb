import type { FastifyBaseLogger } from 'fastify';

/** While the database stays away, a summary of the requests answered 503 at most this often. */
const SUMMARY_INTERVAL_MS = 60_000;

/**
 * The log of a database outage: the first failure at error level with its cause, then only a
 * count (every request fails the same way, and a stack per request would bury the log), and a
 * line when the database answers again.
 */
export class OutageLog {
  #failed = 0;
  #since = 0;
  #lastSummary = 0;

  failed(log: FastifyBaseLogger, error: unknown): void {
    const now = Date.now();
    if (this.#failed === 0) {
      this.#since = now;
      this.#lastSummary = now;
      log.error({ err: error }, 'database unavailable; requests are answered 503 and counted until it answers again');
    } else if (now - this.#lastSummary >= SUMMARY_INTERVAL_MS) {
      this.#lastSummary = now;
      log.warn({ failedRequests: this.#failed, outageMs: now - this.#since }, 'database still unavailable');
    }
    this.#failed += 1;
  }

  /** A request that used the database succeeded: the outage, if there was one, is over. */
  answered(log: FastifyBaseLogger): void {
    if (this.#failed === 0) return;
    log.info({ failedRequests: this.#failed, outageMs: Date.now() - this.#since }, 'database answers again');
    this.#failed = 0;
  }
}

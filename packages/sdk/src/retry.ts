import { HubError } from './errors.js';
import { parseRetryAfter } from './retry-after.js';
import type { Fetch } from './transport.js';

export interface RetryOptions {
  /** Attempts in all, the first one included; 1 turns retrying off. Default 3. */
  maxAttempts: number;
  /** Milliseconds of backoff before the first retry, doubled for each further one. Default 300. */
  baseDelay: number;
  /**
   * The longest single wait, in milliseconds. Default 10 000. When the Hub's `Retry-After` asks
   * for longer, the client does not wait at all: the error is reported at once, with
   * `retryAfter`, so a widget can say "try again in 30 seconds" instead of hanging.
   */
  maxDelay: number;
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 3, baseDelay: 300, maxDelay: 10_000 };

/** Answers that mean "not now" rather than "no": the Hub is rate limiting or briefly down. */
const retryableStatuses = new Set([429, 503]);

/** RFC 9110 §9.2.2: sending these twice has the effect of sending them once. */
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a request may be sent again after a lost answer. POST and PATCH may only when they
 * carry an `Idempotency-Key`: then the Hub counts a repeated request once.
 */
export function isRetryable(request: Request): boolean {
  return idempotentMethods.has(request.method) || request.headers.has('Idempotency-Key');
}

/** Exponential backoff with full jitter: spreads out clients that failed at the same moment. */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number = Math.random): number {
  return random() * Math.min(options.maxDelay, options.baseDelay * 2 ** (retry - 1));
}

/**
 * Milliseconds to wait before retry number `retry` (1 for the first), or `undefined` when the
 * Hub's `Retry-After` asks for longer than `maxDelay` allows.
 */
export function retryDelay(
  retry: number,
  retryAfterSeconds: number | undefined,
  options: RetryOptions,
  random?: () => number,
): number | undefined {
  if (retryAfterSeconds === undefined) return backoffDelay(retry, options, random);
  const delay = retryAfterSeconds * 1000;
  return delay <= options.maxDelay ? delay : undefined;
}

/**
 * Retries idempotent requests on network errors, 429 and 503. Every attempt sends a copy of the
 * same `Request` — a body can be read only once — so headers such as `Idempotency-Key` are the
 * same on each. An abort stops everything at once, also during a wait.
 */
export function withRetries(fetch: Fetch, options: RetryOptions): Fetch {
  return async (request) => {
    if (options.maxAttempts <= 1 || !isRetryable(request)) return fetch(request);
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= options.maxAttempts;
      let delay: number;
      try {
        const response = await fetch(request.clone());
        if (isLast || !retryableStatuses.has(response.status)) return response;
        const wait = retryDelay(attempt, parseRetryAfter(response.headers.get('Retry-After')), options);
        if (wait === undefined) return response;
        // Not read: release the connection now instead of when the body is garbage collected.
        await response.body?.cancel();
        delay = wait;
      } catch (error) {
        if (isLast || !(error instanceof HubError && error.isNetworkError)) throw error;
        delay = backoffDelay(attempt, options);
      }
      await sleep(delay, request.signal);
    }
  };
}

/** Waits `ms` milliseconds; an abort rejects at once with the signal's reason. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

import { createHash } from 'node:crypto';
import { ProblemError } from '../http/problems.js';

/** What an earlier request with the same `Idempotency-Key` did. */
export interface EarlierAction<T> {
  /** The hash of that request's content, to tell a retry from a different request. */
  requestHash: string;
  /** Its answer, given again to every repetition. */
  result: T;
}

export interface OnceOptions<T> {
  requestHash: string;
  /** Reads the action stored under this key, if any. */
  earlier(): Promise<EarlierAction<T> | undefined>;
  /**
   * Checks and stores a new action. Its first write is the row with the key under a unique
   * constraint, so of two racing requests the second waits for the first; it resolves to
   * `undefined` when that row existed already (the other request won).
   */
  act(): Promise<T | undefined>;
  /** The 422's detail when the key was used for a request with other content. */
  reusedDetail: string;
  /** The 409's detail when a racing request with the key vanished (it failed). */
  inFlightDetail: string;
}

/** SHA-256 of a request's content, for `requestHash`. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The earlier action's answer to give again, undefined when there is none; 422 when it had other content. */
async function replay<T>(options: OnceOptions<T>): Promise<{ result: T; replayed: true } | undefined> {
  const before = await options.earlier();
  if (!before) return undefined;
  if (before.requestHash !== options.requestHash) throw new ProblemError('idempotency-key-reused', options.reusedDetail);
  return { result: before.result, replayed: true };
}

/** The action's answer, or, when its row with the key existed already, the earlier one. */
async function actThenReplay<T>(options: OnceOptions<T>): Promise<{ result: T; replayed: boolean }> {
  const result = await options.act();
  if (result !== undefined) return { result, replayed: false };
  const raced = await replay(options);
  if (!raced) throw new ProblemError('conflict', options.inFlightDetail);
  return raced;
}

/**
 * Runs a citizen action once per `Idempotency-Key`: a repeated request gets the first answer
 * (even after the resource closed or the proof expired), the same key with other content is
 * refused, and two requests racing with one key store one action.
 */
export async function once<T>(options: OnceOptions<T>): Promise<{ result: T; replayed: boolean }> {
  const before = await replay(options);
  if (before) return before;
  return actThenReplay(options);
}

/**
 * `once`, writing first: for actions where a new request is the common case (votes), the earlier
 * action is only read when the key turns out to be taken, or when `check` refuses the request —
 * its refusals (closed, proof expired) are for new requests, not for a repetition of one that was
 * done. Saves a read per action; the outcome is the same as `once`'s.
 */
export async function onceWritingFirst<T>(
  options: OnceOptions<T> & { check(): void | Promise<void> },
): Promise<{ result: T; replayed: boolean }> {
  try {
    await options.check();
  } catch (refusal) {
    const before = await replay(options);
    if (before) return before;
    throw refusal;
  }
  return actThenReplay(options);
}

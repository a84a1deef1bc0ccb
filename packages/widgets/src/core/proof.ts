// A citizen's write and its proof of work. The CDN build puts this module, with all it imports
// but the SDK, into the chunk only the poll and the volunteer board load (vite.config.ts): from
// the widget core and Lit it imports types only, or their code would move into that chunk too.
import { newIdempotencyKey, type Schema } from '@smart-region/sdk';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { ReactiveControllerHost } from 'lit';
import type { ErrorMessage } from './errors.js';

export type Proof = Schema<'Proof'>;
type ProofChallenge = Schema<'ProofChallenge'>;

/**
 * The proof of work a citizen's write (a vote, an offer of help) carries: a challenge from the
 * Hub, solved here (ALTCHA, SHA-256 through WebCrypto — about half a second on a phone). It
 * keeps bots from writing in bulk without a captcha, a cookie or any third party.
 */
export async function solveProof(challenge: ProofChallenge, signal?: AbortSignal): Promise<Proof> {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const solution = await solveChallenge({ challenge: challenge, deriveKey, controller });
  if (!solution) throw signal?.reason ?? new Error('The proof-of-work challenge could not be solved.');
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** Whether a proof's challenge has expired (or will within a few seconds, on its way to the Hub). */
export function expired(proof: Proof): boolean {
  const expiresAt = proof.challenge.parameters.expiresAt;
  return expiresAt !== undefined && expiresAt * 1000 < Date.now() + 5000;
}

/** Whether the Hub refused a proof (expired, or used already): a new one may succeed. */
const isProofRefused = (error: unknown) => (error as { type?: string } | null)?.type?.endsWith('/proof-invalid') ?? false;

/**
 * One proof at a time for one form (kept inside `CitizenWrite`): started when the reader turns
 * to the form, so it is ready when they send; made anew when it expired or the Hub refused it.
 */
class ProofSolver {
  #proof: Promise<Proof> | undefined;

  constructor(private readonly challenge: () => Promise<ProofChallenge> | undefined) {}

  /** Starts solving, unless a proof is on its way. */
  prepare(): void {
    if (this.#proof) return;
    const challenge = this.challenge();
    if (!challenge) return;
    const proof = challenge.then((value) => solveProof(value));
    // A failed attempt is made again at the next send.
    proof.catch(() => {
      if (this.#proof === proof) this.#proof = undefined;
    });
    this.#proof = proof;
  }

  /**
   * Sends `write` with a proof that has not expired; when the Hub refuses it (expired on the way,
   * or spent by an attempt whose answer was lost), once more with a new one.
   */
  async send<T>(write: (proof: Proof) => Promise<T>): Promise<T> {
    try {
      return await write(await this.#fresh());
    } catch (error) {
      if (!isProofRefused(error)) throw error;
      return write(await this.#fresh(true));
    }
  }

  /** A proof that has not expired; `renew` after the Hub refused the last one. */
  async #fresh(renew = false): Promise<Proof> {
    if (renew) this.#proof = undefined;
    this.prepare();
    if (!this.#proof) throw new Error('No Hub to get a proof-of-work challenge from.');
    const proof = await this.#proof;
    return expired(proof) ? this.#fresh(true) : proof;
  }

  /** The proof was used: the next send needs a new one. */
  used(): void {
    this.#proof = undefined;
  }
}

/** Why a citizen's write was not taken, said so that they know what to do. */
export type WriteFailure = ErrorMessage & {
  /** The Hub had the write already (a retry after a lost answer): show it as sent. */
  sent?: boolean;
};

/**
 * A failure the widget has no words of its own for (`message`, from `errorMessage`), said the
 * same way by every form: what was not sent (`notSent`, e.g. "Ihre Stimme wurde nicht
 * gezählt."), that the input is kept (`kept`), then why and whether trying again may help.
 */
export function notSentFailure({ title, detail, canRetry }: ErrorMessage, notSent: string, kept: string): WriteFailure {
  return { title: `${notSent} ${title}`, detail: `${kept} ${detail}`, canRetry };
}

/**
 * Writes taken during this page visit, by target (a poll, a volunteer need, by id), with the
 * Hub's answer (`null` when it had the write already). Another widget on the page for the same
 * target, or the same one shown again, shows it as sent instead of offering the form once more.
 * Nothing is stored beyond the page (no cookie, no storage).
 */
const sentThisVisit = new Map<string, unknown>();

/** What a write sends besides its body. */
export interface WriteCredentials {
  /** The same through every retry of one write, so the Hub stores it once. */
  idempotencyKey: string;
  /** The proof of work, unless the write was sent without (`proof: false`). */
  proof?: Proof;
}

export interface CitizenWriteOptions {
  /** The proof-of-work challenge for a target; `undefined` when there is nothing to ask yet. */
  challenge(target: string): Promise<ProofChallenge> | undefined;
  /** A failed write in the citizen's words; `undefined` when the widget shows it itself (at the fields). */
  failure(error: unknown): WriteFailure | undefined;
}

/**
 * A citizen's write without an account (a vote, an offer of help), the same way in every form:
 * one idempotency key per write, kept through retries until the Hub has it, so a retry is
 * stored once; a proof of work started when the reader turns to the form; the state of sending
 * and why it failed, rendered by its host (each change requests an update); and what was sent
 * during this page visit.
 */
export class CitizenWrite<Result> {
  #target: string | undefined;
  #key: string | undefined;
  #sending = false;
  #failure: WriteFailure | undefined;
  readonly #proof: ProofSolver;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CitizenWriteOptions,
  ) {
    this.#proof = new ProofSolver(() => (this.#target === undefined ? undefined : options.challenge(this.#target)));
  }

  /** A write is on its way: the form says so and does not send twice. */
  get sending(): boolean {
    return this.#sending;
  }

  /** Why the last write failed, or what the form found missing before sending. */
  get failure(): WriteFailure | undefined {
    return this.#failure;
  }

  set failure(failure: WriteFailure | undefined) {
    this.#failure = failure;
    this.host.requestUpdate();
  }

  /** Whether a write to `target` was taken during this page visit. */
  sent(target: string): boolean {
    return sentThisVisit.has(target);
  }

  /** The Hub's answer to that write; `undefined` when it had the write already. */
  result(target: string): Result | undefined {
    return (sentThisVisit.get(target) ?? undefined) as Result | undefined;
  }

  /**
   * The form writes to `target` now: another target than before starts afresh (key, proof,
   * message). The first keeps a message the form showed before (a choice missing).
   */
  use(target: string): void {
    if (target === this.#target) return;
    if (this.#target !== undefined) {
      this.#key = undefined;
      this.#proof.used();
      this.failure = undefined;
    }
    this.#target = target;
  }

  /**
   * The write to the same target changes after the Hub refused it (a sign-up's shifts, after one
   * filled up): the next send is another write, with a new key, and a new proof starts now.
   */
  renew(): void {
    this.#key = undefined;
    this.#proof.used();
    this.#proof.prepare();
  }

  /** The reader turned to the form for `target`: the proof of work starts, to be ready when they send. */
  prepare(target: string): void {
    this.use(target);
    this.#proof.prepare();
  }

  /**
   * Sends `write` for `target` with its credentials; a proof the Hub refused is made anew once.
   * Resolves `true` when the Hub took the write now, `false` when it failed (see `failure`) or
   * had it already (then `sent(target)` holds).
   */
  async send(target: string, write: (credentials: WriteCredentials) => Promise<Result>, { proof = true } = {}): Promise<boolean> {
    if (this.#sending) return false;
    this.use(target);
    this.#sending = true;
    this.failure = undefined;
    const idempotencyKey = (this.#key ??= newIdempotencyKey());
    try {
      this.#taken(
        target,
        proof ? await this.#proof.send((value) => write({ idempotencyKey, proof: value })) : await write({ idempotencyKey }),
      );
      return true;
    } catch (error) {
      const failure = this.options.failure(error);
      if (failure?.sent) this.#taken(target, null);
      else this.failure = failure;
      return false;
    } finally {
      this.#sending = false;
      this.host.requestUpdate();
    }
  }

  #taken(target: string, result: Result | null): void {
    sentThisVisit.set(target, result);
    this.#key = undefined;
    this.#proof.used();
    this.failure = undefined;
  }
}

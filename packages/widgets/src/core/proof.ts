import type { Schema } from '@smart-region/sdk';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

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
  const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey, controller });
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
 * One proof at a time for one form: started when the reader turns to the form, so it is ready
 * when they send; made anew when it expired or the Hub refused it.
 */
export class ProofSolver {
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

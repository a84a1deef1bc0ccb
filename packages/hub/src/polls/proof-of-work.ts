import { createHmac, randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Schemas } from '../http/api.js';
import { ProblemError } from '../http/problems.js';

/**
 * How hard a challenge is. The solver tries counters from 0 up to a secret one the Hub picked
 * in `[minCounter, maxCounter]`; with one SHA-256 per try through WebCrypto, the default range
 * (about 17,500 tries on average) takes a phone roughly half a second to a second and a laptop
 * a fraction of that. The Hub's own check is two HMACs whatever the difficulty.
 */
export interface ProofDifficulty {
  minCounter: number;
  maxCounter: number;
}

export const defaultProofDifficulty: ProofDifficulty = { minCounter: 10_000, maxCounter: 25_000 };

/** A challenge is valid this long: enough to pick options and vote, short enough to keep few used ones. */
export const CHALLENGE_LIFETIME_SECONDS = 5 * 60;

export interface VerifiedProof {
  /** The challenge's signature: stored once used, so the same solution cannot vote twice. */
  signature: string;
  expiresAt: Date;
}

/**
 * ALTCHA (version 2) challenges bound to one poll. Deterministic mode: the Hub knows the answer's
 * key and signs it (`keySignature`), so checking a solution costs two HMACs, not a key derivation.
 */
export class ProofOfWork {
  readonly #signatureSecret: string;
  readonly #keySecret: string;
  readonly #difficulty: ProofDifficulty;

  /** Without a secret, one is made per process: challenges then do not survive a restart. */
  constructor(secret: string | undefined, difficulty: ProofDifficulty = defaultProofDifficulty) {
    const master = secret ?? randomBytes(32).toString('base64url');
    this.#signatureSecret = createHmac('sha256', master).update('altcha challenge signature').digest('hex');
    this.#keySecret = createHmac('sha256', master).update('altcha key signature').digest('hex');
    this.#difficulty = difficulty;
  }

  async challenge(pollId: string): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(this.#difficulty.maxCounter, this.#difficulty.minCounter),
      data: { pollId },
      deriveKey,
      expiresAt: Math.floor(Date.now() / 1000) + CHALLENGE_LIFETIME_SECONDS,
      hmacSignatureSecret: this.#signatureSecret,
      hmacKeySignatureSecret: this.#keySecret,
    });
  }

  /** Checks a proof sent with a vote; every way it can be wrong is a 422 that says what to do. */
  async verify(proof: Schemas['VoteProof'], pollId: string): Promise<VerifiedProof> {
    const { challenge, solution } = proof;
    const invalid = (reason: string) => new ProblemError('proof-invalid', `${reason} Get a new challenge from /polls/${pollId}/challenge and solve it.`);
    if (challenge.parameters.data?.pollId !== pollId) throw invalid('The proof belongs to another poll.');
    // Only the Hub's own kind of challenge: anything else was not made here (and could be costly to check).
    if (challenge.parameters.algorithm !== 'SHA-256' || !challenge.parameters.keySignature || challenge.parameters.expiresAt === undefined) {
      throw invalid('The proof is not for a challenge of this Hub.');
    }
    let result;
    try {
      result = await verifySolution({
        challenge: challenge as Challenge,
        solution: { counter: solution.counter, derivedKey: solution.derivedKey },
        deriveKey,
        hmacSignatureSecret: this.#signatureSecret,
        hmacKeySignatureSecret: this.#keySecret,
      });
    } catch {
      // altcha-lib throws on malformed parameters (a hex field that is not hex, …).
      throw invalid('The proof is malformed.');
    }
    if (result.expired) throw invalid('The proof has expired.');
    if (result.invalidSignature) throw invalid('The challenge was not issued by this Hub or was changed.');
    if (!result.verified) throw invalid('The solution does not solve the challenge.');
    return { signature: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
  }
}

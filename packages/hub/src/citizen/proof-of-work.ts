import { createHmac, randomBytes } from 'node:crypto';
import { createChallenge, randomInt, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { ProblemError } from '../http/problems.js';

/**
 * How hard a challenge is. The solver tries counters from 0 up to a secret one the Hub picked
 * in `[minCounter, maxCounter]`; with one SHA-256 per try through WebCrypto, the default range
 * (about 17,500 tries on average) takes a phone roughly half a second to a second and a laptop
 * a fraction of that. The Hub's own check is one HMAC and one SHA-256 whatever the difficulty.
 */
export interface ProofDifficulty {
  minCounter: number;
  maxCounter: number;
}

export const defaultProofDifficulty: ProofDifficulty = { minCounter: 10_000, maxCounter: 25_000 };

/** A challenge is valid this long: enough to fill in a form, short enough to keep few used ones. */
export const CHALLENGE_LIFETIME_SECONDS = 5 * 60;

/** Used proofs are kept until their challenge expires; at most this often the expired ones go. */
const PRUNE_INTERVAL_MS = 60_000;

/** What a challenge is for: one citizen action on one resource. */
export interface ProofSubject {
  /** Signed into the challenge, e.g. `{ pollId }`: a proof for one resource is refused for another. */
  data: Record<string, string>;
  /** The resource in words, e.g. `poll`. */
  noun: string;
  /** The action in words, e.g. `a vote`. */
  action: string;
  /** Where a new challenge comes from, e.g. `/polls/{id}/challenge`. */
  challengePath: string;
}

export interface VerifiedProof {
  /** The challenge's signature: stored once used, so the same solution cannot act twice. */
  signature: string;
  expiresAt: Date;
}

/**
 * ALTCHA (version 2) challenges bound to one resource, made in deterministic mode (the Hub picks
 * the answer's counter). A solution is checked by deriving its key from its `counter` (one
 * SHA-256 at cost 1) and matching it against the submitted key and the signed key prefix, so the
 * counter the contract asks for is the proof, not a field nobody reads; the key-signature shortcut
 * of altcha-lib would accept any counter with the right key. Every citizen write without an
 * account (votes, volunteer responses) uses one.
 */
export class ProofOfWork {
  readonly #signatureSecret: string;
  readonly #keySecret: string;
  readonly #difficulty: ProofDifficulty;
  #lastPruned = 0;

  /** Without a secret, one is made per process: challenges then do not survive a restart. */
  constructor(secret: string | undefined, difficulty: ProofDifficulty = defaultProofDifficulty) {
    const master = secret ?? randomBytes(32).toString('base64url');
    this.#signatureSecret = createHmac('sha256', master).update('altcha challenge signature').digest('hex');
    this.#keySecret = createHmac('sha256', master).update('altcha key signature').digest('hex');
    this.#difficulty = difficulty;
  }

  /**
   * A signed challenge, as the contract's `ProofChallenge` requires. altcha-lib makes the
   * parameters (nonce, salt, the key prefix of the secret counter); they are signed as its
   * `signChallenge` signs them (key signature over the derived key, signature over the sorted
   * parameters' JSON), with node:crypto's synchronous HMAC instead of two WebCrypto jobs.
   */
  async challenge(subject: ProofSubject): Promise<Schemas['ProofChallenge']> {
    const counter = randomInt(this.#difficulty.maxCounter, this.#difficulty.minCounter);
    const { parameters } = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter,
      data: subject.data,
      deriveKey,
      expiresAt: Math.floor(Date.now() / 1000) + CHALLENGE_LIFETIME_SECONDS,
    });
    const { derivedKey } = await deriveKey(parameters, hexBytes(parameters.salt), password(parameters.nonce, counter));
    const keySignature = createHmac('sha256', this.#keySecret).update(derivedKey).digest('hex');
    const signed = sortKeys({ ...parameters, keySignature }) as Schemas['ProofChallenge']['parameters'];
    return { parameters: signed, signature: createHmac('sha256', this.#signatureSecret).update(JSON.stringify(signed)).digest('hex') };
  }

  /** Checks a proof sent with a citizen action; every way it can be wrong is a 422 that says what to do. */
  async verify(proof: Schemas['VoteProof'], subject: ProofSubject): Promise<VerifiedProof> {
    const { challenge, solution } = proof;
    const invalid = (reason: string) =>
      new ProblemError('proof-invalid', `${reason} Get a new challenge from ${subject.challengePath} and solve it.`);
    const data = challenge.parameters.data ?? {};
    if (Object.entries(subject.data).some(([name, value]) => data[name] !== value))
      throw invalid(`The proof belongs to another ${subject.noun}.`);
    // Only the Hub's own kind of challenge: anything else was not made here (and could be costly to check).
    if (
      challenge.parameters.algorithm !== 'SHA-256' ||
      !challenge.parameters.keySignature ||
      challenge.parameters.expiresAt === undefined
    ) {
      throw invalid('The proof is not for a challenge of this Hub.');
    }
    let verdict;
    try {
      verdict = await checkSolution(challenge, solution, this.#signatureSecret);
    } catch {
      // As altcha-lib, on malformed parameters (a hex field that is not hex, …).
      throw invalid('The proof is malformed.');
    }
    if (verdict === 'expired') throw invalid('The proof has expired.');
    if (verdict === 'invalid-signature') throw invalid('The challenge was not issued by this Hub or was changed.');
    if (verdict === 'invalid-solution') throw invalid('The solution does not solve the challenge.');
    return { signature: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
  }

  /**
   * Marks a verified proof used, inside the action's transaction: of two actions with one
   * solution, the second waits for the first and is then refused.
   */
  async spend(trx: Kysely<Database>, proof: VerifiedProof, subject: ProofSubject): Promise<void> {
    const spent = await trx
      .insertInto('used_proofs')
      .values({ signature: proof.signature, expires_at: proof.expiresAt })
      .onConflict((conflict) => conflict.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    if (!spent) throw this.alreadyUsed(subject);
  }

  /** The refusal of a proof that was spent before (by `spend`, or by a statement of the action's own). */
  alreadyUsed(subject: ProofSubject): ProblemError {
    return new ProblemError(
      'proof-invalid',
      `This proof was already used for ${subject.action}. Get a new challenge from ${subject.challengePath} and solve it.`,
    );
  }

  /** Forgets used proofs whose challenge has expired (they are refused anyway); at most once a minute. */
  pruneUsed(db: Kysely<Database>): void {
    if (Date.now() - this.#lastPruned < PRUNE_INTERVAL_MS) return;
    this.#lastPruned = Date.now();
    // Best effort: a failure only means the table is pruned next time.
    void sql`DELETE FROM used_proofs WHERE expires_at < now()`.execute(db).catch(() => undefined);
  }
}

/** What `checkSolution` found, in altcha-lib's order of checks. */
export type SolutionVerdict = 'expired' | 'invalid-signature' | 'invalid-solution' | 'verified';

/** altcha-lib's comparison of two strings in constant time (code unit by code unit). */
function constantTimeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/** altcha-lib's `hexToBuffer`: throws on an odd length or a character that is not hex. */
function hexBytes(hex: unknown): Buffer {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not a hex string');
  return Buffer.from(hex, 'hex');
}

/** altcha-lib's `sortKeys`: object keys in order, recursively, undefined values left out (arrays as they are). */
function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((key) => {
        const entry = (value as Record<string, unknown>)[key];
        return entry === undefined ? [] : [[key, sortKeys(entry)]];
      }),
  );
}

const MAX_UINT32 = 0xffffffff;

/** altcha-lib's password for a counter: the nonce's bytes, then the counter as a 32-bit big-endian integer. */
function password(nonce: string, counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return Buffer.concat([hexBytes(nonce), bytes]);
}

/**
 * altcha-lib's `verifySolution` (version 2.8, no key-signature secret, counters as 32-bit
 * integers, HMAC-SHA-256) with node:crypto's synchronous HMAC instead of WebCrypto's, which runs
 * every HMAC as an asynchronous job (a tenth of the Hub's CPU on open polls). Same checks in the
 * same order: expiry, signature over the parameters' canonical JSON, the solution's form, then
 * the key derived from the counter must be the submitted one and start with the signed prefix.
 * Throws where altcha-lib throws (malformed hex, an unknown algorithm for the key). A test holds
 * it to altcha-lib's own verdicts.
 */
export async function checkSolution(
  challenge: Challenge,
  solution: { counter: number; derivedKey: string },
  signatureSecret: string,
  nowSeconds = Date.now() / 1000,
): Promise<SolutionVerdict> {
  const { parameters } = challenge;
  if (parameters.expiresAt && parameters.expiresAt < nowSeconds) return 'expired';
  if (!challenge.signature) return 'invalid-signature';
  const expected = createHmac('sha256', signatureSecret)
    .update(JSON.stringify(sortKeys(parameters)))
    .digest('hex');
  if (!constantTimeEqual(challenge.signature, expected)) return 'invalid-signature';
  const { counter, derivedKey: submitted } = solution ?? {};
  if (typeof submitted !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(submitted)) return 'invalid-solution';
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_UINT32) return 'invalid-solution';
  const { derivedKey } = await deriveKey(parameters, hexBytes(parameters.salt), password(parameters.nonce, counter));
  const derivedHex = Buffer.from(derivedKey).toString('hex');
  const prefix = parameters.keyPrefix;
  const prefixMatches =
    prefix.length % 2 === 0
      ? Buffer.from(derivedKey)
          .subarray(0, prefix.length / 2)
          .equals(hexBytes(prefix))
      : derivedHex.startsWith(prefix.toLowerCase());
  return constantTimeEqual(derivedHex, submitted) && prefixMatches ? 'verified' : 'invalid-solution';
}

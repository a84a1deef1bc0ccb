import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { createChallenge, solveChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { checkSolution, ProofOfWork, type SolutionVerdict } from '../src/citizen/proof-of-work.js';
import { ProblemError } from '../src/http/problems.js';

const SECRET = 'signature secret of this test';
const subject = {
  data: { pollId: '3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11' },
  noun: 'poll',
  action: 'a vote',
  challengePath: '/polls/x/challenge',
};

type Solution = { counter: number; derivedKey: string };

async function solved(challenge: Challenge): Promise<Solution> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  assert.ok(solution, 'the solver found no solution');
  return { counter: solution.counter, derivedKey: solution.derivedKey };
}

/** altcha-lib's own verdict, in the words of `checkSolution`; 'throws' when it throws. */
async function altchaVerdict(challenge: Challenge, solution: Solution): Promise<SolutionVerdict | 'throws'> {
  try {
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: SECRET });
    if (result.expired) return 'expired';
    if (result.invalidSignature) return 'invalid-signature';
    return result.verified ? 'verified' : 'invalid-solution';
  } catch {
    return 'throws';
  }
}

async function ourVerdict(challenge: Challenge, solution: Solution): Promise<SolutionVerdict | 'throws'> {
  return checkSolution(challenge, solution, SECRET).catch(() => 'throws' as const);
}

/** Hex text with its first digit changed (a fixed replacement would leave it as it was when it already starts so). */
const flipped = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);

const withParameters = (challenge: Challenge, change: Record<string, unknown>): Challenge => ({
  ...challenge,
  parameters: { ...challenge.parameters, ...change },
});

describe('proof of work', () => {
  test('checkSolution gives altcha-lib’s verdict on solved, tampered and malformed proofs', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 300;
    const kinds = [
      { algorithm: 'SHA-256', cost: 1, counter: 7, expiresAt, data: subject.data },
      // Several rounds of the key derivation, a shorter key, no data, no expiry.
      { algorithm: 'SHA-256', cost: 3, counter: 0, keyLength: 16 },
      // Not deterministic: an odd-length prefix the solver searches for, compared as hex.
      { algorithm: 'SHA-256', cost: 1, keyPrefix: 'A0f', expiresAt },
      // Expired long ago.
      { algorithm: 'SHA-256', cost: 1, counter: 3, expiresAt: 1_000 },
    ] as const;
    let checked = 0;
    for (const kind of kinds) {
      const expired = 'expiresAt' in kind && kind.expiresAt === 1_000;
      const challenge = await createChallenge({ ...kind, deriveKey, hmacSignatureSecret: SECRET, hmacKeySignatureSecret: 'key secret' });
      const solution = expired ? { counter: 3, derivedKey: 'ab'.repeat(32) } : await solved(challenge);
      const cases: [string, Challenge, Solution][] = [
        ['as solved', challenge, solution],
        ['next counter', challenge, { ...solution, counter: solution.counter + 1 }],
        ['other key', challenge, { ...solution, derivedKey: flipped(solution.derivedKey) }],
        ['key in upper case', challenge, { ...solution, derivedKey: solution.derivedKey.toUpperCase() }],
        ['key of odd length', challenge, { ...solution, derivedKey: solution.derivedKey.slice(1) }],
        ['key not hex', challenge, { ...solution, derivedKey: `zz${solution.derivedKey.slice(2)}` }],
        ['counter not an integer', challenge, { ...solution, counter: solution.counter + 0.5 }],
        ['counter beyond 32 bits', challenge, { ...solution, counter: 2 ** 32 + solution.counter }],
        ['negative counter', challenge, { ...solution, counter: -1 }],
        ['no signature', { ...challenge, signature: '' }, solution],
        ['signature changed', { ...challenge, signature: flipped(challenge.signature!) }, solution],
        ['signature in upper case', { ...challenge, signature: challenge.signature!.toUpperCase() }, solution],
        ['data changed', withParameters(challenge, { data: { pollId: 'another' } }), solution],
        ['expiry moved', withParameters(challenge, { expiresAt: expiresAt + 3600 }), solution],
        ['expired', withParameters(challenge, { expiresAt: 1_000 }), solution],
        ['prefix changed', withParameters(challenge, { keyPrefix: '00' }), solution],
        [
          'parameters in another order',
          { ...challenge, parameters: Object.fromEntries(Object.entries(challenge.parameters).reverse()) as Challenge['parameters'] },
          solution,
        ],
      ];
      for (const [name, tampered, sent] of cases) {
        assert.equal(await ourVerdict(tampered, sent), await altchaVerdict(tampered, sent), `${JSON.stringify(kind)}: ${name}`);
        checked++;
      }
      if (!expired) assert.equal(await ourVerdict(challenge, solution), 'verified');
    }
    assert.equal(checked, kinds.length * 17);
  });

  test('the Hub’s challenges are signed as altcha-lib signs them: its verifySolution accepts their solutions by either check', async () => {
    const master = 'hub secret';
    // The secrets ProofOfWork derives from its master secret.
    const secret = (purpose: string) => createHmac('sha256', master).update(purpose).digest('hex');
    const proofOfWork = new ProofOfWork(master, { minCounter: 1, maxCounter: 40 });
    const challenge = await proofOfWork.challenge(subject);
    assert.deepEqual(Object.keys(challenge.parameters), Object.keys(challenge.parameters).sort());
    const solution = await solved(challenge);
    const bySignature = { challenge, solution, deriveKey, hmacSignatureSecret: secret('altcha challenge signature') };
    // With the key-signature secret altcha-lib checks the derived key against the challenge's key signature.
    assert.equal((await verifySolution({ ...bySignature, hmacKeySignatureSecret: secret('altcha key signature') })).verified, true);
    assert.equal((await verifySolution(bySignature)).verified, true);
    const otherKey = { ...solution, derivedKey: `00${solution.derivedKey.slice(2)}` };
    assert.equal(
      (await verifySolution({ ...bySignature, solution: otherKey, hmacKeySignatureSecret: secret('altcha key signature') })).verified,
      false,
    );
  });

  test('a proof made by altcha-lib’s solver is accepted once checked; a tampered one is refused with a 422', async () => {
    const proofOfWork = new ProofOfWork('hub secret', { minCounter: 1, maxCounter: 40 });
    const challenge = await proofOfWork.challenge(subject);
    const solution = await solved(challenge);
    const verified = await proofOfWork.verify({ challenge, solution }, subject);
    assert.equal(verified.signature, challenge.signature);
    assert.equal(verified.expiresAt.getTime(), challenge.parameters.expiresAt! * 1000);

    const refusals: [string, Parameters<ProofOfWork['verify']>[0], string][] = [
      ['a counter that is not the one solved', { challenge, solution: { ...solution, counter: solution.counter + 1 } }, 'does not solve'],
      ['a changed key', { challenge, solution: { ...solution, derivedKey: flipped(solution.derivedKey) } }, 'does not solve'],
      ['a changed signature', { challenge: { ...challenge, signature: flipped(challenge.signature) }, solution }, 'not issued by this Hub'],
      [
        'a changed salt',
        { challenge: withParameters(challenge, { salt: '00'.repeat(16) }) as typeof challenge, solution },
        'not issued by this Hub',
      ],
      [
        'a nonce that is not hex',
        { challenge: withParameters(challenge, { nonce: 'xyz' }) as typeof challenge, solution },
        'not issued by this Hub',
      ],
    ];
    for (const [name, proof, reason] of refusals) {
      await assert.rejects(proofOfWork.verify(proof, subject), (error: unknown) => {
        assert.ok(error instanceof ProblemError, name);
        assert.equal(error.problem.status, 422, name);
        assert.match(error.message, new RegExp(reason), name);
        return true;
      });
    }
    // Another Hub's secret, another poll.
    await assert.rejects(new ProofOfWork('another secret').verify({ challenge, solution }, subject), /not issued by this Hub/);
    await assert.rejects(
      proofOfWork.verify({ challenge, solution }, { ...subject, data: { pollId: 'another' } }),
      /belongs to another poll/,
    );
  });
});

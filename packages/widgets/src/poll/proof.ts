import type { components, HubClient } from '@smart-region/sdk';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

export type VoteProof = components['schemas']['VoteProof'];

/**
 * The proof of work an open poll asks for with each vote: a challenge from the Hub, solved
 * here (ALTCHA, SHA-256 through WebCrypto — about half a second on a phone). It keeps bots
 * from voting in bulk without a captcha, a cookie or any third party.
 */
export async function solveProof(hub: HubClient, pollId: string, signal?: AbortSignal): Promise<VoteProof> {
  const challenge = await hub.GET('/polls/{pollId}/challenge', { params: { path: { pollId } }, signal });
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey, controller });
  if (!solution) throw signal?.reason ?? new Error('The proof-of-work challenge could not be solved.');
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** Whether a proof's challenge has expired (or will within a few seconds, on its way to the Hub). */
export function expired(proof: VoteProof): boolean {
  const expiresAt = proof.challenge.parameters.expiresAt;
  return expiresAt !== undefined && expiresAt * 1000 < Date.now() + 5000;
}

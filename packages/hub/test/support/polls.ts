import type { Schema } from '@smart-region/sdk';
import type { Challenge } from 'altcha-lib';
import { expectDocumented } from './contract.js';
import type { TestHub } from './hub.js';
import { citizenPost, jsonWithKey, organizationWrites, solvedProof, type SolvedProof } from './writes.js';
import { fromNow } from './clock.js';

export type PollJson = Schema<'Poll'>;

/** A poll body open now; tests override what they are about. */
export function pollBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    question: 'Wo soll die neue Bank stehen?',
    options: [{ label: 'Am Brunnen' }, { label: 'An der Kirche' }, { label: 'Am Spielplatz' }],
    opensAt: fromNow(-3_600_000),
    closesAt: fromNow(86_400_000),
    municipalityId: 'eisingen',
    ...overrides,
  };
}

/**
 * Helpers bound to one test Hub. Codes and tallies are made with `organizerKey`: a key of the
 * poll's organization with `poll-codes:manage` (a region admin, and so the admin token, makes none).
 */
export function pollClient(hub: TestHub, organizerKey = hub.adminToken) {
  return {
    ...organizationWrites(hub, 'polls', 'createPoll'),
    patch(pollId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}`, { method: 'PATCH', headers: jsonWithKey(key), body: JSON.stringify(body) });
    },
    vote(pollId: string, body: unknown, idempotencyKey?: string | null): Promise<Response> {
      return citizenPost(hub, `/polls/${pollId}/votes`, body, idempotencyKey);
    },
    async codes(pollId: string, count: number, key = organizerKey): Promise<string[]> {
      const response = await fetch(`${hub.baseUrl}/polls/${pollId}/codes`, {
        method: 'POST',
        headers: jsonWithKey(key),
        body: JSON.stringify({ count }),
      });
      return (await expectDocumented(response, 'createPollCodes', 201)).codes;
    },
    async challenge(pollId: string): Promise<Challenge> {
      return await expectDocumented(await fetch(`${hub.baseUrl}/polls/${pollId}/challenge`), 'getPollChallenge');
    },
    /** A solved challenge, as a widget sends it: the work really is done here. */
    proof(pollId: string): Promise<SolvedProof> {
      return solvedProof(hub, `/polls/${pollId}/challenge`);
    },
    tally(pollId: string, body: unknown, key = organizerKey): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}/tallies`, { method: 'POST', headers: jsonWithKey(key), body: JSON.stringify(body) });
    },
    patchTally(pollId: string, tallyId: string, body: unknown, key = organizerKey): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}/tallies/${tallyId}`, {
        method: 'PATCH',
        headers: jsonWithKey(key),
        body: JSON.stringify(body),
      });
    },
    async results(pollId: string, key?: string): Promise<Results> {
      return expectDocumented(
        await fetch(`${hub.baseUrl}/polls/${pollId}/results`, key ? { headers: { authorization: `Bearer ${key}` } } : {}),
        'getPollResults',
      );
    },
  };
}

export type Results = Schema<'PollResults'>;

/** Online counts per option label. */
export function onlineByLabel(results: Results): Record<string, number> {
  return Object.fromEntries((results.options ?? []).map((option) => [option.label, option.online]));
}

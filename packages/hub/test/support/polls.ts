import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { TestHub } from './hub.js';

export interface PollJson {
  id: string;
  status: string;
  options: { id: string; label: string }[];
  [key: string]: unknown;
}

/** A poll body open now; tests override what they are about. */
export function pollBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    question: 'Wo soll die neue Bank stehen?',
    options: [{ label: 'Am Brunnen' }, { label: 'An der Kirche' }, { label: 'Am Spielplatz' }],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    municipalityId: 'eisingen',
    ...overrides,
  };
}

/** Helpers bound to one test Hub. */
export function pollClient(hub: TestHub) {
  const json = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  return {
    async organizationId(name: string): Promise<string> {
      const page = await (await fetch(`${hub.baseUrl}/organizations?limit=100`)).json();
      const found = page.items.find((item: { name: string }) => item.name === name);
      assert.ok(found, `example organization ${name}`);
      return found.id;
    },
    create(organizationId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/polls`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
    },
    async created(organizationId: string, body: unknown): Promise<PollJson> {
      const response = await this.create(organizationId, body);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return JSON.parse(text);
    },
    patch(pollId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}`, { method: 'PATCH', headers: json(key), body: JSON.stringify(body) });
    },
    vote(pollId: string, body: unknown, idempotencyKey: string | null = randomUUID()): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      return fetch(`${hub.baseUrl}/polls/${pollId}/votes`, { method: 'POST', headers, body: JSON.stringify(body) });
    },
    async codes(pollId: string, count: number, key = hub.adminToken): Promise<string[]> {
      const response = await fetch(`${hub.baseUrl}/polls/${pollId}/codes`, { method: 'POST', headers: json(key), body: JSON.stringify({ count }) });
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return JSON.parse(text).codes;
    },
    async challenge(pollId: string): Promise<Challenge> {
      const response = await fetch(`${hub.baseUrl}/polls/${pollId}/challenge`);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return JSON.parse(text);
    },
    /** A solved challenge, as a widget sends it: the work really is done here. */
    async proof(pollId: string): Promise<{ challenge: Challenge; solution: { counter: number; derivedKey: string } }> {
      const challenge = await this.challenge(pollId);
      const solution = await solveChallenge({ challenge, deriveKey });
      assert.ok(solution, 'the challenge is solvable');
      return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
    },
    tally(pollId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}/tallies`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
    },
    patchTally(pollId: string, tallyId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/polls/${pollId}/tallies/${tallyId}`, { method: 'PATCH', headers: json(key), body: JSON.stringify(body) });
    },
    async results(pollId: string, key?: string): Promise<Results> {
      const response = await fetch(`${hub.baseUrl}/polls/${pollId}/results`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return JSON.parse(text);
    },
  };
}

export interface Results {
  visible: boolean;
  hiddenUntil: string | null;
  status: string;
  participants: { online: number; inPerson: number; postal: number; total: number } | null;
  options: { optionId: string; label: string; online: number; inPerson: number; postal: number; total: number; share: number }[] | null;
}

/** Online counts per option label. */
export function onlineByLabel(results: Results): Record<string, number> {
  return Object.fromEntries((results.options ?? []).map((option) => [option.label, option.online]));
}

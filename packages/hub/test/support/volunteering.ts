import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { TestHub } from './hub.js';

export interface NeedJson {
  id: string;
  status: string;
  peopleNeeded: number;
  peopleStillNeeded: number;
  privacyNotice: { url: string; version: string } | null;
  organization: { organizationId: string; name: string };
  [key: string]: unknown;
}

/** A need body open now; tests override what they are about. */
export function needBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Helfende für das Sommerfest',
    description: 'Aufbau, Ausschank und Abbau.',
    municipalityId: 'hoechberg',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 4 * 3_600_000).toISOString(),
    skills: ['Aufbau'],
    peopleNeeded: 2,
    ...overrides,
  };
}

/** Helpers bound to one test Hub. */
export function volunteerClient(hub: TestHub) {
  const json = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  return {
    async organizationId(name: string): Promise<string> {
      const page = await (await fetch(`${hub.baseUrl}/organizations?limit=100`)).json();
      const found = page.items.find((item: { name: string }) => item.name === name);
      assert.ok(found, `example organization ${name}`);
      return found.id;
    },
    create(organizationId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-needs`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
    },
    async created(organizationId: string, body: unknown = needBody()): Promise<NeedJson> {
      const response = await this.create(organizationId, body);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return JSON.parse(text);
    },
    patch(needId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}`, { method: 'PATCH', headers: json(key), body: JSON.stringify(body) });
    },
    async need(needId: string): Promise<NeedJson> {
      return (await fetch(`${hub.baseUrl}/volunteer-needs/${needId}`)).json();
    },
    /** A solved challenge, as the widget sends it: the work really is done here. */
    async proof(needId: string): Promise<unknown> {
      const response = await fetch(`${hub.baseUrl}/volunteer-needs/${needId}/challenge`);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      const challenge = JSON.parse(text);
      const solution = await solveChallenge({ challenge, deriveKey });
      assert.ok(solution, 'the challenge is solvable');
      return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
    },
    /** A complete, valid response body for the need (with a fresh proof). */
    async responseBody(need: NeedJson, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      return {
        name: 'Erika Mustermann',
        email: 'erika.mustermann@example.org',
        phone: '+49 931 555 0199',
        message: 'Ich kann beim Aufbau helfen.',
        consent: { accepted: true, privacyNoticeVersion: need.privacyNotice?.version ?? 'none' },
        proof: await this.proof(need.id),
        ...overrides,
      };
    },
    respond(needId: string, body: unknown, idempotencyKey: string | null = randomUUID()): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      return fetch(`${hub.baseUrl}/volunteer-needs/${needId}/responses`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    },
    responses(organizationId: string, key = hub.adminToken, query = '', accept = 'application/json'): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-responses${query}`, { headers: { authorization: `Bearer ${key}`, accept } });
    },
    accept(organizationId: string, responseId: string, accepted: boolean, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/volunteer-responses/${responseId}`, { method: 'PATCH', headers: json(key), body: JSON.stringify({ accepted }) });
    },
  };
}

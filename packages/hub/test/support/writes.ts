import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { operations } from '@smart-region/sdk';
import { expectDocumented, type DocumentedBody, type OperationId } from './contract.js';
import type { TestHub } from './hub.js';

/*
 * What the tests of every organization-owned resource (events, help offers, polls, volunteer
 * needs) and of every citizen write (votes, volunteer responses) do the same way.
 */

/** Headers of a JSON request with an API key. */
export const jsonWithKey = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });

/** The id of a demo organization, by its name. */
export async function organizationId(hub: TestHub, name: string): Promise<string> {
  const page = await expectDocumented(await fetch(`${hub.baseUrl}/organizations?limit=100`), 'listOrganizations');
  const found = page.items.find((item) => item.name === name);
  assert.ok(found, `example organization ${name}`);
  return found.id;
}

/** Creating in `/organizations/{id}/<collection>` (`operationId`): the answer as it is, or the created item as the contract documents it. */
export function organizationWrites<Op extends OperationId>(hub: TestHub, collection: string, operationId: Op) {
  const create = (organization: string, body: unknown, key = hub.adminToken): Promise<Response> =>
    fetch(`${hub.baseUrl}/organizations/${organization}/${collection}`, {
      method: 'POST',
      headers: jsonWithKey(key),
      body: JSON.stringify(body),
    });
  return {
    organizationId: (name: string) => organizationId(hub, name),
    create,
    async created(organization: string, body: unknown): Promise<DocumentedBody<Op, 201 & keyof operations[Op]['responses']>> {
      return expectDocumented(await create(organization, body), operationId, 201 as 201 & keyof operations[Op]['responses']);
    },
  };
}

/** A citizen's write without an account; `idempotencyKey: null` leaves the header out. */
export function citizenPost(hub: TestHub, path: string, body: unknown, idempotencyKey: string | null = randomUUID()): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
  return fetch(`${hub.baseUrl}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export interface SolvedProof {
  challenge: Challenge;
  solution: { counter: number; derivedKey: string };
}

/** A challenge from `challengePath`, solved as a widget solves it: the work really is done here. */
export async function solvedProof(hub: TestHub, challengePath: string): Promise<SolvedProof> {
  const response = await fetch(`${hub.baseUrl}${challengePath}`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const challenge = JSON.parse(text) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'the challenge is solvable');
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

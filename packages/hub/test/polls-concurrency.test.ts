import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { onlineByLabel, pollBody, pollClient } from './support/polls.js';

/**
 * Counting under load, on PGlite and (with DATABASE_URL) PostgreSQL. The bulk runs in a code poll
 * (1,000 votes at once); open polls get a smaller run whose proofs of work are really solved
 * here, at a lower difficulty than in production (the Hub's check costs the same either way).
 */
/**
 * All 1,000 requests are sent at once; an agent spreads them over 100 sockets (a burst of 1,000
 * new connections would overflow the listen backlog of a test server, which is not what is tested).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 100 });

function postOnce(url: string, body: unknown, idempotencyKey: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

/**
 * Sends a vote as the SDK does: a 503 (the database pool was busy on this loaded machine) is
 * retried with the same Idempotency-Key, so it still counts once.
 */
async function post(url: string, body: unknown, idempotencyKey = randomUUID()): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const status = await postOnce(url, body, idempotencyKey);
    if (status !== 503 || attempt === 5) return status;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

describe('polls under concurrency', () => {
  let hub: TestHub;
  let client: ReturnType<typeof pollClient>;
  let organization: string;

  before(async () => {
    hub = await startTestHub({ polls: { proofDifficulty: { minCounter: 200, maxCounter: 400 } } });
    organization = await pollClient(hub).organizationId('Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
    const organizer = await createApiKey(hub.database.db, { organizationId: organization, scopes: ['poll-codes:manage'] });
    client = pollClient(hub, organizer.key);
  });
  after(async () => {
    agent.destroy();
    await hub.close();
  });

  test('1,000 concurrent votes with codes → exact counts', async () => {
    const poll = await client.created(organization, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const codes = await client.codes(poll.id, 1000);
    const labels = poll.options.map((option) => option.label);
    const statuses = await Promise.all(
      codes.map((code, index) => post(`${hub.baseUrl}/polls/${poll.id}/votes`, { choices: [poll.options[index % 3]!.id], code })),
    );
    assert.deepEqual([...new Set(statuses)], [201]);
    const results = await client.results(poll.id);
    assert.deepEqual(onlineByLabel(results), { [labels[0]!]: 334, [labels[1]!]: 333, [labels[2]!]: 333 });
    assert.equal(results.participants!.online, 1000);
  });

  test('the same idempotency key sent 50 times at once → one vote, the same answer to all', async () => {
    const poll = await client.created(organization, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const [code] = await client.codes(poll.id, 1);
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => client.vote(poll.id, { choices: [poll.options[1]!.id], code }, key)),
    );
    // Every answer is a 201 with the documented body (a replay too), and all of them are the one vote.
    const bodies = await Promise.all(responses.map((response) => expectDocumented(response, 'castVote', 201)));
    assert.equal(new Set(bodies.map((body) => body.receivedAt)).size, 1);
    assert.equal(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true').length, 49);
    assert.equal((await client.results(poll.id)).participants!.online, 1);
  });

  test('one code sent with 30 different keys at once → exactly one vote, 29 × 409', async () => {
    const poll = await client.created(organization, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const [code] = await client.codes(poll.id, 1);
    const responses = await Promise.all(Array.from({ length: 30 }, () => client.vote(poll.id, { choices: [poll.options[0]!.id], code })));
    const statuses = responses.map((response) => response.status).sort();
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    assert.deepEqual(statuses, [201, ...Array<number>(29).fill(409)]);
    assert.equal((await client.results(poll.id)).participants!.online, 1);
  });

  test('200 concurrent votes with solved proofs → exact counts; one proof with 20 keys at once → one vote', async () => {
    const poll = await client.created(organization, pollBody({ resultsVisibility: 'always' }));
    const proofs = await Promise.all(Array.from({ length: 200 }, () => client.proof(poll.id)));
    const statuses = await Promise.all(
      proofs.map((proof, index) => post(`${hub.baseUrl}/polls/${poll.id}/votes`, { choices: [poll.options[index % 2]!.id], proof })),
    );
    assert.deepEqual([...new Set(statuses)], [201]);
    assert.deepEqual(Object.values(onlineByLabel(await client.results(poll.id))), [100, 100, 0]);

    const proof = await client.proof(poll.id);
    const replays = await Promise.all(Array.from({ length: 20 }, () => client.vote(poll.id, { choices: [poll.options[2]!.id], proof })));
    await Promise.all(replays.map((response) => response.arrayBuffer()));
    assert.deepEqual(replays.map((response) => response.status).sort(), [201, ...Array<number>(19).fill(422)]);
    assert.deepEqual(Object.values(onlineByLabel(await client.results(poll.id))), [100, 100, 1]);
  });
});

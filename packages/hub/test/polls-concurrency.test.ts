import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.js';
import { VOTES_COUNTER } from '../src/polls/queries.js';
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

  /**
   * The running totals the results are read from (summed over their slots) equal a count over the
   * stored votes: per option, and the number of votes.
   */
  async function assertTotalsMatchVotes(pollId: string): Promise<void> {
    const totals = await sql<{ option_id: string; n: number }>`
      SELECT option_id, sum(votes)::int AS n FROM poll_vote_totals WHERE poll_id = ${pollId} GROUP BY option_id ORDER BY option_id`.execute(
      hub.database.db,
    );
    const counted = await sql<{ option_id: string; n: number }>`
      SELECT option_id, n FROM (
        SELECT choice AS option_id, count(*)::int AS n FROM poll_votes, unnest(choices) AS choice WHERE poll_id = ${pollId} GROUP BY choice
        UNION ALL
        SELECT ${VOTES_COUNTER}::uuid, count(*)::int FROM poll_votes WHERE poll_id = ${pollId} HAVING count(*) > 0
      ) AS counts ORDER BY option_id`.execute(hub.database.db);
    assert.deepEqual(totals.rows, counted.rows);
  }
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
    await assertTotalsMatchVotes(poll.id);
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
    await assertTotalsMatchVotes(poll.id);
  });

  test('one key sent with 20 different codes at once → one vote; the other codes stay unused', async () => {
    const poll = await client.created(organization, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const codes = await client.codes(poll.id, 20);
    const key = randomUUID();
    const responses = await Promise.all(codes.map((code) => client.vote(poll.id, { choices: [poll.options[0]!.id], code }, key)));
    const bodies = await Promise.all(responses.map((response) => expectDocumented(response, 'castVote', 201)));
    assert.equal(new Set(bodies.map((body) => body.receivedAt)).size, 1);
    assert.equal(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true').length, 19);
    assert.equal((await client.results(poll.id)).participants!.online, 1);
    // Only the counted vote's code was spent: each of the others still votes once.
    const used = await hub.database.db
      .selectFrom('poll_codes')
      .select('hash')
      .where('poll_id', '=', poll.id)
      .where('used', '=', true)
      .execute();
    assert.equal(used.length, 1);
    await assertTotalsMatchVotes(poll.id);
  });

  test('one code sent with 30 different keys at once → exactly one vote, 29 × 409', async () => {
    const poll = await client.created(organization, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const [code] = await client.codes(poll.id, 1);
    const responses = await Promise.all(Array.from({ length: 30 }, () => client.vote(poll.id, { choices: [poll.options[0]!.id], code })));
    const statuses = responses.map((response) => response.status).sort();
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    assert.deepEqual(statuses, [201, ...Array<number>(29).fill(409)]);
    assert.equal((await client.results(poll.id)).participants!.online, 1);
    // The 29 refused votes were rolled back with what they had added to the totals.
    await assertTotalsMatchVotes(poll.id);
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
    await assertTotalsMatchVotes(poll.id);
  });

  test("migration 0018's backfill makes the totals of the votes stored before it", async () => {
    const migration = await readFile(new URL('../src/db/migrations/0018_poll_totals.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('INSERT INTO poll_vote_totals'));
    const poll = await client.created(organization, pollBody({ participation: 'codes', kind: 'multiple', maxChoices: 2 }));
    const [a, b] = poll.options;
    const codes = await client.codes(poll.id, 3);
    for (const [index, choices] of [[a!.id, b!.id], [a!.id], [b!.id]].entries())
      assert.equal((await client.vote(poll.id, { choices, code: codes[index] })).status, 201);
    // Run on every poll's votes without totals, as when the migration ran; undone afterwards.
    const undo = new Error('undo');
    await assert.rejects(
      hub.database.db.transaction().execute(async (trx) => {
        await sql`DELETE FROM poll_vote_totals`.execute(trx);
        await sql.raw(backfill).execute(trx);
        const totals = await sql<{ option_id: string; n: number }>`
          SELECT option_id, sum(votes)::int AS n FROM poll_vote_totals WHERE poll_id = ${poll.id} GROUP BY option_id ORDER BY n, option_id`.execute(
          trx,
        );
        assert.deepEqual(
          totals.rows,
          [
            { option_id: a!.id, n: 2 },
            { option_id: b!.id, n: 2 },
            { option_id: VOTES_COUNTER, n: 3 },
          ].sort((x, y) => x.n - y.n || x.option_id.localeCompare(y.option_id)),
        );
        throw undo;
      }),
      (error) => error === undo,
    );
    await assertTotalsMatchVotes(poll.id);
  });

  test('multiple choice votes at once, some refused and some repeated → totals equal the stored votes', async () => {
    const poll = await client.created(
      organization,
      pollBody({ participation: 'codes', kind: 'multiple', maxChoices: 3, resultsVisibility: 'always' }),
    );
    const codes = await client.codes(poll.id, 300);
    const ids = poll.options.map((option) => option.id);
    // Choices in every order (the totals are locked in one order whatever the vote's), each vote
    // sent twice at once with its key; then every tenth code again under a new key, refused.
    const votes = codes.map((code, index) => ({
      key: randomUUID(),
      body: { choices: index % 3 === 0 ? [ids[2]!, ids[0]!] : index % 3 === 1 ? [ids[1]!] : [ids[0]!, ids[2]!, ids[1]!], code },
    }));
    const url = `${hub.baseUrl}/polls/${poll.id}/votes`;
    const statuses = await Promise.all([...votes, ...votes].map((vote) => post(url, vote.body, vote.key)));
    assert.deepEqual([...new Set(statuses)], [201]);
    const reused = await Promise.all(votes.filter((_, index) => index % 10 === 0).map((vote) => post(url, vote.body)));
    assert.deepEqual(reused, Array<number>(30).fill(409));
    const results = await client.results(poll.id);
    assert.deepEqual(onlineByLabel(results), {
      [poll.options[0]!.label]: 200,
      [poll.options[1]!.label]: 200,
      [poll.options[2]!.label]: 200,
    });
    assert.equal(results.participants!.online, 300);
    await assertTotalsMatchVotes(poll.id);
  });
});

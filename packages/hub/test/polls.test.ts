import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { onlineByLabel, pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { fromNow } from './support/clock.js';

describe('polls API', () => {
  let hub: TestHub;
  let client: ReturnType<typeof pollClient>;
  let town: string;
  let other: string;
  let townKey: string;
  let otherKey: string;
  const logs = captureLogs('debug');

  before(async () => {
    hub = await startTestHub({ logger: logs.logger });
    client = pollClient(hub);
    town = await client.organizationId('Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
    other = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    townKey = (await createApiKey(hub.database.db, { organizationId: town, scopes: ['polls:write', 'poll-codes:manage'] })).key;
    otherKey = (await createApiKey(hub.database.db, { organizationId: other, scopes: ['polls:write', 'poll-codes:manage'] })).key;
    client = pollClient(hub, townKey);
  });
  after(() => hub.close());

  test('demo data: an open poll, a code poll and a closed poll with tallies, in real municipalities', async () => {
    const polls = (await expectDocumented(await fetch(`${hub.baseUrl}/polls?limit=100`), 'listPolls')).items;
    const open = polls.find((poll) => poll.status === 'open' && poll.participation === 'open');
    const codes = polls.find((poll) => poll.status === 'open' && poll.participation === 'codes');
    const closed = polls.find((poll) => poll.status === 'closed');
    assert.ok(open && codes && closed, JSON.stringify(polls.map((poll) => [poll.status, poll.participation])));
    for (const poll of [open, codes, closed]) {
      assert.equal(poll.isExample, true);
      assert.equal((await fetch(`${hub.baseUrl}/municipalities/${poll.municipalityId}`)).status, 200);
    }
    const results = await client.results(closed.id);
    assert.ok(results.participants!.inPerson > 0 && results.participants!.postal > 0);
    assert.equal(results.visible, true);
  });

  test('an organizer creates, lists, updates and closes a poll with its key', async () => {
    const summary = 'Wo soll die neue Bank stehen? Sie können 2 Antworten wählen.';
    const response = await client.create(
      town,
      pollBody({ kind: 'multiple', maxChoices: 2, resultsVisibility: 'always', easyReadSummary: summary }),
      townKey,
    );
    const poll = await expectDocumented(response, 'createPoll', 201);
    assert.equal(poll.easyReadSummary, summary);
    assert.equal(response.headers.get('location'), `/polls/${poll.id}`);
    assert.equal(poll.status, 'open');
    assert.equal(poll.participation, 'open');
    assert.deepEqual(poll.organizer, { organizationId: town, name: 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)' });
    assert.deepEqual(
      poll.options.map((option) => option.label),
      ['Am Brunnen', 'An der Kirche', 'Am Spielplatz'],
    );
    assert.deepEqual(await expectDocumented(await fetch(`${hub.baseUrl}/polls/${poll.id}`), 'getPoll'), poll);
    const listed = await expectDocumented(await fetch(`${hub.baseUrl}/polls?organization=${town}&status=open&limit=100`), 'listPolls');
    assert.equal(listed.items.find((item) => item.id === poll.id)?.easyReadSummary, summary);

    const patched = await expectDocumented(
      await client.patch(poll.id, { description: 'Bitte bis Monatsende abstimmen.', easyReadSummary: null }, townKey),
      'updatePoll',
    );
    assert.equal(patched.description, 'Bitte bis Monatsende abstimmen.');
    assert.equal(patched.easyReadSummary, null, 'null removes the summary');
    const closed = await client.patch(poll.id, { status: 'closed' }, townKey);
    const body = await expectDocumented(closed, 'updatePoll');
    assert.equal(body.status, 'closed');
    assert.ok(body.closedAt);
    await expectProblem(await client.patch(poll.id, { closesAt: fromNow(10 * 86_400_000) }, townKey), 409, 'conflict');
    const archived = await expectDocumented(await client.patch(poll.id, { status: 'archived' }, townKey), 'updatePoll');
    assert.equal(archived.status, 'archived');
    const defaultList = await expectDocumented(await fetch(`${hub.baseUrl}/polls?organization=${town}&limit=100`), 'listPolls');
    assert.ok(!defaultList.items.some((item) => item.id === poll.id), 'archived polls are not listed by default');
  });

  test("keys: another organization's → 403, without polls:write → 403, none → 401", async () => {
    const poll = await client.created(town, pollBody());
    await expectProblem(await client.create(town, pollBody(), otherKey), 403, 'forbidden');
    await expectProblem(await client.patch(poll.id, { question: 'Übernommen?' }, otherKey), 403, 'forbidden');
    const eventsOnly = (await createApiKey(hub.database.db, { organizationId: town, scopes: ['events:write'] })).key;
    await expectProblem(await client.create(town, pollBody(), eventsOnly), 403, 'forbidden');
    const response = await fetch(`${hub.baseUrl}/organizations/${town}/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await expectProblem(response, 401, 'unauthorized');
    await expectProblem(
      await client.tally(poll.id, { place: 'Saal', date: '2026-11-18', counts: [{ optionId: poll.options[0]!.id, count: 1 }] }, otherKey),
      403,
      'forbidden',
    );
  });

  test('invalid polls → 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ maxChoices: 2 }, '/body/maxChoices'],
      [{ kind: 'multiple', maxChoices: 5 }, '/body/maxChoices'],
      [{ closesAt: fromNow(-7_200_000) }, '/body/closesAt'],
      [{ municipalityId: 'atlantis' }, '/body/municipalityId'],
      [{ options: [{ label: 'Ja' }, { label: 'ja ' }] }, '/body/options/1/label'],
      [{ options: [{ label: 'Nur eine' }] }, '/body/options'],
      [{ participation: 'everyone' }, '/body/participation'],
      [{ color: 'blue' }, '/body/color'],
      [{ easyReadSummary: 'x'.repeat(1001) }, '/body/easyReadSummary'],
    ];
    for (const [overrides, pointer] of cases) {
      const problem = await expectProblem(await client.create(town, pollBody(overrides)), 422, 'validation-failed');
      assert.ok(
        problem.errors?.some((error) => error.pointer === pointer),
        `${JSON.stringify(overrides)}: ${problem.detail}`,
      );
    }
  });

  test('an open poll: a solved proof votes once; a repeated request is counted once with the same answer', async () => {
    const poll = await client.created(town, pollBody({ resultsVisibility: 'always' }));
    const [first, second] = poll.options;
    const proof = await client.proof(poll.id);
    const key = randomUUID();
    const response = await client.vote(poll.id, { choices: [first!.id], proof }, key);
    assert.equal(response.headers.get('idempotent-replayed'), null);
    const receipt = await expectDocumented(response, 'castVote', 201);
    assert.deepEqual(receipt.choices, [first!.id]);
    assert.equal(receipt.results?.options?.[0]?.online, 1);

    const again = await client.vote(poll.id, { choices: [first!.id], proof }, key);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const replayed = await expectDocumented(again, 'castVote', 201);
    assert.equal(replayed.receivedAt, receipt.receivedAt);
    assert.deepEqual(replayed.choices, receipt.choices);
    assert.equal(replayed.results?.options?.[0]?.online, 1, 'counted once');

    const otherChoice = await expectProblem(
      await client.vote(poll.id, { choices: [second!.id], proof }, key),
      422,
      'idempotency-key-reused',
    );
    assert.match(otherChoice.detail ?? '', /other choices/);
    const reused = await expectProblem(await client.vote(poll.id, { choices: [first!.id], proof }), 422, 'proof-invalid');
    assert.match(reused.detail ?? '', /already used/);
    assert.deepEqual(onlineByLabel(await client.results(poll.id)), { 'Am Brunnen': 1, 'An der Kirche': 0, 'Am Spielplatz': 0 });
  });

  test('bad proofs → 422 proof-invalid saying what is wrong; a missing one → 422', async () => {
    const poll = await client.created(town, pollBody());
    const choice = [poll.options[0]!.id];
    const proof = await client.proof(poll.id);
    const flipped = (proof.solution.derivedKey[0] === 'a' ? 'b' : 'a') + proof.solution.derivedKey.slice(1);
    const wrongKey = { ...proof, solution: { ...proof.solution, derivedKey: flipped } };
    assert.match(
      (await expectProblem(await client.vote(poll.id, { choices: choice, proof: wrongKey }), 422, 'proof-invalid')).detail ?? '',
      /does not solve/,
    );
    const tampered = { ...proof, challenge: { ...proof.challenge, parameters: { ...proof.challenge.parameters, cost: 2 } } };
    assert.match(
      (await expectProblem(await client.vote(poll.id, { choices: choice, proof: tampered }), 422, 'proof-invalid')).detail ?? '',
      /not issued by this Hub|changed/,
    );
    const otherPoll = await client.created(town, pollBody());
    assert.match(
      (await expectProblem(await client.vote(otherPoll.id, { choices: [otherPoll.options[0]!.id], proof }), 422, 'proof-invalid')).detail ??
        '',
      /another poll/,
    );
    const garbage = { ...proof, challenge: { ...proof.challenge, parameters: { ...proof.challenge.parameters, salt: 'zz' } } };
    await expectProblem(await client.vote(poll.id, { choices: choice, proof: garbage }), 422, 'proof-invalid');
    const missing = await expectProblem(await client.vote(poll.id, { choices: choice }), 422, 'validation-failed');
    assert.equal(missing.errors?.[0]?.pointer, '/body/proof');
    await expectProblem(await client.vote(poll.id, { choices: choice, proof, code: 'ABCD-EFGH' }), 422, 'validation-failed');
    // The untouched proof still works: failed attempts spent nothing.
    assert.equal((await client.vote(poll.id, { choices: choice, proof })).status, 201);
  });

  test('an expired challenge → 422 proof-invalid', async () => {
    const poll = await client.created(town, pollBody());
    const proof = await client.proof(poll.id);
    const originalNow = Date.now;
    Date.now = () => originalNow() + 6 * 60_000;
    try {
      const problem = await expectProblem(await client.vote(poll.id, { choices: [poll.options[0]!.id], proof }), 422, 'proof-invalid');
      assert.match(problem.detail ?? '', /expired/);
    } finally {
      Date.now = originalNow;
    }
  });

  test('codes: printable, hashed, one vote each; reuse → 409, unknown → 422; CSV', async () => {
    const poll = await client.created(town, pollBody({ participation: 'codes', kind: 'multiple', maxChoices: 2 }));
    const codes = await client.codes(poll.id, 5, townKey);
    assert.equal(codes.length, 5);
    for (const code of codes) assert.match(code, /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const stored = await hub.database.db.selectFrom('poll_codes').selectAll().where('poll_id', '=', poll.id).execute();
    assert.equal(stored.length, 5);
    for (const row of stored) assert.ok(!codes.some((code) => row.hash.includes(code) || row.hash.includes(code.replace('-', ''))));

    const [a, b] = poll.options;
    const typed = codes[0]!.toLowerCase().replace('-', ' ');
    assert.equal((await client.vote(poll.id, { choices: [a!.id, b!.id], code: typed })).status, 201);
    const reuse = await expectProblem(await client.vote(poll.id, { choices: [a!.id], code: codes[0] }), 409, 'code-already-used');
    assert.match(reuse.detail ?? '', /already been used/);
    await expectProblem(await client.vote(poll.id, { choices: [a!.id], code: 'AAAA-BBBB' }), 422, 'unknown-code');
    await expectProblem(await client.vote(poll.id, { choices: [a!.id] }), 422, 'validation-failed');
    const someProof = {
      challenge: {
        parameters: { algorithm: 'SHA-256', nonce: 'aa', salt: 'bb', cost: 1, keyLength: 32, keyPrefix: '00' },
        signature: 'cc',
      },
      solution: { counter: 1, derivedKey: 'dd' },
    };
    const proofForCodes = await expectProblem(
      await client.vote(poll.id, { choices: [a!.id], code: codes[1], proof: someProof }),
      422,
      'validation-failed',
    );
    assert.equal(proofForCodes.errors?.[0]?.pointer, '/body/proof');
    const tooMany = await expectProblem(
      await client.vote(poll.id, { choices: poll.options.map((option) => option.id), code: codes[1] }),
      422,
      'validation-failed',
    );
    assert.match(tooMany.detail ?? '', /at most 2 choices/);
    const unknownOption = await expectProblem(
      await client.vote(poll.id, { choices: [randomUUID()], code: codes[1] }),
      422,
      'validation-failed',
    );
    assert.equal(unknownOption.errors?.[0]?.pointer, '/body/choices/0');
    // A refused vote did not spend its code.
    assert.equal((await client.vote(poll.id, { choices: [b!.id], code: codes[1] })).status, 201);

    const csv = await fetch(`${hub.baseUrl}/polls/${poll.id}/codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv', authorization: `Bearer ${townKey}` },
      body: JSON.stringify({ count: 3 }),
    });
    assert.equal(csv.status, 201);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'code');
    assert.equal(lines.length, 4);
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${poll.id}/challenge`), 409, 'conflict');
    const openPoll = await client.created(town, pollBody());
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${openPoll.id}/codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${townKey}` },
        body: '{"count":2}',
      }),
      409,
      'conflict',
    );
    assert.match(problem.detail ?? '', /open to everyone/);
  });

  test('a single choice poll takes one choice; draft and closed polls take none (409 saying when)', async () => {
    const poll = await client.created(town, pollBody({ participation: 'codes' }));
    const [code] = await client.codes(poll.id, 1);
    const problem = await expectProblem(
      await client.vote(poll.id, { choices: [poll.options[0]!.id, poll.options[1]!.id], code }),
      422,
      'validation-failed',
    );
    assert.match(problem.detail ?? '', /allows one choice/);

    const draft = await client.created(
      town,
      pollBody({ participation: 'codes', opensAt: fromNow(86_400_000), closesAt: fromNow(2 * 86_400_000) }),
    );
    assert.equal(draft.status, 'draft');
    const [draftCode] = await client.codes(draft.id, 1);
    assert.match(
      (await expectProblem(await client.vote(draft.id, { choices: [draft.options[0]!.id], code: draftCode }), 409, 'poll-not-open'))
        .detail ?? '',
      /opens on/,
    );

    const [lateCode] = await client.codes(poll.id, 1);
    await client.patch(poll.id, { status: 'closed' });
    const closed = await expectProblem(
      await client.vote(poll.id, { choices: [poll.options[0]!.id], code: lateCode }),
      409,
      'poll-not-open',
    );
    assert.match(closed.detail ?? '', /closed on/);
    await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${townKey}` },
        body: '{"count":1}',
      }),
      409,
      'poll-not-open',
    );
  });

  test('a vote the poll refuses writes nothing: no vote, no totals, its code or proof stays unspent', async () => {
    const stored = async (pollId: string) => {
      const votes = await hub.database.db.selectFrom('poll_votes').select('id').where('poll_id', '=', pollId).execute();
      const totals = await hub.database.db.selectFrom('poll_vote_totals').select('votes').where('poll_id', '=', pollId).execute();
      return { votes: votes.length, totals: totals.length };
    };
    const proofSpent = async (signature: string) =>
      (await hub.database.db.selectFrom('used_proofs').select('signature').where('signature', '=', signature).execute()).length === 1;

    const single = await client.created(town, pollBody());
    const [a, b] = single.options;
    const proof = await client.proof(single.id);
    await expectProblem(await client.vote(single.id, { choices: [a!.id, b!.id], proof }), 422, 'validation-failed');
    assert.deepEqual(await stored(single.id), { votes: 0, totals: 0 });
    assert.equal(await proofSpent(proof.challenge.signature!), false);

    // One option twice, told apart only by case: refused, not counted twice.
    const multiple = await client.created(town, pollBody({ kind: 'multiple', maxChoices: 3, participation: 'codes' }));
    const [code] = await client.codes(multiple.id, 1);
    const option = multiple.options[0]!.id;
    const twice = await expectProblem(
      await client.vote(multiple.id, { choices: [option, option.toUpperCase()], code }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      twice.errors?.map((error) => [error.pointer, error.code]),
      [['/body/choices/1', 'duplicate']],
    );
    assert.deepEqual(await stored(multiple.id), { votes: 0, totals: 0 });
    const upper = await expectDocumented(await client.vote(multiple.id, { choices: [option.toUpperCase()], code }), 'castVote', 201);
    assert.deepEqual(upper.choices, [option]);

    const closing = await client.created(town, pollBody());
    const late = await client.proof(closing.id);
    await client.patch(closing.id, { status: 'closed' });
    await expectProblem(await client.vote(closing.id, { choices: [closing.options[0]!.id], proof: late }), 409, 'poll-not-open');
    assert.deepEqual(await stored(closing.id), { votes: 0, totals: 0 });
    assert.equal(await proofSpent(late.challenge.signature!), false);

    // The refused proof of the first poll still votes.
    assert.equal((await client.vote(single.id, { choices: [b!.id], proof })).status, 201);
    assert.equal(await proofSpent(proof.challenge.signature!), true);
    assert.deepEqual(await stored(single.id), { votes: 1, totals: 2 });
  });

  test('options are fixed once a vote is counted (409); the description is not', async () => {
    const poll = await client.created(town, pollBody({ participation: 'codes' }));
    assert.equal((await client.patch(poll.id, { options: [{ label: 'Ja' }, { label: 'Nein' }] })).status, 200);
    const [code] = await client.codes(poll.id, 1);
    const current = await expectDocumented(await fetch(`${hub.baseUrl}/polls/${poll.id}`), 'getPoll');
    assert.equal((await client.vote(poll.id, { choices: [current.options[0]!.id], code })).status, 201);
    const problem = await expectProblem(
      await client.patch(poll.id, { options: [{ label: 'Ja' }, { label: 'Vielleicht' }] }),
      409,
      'conflict',
    );
    assert.match(problem.detail ?? '', /options/);
    await expectProblem(await client.patch(poll.id, { opensAt: fromNow(0) }), 409, 'conflict');
    assert.equal(
      (await client.patch(poll.id, { description: 'Danke fürs Mitmachen!', options: [{ label: 'Ja' }, { label: 'Nein' }] })).status,
      200,
    );
  });

  test('the results in the answer to a vote are the results with that vote in them: online, tallies, participants', async () => {
    const poll = await client.created(
      town,
      pollBody({ participation: 'codes', kind: 'multiple', maxChoices: 2, resultsVisibility: 'always' }),
    );
    const [a, b, c] = poll.options;
    const tally = { channel: 'postal', place: 'Rathaus', date: '2026-11-20', counts: [{ optionId: a!.id, count: 3 }], participants: 3 };
    assert.equal((await client.tally(poll.id, tally, townKey)).status, 201);
    const codes = await client.codes(poll.id, 3);
    for (const [index, choices] of [[a!.id, c!.id], [b!.id], [c!.id, a!.id]].entries()) {
      const receipt = await expectDocumented(await client.vote(poll.id, { choices, code: codes[index] }), 'castVote', 201);
      assert.deepEqual(receipt.results, await client.results(poll.id));
      assert.equal(receipt.results?.participants?.online, index + 1);
    }
    assert.deepEqual(onlineByLabel(await client.results(poll.id)), { 'Am Brunnen': 2, 'An der Kirche': 1, 'Am Spielplatz': 2 });
  });

  test('tallies: counted with online votes, corrected with an audit trail', async () => {
    const poll = await client.created(town, pollBody({ participation: 'codes', resultsVisibility: 'always' }));
    const [a, b, c] = poll.options;
    const codes = await client.codes(poll.id, 3);
    for (const [index, option] of [a, a, b].entries())
      assert.equal((await client.vote(poll.id, { choices: [option!.id], code: codes[index] })).status, 201);

    const response = await client.tally(
      poll.id,
      {
        place: 'Bürgersaal Eisingen',
        date: '2026-11-18',
        counts: [
          { optionId: a!.id, count: 10 },
          { optionId: c!.id, count: 4 },
        ],
        note: 'Versammlung',
      },
      townKey,
    );
    const tally = await expectDocumented(response, 'createPollTally', 201);
    assert.equal(tally.participants, 14);
    assert.equal(tally.channel, 'in-person');
    assert.deepEqual(
      tally.counts.map((entry) => entry.count),
      [10, 0, 4],
    );
    const postal = await expectDocumented(
      await client.tally(
        poll.id,
        { channel: 'postal', place: 'Rathaus', date: '2026-11-20', counts: [{ optionId: b!.id, count: 2 }] },
        townKey,
      ),
      'createPollTally',
      201,
    );
    assert.equal(postal.participants, 2);

    let results = await client.results(poll.id);
    assert.deepEqual(
      results.options!.map((option) => [option.online, option.inPerson, option.postal, option.total]),
      [
        [2, 10, 0, 12],
        [1, 0, 2, 3],
        [0, 4, 0, 4],
      ],
    );
    assert.deepEqual(results.participants, { online: 3, inPerson: 14, postal: 2, total: 19 });
    assert.equal(results.options!.reduce((sum, option) => sum + option.share, 0).toFixed(3), '1.000');
    assert.equal(results.options![0]!.share, Math.round((12 / 19) * 10_000) / 10_000);

    const corrected = await client.patchTally(
      poll.id,
      tally.id,
      {
        counts: [
          { optionId: a!.id, count: 9 },
          { optionId: c!.id, count: 4 },
        ],
        note: 'Nachgezählt',
      },
      townKey,
    );
    const correctedBody = await expectDocumented(corrected, 'updatePollTally');
    assert.equal(correctedBody.revision, 2);
    assert.equal(correctedBody.participants, 13);
    assert.deepEqual(
      correctedBody.history.map((entry) => [entry.revision, entry.tally.note]),
      [
        [1, 'Versammlung'],
        [2, 'Nachgezählt'],
      ],
    );
    assert.equal(correctedBody.history[0]!.tally.counts[0]!.count, 10);
    assert.ok(correctedBody.history.every((entry) => typeof entry.apiKeyId === 'string'));
    results = await client.results(poll.id);
    assert.equal(results.options![0]!.inPerson, 9);

    const listed = await expectDocumented(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/tallies`, { headers: { authorization: `Bearer ${townKey}` } }),
      'listPollTallies',
    );
    assert.equal(listed.items.length, 2);
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${poll.id}/tallies`), 401, 'unauthorized');
    await expectProblem(
      await client.tally(poll.id, { place: 'Saal', date: '2026-11-18', counts: [{ optionId: randomUUID(), count: 1 }] }),
      422,
      'validation-failed',
    );
    await expectProblem(
      await client.tally(poll.id, { place: 'Saal', date: '2026-11-18', counts: [{ optionId: a!.id, count: 5 }], participants: 3 }),
      422,
      'validation-failed',
    );
    await expectProblem(
      await client.tally(poll.id, { place: 'Saal', date: '18.11.2026', counts: [{ optionId: a!.id, count: 5 }] }),
      422,
      'validation-failed',
    );
    await expectProblem(await client.patchTally(poll.id, randomUUID(), { note: null }), 404, 'not-found');
    const multiple = await client.created(town, pollBody({ kind: 'multiple', maxChoices: 2 }));
    const needsPeople = await expectProblem(
      await client.tally(multiple.id, { place: 'Saal', date: '2026-11-18', counts: [{ optionId: multiple.options[0]!.id, count: 5 }] }),
      422,
      'validation-failed',
    );
    assert.equal(needsPeople.errors?.[0]?.pointer, '/body/participants');
  });

  test('visibility: after-closing hides results until closing (not from the organizer); after-voting shows them with the vote', async () => {
    const poll = await client.created(town, pollBody({ participation: 'codes', resultsVisibility: 'after-closing' }));
    const [code] = await client.codes(poll.id, 1);
    const key = randomUUID();
    const receipt = await expectDocumented(await client.vote(poll.id, { choices: [poll.options[1]!.id], code }, key), 'castVote', 201);
    assert.equal(receipt.results, null);
    const hidden = await client.results(poll.id);
    assert.deepEqual([hidden.visible, hidden.hiddenUntil, hidden.options, hidden.participants], [false, 'closing', null, null]);
    const forOrganizer = await client.results(poll.id, townKey);
    assert.equal(forOrganizer.visible, true);
    assert.equal(forOrganizer.options![1]!.online, 1);
    const forOthers = await client.results(poll.id, otherKey);
    assert.equal(forOthers.visible, false);
    await client.patch(poll.id, { status: 'closed' });
    assert.equal((await client.results(poll.id)).visible, true);
    // A repeated vote after closing still gets its answer, now with the results.
    const replay = await client.vote(poll.id, { choices: [poll.options[1]!.id], code }, key);
    const replayed = await expectDocumented(replay, 'castVote', 201);
    assert.equal(replayed.receivedAt, receipt.receivedAt);
    assert.equal(replayed.results?.options?.[1]?.online, 1);

    const afterVoting = await client.created(town, pollBody({ participation: 'codes', resultsVisibility: 'after-voting' }));
    const [votingCode] = await client.codes(afterVoting.id, 1);
    const withResults = await expectDocumented(
      await client.vote(afterVoting.id, { choices: [afterVoting.options[0]!.id], code: votingCode }),
      'castVote',
      201,
    );
    assert.equal(withResults.results?.visible, true);
    assert.equal(withResults.results?.options?.[0]?.online, 1);
    assert.equal((await client.results(afterVoting.id)).visible, false);
  });

  test('results as CSV for the organizer only', async () => {
    const poll = await client.created(
      town,
      pollBody({
        participation: 'codes',
        resultsVisibility: 'after-closing',
        options: [{ label: '=HYPERLINK("x")' }, { label: 'Ja, gern' }],
      }),
    );
    const [code] = await client.codes(poll.id, 1);
    await client.vote(poll.id, { choices: [poll.options[1]!.id], code });
    const csv = await fetch(`${hub.baseUrl}/polls/${poll.id}/results`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${townKey}` },
    });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(
      await csv.text(),
      'option,online,in_person,postal,total,share\r\n"\'=HYPERLINK(""x"")",0,0,0,0,0\r\n"Ja, gern",1,0,0,1,1\r\nTotal,1,0,0,1,1\r\nParticipants,1,0,0,1,\r\n',
    );
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${poll.id}/results`, { headers: { accept: 'text/csv' } }), 401, 'unauthorized');
    await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/results`, { headers: { accept: 'text/csv', authorization: `Bearer ${otherKey}` } }),
      403,
      'forbidden',
    );
    await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/results`, { headers: { authorization: 'Bearer sr_wrong' } }),
      401,
      'unauthorized',
    );
  });

  test('bad input is answered with problem+json 4xx, never 500', async () => {
    const poll = await client.created(town, pollBody());
    const vote = (headers: Record<string, string>, body: string) =>
      fetch(`${hub.baseUrl}/polls/${poll.id}/votes`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const key = { 'idempotency-key': randomUUID() };
    const missingKey = await expectProblem(await vote({}, JSON.stringify({ choices: [poll.options[0]!.id] })), 400, 'invalid-request');
    assert.match(missingKey.detail ?? '', /Idempotency-Key/i);
    const valid = JSON.stringify({ choices: [poll.options[0]!.id] });
    await expectProblem(await vote({ 'idempotency-key': 'short' }, valid), 400, 'invalid-request');
    await expectProblem(await vote({ 'idempotency-key': 'has spaces in it, sadly' }, valid), 400, 'invalid-request');
    await expectProblem(await vote(key, '{"choices":'), 400, 'invalid-request');
    await expectProblem(await vote(key, JSON.stringify({ choices: [] })), 422, 'validation-failed');
    await expectProblem(await vote(key, JSON.stringify({ choices: ['a'] })), 422, 'validation-failed');
    await expectProblem(await vote(key, JSON.stringify({ choices: [poll.options[0]!.id, poll.options[0]!.id] })), 422, 'validation-failed');
    await expectProblem(
      await vote(key, JSON.stringify({ choices: [poll.options[0]!.id], proof: { challenge: {}, solution: {} } })),
      422,
      'validation-failed',
    );
    await expectProblem(
      await vote(
        key,
        JSON.stringify({
          choices: [poll.options[0]!.id],
          proof: {
            challenge: {
              parameters: { algorithm: 'SHA-256', nonce: 'x', salt: 'y', cost: 1, keyLength: 32, keyPrefix: 'zz' },
              signature: 'nope',
            },
            solution: { counter: 1, derivedKey: 'ab' },
          },
        }),
      ),
      422,
      'proof-invalid',
    );
    await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/votes`, {
        method: 'POST',
        headers: { ...key, 'content-type': 'text/plain' },
        body: 'Ja',
      }),
      415,
      'unsupported-media-type',
    );
    await expectProblem(await fetch(`${hub.baseUrl}/polls/not-a-poll`), 400, 'invalid-request');
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${randomUUID()}`), 404, 'not-found');
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${randomUUID()}/results`), 404, 'not-found');
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${randomUUID()}/challenge`), 404, 'not-found');
    await expectProblem(await client.vote(randomUUID(), { choices: [poll.options[0]!.id] }), 404, 'not-found');
    await expectProblem(await fetch(`${hub.baseUrl}/polls?status=maybe`), 400, 'invalid-request');
    await expectProblem(await fetch(`${hub.baseUrl}/polls?cursor=bm9wZQ`), 400, 'invalid-request');
    await expectProblem(
      await fetch(`${hub.baseUrl}/polls/${poll.id}/codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${townKey}` },
        body: '{"count":0}',
      }),
      422,
      'validation-failed',
    );
    await expectProblem(await client.patch(poll.id, {}), 422, 'validation-failed');
    await expectProblem(await client.patch(poll.id, { status: 'open' }), 422, 'validation-failed');
  });

  test('paging through polls', async () => {
    const page = async (cursor: string) =>
      expectDocumented(
        await fetch(`${hub.baseUrl}/polls?limit=2&status=open&status=draft&status=closed&status=archived${cursor}`),
        'listPolls',
      );
    const first = await page('');
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor, 'a second page');
    const second = await page(`&cursor=${first.nextCursor}`);
    assert.ok(second.items.length > 0);
    assert.ok(!second.items.some((item) => first.items.some((seen) => seen.id === item.id)));
  });

  test('nothing about the voter is stored or logged', async () => {
    const columns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'poll_votes' ORDER BY ordinal_position`.execute(
      hub.database.db,
    );
    assert.deepEqual(
      columns.rows.map((row) => row.column_name),
      ['id', 'poll_id', 'idempotency_key', 'request_hash', 'choices', 'created_at'],
    );
    const codeColumns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'poll_codes' ORDER BY ordinal_position`.execute(
      hub.database.db,
    );
    assert.deepEqual(
      codeColumns.rows.map((row) => row.column_name),
      ['poll_id', 'hash', 'used'],
      'a used code has no time and no link to its vote',
    );

    const poll = await client.created(town, pollBody({ participation: 'codes' }));
    const [code] = await client.codes(poll.id, 1);
    const key = `privacy-check-${randomUUID()}`;
    const response = await fetch(`${hub.baseUrl}/polls/${poll.id}/votes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        'user-agent': 'Voter-Browser/1.0',
        'x-forwarded-for': '203.0.113.7',
      },
      body: JSON.stringify({ choices: [poll.options[2]!.id], code }),
    });
    assert.equal(response.status, 201);
    await expectProblem(await client.vote(poll.id, { choices: [poll.options[2]!.id], code }), 409, 'code-already-used');
    const log = logs.text();
    assert.ok(log.includes('/polls/:pollId/votes'), 'requests are logged (by route)');
    // (The loopback address appears once, in the server's own "listening at" line, so the client's is a forwarded one.)
    for (const secret of [code!, code!.replace('-', ''), key, '203.0.113.7', 'Voter-Browser', poll.options[2]!.id]) {
      assert.ok(!log.includes(secret), `the log does not contain ${secret}`);
    }
  });
});

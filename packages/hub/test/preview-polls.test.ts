import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { auditLogOf, signedInAs } from './support/accounts.js';
import { dayFromNow, fromNow } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

const hour = 3_600_000;

describe('the preview of a poll', () => {
  let hub: TestHub;
  let client: ReturnType<typeof pollClient>;
  let town: string;
  let other: string;
  let townKey: string;
  let otherKey: string;
  let ownerCookie: string;

  before(async () => {
    hub = await startTestHub();
    client = pollClient(hub);
    town = await client.organizationId('Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
    other = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    townKey = (await createApiKey(hub.database.db, { organizationId: town, scopes: ['polls:write', 'poll-codes:manage'] })).key;
    otherKey = (await createApiKey(hub.database.db, { organizationId: other, scopes: ['polls:write'] })).key;
    client = pollClient(hub, townKey);
    ownerCookie = await signedInAs(hub.database.db, { email: 'vorschau@eisingen.example', organizationId: town, role: 'owner' });
  });
  after(() => hub.close());

  const preview = (organization: string, body: unknown, key = townKey) =>
    fetch(`${hub.baseUrl}/organizations/${organization}/polls/preview`, {
      method: 'POST',
      headers: jsonWithKey(key),
      body: JSON.stringify(body),
    });

  /** The town's polls in every status, and its audit log. */
  async function stored(): Promise<unknown> {
    const statuses = ['draft', 'open', 'closed', 'archived'].map((status) => `status=${status}`).join('&');
    const polls = await fetch(`${hub.baseUrl}/polls?organization=${town}&${statuses}&limit=100`);
    return {
      polls: (await expectDocumented(polls, 'listPolls')).items,
      log: await auditLogOf(hub.baseUrl, town, ownerCookie),
    };
  }

  test('a new poll: as the widget would show it, now (not open yet) and at its opening; nothing is stored', async () => {
    const before = await stored();
    const opensAt = fromNow(48 * hour);
    const poll = pollBody({ question: 'Wohin mit dem Maibaum?', opensAt, closesAt: fromNow(96 * hour), kind: 'multiple' });

    const now = await expectDocumented(await preview(town, { poll }), 'previewPoll');
    assert.equal(now.poll.question, 'Wohin mit dem Maibaum?');
    assert.equal(now.poll.status, 'draft', 'without `at`, the moment is the Hub’s now: before the opening');
    assert.equal(now.poll.maxChoices, 3, 'defaults are filled in as a save fills them');
    assert.deepEqual(now.poll.organizer, { organizationId: town, name: 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)' });

    const opened = await expectDocumented(
      await preview(town, { poll, at: new Date(Date.parse(opensAt) + hour).toISOString() }),
      'previewPoll',
    );
    assert.equal(opened.poll.status, 'open');
    assert.equal(opened.results.status, 'open');
    assert.equal(opened.results.visible, true);
    assert.deepEqual(
      opened.results.options!.map((option) => [option.label, option.total]),
      [
        ['Am Brunnen', 0],
        ['An der Kirche', 0],
        ['Am Spielplatz', 0],
      ],
    );
    assert.deepEqual(
      opened.results.options!.map((option) => option.optionId),
      opened.poll.options.map((option) => option.id),
    );

    assert.deepEqual(await stored(), before);
    await expectProblem(await fetch(`${hub.baseUrl}/polls/${opened.poll.id}`), 404, 'not-found');
  });

  test('with replaces: the stored poll with the sent fields in place and its counts so far; the stored one unchanged', async () => {
    const saved = await client.created(town, pollBody({ resultsVisibility: 'after-closing' }));
    const [first, , third] = saved.options;
    const tally = {
      place: 'Bürgersaal Eisingen',
      date: dayFromNow(),
      counts: [
        { optionId: first!.id, count: 7 },
        { optionId: third!.id, count: 2 },
      ],
    };
    await expectDocumented(await client.tally(saved.id, tally), 'createPollTally', 201);
    const before = await stored();

    const sent = pollBody({
      description: 'Bitte bis Monatsende abstimmen.',
      resultsVisibility: 'after-closing',
      opensAt: saved.opensAt,
      closesAt: fromNow(10 * 24 * hour),
    });
    const previewed = await expectDocumented(await preview(town, { poll: sent, replaces: saved.id }), 'previewPoll');
    assert.equal(previewed.poll.id, saved.id);
    assert.equal(previewed.poll.shortCode, saved.shortCode);
    assert.equal(previewed.poll.description, 'Bitte bis Monatsende abstimmen.');
    assert.equal(previewed.poll.closesAt, new Date(sent['closesAt'] as string).toISOString());
    assert.equal(previewed.poll.status, 'open');
    assert.deepEqual(previewed.poll.options, saved.options, 'options sent unchanged keep their ids');
    assert.equal(previewed.results.visible, true, 'the organizer sees the results, even before closing');
    assert.deepEqual(
      previewed.results.options!.map((option) => [option.label, option.inPerson]),
      [
        ['Am Brunnen', 7],
        ['An der Kirche', 0],
        ['Am Spielplatz', 2],
      ],
    );
    assert.equal(previewed.results.participants!.total, 9);

    assert.deepEqual(await stored(), before);
    assert.deepEqual(await expectDocumented(await fetch(`${hub.baseUrl}/polls/${saved.id}`), 'getPoll'), saved);
    assert.equal((await client.results(saved.id, townKey)).participants!.total, 9);

    // Saved as the form saves it (every field, the options unchanged): what the preview showed.
    const patched = await expectDocumented(await client.patch(saved.id, sent, townKey), 'updatePoll');
    assert.deepEqual({ ...patched, updatedAt: previewed.poll.updatedAt }, previewed.poll);
    assert.deepEqual(await client.results(saved.id, townKey), previewed.results);
  });

  test('what a save would refuse is refused: counted fields once counted, the opening once open', async () => {
    const saved = await client.created(town, pollBody());
    await expectDocumented(
      await client.tally(saved.id, { place: 'Rathaus', date: dayFromNow(), counts: [{ optionId: saved.options[0]!.id, count: 1 }] }),
      'createPollTally',
      201,
    );
    const unchanged = pollBody({ opensAt: saved.opensAt, closesAt: saved.closesAt });
    await expectDocumented(await preview(town, { poll: unchanged, replaces: saved.id }), 'previewPoll');
    const asked = await expectProblem(
      await preview(town, { poll: { ...unchanged, question: 'Eine andere Frage?' }, replaces: saved.id }),
      409,
      'conflict',
    );
    assert.match(asked.detail!, /question/);
    const opening = await expectProblem(
      await preview(town, { poll: { ...unchanged, opensAt: fromNow(hour) }, replaces: saved.id }),
      409,
      'conflict',
    );
    assert.match(opening.detail!, /opensAt/);
  });

  test('a 422 names the fields inside the poll', async () => {
    const body = pollBody({ options: [{ label: 'Ja' }, { label: 'ja ' }], closesAt: fromNow(-2 * hour) });
    const problem = await expectProblem(await preview(town, { poll: body }), 422, 'validation-failed');
    const pointers = problem.errors!.map((error) => error.pointer);
    assert.ok(pointers.includes('/body/poll/options/1/label'), pointers.join(', '));
    assert.ok(pointers.includes('/body/poll/closesAt'), pointers.join(', '));
  });

  test("another organization's poll is not found; another organization's key is forbidden", async () => {
    const theirs = await client.created(other, pollBody({ municipalityId: 'ochsenfurt' }));
    await expectProblem(await preview(town, { poll: pollBody(), replaces: theirs.id }), 404, 'not-found');
    await expectProblem(await preview(town, { poll: pollBody() }, otherKey), 403, 'forbidden');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { auditLogOf, sessionHeaders } from './support/accounts.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { signInOrganizationPeople, type OrganizationPeople } from './support/organization-people.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

// The event form's live preview (POST /organizations/{id}/events/preview): what a save would make
// of the fields as typed, with the occurrences the calendar shows, checked like a save, and
// leaving nothing behind: no event, no change, no audit entry.

describe('the preview of an event', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;
  let people: OrganizationPeople;
  let other: string;
  let clubKey: string;
  let otherKey: string;

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
    people = await signInOrganizationPeople(hub);
    other = await client.organizationId('Nachbarschaftshilfe Höchberg e.V.');
    clubKey = (await createApiKey(hub.database.db, { organizationId: people.club, scopes: ['events:write'] })).key;
    otherKey = (await createApiKey(hub.database.db, { organizationId: other, scopes: ['events:write'] })).key;
  });
  after(() => hub.close());

  const preview = (organizationId: string, body: unknown, headers: Record<string, string> = jsonWithKey(clubKey)) =>
    fetch(`${hub.baseUrl}/organizations/${organizationId}/events/preview`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const rehearsal = eventBody({
    title: 'Chorprobe des Gesangvereins',
    start: '2026-12-03T19:00',
    end: '2026-12-03T21:00',
    recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU,TH' },
  });

  /** What the club has stored and what its audit log says, to compare after the previews. */
  async function storedState() {
    const events = await hub.database.db.selectFrom('events').selectAll().orderBy('id').execute();
    return { events, log: await auditLogOf(hub.baseUrl, people.club, people.clubOwner.cookie) };
  }

  test('a new event: the event as the website shows it, and its occurrences in [from, to), the RRULE expanded', async () => {
    const before = await storedState();
    const answer = await expectDocumented(
      await preview(people.club, { event: rehearsal, from: '2026-12-01', to: '2026-12-15' }),
      'previewEvent',
    );
    assert.equal(answer.event.title, 'Chorprobe des Gesangvereins');
    assert.equal(answer.event.published, true);
    assert.deepEqual(answer.event.organizer, { organizationId: people.club, name: 'TSV Ochsenfurt 1862 e.V.' });
    assert.equal(answer.event.recurrence?.summary.de, 'jeden Dienstag und Donnerstag');
    // Tuesday the 15th starts at the end of the range: not in it.
    assert.deepEqual(
      answer.occurrences.map(({ eventId, recurrenceId, start, status }) => [eventId, recurrenceId, start, status]),
      [
        [answer.event.id, '2026-12-03T19:00:00', '2026-12-03T19:00:00+01:00', 'scheduled'],
        [answer.event.id, '2026-12-08T19:00:00', '2026-12-08T19:00:00+01:00', 'scheduled'],
        [answer.event.id, '2026-12-10T19:00:00', '2026-12-10T19:00:00+01:00', 'scheduled'],
      ],
    );
    assert.ok(answer.occurrences.every((occurrence) => occurrence.title === 'Chorprobe des Gesangvereins'));

    // The session of the pages previews as well; nothing is stored, nothing audited.
    const asOwner = { ...sessionHeaders(hub.baseUrl, people.clubOwner.cookie) };
    const again = await expectDocumented(
      await preview(people.club, { event: rehearsal, from: '2027-01-01', to: '2027-01-08' }, asOwner),
      'previewEvent',
    );
    assert.deepEqual(
      again.occurrences.map((occurrence) => occurrence.recurrenceId),
      ['2027-01-05T19:00:00', '2027-01-07T19:00:00'],
    );
    assert.deepEqual(await storedState(), before);
    await expectProblem(await fetch(`${hub.baseUrl}/events/${answer.event.id}`), 404, 'not-found');
    const found = await client.occurrences('2026-12-01', '2026-12-15', '&q=Gesangverein');
    assert.deepEqual(found, [], 'the website lists nothing of it');
  });

  test('a draft previews as published: the preview is what the website would show', async () => {
    const answer = await expectDocumented(
      await preview(people.club, { event: { ...rehearsal, published: false }, from: '2026-12-01', to: '2026-12-04' }),
      'previewEvent',
    );
    assert.equal(answer.event.published, true);
    assert.deepEqual(
      answer.occurrences.map((occurrence) => occurrence.recurrenceId),
      ['2026-12-03T19:00:00'],
    );
  });

  test('replacing a stored event: the typed fields in place, its cancelled date kept, the stored one unchanged', async () => {
    const stored = await client.created(people.club, { ...rehearsal, title: 'Chorprobe', price: '2 €', isFree: false });
    const cancelled = await expectDocumented(
      await client.patch(stored.id, { overrides: [{ recurrenceId: '2026-12-10T19:00', status: 'cancelled' }] }, clubKey),
      'updateEvent',
    );
    const before = await storedState();

    const answer = await expectDocumented(
      await preview(people.club, {
        event: { ...rehearsal, title: 'Chorprobe (neuer Raum)', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TH' }, published: false },
        replaces: stored.id,
        from: '2026-12-01',
        to: '2026-12-25',
      }),
      'previewEvent',
    );
    assert.equal(answer.event.id, stored.id);
    assert.equal(answer.event.title, 'Chorprobe (neuer Raum)');
    assert.equal(answer.event.price, '2 €', 'what was not sent stays as stored');
    assert.deepEqual(
      answer.occurrences.map(({ recurrenceId, status, title }) => [recurrenceId, status, title]),
      [
        ['2026-12-03T19:00:00', 'scheduled', 'Chorprobe (neuer Raum)'],
        ['2026-12-10T19:00:00', 'cancelled', 'Chorprobe (neuer Raum)'],
        ['2026-12-17T19:00:00', 'scheduled', 'Chorprobe (neuer Raum)'],
        ['2026-12-24T19:00:00', 'scheduled', 'Chorprobe (neuer Raum)'],
      ],
    );

    assert.deepEqual(await storedState(), before);
    const now = await expectDocumented(await fetch(`${hub.baseUrl}/events/${stored.id}`), 'getEvent');
    assert.deepEqual(now, cancelled, 'the stored event, its version included, is as it was');
  });

  test('fields a save would refuse: a 422 naming them inside the body’s event', async () => {
    // The schema's rule (a title is required) and the Hub's own (the end before the start).
    const schema = await expectProblem(
      await preview(people.club, { event: { ...rehearsal, title: '' }, from: '2026-12-01', to: '2026-12-15' }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      schema.errors?.map((error) => error.pointer),
      ['/body/event/title'],
    );
    const order = await expectProblem(
      await preview(people.club, { event: { ...rehearsal, end: '2026-12-03T18:00' }, from: '2026-12-01', to: '2026-12-15' }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      order.errors?.map(({ pointer, code }) => [pointer, code]),
      [['/body/event/end', 'end-before-start']],
    );
    // The range is the body's too: named there, not as a query parameter.
    const range = await expectProblem(
      await preview(people.club, { event: rehearsal, from: '2026-12-15', to: '2026-12-01' }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      range.errors?.map(({ pointer, code }) => [pointer, code]),
      [['/body/to', 'end-before-start']],
    );
  });

  test('another organization’s event is not found; another organization’s key is refused', async () => {
    const theirs = await client.created(other, eventBody({ title: 'Nachbarschaftscafé' }));
    const before = await storedState();
    await expectProblem(
      await preview(people.club, {
        event: { ...rehearsal, title: 'Übernommen' },
        replaces: theirs.id,
        from: '2026-12-01',
        to: '2026-12-15',
      }),
      404,
      'not-found',
    );
    await expectProblem(
      await preview(people.club, { event: rehearsal, from: '2026-12-01', to: '2026-12-15' }, jsonWithKey(otherKey)),
      403,
      'forbidden',
    );
    assert.deepEqual(await storedState(), before);
    assert.equal((await expectDocumented(await fetch(`${hub.baseUrl}/events/${theirs.id}`), 'getEvent')).title, 'Nachbarschaftscafé');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { pinClock } from '../src/clock.js';
import { fromNow, pinTestClock, testNow } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

/** `W/"<updatedAt ms, base 36>.<hash>"`: the version part of an ETag. */
const versionIn = (etag: string | null) => /^W\/"([0-9a-z]+)\.[^"]+"$/.exec(etag ?? '')?.[1];

describe('safe editing: ETag versions and If-Match', () => {
  let hub: TestHub;
  let organization: string;
  before(async () => {
    pinTestClock();
    hub = await startTestHub();
    organization = await eventClient(hub).newOrganization('Gesangverein Edit-Safety');
  });
  after(() => hub.close());

  const read = (path: string, headers: Record<string, string> = {}) => fetch(`${hub.baseUrl}${path}`, { headers });
  const change = (method: 'PATCH' | 'DELETE', path: string, body: unknown, ifMatch?: string, key = hub.adminToken) =>
    fetch(`${hub.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? { authorization: `Bearer ${key}` } : jsonWithKey(key)),
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const etagOf = async (path: string) => {
    const response = await read(path);
    assert.equal(response.status, 200, await response.clone().text());
    return response.headers.get('etag')!;
  };

  test('an entry read carries its stored version; a save answers with the new one; a stale If-Match is refused', async () => {
    const event = await eventClient(hub).created(organization, eventBody());
    const path = `/events/${event.id}`;
    const loaded = await etagOf(path);
    assert.equal(versionIn(loaded), Date.parse(event.updatedAt).toString(36));

    const saved = await change('PATCH', path, { title: 'Chorprobe (neu)' }, loaded);
    const body = await expectDocumented(saved, 'updateEvent');
    const next = saved.headers.get('etag');
    assert.equal(versionIn(next), Date.parse(body.updatedAt).toString(36));
    assert.notEqual(versionIn(next), versionIn(loaded));
    assert.equal(next, await etagOf(path), 'the save answers with the ETag a read gives');

    const stale = await expectProblem(await change('PATCH', path, { title: 'Überschrieben' }, loaded), 412, 'edited-elsewhere');
    assert.match(stale.detail!, /event was changed at .*after the version this change is based on/);
    await expectProblem(await change('DELETE', path, undefined, loaded), 412, 'edited-elsewhere');
    assert.equal((await expectDocumented(await read(path), 'getEvent')).title, 'Chorprobe (neu)', 'nothing was overwritten');

    // Without If-Match everything works as before (API clients that never read first).
    assert.equal((await change('PATCH', path, { title: 'Chorprobe' }, undefined)).status, 200);
    // `*` matches any existing entry; a tag that is not a version of ours matches none (RFC 9110).
    assert.equal((await change('PATCH', path, { title: 'Chorprobe am Dienstag' }, '*')).status, 200);
    for (const garbage of ['"nonsense"', 'W/"zz"', 'nonsense', `"${versionIn(next)}"`]) {
      await expectProblem(await change('PATCH', path, { title: 'Nein' }, garbage), 412, 'edited-elsewhere');
    }
    const current = await etagOf(path);
    assert.equal((await change('PATCH', path, { title: 'Ja' }, `W/"other.x", ${current}`)).status, 200, 'one of a list matches');
    assert.equal((await change('DELETE', path, undefined, await etagOf(path))).status, 204);
    await expectProblem(await change('PATCH', path, { title: 'Weg' }, '*'), 404, 'not-found');
  });

  test('of two saves based on the same version only the first succeeds', async () => {
    const offer = await helpClient(hub).created(organization, offerBody());
    const entries = [
      { path: `/help-offers/${offer.id}`, body: (round: number) => ({ name: `Sprechstunde ${round}` }) },
      {
        path: `/events/${(await eventClient(hub).created(organization, eventBody())).id}`,
        body: (round: number) => ({ title: `Probe ${round}` }),
      },
    ];
    for (const { path, body } of entries) {
      for (let round = 0; round < 5; round += 1) {
        const version = await etagOf(path);
        const answers = await Promise.all([change('PATCH', path, body(round), version), change('PATCH', path, body(round + 100), version)]);
        assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 412], `${path} round ${round}`);
        const winner = (await answers.find((answer) => answer.status === 200)!.json()) as Record<string, unknown>;
        const stored = (await (await read(path)).json()) as Record<string, unknown>;
        assert.equal(stored['updatedAt'], winner['updatedAt'], 'what is stored is the save that succeeded');
      }
    }
  });

  test('derived fields (open now) change the ETag for If-None-Match, never the version for If-Match', async () => {
    // Wednesdays 10:00–11:00; testNow is a Wednesday at 10:15.
    const offer = await helpClient(hub).created(
      organization,
      offerBody({ openingHours: { schedules: [{ byDay: ['WE'], opensAt: '10:00', closesAt: '11:00' }] } }),
    );
    const path = `/help-offers/${offer.id}`;
    const open = await read(path);
    assert.equal((await expectDocumented(open, 'getHelpOffer')).openNow, true);
    const loaded = open.headers.get('etag')!;
    assert.equal((await read(path, { 'if-none-match': loaded })).status, 304);

    pinClock(new Date(Date.parse(testNow) + 2 * 3_600_000));
    try {
      const closed = await read(path, { 'if-none-match': loaded });
      assert.equal(closed.status, 200, 'the answer changed: 304 compares the whole tag');
      assert.equal((await expectDocumented(closed, 'getHelpOffer')).openNow, false);
      assert.notEqual(closed.headers.get('etag'), loaded);
      assert.equal(versionIn(closed.headers.get('etag')), versionIn(loaded));
      assert.equal(
        (await change('PATCH', path, { name: 'Sprechstunde am Mittwoch' }, loaded)).status,
        200,
        'the form saved at 10:15 still saves',
      );
    } finally {
      pinTestClock();
    }
  });

  test("an accepted volunteer and a poll's opening by time leave the stored version as it was", async () => {
    await change('PATCH', `/organizations/${organization}`, { privacyPolicyUrl: 'https://gesangverein.example/datenschutz' });
    const volunteering = volunteerClient(hub);
    const need = await volunteering.created(organization, needBody());
    const needPath = `/volunteer-needs/${need.id}`;
    const loadedNeed = await etagOf(needPath);
    assert.equal((await volunteering.respond(need.id, await volunteering.responseBody(need))).status, 201);
    const key = (await createApiKey(hub.database.db, { organizationId: organization, scopes: ['volunteer-responses:manage'] })).key;
    const { items } = (await (await volunteering.responses(organization, key)).json()) as { items: { id: string }[] };
    assert.equal((await volunteering.decide(organization, items[0]!.id, { status: 'accepted' }, key)).status, 200);
    const accepted = await read(needPath);
    assert.equal((await expectDocumented(accepted, 'getVolunteerNeed')).peopleStillNeeded, need.peopleStillNeeded - 1);
    assert.equal(versionIn(accepted.headers.get('etag')), versionIn(loadedNeed));
    assert.equal((await change('PATCH', needPath, { urgent: true }, loadedNeed)).status, 200);

    const poll = await pollClient(hub).created(organization, pollBody({ opensAt: fromNow(3_600_000) }));
    const pollPath = `/polls/${poll.id}`;
    const loadedPoll = await etagOf(pollPath);
    pinClock(new Date(Date.parse(testNow) + 2 * 3_600_000));
    try {
      const opened = await read(pollPath);
      assert.equal((await expectDocumented(opened, 'getPoll')).status, 'open');
      assert.equal(versionIn(opened.headers.get('etag')), versionIn(loadedPoll));
      assert.equal((await change('PATCH', pollPath, { description: 'Jetzt offen.' }, loadedPoll)).status, 200);
    } finally {
      pinTestClock();
    }
  });

  test('organizations, polls, tallies and volunteer needs take If-Match the same way', async () => {
    const key = (await createApiKey(hub.database.db, { organizationId: organization, scopes: ['polls:write', 'poll-codes:manage'] })).key;
    const poll = await pollClient(hub, key).created(organization, pollBody());
    const need = await volunteerClient(hub).created(organization, needBody());
    const cases = [
      { path: `/organizations/${organization}`, body: { description: 'Wir singen.' } },
      { path: `/polls/${poll.id}`, body: { description: 'Bitte abstimmen.' } },
      { path: `/volunteer-needs/${need.id}`, body: { description: 'Wir brauchen Hilfe beim Aufbau.' } },
    ];
    for (const { path, body } of cases) {
      const loaded = await etagOf(path);
      const saved = await change('PATCH', path, body, loaded);
      assert.equal(saved.status, 200, `${path}: ${await saved.clone().text()}`);
      assert.notEqual(versionIn(saved.headers.get('etag')), versionIn(loaded), path);
      await expectProblem(await change('PATCH', path, body, loaded), 412, 'edited-elsewhere');
    }
    await expectProblem(await change('DELETE', `/volunteer-needs/${need.id}`, undefined, '"stale.x"'), 412, 'edited-elsewhere');

    const [a] = poll.options;
    const tally = await expectDocumented(
      await pollClient(hub, key).tally(poll.id, { place: 'Saal', date: '2026-11-18', counts: [{ optionId: a!.id, count: 3 }] }),
      'createPollTally',
      201,
    );
    const tallyPath = `/polls/${poll.id}/tallies/${tally.id}`;
    const first = await change('PATCH', tallyPath, { note: 'gezählt' }, undefined, key);
    assert.equal(first.status, 200);
    const version = first.headers.get('etag')!;
    assert.equal(versionIn(version), Date.parse(((await first.json()) as { updatedAt: string }).updatedAt).toString(36));
    assert.equal((await change('PATCH', tallyPath, { note: 'nachgezählt' }, version, key)).status, 200);
    await expectProblem(await change('PATCH', tallyPath, { note: 'überschrieben' }, version, key), 412, 'edited-elsewhere');
  });
});

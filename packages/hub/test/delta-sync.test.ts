import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { purgeDeletions } from '../src/opendata/changes.js';
import { pinTestClock } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, writtenStraight, type TestHub } from './support/hub.js';
import { everyPage } from './support/pages.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { needBody, shiftBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

/**
 * A moment strictly between the writes before it and those after it: versions and tombstones hold
 * milliseconds (of the real clock, as the database and `nextVersion` write them), so a few
 * milliseconds either side keep a write from sharing the moment's millisecond.
 */
async function moment(): Promise<string> {
  await delay(3);
  const at = new Date().toISOString();
  await delay(3);
  return at;
}

const sorted = (ids: string[]) => [...ids].sort();

describe('delta sync: modifiedAfter and GET /deletions', () => {
  let hub: TestHub;
  let organization: string;
  before(async () => {
    pinTestClock();
    hub = await startTestHub({ deletions: { purgeIntervalMs: 0 } });
    organization = await helpClient(hub).organization('Nachbarschaftshilfe Delta');
  });
  after(() => hub.close());

  const remove = (path: string) =>
    fetch(`${hub.baseUrl}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${hub.adminToken}` } });
  const ok = async (response: Response) => assert.ok(response.ok, `${response.status} ${await response.clone().text()}`);
  /** Every tombstone after `since` (of one kind with `type`), following the cursor. */
  const deletions = (since: string, query = '') =>
    everyPage(`${hub.baseUrl}/deletions?modifiedAfter=${encodeURIComponent(since)}${query}`, 'listDeletions');
  const deletedIds = async (since: string, type: string) => sorted((await deletions(since, `&type=${type}`)).map((item) => item.id));

  test('help offers: exactly the changed one after the moment, with every filter and sort and across pages; deleted and unpublished ones as tombstones', async () => {
    const help = helpClient(hub);
    const [changed, deleted, unpublished, untouched] = [
      await help.created(organization, offerBody({ name: 'Delta-Sprechstunde Montag' })),
      await help.created(organization, offerBody({ name: 'Delta-Sprechstunde Dienstag' })),
      await help.created(organization, offerBody({ name: 'Delta-Sprechstunde Mittwoch' })),
      await help.created(organization, offerBody({ name: 'Delta-Sprechstunde Donnerstag' })),
    ];
    const since = await moment();
    await ok(await help.patch(changed.id, { description: 'Beratung ohne Termin, jetzt auch abends.' }));
    await ok(await help.remove(deleted.id));
    await ok(await help.patch(unpublished.id, { published: false }));

    const changedSince = async (query: string) =>
      sorted((await help.searchAll(`modifiedAfter=${encodeURIComponent(since)}${query}`)).map((item) => item.id));
    assert.deepEqual(await changedSince(''), [changed.id]);
    // The condition narrows every search, never ranks: by relevance, distance and name.
    assert.deepEqual(await changedSince('&q=Sprechstunde'), [changed.id]);
    assert.deepEqual(await changedSince('&near=49.78,9.88&sort=distance'), [changed.id]);
    assert.deepEqual(await changedSince(`&organization=${organization}&topic=einsamkeit`), [changed.id]);
    assert.deepEqual(await changedSince('&municipality=zell-a-main'), []);
    assert.deepEqual(await deletedIds(since, 'help-offer'), sorted([deleted.id, unpublished.id]));
    const tombstone = (await deletions(since)).find((item) => item.id === deleted.id);
    assert.equal(tombstone?.organizationId, organization);
    assert.ok(tombstone.deletedAt > since);

    // Paging keeps its cursor: two changed offers, one a page.
    const later = await moment();
    await ok(await help.patch(untouched.id, { description: 'Neu.' }));
    await ok(await help.patch(changed.id, { description: 'Wieder neu.' }));
    const pages = await help.searchAll(`modifiedAfter=${encodeURIComponent(later)}&q=Sprechstunde`, 1);
    assert.deepEqual(sorted(pages.map((item) => item.id)), sorted([changed.id, untouched.id]));

    // Published again: it leaves the tombstones and is in the list of changes.
    const republished = await moment();
    await ok(await help.patch(unpublished.id, { published: true }));
    assert.deepEqual(await deletedIds(since, 'help-offer'), [deleted.id]);
    const again = await help.searchAll(`modifiedAfter=${encodeURIComponent(republished)}`);
    assert.deepEqual(
      again.map((item) => item.id),
      [unpublished.id],
    );
  });

  test("events: occurrences of the changed event, each with the event's updatedAt; deleted and unpublished ones as tombstones", async () => {
    const events = eventClient(hub);
    const weekly = { recurrence: { rule: 'FREQ=WEEKLY;COUNT=3' } };
    const [changed, deleted, unpublished] = [
      await events.created(organization, eventBody({ title: 'Delta-Chorprobe', ...weekly })),
      await events.created(organization, eventBody({ title: 'Delta-Lesung' })),
      await events.created(organization, eventBody({ title: 'Delta-Konzert' })),
    ];
    const since = await moment();
    await ok(await events.patch(changed.id, { description: 'Neue Stücke.' }));
    await ok(await events.remove(deleted.id));
    await ok(await events.patch(unpublished.id, { published: false }));

    const occurrences = await events.occurrences('2026-03-01', '2026-04-01', `&modifiedAfter=${encodeURIComponent(since)}`);
    assert.equal(occurrences.length, 3, 'every occurrence of the changed series');
    assert.deepEqual([...new Set(occurrences.map((item) => item.eventId))], [changed.id]);
    for (const item of occurrences) assert.ok(item.updatedAt !== undefined && item.updatedAt > since, item.updatedAt);
    assert.deepEqual(await deletedIds(since, 'event'), sorted([deleted.id, unpublished.id]));

    const republished = await moment();
    await ok(await events.patch(unpublished.id, { published: true }));
    assert.deepEqual(await deletedIds(since, 'event'), [deleted.id]);
    const again = await events.occurrences('2026-03-01', '2026-04-01', `&modifiedAfter=${encodeURIComponent(republished)}`);
    assert.deepEqual([...new Set(again.map((item) => item.eventId))], [unpublished.id]);
  });

  test('volunteer needs: the changed one and the one whose shifts changed; deleted and unpublished ones as tombstones', async () => {
    const volunteering = volunteerClient(hub);
    const [changed, deleted, unpublished, withShifts] = [
      await volunteering.created(organization, needBody({ title: 'Delta-Helfende Aufbau' })),
      await volunteering.created(organization, needBody({ title: 'Delta-Helfende Abbau' })),
      await volunteering.created(organization, needBody({ title: 'Delta-Helfende Ausschank' })),
      await volunteering.created(organization, needBody({ title: 'Delta-Helfende Kasse' })),
    ];
    const since = await moment();
    await ok(await volunteering.patch(changed.id, { description: 'Aufbau ab 8 Uhr.' }));
    await ok(await remove(`/volunteer-needs/${deleted.id}`));
    await ok(await volunteering.patch(unpublished.id, { published: false }));
    // A new shift shows on the need's page: the need changed.
    await ok(await volunteering.createShifts(withShifts.id, shiftBody(30)));

    const changedSince = async (since: string) =>
      sorted(
        (await everyPage(`${hub.baseUrl}/volunteer-needs?modifiedAfter=${encodeURIComponent(since)}&limit=1`, 'listVolunteerNeeds')).map(
          (item) => item.id,
        ),
      );
    assert.deepEqual(await changedSince(since), sorted([changed.id, withShifts.id]));
    assert.deepEqual(await deletedIds(since, 'volunteer-need'), sorted([deleted.id, unpublished.id]));

    const republished = await moment();
    await ok(await volunteering.patch(unpublished.id, { published: true }));
    assert.deepEqual(await deletedIds(since, 'volunteer-need'), [deleted.id]);
    assert.deepEqual(await changedSince(republished), [unpublished.id]);
  });

  test('polls: exactly the changed one after the moment', async () => {
    const polls = pollClient(hub);
    const [changed] = [await polls.created(organization, pollBody()), await polls.created(organization, pollBody())];
    const since = await moment();
    await ok(await polls.patch(changed.id, { description: 'Bitte bis Freitag abstimmen.' }));
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/polls?modifiedAfter=${encodeURIComponent(since)}`), 'listPolls');
    assert.deepEqual(
      page.items.map((item) => item.id),
      [changed.id],
    );
  });

  test('organizations: a new name changes the organization and what shows it; a deleted one leaves tombstones for itself and each of its public entries', async () => {
    const help = helpClient(hub);
    const renamed = await help.organization('Tafel Delta');
    const offer = await help.created(renamed, offerBody({ name: 'Delta-Lebensmittelausgabe' }));
    const need = await volunteerClient(hub).created(renamed, needBody({ title: 'Delta-Fahrende gesucht' }));
    const since = await moment();
    const rename = await fetch(`${hub.baseUrl}/organizations/${renamed}`, {
      method: 'PATCH',
      headers: jsonWithKey(hub.adminToken),
      body: JSON.stringify({ name: 'Tafel Delta e.V.' }),
    });
    await ok(rename);
    const organizations = await everyPage(`${hub.baseUrl}/organizations?modifiedAfter=${encodeURIComponent(since)}`, 'listOrganizations');
    assert.deepEqual(
      organizations.map((item) => item.id),
      [renamed],
    );
    const offers = await help.searchAll(`modifiedAfter=${encodeURIComponent(since)}`);
    assert.deepEqual(
      offers.map((item) => [item.id, item.organization.name]),
      [[offer.id, 'Tafel Delta e.V.']],
    );
    const needs = await everyPage(`${hub.baseUrl}/volunteer-needs?modifiedAfter=${encodeURIComponent(since)}`, 'listVolunteerNeeds');
    assert.deepEqual(
      needs.map((item) => [item.id, item.organization.name]),
      [[need.id, 'Tafel Delta e.V.']],
    );

    // Deleted (no route does; the database's cascade takes its entries): every public one leaves a tombstone, a draft none.
    const gone = await help.organization('Heimatverein Delta');
    const goneOffer = await help.created(gone, offerBody({ name: 'Delta-Heimatstube' }));
    await help.created(gone, offerBody({ name: 'Delta-Entwurf', published: false }));
    const goneEvent = await eventClient(hub).created(gone, eventBody({ title: 'Delta-Heimatabend' }));
    const goneNeed = await volunteerClient(hub).created(gone, needBody({ title: 'Delta-Museumsdienst' }));
    const deletedSince = await moment();
    await hub.database.db.deleteFrom('organizations').where('id', '=', gone).execute();
    const tombstones = await deletions(deletedSince);
    assert.deepEqual(
      sorted(tombstones.map((item) => `${item.type} ${item.id} ${item.organizationId}`)),
      sorted([
        `organization ${gone} ${gone}`,
        `help-offer ${goneOffer.id} ${gone}`,
        `event ${goneEvent.id} ${gone}`,
        `volunteer-need ${goneNeed.id} ${gone}`,
      ]),
    );
  });

  test('an organization no longer approved leaves tombstones for itself and its public entries; approved again, they come back in the lists', async () => {
    const help = helpClient(hub);
    const paused = await help.organization('Sportverein Delta');
    const offer = await help.created(paused, offerBody({ name: 'Delta-Rehasport' }));
    await help.created(paused, offerBody({ name: 'Delta-Rehasport-Entwurf', published: false }));
    const need = await volunteerClient(hub).created(paused, needBody({ title: 'Delta-Übungsleitung gesucht' }));
    const setStatus = (status: 'approved' | 'rejected') =>
      writtenStraight(hub, () => hub.database.db.updateTable('organizations').set({ status }).where('id', '=', paused).execute());

    const rejectedSince = await moment();
    await setStatus('rejected');
    assert.deepEqual(
      sorted((await deletions(rejectedSince)).map((item) => `${item.type} ${item.id}`)),
      sorted([`organization ${paused}`, `help-offer ${offer.id}`, `volunteer-need ${need.id}`]),
    );

    const approvedSince = await moment();
    await setStatus('approved');
    assert.deepEqual(await deletions(rejectedSince), []);
    assert.deepEqual(
      (await help.searchAll(`modifiedAfter=${encodeURIComponent(approvedSince)}`)).map((item) => item.id),
      [offer.id],
    );
    const needs = await everyPage(
      `${hub.baseUrl}/volunteer-needs?modifiedAfter=${encodeURIComponent(approvedSince)}`,
      'listVolunteerNeeds',
    );
    assert.deepEqual(
      needs.map((item) => item.id),
      [need.id],
    );
  });

  test('tombstones page oldest first by moment, kind and id; a page read again is not modified', async () => {
    const all = await expectDocumented(await fetch(`${hub.baseUrl}/deletions?limit=100`), 'listDeletions');
    assert.ok(all.items.length > 4, `three pages or more of the tests' tombstones: ${all.items.length}`);
    const key = (item: (typeof all.items)[number]) => [item.deletedAt, item.type, item.id].join(' ');
    assert.deepEqual(all.items.map(key), all.items.map(key).sort());
    const paged = await everyPage(`${hub.baseUrl}/deletions?limit=2`, 'listDeletions');
    assert.deepEqual(paged, all.items);

    const first = await fetch(`${hub.baseUrl}/deletions?limit=2`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${hub.baseUrl}/deletions?limit=2`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('a modifiedAfter that is no moment is refused, naming the parameter', async () => {
    for (const path of [
      '/deletions?',
      '/help-offers?',
      '/events?from=2026-03-01&to=2026-04-01&',
      '/organizations?',
      '/volunteer-needs?',
      '/polls?',
    ]) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}${path}modifiedAfter=yesterday`), 400, 'invalid-request');
      assert.equal(problem.errors?.[0]?.pointer, '/query/modifiedAfter', path);
    }
  });

  test('the purge deletes only the tombstones older than the retention period', async () => {
    const db = hub.database.db;
    // The tombstones of the tests before are minutes old: they stay.
    const at = new Date();
    const daysBefore = (count: number) => new Date(at.getTime() - count * 86_400_000);
    const old = '00000000-0000-4000-8000-00000000d001';
    const kept = '00000000-0000-4000-8000-00000000d002';
    // Written as the triggers do, at moments of the past (the table's moment is the database's own).
    await sql`INSERT INTO deleted_entries (kind, id, deleted_at)
      VALUES ('help-offer', ${old}::uuid, ${daysBefore(90.001)}), ('help-offer', ${kept}::uuid, ${daysBefore(89.999)})`.execute(db);
    const before = await db.selectFrom('deleted_entries').select('id').execute();
    assert.equal(await purgeDeletions(db, 90, at), 1);
    const left = (await db.selectFrom('deleted_entries').select('id').execute()).map((row) => row.id);
    assert.deepEqual(sorted(left), sorted(before.map((row) => row.id).filter((id) => id !== old)));
  });
});

import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { refreshDueSubscriptions } from '../src/events/subscriptions.js';
import { fetchFeed, isPublicAddress } from '../src/events/subscription-fetch.js';
import { sessionHeaders, signedInAs } from './support/accounts.js';
import { pinTestClock } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

const CRLF = '\r\n';
const vevent = (uid: string, summary: string, day = '10') => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  `DTSTART:202612${day}T180000Z`,
  'DURATION:PT2H',
  `SUMMARY:${summary}`,
  'END:VEVENT',
];
const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Verein//Kalender//DE', ...events.flat(), 'END:VCALENDAR'].join(CRLF) + CRLF;

interface Answer {
  status: number;
  body?: string;
  type?: string;
  etag?: string;
  lastModified?: string;
}

/** A website that serves feeds: each path answers as the test sets it, with ETag and Last-Modified, and honours conditional requests. */
class FeedServer {
  readonly answers = new Map<string, Answer>();
  readonly requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  private server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    this.requests.push({ path, headers: request.headers });
    const answer = this.answers.get(path) ?? { status: 404, body: 'Not found', type: 'text/plain' };
    const fresh =
      answer.status === 200 &&
      ((answer.etag && request.headers['if-none-match'] === answer.etag) ||
        (!answer.etag && answer.lastModified && request.headers['if-modified-since'] === answer.lastModified));
    if (answer.etag) response.setHeader('ETag', answer.etag);
    if (answer.lastModified) response.setHeader('Last-Modified', answer.lastModified);
    if (fresh) return response.writeHead(304).end();
    response.writeHead(answer.status, { 'content-type': answer.type ?? 'text/calendar; charset=utf-8' }).end(answer.body ?? '');
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }
  serve(path: string, answer: Answer): string {
    this.answers.set(path, answer);
    return this.url(path);
  }
  lastRequest(path: string) {
    return this.requests.filter((request) => request.path === path).at(-1)!;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type Subscription = Schema<'CalendarSubscription'>;

describe('calendar subscriptions', () => {
  let hub: TestHub;
  const feeds = new FeedServer();
  const client = () => eventClient(hub);
  const base = (org: string) => `${hub.baseUrl}/organizations/${org}/calendar-subscriptions`;

  const subscribe = (org: string, url: string, headers: Record<string, string> = jsonWithKey(hub.adminToken)) =>
    fetch(base(org), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
  const subscribed = async (org: string, url: string) => expectDocumented(await subscribe(org, url), 'createCalendarSubscription', 201);
  const refresh = async (org: string, id: string) =>
    expectDocumented(
      await fetch(`${base(org)}/${id}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${hub.adminToken}` } }),
      'refreshCalendarSubscription',
    );
  /** The organization's stored events by UID, with their titles. */
  const titles = async (org: string) => {
    const rows = await hub.database.db.selectFrom('events').select(['uid', 'title']).where('organization_id', '=', org).execute();
    return Object.fromEntries(rows.map((row) => [row.uid, row.title]));
  };

  before(async () => {
    pinTestClock();
    await feeds.start();
    hub = await startTestHub({ calendarSubscriptions: { allowPrivateAddresses: true, roundIntervalMs: 0, timeoutMs: 2_000 } });
  });
  after(async () => {
    await hub.close();
    await feeds.close();
  });

  test('the first fetch imports the feed; later ones ask conditionally, and a 304 changes nothing', async () => {
    const org = await client().newOrganization('Gesangverein Abo');
    const own = await client().created(org, eventBody({ title: 'Im Arbeitsbereich angelegt' }));
    const url = feeds.serve('/verein.ics', {
      status: 200,
      body: calendar(vevent('probe@verein', 'Chorprobe'), vevent('fest@verein', 'Sommerfest', '12')),
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT',
    });

    const created = await subscribe(org, url);
    assert.equal(created.headers.get('location')?.startsWith(`/organizations/${org}/calendar-subscriptions/`), true);
    const first = await expectDocumented(created, 'createCalendarSubscription', 201);
    assert.equal(first.status, 'ok');
    assert.deepEqual(first.lastResult, { created: 2, updated: 0, unchanged: 0, removed: 0 });
    assert.equal(first.lastError, null);
    assert.ok(first.lastChangedAt && first.lastCheckedAt);
    assert.equal(new Date(first.nextCheckAt).getTime() - new Date(first.lastCheckedAt).getTime(), 3_600_000, 'again in an hour');
    assert.deepEqual(await titles(org), { 'probe@verein': 'Chorprobe', 'fest@verein': 'Sommerfest', [own.uid]: own.title });

    const unchanged = await refresh(org, first.id);
    const asked = feeds.lastRequest('/verein.ics').headers;
    assert.equal(asked['if-none-match'], '"v1"');
    assert.equal(asked['if-modified-since'], 'Tue, 01 Dec 2026 08:00:00 GMT');
    assert.equal(unchanged.status, 'ok');
    assert.deepEqual(unchanged.lastResult, { created: 0, updated: 0, unchanged: 2, removed: 0 });
    assert.equal(unchanged.lastChangedAt, first.lastChangedAt, 'a 304 is no change');

    // The club edits its calendar: one event changed, one gone, one new.
    feeds.serve('/verein.ics', {
      status: 200,
      body: calendar(vevent('probe@verein', 'Chorprobe (Pfarrheim)'), vevent('konzert@verein', 'Adventskonzert', '20')),
      etag: '"v2"',
    });
    const changed = await refresh(org, first.id);
    assert.deepEqual(changed.lastResult, { created: 1, updated: 1, unchanged: 0, removed: 1 });
    assert.deepEqual(await titles(org), {
      'probe@verein': 'Chorprobe (Pfarrheim)',
      'konzert@verein': 'Adventskonzert',
      [own.uid]: own.title,
    });

    // Without an ETag the Last-Modified date is what is sent back.
    feeds.serve('/verein.ics', {
      status: 200,
      body: calendar(vevent('probe@verein', 'Chorprobe')),
      lastModified: 'Wed, 02 Dec 2026 07:00:00 GMT',
    });
    await refresh(org, first.id);
    feeds.answers.get('/verein.ics')!.body = 'not served: the date did not change';
    const byDate = await refresh(org, first.id);
    assert.equal(feeds.lastRequest('/verein.ics').headers['if-modified-since'], 'Wed, 02 Dec 2026 07:00:00 GMT');
    assert.equal(byDate.status, 'ok');
    assert.deepEqual(byDate.lastResult, { created: 0, updated: 0, unchanged: 1, removed: 0 });
  });

  test('a failed fetch or an invalid feed changes no event and says why, with each bad line', async () => {
    const org = await client().newOrganization('Sportverein Ausfall');
    const url = feeds.serve('/sport.ics', { status: 200, body: calendar(vevent('training@sport', 'Training')), etag: '"s1"' });
    const subscription = await subscribed(org, url);
    const before = await titles(org);
    assert.deepEqual(before, { 'training@sport': 'Training' });

    const expectFailure = async (kind: string, detail: RegExp): Promise<Subscription> => {
      const failed = await refresh(org, subscription.id);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.lastError?.kind, kind);
      assert.match(failed.lastError.detail, detail);
      assert.deepEqual(failed.lastResult, subscription.lastResult, 'the last import stays on record');
      assert.deepEqual(await titles(org), before, `${kind}: no event changed`);
      return failed;
    };

    feeds.serve('/sport.ics', { status: 404, body: 'Not found', type: 'text/plain' });
    await expectFailure('http-status', /answered 404/);

    feeds.serve('/sport.ics', {
      status: 200,
      body: '<!doctype html><title>Termine</title><p>Unsere Termine',
      type: 'text/html; charset=utf-8',
    });
    await expectFailure('not-icalendar', /HTML page/);

    feeds.serve('/sport.ics', {
      status: 200,
      body: calendar(vevent('neu@sport', 'Neu'), [
        'BEGIN:VEVENT',
        'UID:kaputt@sport',
        'DTSTART:20261210T180000Z',
        'SUMMARY Training',
        'END:VEVENT',
      ]),
      etag: '"s2"',
    });
    const invalid = await expectFailure('invalid', /One line/);
    assert.equal(invalid.lastError!.lines.length, 1);
    assert.equal(invalid.lastError!.lines[0]!.line, 13);
    assert.match(invalid.lastError!.lines[0]!.reason, /SUMMARY Training/);

    feeds.serve('/sport.ics', { status: 200, body: 'x'.repeat(5 * 1024 * 1024 + 1), etag: '"big"' });
    await expectFailure('too-large', /5 MiB/);

    // The website is down: nothing listens on the port any more.
    const down = new FeedServer();
    await down.start();
    const downUrl = down.serve('/weg.ics', { status: 200, body: calendar(vevent('weg@sport', 'Weg')) });
    await down.close();
    const gone = await subscribed(org, downUrl);
    assert.equal(gone.status, 'failed');
    assert.equal(gone.lastError?.kind, 'unreachable');
    assert.match(gone.lastError.detail, /refused/);
    assert.equal(gone.lastResult, null);
    assert.deepEqual(await titles(org), before);

    // Fixed: the validators of the last import were kept, so an unchanged feed is a 304 again.
    feeds.serve('/sport.ics', { status: 200, body: calendar(vevent('training@sport', 'Training')), etag: '"s1"' });
    const fixed = await refresh(org, subscription.id);
    assert.equal(feeds.lastRequest('/sport.ics').headers['if-none-match'], '"s1"');
    assert.equal(fixed.status, 'ok');
    assert.equal(fixed.lastError, null);
  });

  test("one feed's import and its end touch its own events only", async () => {
    const org = await client().newOrganization('Musikverein Zwei Feeds');
    const own = await client().created(org, eventBody({ title: 'Vorstandssitzung' }));
    // The manual import (no subscription) brought an event earlier.
    await expectDocumented(await client().importFeed(org, calendar(vevent('hand@musik', 'Von Hand importiert'))), 'importCalendar');
    const a = await subscribed(
      org,
      feeds.serve('/a.ics', { status: 200, body: calendar(vevent('a1@musik', 'Probe A'), vevent('geteilt@musik', 'Geteilt')) }),
    );
    // Feed B also lists the shared UID: it stays feed A's event, feed B leaves it alone.
    const b = await subscribed(
      org,
      feeds.serve('/b.ics', { status: 200, body: calendar(vevent('b1@musik', 'Probe B'), vevent('geteilt@musik', 'Anders')) }),
    );
    assert.deepEqual(b.lastResult, { created: 1, updated: 0, unchanged: 1, removed: 0 });
    const all = {
      'a1@musik': 'Probe A',
      'geteilt@musik': 'Geteilt',
      'b1@musik': 'Probe B',
      'hand@musik': 'Von Hand importiert',
      [own.uid]: own.title,
    };
    assert.deepEqual(await titles(org), all);

    // Feed B empties: only its own event goes.
    feeds.serve('/b.ics', { status: 200, body: calendar() });
    assert.deepEqual((await refresh(org, b.id)).lastResult, { created: 0, updated: 0, unchanged: 0, removed: 1 });
    const { 'b1@musik': _b, ...withoutB } = all;
    assert.deepEqual(await titles(org), withoutB);

    // The manual import of an empty file removes only what was imported by hand.
    await expectDocumented(await client().importFeed(org, calendar()), 'importCalendar');
    const { 'hand@musik': _hand, ...withoutHand } = withoutB;
    assert.deepEqual(await titles(org), withoutHand);

    // Ending A's subscription takes its events along.
    const ended = await fetch(`${base(org)}/${a.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hub.adminToken}` } });
    assert.equal(ended.status, 204);
    assert.deepEqual(await titles(org), { [own.uid]: own.title });
    const list = await expectDocumented(
      await fetch(base(org), { headers: { authorization: `Bearer ${hub.adminToken}` } }),
      'listCalendarSubscriptions',
    );
    assert.deepEqual(
      list.items.map((item) => item.id),
      [b.id],
    );
    await expectProblem(
      await fetch(`${base(org)}/${a.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hub.adminToken}` } }),
      404,
      'not-found',
    );
  });

  test('the same address twice is a conflict; another organization cannot reach a subscription', async () => {
    const org = await client().newOrganization('Heimatverein Doppelt');
    const other = await client().newOrganization('Nachbarverein');
    const url = feeds.serve('/heimat.ics', { status: 200, body: calendar() });
    const subscription = await subscribed(org, url);
    await expectProblem(await subscribe(org, url), 409, 'conflict');
    // Another organization may subscribe to the same feed.
    await subscribed(other, url);
    await expectProblem(
      await fetch(`${base(other)}/${subscription.id}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${hub.adminToken}` } }),
      404,
      'not-found',
    );
  });

  test('an editor may subscribe; a member of another organization and an anonymous client may not', async () => {
    const org = await client().newOrganization('Kulturverein Rollen');
    const other = await client().newOrganization('Fremder Verein');
    const url = feeds.serve('/kultur.ics', { status: 200, body: calendar(vevent('lesung@kultur', 'Lesung')) });
    const editor = await signedInAs(hub.database.db, { email: 'editor@kultur.example', organizationId: org, role: 'editor' });
    const editorsFeed = await expectDocumented(
      await subscribe(org, url, sessionHeaders(hub.baseUrl, editor)),
      'createCalendarSubscription',
      201,
    );
    assert.equal(editorsFeed.status, 'ok');
    const stranger = await signedInAs(hub.database.db, { email: 'owner@fremd.example', organizationId: other, role: 'owner' });
    await expectProblem(await subscribe(org, feeds.url('/fremd.ics'), sessionHeaders(hub.baseUrl, stranger)), 403, 'forbidden');
    await expectProblem(await fetch(base(org), { headers: { cookie: stranger } }), 403, 'forbidden');
    await expectProblem(await subscribe(org, feeds.url('/anonym.ics'), {}), 401, 'unauthorized');
  });

  test('the schedule fetches each feed an hour after its last check', async () => {
    const org = await client().newOrganization('Feuerwehr Zeitplan');
    const url = feeds.serve('/feuerwehr.ics', { status: 200, body: calendar(vevent('uebung@fw', 'Übung')), etag: '"f1"' });
    const subscription = await subscribed(org, url);
    const checkedAt = new Date(subscription.lastCheckedAt!).getTime();
    const options = { allowPrivateAddresses: true };
    const fetched = () => feeds.requests.filter((request) => request.path === '/feuerwehr.ics').length;
    const before = fetched();
    // Other tests' subscriptions are due too; this one's fetches are counted.
    await refreshDueSubscriptions(hub.database.db, options, new Date(checkedAt + 59 * 60_000));
    assert.equal(fetched(), before, 'not due before the hour');
    await refreshDueSubscriptions(hub.database.db, options, new Date(checkedAt + 60 * 60_000));
    assert.equal(fetched(), before + 1);
    const list = await expectDocumented(
      await fetch(base(org), { headers: { authorization: `Bearer ${hub.adminToken}` } }),
      'listCalendarSubscriptions',
    );
    assert.equal(list.items[0]!.lastCheckedAt, new Date(checkedAt + 60 * 60_000).toISOString());
    assert.equal(list.items[0]!.nextCheckAt, new Date(checkedAt + 120 * 60_000).toISOString());
  });

  test('rounds of several Hub processes at once fetch each due feed once', async () => {
    const org = await client().newOrganization('Feuerwehr zwei Prozesse');
    const url = feeds.serve('/zwei.ics', { status: 200, body: calendar(vevent('probe@fw', 'Probe')), etag: '"z1"' });
    const subscription = await subscribed(org, url);
    const due = new Date(new Date(subscription.nextCheckAt).getTime() + 60_000);
    const fetched = () => feeds.requests.filter((request) => request.path === '/zwei.ics').length;
    const before = fetched();
    // Each round claims its feeds before fetching: the other round passes them over.
    await Promise.all([1, 2, 3].map(() => refreshDueSubscriptions(hub.database.db, { allowPrivateAddresses: true }, due)));
    assert.equal(fetched(), before + 1);
    const [row] = await hub.database.db
      .selectFrom('calendar_subscriptions')
      .select('next_check_at')
      .where('id', '=', subscription.id)
      .execute();
    assert.equal(
      row!.next_check_at.toISOString(),
      new Date(due.getTime() + 60 * 60_000).toISOString(),
      'the check records the real next one',
    );
  });
});

describe('fetching a feed only from public hosts', () => {
  test('loopback, private, link-local and reserved addresses are refused, unless allowed', async () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['93.184.215.14', '2a00:1450:4001:82b::200e', '::ffff:93.184.215.14']) {
      assert.equal(isPublicAddress(address), true, address);
    }
    const feeds = new FeedServer();
    await feeds.start();
    try {
      const url = feeds.serve('/lokal.ics', { status: 200, body: calendar() });
      const none = { etag: null, lastModified: null };
      await assert.rejects(fetchFeed(url, none), { kind: 'unreachable', detail: /private or local address/ });
      // By name: the check runs on the address the name resolves to.
      await assert.rejects(fetchFeed(url.replace('127.0.0.1', 'localhost'), none), {
        kind: 'unreachable',
        detail: /private or local address/,
      });
      // With the development setting on, the same feed is fetched.
      assert.equal((await fetchFeed(url, none, { allowPrivateAddresses: true })).changed, true);
      assert.equal(feeds.requests.length, 1, 'only the allowed fetch reached the server');
    } finally {
      await feeds.close();
    }
  });

  test('a server that does not answer in time is unreachable', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/langsam.ics`;
      await assert.rejects(fetchFeed(url, { etag: null, lastModified: null }, { allowPrivateAddresses: true, timeoutMs: 200 }), {
        kind: 'unreachable',
        detail: /did not answer in time/,
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

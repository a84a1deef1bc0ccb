import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { eventBody, eventClient } from './support/events.js';
import { expectDocumented, type DocumentedBody } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { dayFromNow } from './support/clock.js';

function isoDate(offsetDays: number): string {
  return dayFromNow(offsetDays);
}

describe('events API', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;
  let club: string;
  let other: string;
  let clubKey: string;

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    other = await client.organizationId('Nachbarschaftshilfe Höchberg e.V.');
    clubKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['events:write'] })).key;
  });
  after(() => hub.close());

  test('demo data: at least 60 example events, with something coming up in every month ahead', async () => {
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/organizations/${club}/events?limit=100`), 'listOrganizationEvents');
    assert.ok(page.items.length > 0 && page.items.every((event) => event.isExample));
    const count = await hub.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) >= 60, `${count.n} events`);
    const items = await client.occurrences(isoDate(0), isoDate(90));
    for (const [from, to] of [
      [0, 30],
      [30, 60],
      [60, 90],
    ] as const) {
      const within = items.filter((item) => item.start.slice(0, 10) >= isoDate(from) && item.start.slice(0, 10) < isoDate(to));
      assert.ok(within.length >= 10, `${within.length} occurrences in days ${from}–${to}`);
    }
    assert.ok(
      items.some((item) => item.status === 'cancelled'),
      'a cancelled occurrence',
    );
    assert.ok(
      items.some((item) => item.allDay && item.end > item.start),
      'a multi-day all-day event',
    );
    assert.ok(
      items.some((item) => item.recurrence?.rule?.startsWith('FREQ=MONTHLY')),
      'a monthly event',
    );
    assert.ok(new Set(items.map((item) => item.location?.municipalityId)).size >= 15, 'across the region');
    const sorted = items.map((item) => Date.parse(item.start.length === 10 ? `${item.start}T00:00:00+01:00` : item.start));
    assert.ok(
      sorted.every((value, index) => index === 0 || value >= sorted[index - 1]! - 3_600_000),
      'sorted by start',
    );
  });

  test('an organization creates, reads, updates and deletes its event with its key', async () => {
    const response = await client.create(
      club,
      eventBody({
        title: 'Sommerfest',
        start: '2027-07-03T14:00',
        end: '2027-07-03T22:00',
        link: 'https://tsv.example/fest',
        isFree: false,
        price: '3 €',
      }),
      clubKey,
    );
    const event = await expectDocumented(response, 'createEvent', 201);
    assert.equal(response.headers.get('location'), `/events/${event.id}`);
    assert.equal(event.uid, event.id);
    assert.equal(event.start, '2027-07-03T14:00:00');
    assert.equal(event.timeZone, 'Europe/Berlin');
    assert.equal(event.status, 'scheduled');
    assert.equal(event.imported, false);
    assert.deepEqual(event.organizer, { organizationId: club, name: 'TSV Ochsenfurt 1862 e.V.' });
    assert.deepEqual(await expectDocumented(await fetch(`${hub.baseUrl}/events/${event.id}`), 'getEvent'), event);

    const patched = await client.patch(
      event.id,
      { title: 'Sommerfest am Main', price: null, recurrence: { rule: 'FREQ=YEARLY;COUNT=3' } },
      clubKey,
    );
    const updated = await expectDocumented(patched, 'updateEvent');
    assert.equal(updated.title, 'Sommerfest am Main');
    assert.equal(updated.price, null);
    assert.equal(updated.link, 'https://tsv.example/fest');
    assert.deepEqual(updated.recurrence?.summary, { de: 'jährlich am 3. Juli, 3-mal', en: 'yearly on July 3, 3 times' });
    assert.equal((await client.of(event.id, '2028-01-01', '2028-12-31')).length, 1);

    assert.equal((await client.remove(event.id, clubKey)).status, 204);
    await expectProblem(await fetch(`${hub.baseUrl}/events/${event.id}`), 404, 'not-found');
    await expectProblem(await client.remove(event.id, clubKey), 404, 'not-found');
  });

  test("another organization's key → 403; a key without events:write → 403; no key → 401", async () => {
    const event = await client.created(other, eventBody());
    await expectProblem(await client.create(other, eventBody(), clubKey), 403, 'forbidden');
    await expectProblem(await client.patch(event.id, { title: 'Übernommen' }, clubKey), 403, 'forbidden');
    await expectProblem(await client.remove(event.id, clubKey), 403, 'forbidden');
    await expectProblem(await client.importFeed(other, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', clubKey), 403, 'forbidden');
    const orgOnly = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['organization:write'] })).key;
    await expectProblem(await client.create(club, eventBody(), orgOnly), 403, 'forbidden');
    const anonymous = await fetch(`${hub.baseUrl}/events/${event.id}`, { method: 'DELETE' });
    await expectProblem(anonymous, 401, 'unauthorized');
    assert.equal((await fetch(`${hub.baseUrl}/events/${event.id}`)).status, 200);
  });

  test('filters: municipality, organization, category, free text with umlaut folding', async () => {
    const from = isoDate(0);
    const to = isoDate(120);
    const all = await client.occurrences(from, to);
    const inHoechberg = await client.occurrences(from, to, '&municipality=hoechberg');
    assert.ok(inHoechberg.length > 0 && inHoechberg.every((item) => item.location?.municipalityId === 'hoechberg'));
    const two = await client.occurrences(from, to, '&municipality=hoechberg&municipality=eisingen');
    assert.ok(
      two.length > inHoechberg.length && two.every((item) => ['hoechberg', 'eisingen'].includes(item.location?.municipalityId ?? '')),
    );
    const ofClub = await client.occurrences(from, to, `&organization=${club}`);
    assert.ok(ofClub.length > 0 && ofClub.length < all.length);
    const seniors = await client.occurrences(from, to, '&category=seniors');
    assert.ok(seniors.length > 0 && seniors.length < all.length);
    const weinfest = await client.occurrences(from, to, '&q=WEINFEST');
    assert.deepEqual([...new Set(weinfest.map((item) => item.title))], ['Weinfest am Main']);
    const hoechberg = await client.occurrences(from, to, `&q=${encodeURIComponent('Hoechberg repair')}`);
    assert.ok(hoechberg.length > 0 && hoechberg.every((item) => item.title === 'Repair-Café Höchberg'));
    assert.equal((await client.occurrences(from, to, '&q=%25')).length, 0);
  });

  test('pages: cursor and limit cover every occurrence once, in order', async () => {
    const from = isoDate(0);
    const to = isoDate(60);
    const all = await client.occurrences(from, to);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: DocumentedBody<'listEventOccurrences', 200> = await expectDocumented(
        await fetch(`${hub.baseUrl}/events?from=${from}&to=${to}&limit=7${cursor ? `&cursor=${cursor}` : ''}`),
        'listEventOccurrences',
      );
      assert.ok(page.items.length <= 7);
      seen.push(...page.items.map((item) => `${item.eventId} ${item.recurrenceId}`));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.map((item) => `${item.eventId} ${item.recurrenceId}`),
    );
  });

  test('categories are listed with German and English names', async () => {
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/event-categories`), 'listEventCategories');
    assert.equal(page.items.length, 12);
    assert.deepEqual(page.items.find((item) => item.id === 'citizens-participation')?.name, {
      de: 'Bürgerbeteiligung',
      en: 'Citizen participation',
    });
  });

  test('ranges: more than 366 days, an end before the start or no real date → 400 saying so', async () => {
    const tooLong = await expectProblem(await fetch(`${hub.baseUrl}/events?from=2026-01-01&to=2027-01-03`), 400, 'invalid-request');
    assert.match(tooLong.detail ?? '', /at most 366 days/);
    assert.equal(tooLong.errors?.[0]?.pointer, '/query/to');
    assert.equal((await fetch(`${hub.baseUrl}/events?from=2028-01-01&to=2029-01-01`)).status, 200, 'a leap year is 366 days');
    const backwards = await expectProblem(await fetch(`${hub.baseUrl}/events?from=2026-02-01&to=2026-01-01`), 400, 'invalid-request');
    assert.match(backwards.detail ?? '', /after "from"/);
    await expectProblem(await fetch(`${hub.baseUrl}/events?from=2026-01-01&to=2026-01-01`), 400, 'invalid-request');
    for (const query of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-01-01',
      'to=2026-01-01',
      'from=gestern&to=2026-01-01',
      'from=2026-01-01T10:00&to=2026-02-01',
    ]) {
      await expectProblem(await fetch(`${hub.baseUrl}/events?${query}`), 400, 'invalid-request');
    }
    await expectProblem(await fetch(`${hub.baseUrl}/events.ics?from=2026-01-01&to=2027-06-01`), 400, 'invalid-request');
  });

  test('bad filters, ids and cursors → 400 naming them', async () => {
    for (const [query, pointer] of [
      ['category=kirmes', '/query/category/0'],
      ['municipality=Höchberg', '/query/municipality/0'],
      ['organization=TSV%20Ochsenfurt', '/query/organization/0'],
      ['limit=101', '/query/limit'],
      ['cursor=bm9wZQ', '/query/cursor'],
    ] as const) {
      const problem = await expectProblem(
        await fetch(`${hub.baseUrl}/events?from=2026-01-01&to=2026-02-01&${query}`),
        400,
        'invalid-request',
      );
      assert.equal(problem.errors?.[0]?.pointer, pointer, query);
    }
    await expectProblem(await fetch(`${hub.baseUrl}/events/not-an-id`), 400, 'invalid-request');
    await expectProblem(await fetch(`${hub.baseUrl}/events/not-an-id.ics`), 400, 'invalid-request');
    await expectProblem(await fetch(`${hub.baseUrl}/events/3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11`), 404, 'not-found');
    await expectProblem(await fetch(`${hub.baseUrl}/organizations/3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11/events`), 404, 'not-found');
    await expectProblem(await client.create('3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11', eventBody()), 404, 'not-found');
  });

  test('bad events → 422 naming the field and the reason, never a 500', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '' }, '/body/title', /fewer than 1/],
      [{ start: '2026-13-01T10:00', end: '2026-13-01T12:00' }, '/body/start', /real date/],
      [{ end: '2026-03-03T18:00' }, '/body/end', /before start/],
      [{ start: '2026-03-03', end: '2026-03-03' }, '/body/start', /date and time/],
      [{ allDay: true }, '/body/start', /must be a date/],
      [{ timeZone: 'Mars/Olympus' }, '/body/timeZone', /IANA/],
      [{ recurrence: { rule: 'FREQ=HOURLY' } }, '/body/recurrence/rule', /pattern/],
      [{ recurrence: { rule: 'FREQ=WEEKLY;BYDAY=XX' } }, '/body/recurrence/rule', /RRULE/],
      [{ recurrence: { rule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20270101' } }, '/body/recurrence/rule', /COUNT or UNTIL/],
      [{ recurrence: {} }, '/body/recurrence', /rule or rdates/],
      // RFC 5545 forbids BYMONTHDAY in a weekly rule; it parses, but cannot be expanded.
      [{ recurrence: { rule: 'FREQ=WEEKLY;BYMONTHDAY=31' } }, '/body/recurrence/rule', /cannot be expanded/],
      [{ overrides: [{ recurrenceId: '2026-03-03T19:00', status: 'cancelled' }] }, '/body/overrides', /recurring/],
      [
        { recurrence: { rule: 'FREQ=WEEKLY;COUNT=2' }, overrides: [{ recurrenceId: '2026-03-04T19:00', status: 'cancelled' }] },
        '/body/overrides/0/recurrenceId',
        /not an occurrence/,
      ],
      [{ location: { name: 'Halle', municipalityId: 'atlantis' } }, '/body/location/municipalityId', /not a known municipality/],
      [{ categories: ['kirmes'] }, '/body/categories/0', /allowed values/],
      [{ link: 'javascript:alert(1)' }, '/body/link', /pattern/],
      [{ start: '1900-01-01T10:00', end: '1900-01-01T11:00' }, '/body/start', /1970/],
      [{ colour: 'red' }, '/body/colour', /not a known field/],
    ];
    for (const [change, pointer, reason] of cases) {
      const problem = await expectProblem(await client.create(club, eventBody(change)), 422, 'validation-failed');
      const error = problem.errors?.find((entry) => entry.pointer === pointer);
      assert.ok(error, `${JSON.stringify(change)}: ${JSON.stringify(problem.errors)}`);
      assert.match(error.reason, reason, JSON.stringify(change));
    }
    const event = await client.created(club, eventBody());
    await expectProblem(await client.patch(event.id, {}), 422, 'validation-failed');
    await expectProblem(await client.patch(event.id, { end: '2026-03-02T10:00' }), 422, 'validation-failed');
    const broken = await fetch(`${hub.baseUrl}/organizations/${club}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: '{"title": ',
    });
    await expectProblem(broken, 400, 'invalid-request');
  });
});

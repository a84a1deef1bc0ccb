import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventBody, eventClient } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';

/** The offset Intl knows for an instant in Berlin: an independent check of the Hub's time zone math. */
function berlinOffset(iso: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName')!.value;
  return name.replace('GMT', '');
}

describe('event recurrence and time zones (Europe/Berlin)', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;
  let org: string;

  before(async () => {
    hub = await startTestHub();
    client = eventClient(hub);
    org = await client.organizationId('Katholische Pfarreiengemeinschaft Am Maintor');
  });
  after(() => hub.close());

  test('weekly 19:00 stays 19:00 local across the March and October DST changes', async () => {
    const event = await client.created(
      org,
      eventBody({
        start: '2026-03-17T19:00',
        end: '2026-03-17T21:00',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T235959Z' },
      }),
    );
    const items = await client.of(event.id, '2026-03-01', '2026-12-01');
    assert.equal(items.length, 35);
    for (const item of items) {
      assert.match(item.start, /T19:00:00[+]0[12]:00$/, item.start);
      assert.match(item.end, /T21:00:00[+]0[12]:00$/, item.end);
      assert.equal(item.start.slice(19), berlinOffset(item.start), `offset of ${item.start}`);
      assert.equal(item.recurrenceId, item.start.slice(0, 19));
    }
    const byDay = new Map(items.map((item) => [item.start.slice(0, 10), item.start]));
    assert.equal(byDay.get('2026-03-24'), '2026-03-24T19:00:00+01:00');
    assert.equal(byDay.get('2026-03-31'), '2026-03-31T19:00:00+02:00');
    assert.equal(byDay.get('2026-10-20'), '2026-10-20T19:00:00+02:00');
    assert.equal(byDay.get('2026-10-27'), '2026-10-27T19:00:00+01:00');
    assert.deepEqual(items[0]!.recurrence?.summary, {
      de: 'jeden Dienstag, bis 10. November 2026',
      en: 'every Tuesday, until November 10, 2026',
    });
    // Exactly one week apart in local time means 167 or 169 hours across a change.
    const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
    assert.equal(hours(byDay.get('2026-03-24')!, byDay.get('2026-03-31')!), 167);
    assert.equal(hours(byDay.get('2026-10-20')!, byDay.get('2026-10-27')!), 169);
  });

  test('EXDATE leaves an occurrence out, RDATE adds one (before the start too: the set is their union)', async () => {
    const event = await client.created(
      org,
      eventBody({
        start: '2026-04-07T19:00',
        end: '2026-04-07T21:00',
        recurrence: {
          rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
          exdates: ['2026-04-14T19:00'],
          rdates: ['2026-04-16T18:00', '2026-04-02T18:00'],
        },
      }),
    );
    const items = await client.of(event.id, '2026-04-01', '2026-05-31');
    assert.deepEqual(
      items.map((item) => item.start),
      [
        '2026-04-02T18:00:00+02:00',
        '2026-04-07T19:00:00+02:00',
        '2026-04-16T18:00:00+02:00',
        '2026-04-21T19:00:00+02:00',
        '2026-04-28T19:00:00+02:00',
      ],
    );
  });

  test('overrides move, retitle or cancel single occurrences; a cancelled event cancels all', async () => {
    const event = await client.created(
      org,
      eventBody({
        start: '2026-05-05T19:00',
        end: '2026-05-05T21:00',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
        overrides: [
          { recurrenceId: '2026-05-12T19:00', status: 'cancelled' },
          { recurrenceId: '2026-05-19T19:00', start: '2026-05-21T20:00', title: 'Chorprobe (verlegt)', location: null },
        ],
      }),
    );
    const items = await client.of(event.id, '2026-05-01', '2026-06-01');
    assert.deepEqual(
      items.map((item) => [item.recurrenceId, item.start, item.end, item.status, item.title]),
      [
        ['2026-05-05T19:00:00', '2026-05-05T19:00:00+02:00', '2026-05-05T21:00:00+02:00', 'scheduled', 'Chorprobe'],
        ['2026-05-12T19:00:00', '2026-05-12T19:00:00+02:00', '2026-05-12T21:00:00+02:00', 'cancelled', 'Chorprobe'],
        ['2026-05-19T19:00:00', '2026-05-21T20:00:00+02:00', '2026-05-21T22:00:00+02:00', 'scheduled', 'Chorprobe (verlegt)'],
        ['2026-05-26T19:00:00', '2026-05-26T19:00:00+02:00', '2026-05-26T21:00:00+02:00', 'scheduled', 'Chorprobe'],
      ],
    );
    assert.equal(items[2]!.location, null);
    // A moved occurrence is found where it now is, not where it was.
    assert.equal((await client.of(event.id, '2026-05-19', '2026-05-20')).length, 0);
    assert.equal((await client.of(event.id, '2026-05-21', '2026-05-22')).length, 1);

    assert.equal((await client.patch(event.id, { status: 'cancelled' })).status, 200);
    const cancelled = await client.of(event.id, '2026-05-01', '2026-06-01');
    assert.ok(cancelled.length === 4 && cancelled.every((item) => item.status === 'cancelled'));
  });

  test('all-day events keep their dates across DST, multi-day ones span their days', async () => {
    const weekend = await client.created(org, eventBody({ title: 'Weinfest', allDay: true, start: '2026-03-28', end: '2026-03-30' }));
    const [fest] = await client.of(weekend.id, '2026-03-01', '2026-04-30');
    assert.equal(fest!.start, '2026-03-28');
    assert.equal(fest!.end, '2026-03-30');
    assert.equal(fest!.allDay, true);
    // The last day (after the change to summer time) still belongs to the event; the day after does not.
    assert.equal((await client.of(weekend.id, '2026-03-30', '2026-03-31')).length, 1);
    assert.equal((await client.of(weekend.id, '2026-03-31', '2026-04-01')).length, 0);
    assert.equal((await client.of(weekend.id, '2026-03-27', '2026-03-28')).length, 0);

    const sundays = await client.created(
      org,
      eventBody({ title: 'Flohmarkt', allDay: true, start: '2026-10-18', end: '2026-10-18', recurrence: { rule: 'FREQ=WEEKLY;COUNT=3' } }),
    );
    const items = await client.of(sundays.id, '2026-10-01', '2026-11-30');
    assert.deepEqual(
      items.map((item) => [item.start, item.end]),
      [
        ['2026-10-18', '2026-10-18'],
        ['2026-10-25', '2026-10-25'],
        ['2026-11-01', '2026-11-01'],
      ],
    );
  });

  test('an event crossing midnight ends on the next day and is found from both days', async () => {
    const party = await client.created(org, eventBody({ title: 'Kirchweihtanz', start: '2026-10-24T20:00', end: '2026-10-25T03:00' }));
    const [item] = await client.of(party.id, '2026-10-25', '2026-10-26');
    // The night of the change to winter time: seven hours on the clock, eight in reality.
    assert.equal(item!.start, '2026-10-24T20:00:00+02:00');
    assert.equal(item!.end, '2026-10-25T03:00:00+01:00');
    assert.equal((Date.parse(item!.end) - Date.parse(item!.start)) / 3_600_000, 8);
    assert.equal((await client.of(party.id, '2026-10-24', '2026-10-25')).length, 1);
    assert.equal((await client.of(party.id, '2026-10-23', '2026-10-24')).length, 0);
  });

  test('monthly by weekday, and ranges given as date-times with offsets', async () => {
    const monthly = await client.created(
      org,
      eventBody({ start: '2026-01-07T15:00', end: '2026-01-07T17:00', recurrence: { rule: 'FREQ=MONTHLY;BYDAY=1WE' } }),
    );
    const items = await client.of(monthly.id, '2026-02-01', '2026-06-01');
    assert.deepEqual(
      items.map((item) => item.start.slice(0, 10)),
      ['2026-02-04', '2026-03-04', '2026-04-01', '2026-05-06'],
    );
    assert.equal(items[0]!.recurrence?.summary.de, 'jeden ersten Mittwoch im Monat');
    // A range given with offsets: 14:30–15:30 UTC on 2026-04-01 is 16:30–17:30 in Berlin, the end of the event.
    const exact = await client.of(monthly.id, '2026-04-01T14:30:00Z', '2026-04-01T15:30:00Z');
    assert.equal(exact.length, 1);
    const later = await client.of(monthly.id, '2026-04-01T15:00:00Z', '2026-04-01T16:00:00Z');
    assert.equal(later.length, 0);
  });

  test('a long-running weekly series is expanded correctly years after it started', async () => {
    const old = await client.created(
      org,
      eventBody({ start: '2019-01-01T10:00', end: '2019-01-01T11:00', recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' } }),
    );
    const items = await client.of(old.id, '2026-06-01', '2026-07-01');
    // 2019-01-01 is a Tuesday; every second Tuesday from there.
    assert.deepEqual(
      items.map((item) => item.start),
      ['2026-06-09T10:00:00+02:00', '2026-06-23T10:00:00+02:00'],
    );
  });
});

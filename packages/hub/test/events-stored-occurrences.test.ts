import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { pinClock } from '../src/clock.js';
import { openDatabase, type HubDatabase } from '../src/db/connection.js';
import { dataFromRow, scheduleOf } from '../src/events/model.js';
import { compareOccurrences, findOccurrences, occurrencesAfter, parseRange, position, type Range } from '../src/events/occurrences.js';
import { eventsInRange } from '../src/events/queries.js';
import { occurrencesBetween } from '../src/events/recurrence.js';
import { fillStaleEvents, horizonFor, refreshStoredOccurrences, storedCover } from '../src/events/stored-occurrences.js';
import { now, pinTestClock, testNow } from './support/clock.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { eventBody, eventClient } from './support/events.js';
import type { TestHub } from './support/hub.js';

/** What a range shows, expanded now (the answer before occurrences were stored). */
async function expanded(db: HubDatabase['db'], range: Range) {
  const rows = await eventsInRange(db, {}, range.from, range.to);
  return rows
    .flatMap((row) =>
      occurrencesBetween(scheduleOf(dataFromRow(row)), range.from.getTime(), range.to.getTime()).map((occurrence) => ({ row, occurrence })),
    )
    .sort((a, b) => compareOccurrences(position(a), position(b)))
    .map(({ row, occurrence }) => ({ id: row.id, ...occurrence }));
}

async function found(db: HubDatabase['db'], range: Range) {
  return (await findOccurrences(db, {}, range)).map(({ row, occurrence }) => ({ id: row.id, ...occurrence }));
}

/** Every page of `occurrencesAfter`, `size` at a time, as GET /events pages with its cursor. */
async function paged(db: HubDatabase['db'], range: Range, size: number) {
  const all: Awaited<ReturnType<typeof found>> = [];
  let last: ReturnType<typeof position> | undefined;
  for (;;) {
    const page = await occurrencesAfter(db, {}, range, last, size);
    all.push(...page.map(({ row, occurrence }) => ({ id: row.id, ...occurrence })));
    if (page.length < size) return all;
    last = position(page.at(-1)!);
  }
}

async function listening(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

describe('stored occurrences of events', () => {
  let database: TestDatabase;
  /** The same database opened by a second Hub process (on PGlite, which one process owns, the same handle). */
  let second: HubDatabase;
  let hubs: FastifyInstance[];
  let hub: TestHub;
  let otherUrl: string;
  let org: string;
  let weekly: string;
  const adminToken = 'stored-occurrences-admin-token-0123456789';

  before(async () => {
    database = await openTestDatabase();
    second = database.url ? await openDatabase({ url: database.url }) : database.database;
    // The Hub's own job also runs at start; the test brings the horizon up to date itself, so it knows when.
    await refreshStoredOccurrences(database.database.db);
    const first = await buildApp({ database: database.database, adminToken, rateLimit: false, logger: false });
    const other = await buildApp({ database: second, adminToken, rateLimit: false, logger: false });
    hubs = [first, other];
    hub = { baseUrl: await listening(first), adminToken, app: first, database: database.database, close: async () => {} };
    otherUrl = await listening(other);
    const client = eventClient(hub);
    org = await client.newOrganization('Gesangverein Randersacker');
    // Within the horizon: the DST weeks of 2027, EXDATE, RDATE, moved, retitled and cancelled occurrences.
    const created = await client.created(
      org,
      eventBody({
        title: 'Chorprobe',
        start: '2027-03-02T19:00',
        end: '2027-03-02T21:00',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU', exdates: ['2027-03-16T19:00'], rdates: ['2027-03-25T02:30'] },
        overrides: [
          { recurrenceId: '2027-03-23T19:00', status: 'cancelled' },
          { recurrenceId: '2027-03-30T19:00', start: '2027-04-01T20:00', title: 'Chorprobe (verlegt)', location: null },
        ],
      }),
    );
    weekly = created.id;
    await client.created(org, eventBody({ title: 'Weinfest', allDay: true, start: '2027-03-27', end: '2027-03-29' }));
    await client.created(
      org,
      eventBody({
        title: 'Nachtwanderung',
        start: '2027-10-30T23:30',
        end: '2027-10-31T03:30',
        recurrence: { rule: 'FREQ=DAILY;COUNT=3' },
      }),
    );
    await client.created(
      org,
      eventBody({
        title: 'Sprechstunde',
        timeZone: 'Europe/London',
        start: '2027-10-29T09:00',
        end: '2027-10-29T10:00',
        recurrence: { rule: 'FREQ=DAILY;COUNT=5' },
      }),
    );
    await client.created(
      org,
      eventBody({ title: 'Adventsmarkt', allDay: true, start: '2026-11-28', end: '2026-12-24', status: 'cancelled' }),
    );
  });

  after(async () => {
    pinTestClock();
    for (const app of hubs) await app.close();
    if (second !== database.database) await second.close();
    await database.database.close();
    await database.drop();
  });

  test('give what expanding gives, page by page too: DST weeks, EXDATE, RDATE, overrides, cancelled, all-day, another zone', async () => {
    const db = database.database.db;
    for (const [from, to] of [
      ['2027-03-01', '2027-04-05'],
      ['2027-10-25', '2027-11-02'],
      ['2026-12-01', '2027-01-01'],
      ['2027-03-28T01:00:00+01:00', '2027-03-28T04:00:00+02:00'],
    ] as const) {
      const range = parseRange(from, to);
      assert.equal(await storedCover(db, range.from, range.to), true, `${from} is stored`);
      const expected = await expanded(db, range);
      assert.ok(expected.length > 0, `occurrences from ${from}`);
      assert.deepEqual(await found(db, range), expected, `${from}–${to}`);
      assert.deepEqual(await paged(db, range, 7), expected, `${from}–${to} in pages of 7`);
    }
    const march = await found(db, parseRange('2027-03-01', '2027-04-05'));
    const mine = march.filter((item) => item.id === weekly);
    assert.ok(!mine.some((item) => item.recurrenceId === '2027-03-16T19:00:00'), 'EXDATE');
    assert.equal(mine.find((item) => item.recurrenceId === '2027-03-30T19:00:00')?.start, '2027-04-01T20:00:00+02:00');
    assert.equal(mine.find((item) => item.recurrenceId === '2027-03-23T19:00:00')?.override?.status, 'cancelled');
  });

  test('an edit moves the stored occurrences at once, and the other process answers with them', async () => {
    const client = eventClient(hub);
    const overrides = [
      { recurrenceId: '2027-03-23T19:00', status: 'cancelled' },
      { recurrenceId: '2027-03-30T19:00', start: '2027-04-01T20:00', title: 'Chorprobe (verlegt)', location: null },
      { recurrenceId: '2027-03-09T19:00', start: '2027-03-10T18:00' },
    ];
    assert.equal((await client.patch(weekly, { overrides })).status, 200);
    const stored = await database.database.db
      .selectFrom('event_occurrences')
      .select(['start_text', 'end_text'])
      .where('event_id', '=', weekly)
      .where('recurrence_id', '=', '2027-03-09T19:00:00')
      .execute();
    assert.deepEqual(stored, [{ start_text: '2027-03-10T18:00:00+01:00', end_text: '2027-03-10T20:00:00+01:00' }]);
    const range = parseRange('2027-03-09', '2027-03-11');
    assert.equal(await storedCover(second.db, range.from, range.to), true);
    const response = await fetch(`${otherUrl}/events?from=2027-03-09&to=2027-03-11&organization=${org}`);
    const page = (await response.json()) as { items: { eventId: string; start: string }[] };
    assert.deepEqual(
      page.items.filter((item) => item.eventId === weekly).map((item) => item.start),
      ['2027-03-10T18:00:00+01:00'],
    );
  });

  test('a second process reads what the first stored: a new event is there at once', async () => {
    const client = eventClient(hub);
    const created = await client.created(
      org,
      eventBody({ title: 'Probe im Pfarrheim', start: '2027-02-10T19:00', end: '2027-02-10T20:00' }),
    );
    const range = parseRange('2027-02-10', '2027-02-11');
    assert.equal(await storedCover(second.db, range.from, range.to), true);
    const seen = await findOccurrences(second.db, { organization: [org] }, range);
    assert.deepEqual(
      seen.map(({ row, occurrence }) => [row.id, occurrence.start]),
      [[created.id, '2027-02-10T19:00:00+01:00']],
    );
    assert.equal((await client.remove(created.id)).status, 204);
    assert.equal(
      (await database.database.db.selectFrom('event_occurrences').select('event_id').where('event_id', '=', created.id).execute()).length,
      0,
    );
    assert.deepEqual(await findOccurrences(second.db, { organization: [org] }, range), []);
  });

  test('a range beyond the horizon is expanded, with the same answer', async () => {
    const db = database.database.db;
    const { to } = horizonFor();
    const range = { from: new Date(to.getTime() - 10 * 86_400_000), to: new Date(to.getTime() + 20 * 86_400_000) };
    assert.equal(await storedCover(db, range.from, range.to), false);
    const expected = await expanded(db, range);
    assert.ok(
      expected.some((item) => item.id === weekly && item.startMs >= to.getTime()),
      'the weekly series goes on past the horizon',
    );
    assert.deepEqual(await found(db, range), expected);
    assert.deepEqual(await paged(db, range, 5), expected);
  });

  test('an event written past the API is expanded until the Hub stores it', async () => {
    const db = database.database.db;
    await db.updateTable('events').set({ occurrences_hash: null }).where('id', '=', weekly).execute();
    const range = parseRange('2027-03-01', '2027-04-05');
    assert.equal(await storedCover(db, range.from, range.to), false);
    assert.deepEqual(await found(db, range), await expanded(db, range));
    assert.ok((await fillStaleEvents(db)) >= 1);
    assert.equal(await storedCover(db, range.from, range.to), true);
    assert.deepEqual(await found(db, range), await expanded(db, range));
  });

  test('the daily job moves the horizon with the date', async () => {
    const db = database.database.db;
    const before = horizonFor();
    pinClock(new Date(new Date(testNow).getTime() + 40 * 86_400_000));
    try {
      const target = horizonFor(now());
      assert.ok(target.to > before.to && target.from > before.from);
      const range = { from: new Date(before.to.getTime() - 86_400_000), to: new Date(target.to.getTime() - 86_400_000) };
      assert.equal(await storedCover(db, range.from, range.to), false, 'not stored yet');
      assert.deepEqual(await refreshStoredOccurrences(db), { moved: true, filled: 0 });
      const horizon = await db.selectFrom('event_occurrence_horizon').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([horizon.stored_from, horizon.stored_until], [target.from, target.to]);
      assert.equal(await storedCover(db, range.from, range.to), true, 'stored now');
      const newDays = await db
        .selectFrom('event_occurrences')
        .select('start_at')
        .where('event_id', '=', weekly)
        .where('start_at', '>=', before.to)
        .execute();
      assert.ok(newDays.length >= 5, `${newDays.length} new occurrences of the weekly series`);
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM event_occurrences WHERE end_at < ${target.from}`.execute(db);
      assert.equal(left.rows[0]!.n, 0, 'nothing before the horizon stays');
      assert.deepEqual(await found(db, range), await expanded(db, range));
      assert.deepEqual(await refreshStoredOccurrences(db), { moved: false, filled: 0 }, 'the next round the same day does nothing');
    } finally {
      pinTestClock();
    }
  });

  test('after storing events written past the API, the statistics say how many are stale (reads plan from them)', async () => {
    const db = database.database.db;
    const staleShare = async () =>
      (
        await sql<{
          share: number;
        }>`SELECT null_frac AS share FROM pg_stats WHERE tablename = 'events' AND attname = 'occurrences_hash'`.execute(db)
      ).rows[0]?.share;
    // As after a bulk load that autovacuum analyzed (or an import before migration 0019): every event stale.
    await db.updateTable('events').set({ occurrences_hash: null }).execute();
    await sql`ANALYZE events`.execute(db);
    assert.equal(await staleShare(), 1);
    const { filled } = await refreshStoredOccurrences(db);
    assert.ok(filled > 0);
    const counts = await sql<{ stale: number; all: number }>`
      SELECT count(*) FILTER (WHERE occurrences_hash IS NULL)::int AS stale, count(*)::int AS all FROM events`.execute(db);
    const { stale, all } = counts.rows[0]!;
    // null_frac is a real (float4): equal to the share within its precision.
    assert.ok(Math.abs((await staleShare())! - stale / all) < 1e-6, 'taken anew after the fill');
    assert.deepEqual(await found(db, parseRange('2027-03-01', '2027-04-05')), await expanded(db, parseRange('2027-03-01', '2027-04-05')));
  });
});

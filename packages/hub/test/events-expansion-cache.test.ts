import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkEvent, completeInput, dataFromRow, scheduleOf, toColumns } from '../src/events/model.js';
import { findOccurrences, parseRange } from '../src/events/occurrences.js';
import { eventsInRange, findEvent, updateEvent } from '../src/events/queries.js';
import { knownMunicipalities } from '../src/orgs/lookups.js';
import { occurrencesBetween } from '../src/events/recurrence.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { dayFromNow, now } from './support/clock.js';

/** What a range shows, computed without the remembered expansions. */
async function expandedDirectly(database: TestDatabase, from: string, to: string) {
  const range = parseRange(from, to);
  const rows = await eventsInRange(database.database.db, {}, range.from, range.to);
  return rows
    .flatMap((row) =>
      occurrencesBetween(scheduleOf(dataFromRow(row)), range.from.getTime(), range.to.getTime()).map((occurrence) => ({
        id: row.id,
        ...occurrence,
      })),
    )
    .sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id) || (a.recurrenceId ?? '').localeCompare(b.recurrenceId ?? ''));
}

async function found(database: TestDatabase, from: string, to: string) {
  return (await findOccurrences(database.database.db, {}, parseRange(from, to))).map(({ row, occurrence }) => ({
    id: row.id,
    ...occurrence,
  }));
}

describe('remembered expansions of events', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.database.close();
    await database.drop();
  });

  test('give the same occurrences as expanding anew, on first and repeated requests, across DST changes', async () => {
    // The example events start from the day they are seeded; their series run on into next year.
    const year = now().getUTCFullYear() + 1;
    for (const [from, to] of [
      [dayFromNow(), dayFromNow(31)],
      [`${year}-03-01`, `${year}-04-01`],
      [`${year}-10-01`, `${year}-11-01`],
    ] as const) {
      const expected = await expandedDirectly(database, from, to);
      assert.ok(expected.length > 0, `occurrences from ${from}`);
      assert.deepEqual(await found(database, from, to), expected);
      assert.deepEqual(await found(database, from, to), expected, 'the second time, from memory');
    }
  });

  test('an edited event is expanded anew', async () => {
    const db = database.database.db;
    const [from, to] = ['2027-05-01', '2027-06-01'];
    const weekly = (await eventsInRange(db, {}, parseRange(from, to).from, parseRange(from, to).to)).find((row) =>
      row.rrule?.includes('WEEKLY'),
    );
    assert.ok(weekly, 'a weekly example event');
    const before = (await found(database, from, to)).filter((item) => item.id === weekly.id);
    const data = { ...dataFromRow(weekly), recurrence: { rule: 'FREQ=DAILY', rdates: [], exdates: [] } };
    const municipalities = await knownMunicipalities(db);
    await updateEvent(db, weekly.id, toColumns(checkEvent(completeInput(data), municipalities).data, municipalities));
    const afterEdit = (await found(database, from, to)).filter((item) => item.id === weekly.id);
    assert.ok(afterEdit.length > before.length, `${before.length} weekly, then ${afterEdit.length} daily`);
    assert.deepEqual(
      afterEdit,
      (await expandedDirectly(database, from, to)).filter((item) => item.id === weekly.id),
    );
    assert.ok(await findEvent(db, weekly.id));
  });
});

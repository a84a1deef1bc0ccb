import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from './support/hub.js';
import { needBody, shiftBody, volunteerClient, type NeedJson } from './support/volunteering.js';
import { fromNow } from './support/clock.js';

/*
 * The last places of a shift under concurrency, against a real Hub over HTTP with really solved
 * proofs of work: on PGlite, and on PostgreSQL when DATABASE_URL is set (CI runs both). The
 * capacity rule locks the chosen shifts in id order and counts under the lock, so exactly the
 * free places are taken and the rest are told the shift is full.
 */

const HOUR = 3_600_000;

interface ShiftFull {
  type: string;
  shiftId: string;
  alternatives: string[];
}

describe('volunteer shifts under concurrency: never overbooked', () => {
  let hub: TestHub;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;

  before(async () => {
    hub = await startTestHub({ volunteering: { purgeIntervalMs: 0, proofDifficulty: { minCounter: 200, maxCounter: 400 } } });
    client = volunteerClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
  });
  after(() => hub.close());

  const shiftNeed = () => client.created(club, needBody({ startsAt: fromNow(HOUR), endsAt: fromNow(30 * 24 * HOUR), peopleNeeded: 20 }));

  /** `count` complete sign-up bodies for the shifts, each with its own solved proof, ready before the race. */
  async function bodies(need: NeedJson, shiftIds: string[], count: number, prefix: string) {
    return Promise.all(
      Array.from({ length: count }, (_, index) =>
        client.responseBody(need, { name: `${prefix} ${index}`, email: `${prefix.toLowerCase()}-${index}@example.org`, shiftIds }),
      ),
    );
  }

  async function race(need: NeedJson, all: Record<string, unknown>[]) {
    const responses = await Promise.all(all.map((body) => client.respond(need.id, body)));
    return Promise.all(responses.map(async (response) => ({ status: response.status, body: (await response.json()) as ShiftFull })));
  }

  test('30 parallel sign-ups for the last 3 places: exactly 3 succeed, 27 are told "full" and offered the next shift', async () => {
    const need = await shiftNeed();
    const [bar] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 5, label: 'Bar' }));
    const [next] = await client.shiftsMade(need.id, shiftBody(27, { capacity: 6, label: 'Bar spät' }));
    for (const body of await bodies(need, [bar!.id], 2, 'Frueh')) assert.equal((await client.respond(need.id, body)).status, 201);

    const answers = await race(need, await bodies(need, [bar!.id], 30, 'Parallel'));
    const taken = answers.filter((answer) => answer.status === 201);
    const full = answers.filter((answer) => answer.status === 409);
    assert.equal(taken.length, 3, JSON.stringify(answers.filter((answer) => answer.status !== 201 && answer.status !== 409)));
    assert.equal(full.length, 27);
    for (const { body } of full) {
      assert.equal(body.type, '/problems/shift-full');
      assert.equal(body.shiftId, bar!.id);
      assert.deepEqual(body.alternatives, [next!.id]);
    }
    const [after] = await client.shifts(need.id);
    assert.deepEqual([after!.placesTaken, after!.placesFree, after!.status], [5, 0, 'full']);
    const stored = await hub.database.db
      .selectFrom('volunteer_signups')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('shift_id', '=', bar!.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.count), 5, 'five sign-ups in the database, no more');
  });

  test('parallel sign-ups for two shifts, one with a single place: one person gets both, the others store nothing', async () => {
    const need = await shiftNeed();
    const [scarce] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 1 }));
    const [roomy] = await client.shiftsMade(need.id, shiftBody(28, { capacity: 20 }));
    // Both orders: the lock order is the ids', not the request's.
    const orders = [
      [scarce!.id, roomy!.id],
      [roomy!.id, scarce!.id],
    ];
    const all = (await Promise.all(orders.map((order, index) => bodies(need, order, 6, `Beide${index}`)))).flat();
    const answers = await race(need, all);
    assert.equal(answers.filter((answer) => answer.status === 201).length, 1);
    assert.ok(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.shiftId === scarce!.id));
    assert.deepEqual(
      (await client.shifts(need.id)).map((shift) => shift.placesTaken),
      [1, 1],
      'the full shift blocked the whole sign-up',
    );
    const responses = await hub.database.db.selectFrom('volunteer_responses').select('id').where('need_id', '=', need.id).execute();
    assert.equal(responses.length, 1, 'refused sign-ups leave no response behind');
  });
});

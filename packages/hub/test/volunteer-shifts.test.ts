import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { mailTemplates } from '../src/mail/templates.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { needBody, shiftBody, volunteerClient, type NeedJson } from './support/volunteering.js';
import { fromNow } from './support/clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('volunteer shifts: places, series, sign-ups for chosen shifts, approval, edits', () => {
  let hub: TestHub;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;
  let responsesKey: string;
  let needsKey: string;

  before(async () => {
    hub = await startTestHub({ volunteering: { purgeIntervalMs: 0, proofDifficulty: { minCounter: 200, maxCounter: 400 } } });
    client = volunteerClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    responsesKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-responses:manage'] })).key;
    needsKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-needs:write'] })).key;
  });
  after(() => hub.close());

  /** A need of the club running from now for 30 days. */
  const shiftNeed = (overrides: Record<string, unknown> = {}) =>
    client.created(club, needBody({ startsAt: fromNow(HOUR), endsAt: fromNow(30 * DAY), peopleNeeded: 10, ...overrides }));

  async function signUp(need: NeedJson, shiftIds: string[], overrides: Record<string, unknown> = {}) {
    return client.respond(need.id, await client.responseBody(need, { shiftIds, ...overrides }));
  }

  /** When the reminders of the shift's sign-ups are due, to the minute. */
  async function reminderDue(shiftId: string): Promise<string[]> {
    const rows = await hub.database.db
      .selectFrom('mail_outbox')
      .innerJoin('volunteer_signups', 'volunteer_signups.id', 'mail_outbox.volunteer_signup_id')
      .select('mail_outbox.next_attempt_at')
      .where('volunteer_signups.shift_id', '=', shiftId)
      .where('mail_outbox.kind', '=', 'volunteer-reminder')
      .execute();
    return rows.map((row) => row.next_attempt_at.toISOString().slice(0, 16));
  }

  async function responseOf(need: NeedJson, name: string) {
    const page = await expectDocumented(await client.responses(club, responsesKey, `?need=${need.id}`), 'listVolunteerResponses');
    const found = page.items.find((item) => item.name === name);
    assert.ok(found, `the response of ${name}`);
    return found;
  }

  test('demo data: a Weinfest with two bar shifts (4 and 6 places) and weekly Tafel drivers on Tuesdays', async () => {
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?q=weinfest&limit=100`), 'listVolunteerNeeds');
    const weinfest = page.items.find((item) => item.title.startsWith('Weinfest am Maintor'));
    assert.ok(weinfest?.isExample);
    const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
    assert.deepEqual(
      weinfest.shifts.map((shift) => [
        shift.label,
        berlin.format(new Date(shift.startsAt)),
        berlin.format(new Date(shift.endsAt)),
        shift.capacity,
      ]),
      [
        ['Bar', '16:00', '19:00', 4],
        ['Bar', '19:00', '23:00', 6],
      ],
    );
    assert.equal(weinfest.peopleStillNeeded, 10);
    const tafel = (await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?q=tafel&limit=100`), 'listVolunteerNeeds')).items[0];
    assert.ok(tafel);
    const series = await client.shifts(tafel.id);
    assert.ok(series.length >= 10, `${series.length} Tuesdays`);
    assert.equal(new Set(series.map((shift) => shift.seriesId)).size, 1);
    const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' });
    assert.ok(
      series.every((shift) => weekday.format(new Date(shift.startsAt)) === 'Dienstag, 09:00'),
      weekday.format(new Date(series[0]!.startsAt)),
    );
  });

  test('a need without shifts works as before; with shifts it shows them and counts their free places', async () => {
    const plain = await shiftNeed({ peopleNeeded: 2 });
    assert.deepEqual(plain.shifts, []);
    assert.equal(plain.approvalRequired, false);
    assert.equal(plain.reminderHours, 24);
    assert.equal(plain.peopleStillNeeded, 2);

    const need = await shiftNeed({ title: 'Weinfest: Bar', approvalRequired: false, reminderHours: 12 });
    assert.equal(need.reminderHours, 12);
    const [bar] = await client.shiftsMade(need.id, shiftBody(48, { capacity: 4, label: 'Bar', skills: ['Ausschank'] }));
    const [late] = await client.shiftsMade(need.id, shiftBody(51, { capacity: 6, label: 'Bar' }, 4));
    assert.equal(bar!.placesFree, 4);
    assert.equal(bar!.status, 'open');
    assert.equal(bar!.seriesId, null);
    const shown = await client.need(need.id);
    assert.deepEqual(
      shown.shifts.map((shift) => shift.id),
      [bar!.id, late!.id],
    );
    assert.equal(shown.peopleStillNeeded, 10, 'the free places of the shifts, not peopleNeeded minus accepted');
    assert.equal(shown.status, 'open');
    // The public list carries them too (one query for the page).
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?organization=${club}&limit=100`), 'listVolunteerNeeds');
    assert.equal(page.items.find((item) => item.id === need.id)?.shifts.length, 2);

    const patched = await expectDocumented(
      await client.patch(need.id, { approvalRequired: true, reminderHours: 0 }),
      'updateVolunteerNeed',
    );
    assert.equal(patched.approvalRequired, true);
    assert.equal(patched.reminderHours, 0);
    assert.equal(patched.shifts.length, 2);
  });

  test("a draft's shifts are read only by those who may write the need", async () => {
    const draft = await shiftNeed({ published: false });
    const [shift] = await client.shiftsMade(draft.id, shiftBody(48, { capacity: 2 }));
    await expectProblem(await fetch(`${hub.baseUrl}/volunteer-needs/${draft.id}/shifts`), 404, 'not-found');
    const listed = await expectDocumented(
      await fetch(`${hub.baseUrl}/volunteer-needs/${draft.id}/shifts`, { headers: { authorization: `Bearer ${needsKey}` } }),
      'listVolunteerShifts',
    );
    assert.deepEqual(
      listed.items.map((item) => item.id),
      [shift!.id],
    );
  });

  test('a shift ends after it starts and lasts at most 24 hours; a rule must be one', async () => {
    const need = await shiftNeed();
    const backwards = await expectProblem(await client.createShifts(need.id, shiftBody(10, {}, -1)), 422, 'validation-failed');
    assert.deepEqual(
      backwards.errors?.map((error) => [error.pointer, error.code]),
      [['/body/endsAt', 'end-before-start']],
    );
    const equal = await expectProblem(await client.createShifts(need.id, shiftBody(10, {}, 0)), 422, 'validation-failed');
    assert.equal(equal.errors?.[0]?.pointer, '/body/endsAt');
    const long = await expectProblem(await client.createShifts(need.id, shiftBody(10, {}, 25)), 422, 'validation-failed');
    assert.deepEqual(
      long.errors?.map((error) => [error.pointer, error.code, error.limit]),
      [['/body/endsAt', 'too-long', 24]],
    );
    const rule = await expectProblem(
      await client.createShifts(need.id, shiftBody(10, { rule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20270101' })),
      422,
      'validation-failed',
    );
    assert.equal(rule.errors?.[0]?.pointer, '/body/rule');
    await expectProblem(await client.createShifts(need.id, shiftBody(10), needsKey.replace(/.$/, 'x')), 401, 'unauthorized');
    assert.equal((await client.createShifts(need.id, shiftBody(10), needsKey)).status, 201, "the organization's key may add shifts");
  });

  test('a weekly series keeps 16:00 Berlin time across the change to summer time and stops at the need’s end', async () => {
    // Tuesdays 16:00 from 16 March 2027; clocks go forward on 28 March. The need ends on 13 April.
    const need = await shiftNeed({ startsAt: '2027-03-16T15:00:00.000Z', endsAt: '2027-04-13T17:00:00.000Z' });
    const shifts = await client.shiftsMade(need.id, {
      startsAt: '2027-03-16T16:00:00+01:00',
      endsAt: '2027-03-16T18:00:00+01:00',
      capacity: 2,
      label: 'Tafel: Fahrdienst',
      rule: 'FREQ=WEEKLY;BYDAY=TU',
    });
    assert.deepEqual(
      shifts.map((shift) => [shift.startsAt, shift.endsAt]),
      [
        ['2027-03-16T15:00:00.000Z', '2027-03-16T17:00:00.000Z'],
        ['2027-03-23T15:00:00.000Z', '2027-03-23T17:00:00.000Z'],
        ['2027-03-30T14:00:00.000Z', '2027-03-30T16:00:00.000Z'],
        ['2027-04-06T14:00:00.000Z', '2027-04-06T16:00:00.000Z'],
        ['2027-04-13T14:00:00.000Z', '2027-04-13T16:00:00.000Z'],
      ],
    );
    assert.equal(new Set(shifts.map((shift) => shift.seriesId)).size, 1);
    assert.ok(shifts[0]!.seriesId);
    assert.ok(shifts.every((shift) => shift.capacity === 2 && shift.label === 'Tafel: Fahrdienst'));

    // An ongoing need: at most 100 shifts, and none a year after the first.
    const ongoing = await client.created(club, needBody({ startsAt: null, endsAt: null }));
    const daily = await client.shiftsMade(ongoing.id, { ...shiftBody(24), rule: 'FREQ=DAILY' });
    assert.equal(daily.length, 100);
    const weekly = await client.shiftsMade(ongoing.id, { ...shiftBody(24), rule: 'FREQ=WEEKLY' });
    assert.ok(weekly.length >= 52 && weekly.length <= 53, `${weekly.length} weekly shifts in a year`);
    assert.ok(Date.parse(weekly.at(-1)!.startsAt) - Date.parse(weekly[0]!.startsAt) < 366 * DAY);
    const listed = await client.shifts(ongoing.id);
    assert.equal(listed.length, 100 + weekly.length, 'the list has them all');
    assert.equal((await client.need(ongoing.id)).shifts.length, 50, 'the need shows the next 50');
  });

  test('sign-up: shiftIds required for a need with shifts and refused for one without; unknown shifts are named', async () => {
    const plain = await shiftNeed();
    const [elsewhere] = await client.shiftsMade((await shiftNeed()).id, shiftBody(30));
    const refused = await expectProblem(await signUp(plain, [elsewhere!.id]), 422, 'validation-failed');
    assert.deepEqual(
      refused.errors?.map((error) => [error.pointer, error.code]),
      [['/body/shiftIds', 'no-shifts']],
    );
    const need = await shiftNeed();
    await client.shiftsMade(need.id, shiftBody(30));
    const missing = await expectProblem(await client.respond(need.id, await client.responseBody(need)), 422, 'validation-failed');
    assert.deepEqual(
      missing.errors?.map((error) => [error.pointer, error.code]),
      [['/body/shiftIds', 'required']],
    );
    const foreign = await expectProblem(await signUp(need, [elsewhere!.id]), 422, 'validation-failed');
    assert.deepEqual(
      foreign.errors?.map((error) => [error.pointer, error.code]),
      [['/body/shiftIds/0', 'unknown-shift']],
    );
  });

  test('sign-up without approval: confirmed at once, the places taken, the need filled when none is left', async () => {
    const need = await shiftNeed({ title: 'Weinfest' });
    const [bar] = await client.shiftsMade(need.id, shiftBody(48, { capacity: 1, label: 'Bar' }));
    const [second] = await client.shiftsMade(need.id, shiftBody(51, { capacity: 1, label: 'Bar spät' }));
    const receipt = await expectDocumented(
      await signUp(need, [bar!.id, second!.id], { name: 'Erika Zweischicht' }),
      'createVolunteerResponse',
      201,
    );
    assert.equal(receipt.status, 'confirmed');
    assert.deepEqual(
      receipt.shifts.map((shift) => [shift.id, shift.placesFree, shift.status]),
      [
        [bar!.id, 0, 'full'],
        [second!.id, 0, 'full'],
      ],
    );
    const response = await responseOf(need, 'Erika Zweischicht');
    assert.equal(response.status, 'accepted');
    assert.ok(response.decidedAt);
    assert.deepEqual(
      response.shifts.map((shift) => [shift.shiftId, shift.status, shift.label]),
      [
        [bar!.id, 'active', 'Bar'],
        [second!.id, 'active', 'Bar spät'],
      ],
    );
    const shown = await client.need(need.id);
    assert.equal(shown.peopleStillNeeded, 0);
    assert.equal(shown.status, 'filled');
    // The list filters by the same rule as the need says.
    const filled = await expectDocumented(
      await fetch(`${hub.baseUrl}/volunteer-needs?status=filled&organization=${club}&limit=100`),
      'listVolunteerNeeds',
    );
    assert.ok(filled.items.some((item) => item.id === need.id));
    const open = await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?organization=${club}&limit=100`), 'listVolunteerNeeds');
    assert.ok(!open.items.some((item) => item.id === need.id));

    // The organization's mail names the shifts (as rendered when sent); the CSV has them in a column.
    const rendered = await mailTemplates['volunteer-response'].render({ retentionDays: 90 }, 'de', {
      db: hub.database.db,
      volunteerResponseId: response.id,
      volunteerSignupId: null,
      publicUrl: hub.baseUrl,
    });
    assert.match(rendered?.text ?? '', /Schichten:\n- .*· Bar\n- .*· Bar spät/);
    const csv = await (await client.responses(club, responsesKey, `?need=${need.id}`, 'text/csv')).text();
    assert.match(csv.split('\r\n')[0]!, /,shifts$/);
    assert.match(csv, new RegExp(`${bar!.startsAt}–${bar!.endsAt} Bar`));
  });

  test('a full shift: 409 shift-full naming it and the next shifts with room; nothing stored for a two-shift sign-up', async () => {
    const need = await shiftNeed();
    const [full] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 1 }));
    const [next] = await client.shiftsMade(need.id, shiftBody(30, { capacity: 2 }));
    const [later] = await client.shiftsMade(need.id, shiftBody(40, { capacity: 2 }));
    assert.equal((await signUp(need, [full!.id], { name: 'Erste Person' })).status, 201);
    const problem = (await expectProblem(await signUp(need, [next!.id, full!.id], { name: 'Zu spät' }), 409, 'shift-full')) as unknown as {
      shiftId: string;
      alternatives: string[];
    };
    assert.equal(problem.shiftId, full!.id);
    assert.deepEqual(problem.alternatives, [next!.id, later!.id]);
    const shifts = await client.shifts(need.id);
    assert.deepEqual(
      shifts.map((shift) => shift.placesTaken),
      [1, 0, 0],
      'all or nothing',
    );
  });

  test('a started or cancelled shift takes no sign-ups: 409 shift-not-open', async () => {
    const need = await shiftNeed({ startsAt: fromNow(-2 * HOUR) });
    const [started] = await client.shiftsMade(need.id, shiftBody(-1));
    assert.equal(started!.status, 'past');
    const past = await expectProblem(await signUp(need, [started!.id]), 409, 'shift-not-open');
    assert.match(past.detail ?? '', /has started/);
    const [cancelled] = await client.shiftsMade(need.id, shiftBody(5));
    const patched = await expectDocumented(await client.patchShift(need.id, cancelled!.id, { cancelled: true }), 'updateVolunteerShift');
    assert.equal(patched.status, 'cancelled');
    const gone = await expectProblem(await signUp(need, [cancelled!.id]), 409, 'shift-not-open');
    assert.match(gone.detail ?? '', /cancelled/);
    const need2 = await client.need(need.id);
    assert.equal(need2.status, 'filled', 'no upcoming shift with a free place');
  });

  test('approval: the sign-up waits and holds its place; a decline frees it, taking it back needs it again', async () => {
    const need = await shiftNeed({ approvalRequired: true });
    const [shift] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 1 }));
    const receipt = await expectDocumented(await signUp(need, [shift!.id], { name: 'Wartende Person' }), 'createVolunteerResponse', 201);
    assert.equal(receipt.status, 'pending');
    const waiting = await responseOf(need, 'Wartende Person');
    assert.equal(waiting.status, 'new');
    assert.equal((await client.shifts(need.id))[0]!.placesFree, 0, 'a waiting sign-up holds its place');

    assert.equal((await client.decide(club, waiting.id, { status: 'declined' }, responsesKey)).status, 200);
    assert.equal((await client.shifts(need.id))[0]!.placesFree, 1, 'a decline frees the place');
    assert.equal((await signUp(need, [shift!.id], { name: 'Nachrückerin' })).status, 201);

    const back = await expectProblem(await client.decide(club, waiting.id, { status: 'accepted' }, responsesKey), 409, 'shift-full');
    assert.match(back.detail ?? '', /full/);
    assert.equal((await responseOf(need, 'Wartende Person')).status, 'declined', 'nothing changed');

    const other = await responseOf(need, 'Nachrückerin');
    assert.equal((await client.decide(club, other.id, { status: 'declined' }, responsesKey)).status, 200);
    assert.equal((await client.decide(club, waiting.id, { status: 'accepted' }, responsesKey)).status, 200);
    assert.equal((await client.shifts(need.id))[0]!.placesTaken, 1);
  });

  test('editing a shift never drops sign-ups: capacity below the places taken is refused; delete only without sign-ups', async () => {
    const need = await shiftNeed();
    const [shift] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 3 }));
    for (const name of ['Anna', 'Bert']) assert.equal((await signUp(need, [shift!.id], { name })).status, 201);
    const below = await expectProblem(await client.patchShift(need.id, shift!.id, { capacity: 1 }), 422, 'validation-failed');
    assert.deepEqual(
      below.errors?.map((error) => [error.pointer, error.code, error.limit]),
      [['/body/capacity', 'below-places-taken', 2]],
    );
    const moved = await expectDocumented(
      await client.patchShift(need.id, shift!.id, {
        capacity: 2,
        startsAt: fromNow(26 * HOUR),
        endsAt: fromNow(29 * HOUR),
        label: 'Aufbau',
      }),
      'updateVolunteerShift',
    );
    assert.deepEqual([moved.capacity, moved.placesTaken, moved.status, moved.label], [2, 2, 'full', 'Aufbau']);
    // Their reminders moved with the shift (24 hours before), in the same transaction.
    assert.deepEqual(
      await reminderDue(shift!.id),
      Array(2).fill(new Date(Date.parse(moved.startsAt) - 24 * HOUR).toISOString().slice(0, 16)),
    );
    const tooLong = await expectProblem(
      await client.patchShift(need.id, shift!.id, { endsAt: fromNow(60 * HOUR) }),
      422,
      'validation-failed',
    );
    assert.equal(tooLong.errors?.[0]?.pointer, '/body/endsAt');
    await expectProblem(await client.patchShift(need.id, '00000000-0000-4000-8000-000000000000', { capacity: 2 }), 404, 'not-found');
    const refused = await expectProblem(await client.deleteShift(need.id, shift!.id), 409, 'conflict');
    assert.match(refused.detail ?? '', /cancel it instead/);
    const cancelled = await expectDocumented(await client.patchShift(need.id, shift!.id, { cancelled: true }), 'updateVolunteerShift');
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(await reminderDue(shift!.id), [], 'no reminders for a cancelled shift');
    const reopened = await expectDocumented(await client.patchShift(need.id, shift!.id, { cancelled: false }), 'updateVolunteerShift');
    assert.equal(reopened.status, 'full');
    assert.equal((await reminderDue(shift!.id)).length, 2, 'reopened: the reminders are back');
    const [empty] = await client.shiftsMade(need.id, shiftBody(50));
    assert.equal((await client.deleteShift(need.id, empty!.id)).status, 204);
    assert.equal((await client.shifts(need.id)).length, 1);
  });

  test('deleting a response (GDPR) frees its places by itself', async () => {
    const need = await shiftNeed();
    const [shift] = await client.shiftsMade(need.id, shiftBody(24, { capacity: 1 }));
    assert.equal((await signUp(need, [shift!.id], { name: 'Löschbare Person' })).status, 201);
    assert.equal((await client.shifts(need.id))[0]!.placesFree, 0);
    await expectProblem(await signUp(need, [shift!.id], { name: 'Noch jemand' }), 409, 'shift-full');
    const response = await responseOf(need, 'Löschbare Person');
    assert.equal((await client.remove(club, response.id, responsesKey)).status, 204);
    assert.equal((await client.shifts(need.id))[0]!.placesFree, 1);
    assert.equal((await client.need(need.id)).status, 'open');
    assert.equal((await signUp(need, [shift!.id], { name: 'Noch jemand' })).status, 201);
  });
});

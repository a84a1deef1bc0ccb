import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { pinClock } from '../src/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventually } from './support/mail.js';
import { startMailedHub, type MailedHub } from './support/mailed-hub.js';
import { expectProblem } from './support/problems.js';
import { needBody, shiftBody, volunteerClient, type NeedJson, type ShiftJson } from './support/volunteering.js';
import { fromNow, now, pinTestClock } from './support/clock.js';

const HOUR = 3_600_000;

describe("volunteer shifts: the organization's roster, attendance and a message to everyone on a shift", () => {
  let mailed: MailedHub;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;
  let coordinatorKey: string;
  let needsOnlyKey: string;
  let otherKey: string;
  let need: NeedJson;
  let shift: ShiftJson;
  const people = [
    { name: 'Anna Ausschank', email: 'anna@example.org', phone: null },
    { name: 'Bernd Nurtelefon', email: null, phone: '+49 931 555 0100' },
    { name: 'Clara Zurückgezogen', email: 'clara@example.org', phone: null },
  ];

  before(async () => {
    mailed = await startMailedHub({ volunteering: { purgeIntervalMs: 0, proofDifficulty: { minCounter: 200, maxCounter: 400 } } });
    const { hub } = mailed;
    client = volunteerClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    const other = await client.organizationId('Nachbarschaftshilfe Höchberg e.V.');
    coordinatorKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-responses:manage'] })).key;
    needsOnlyKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-needs:write'] })).key;
    otherKey = (await createApiKey(hub.database.db, { organizationId: other, scopes: ['volunteer-responses:manage'] })).key;
    need = await client.created(club, needBody({ title: 'Weinfest', startsAt: fromNow(HOUR), endsAt: fromNow(30 * 24 * HOUR) }));
    [shift] = (await client.shiftsMade(need.id, shiftBody(2, { capacity: 6, label: 'Bar' }))) as [ShiftJson];
    for (const person of people) {
      const body = await client.responseBody(need, {
        ...person,
        email: person.email ?? undefined,
        phone: person.phone ?? undefined,
        shiftIds: [shift.id],
      });
      if (person.email === null) delete body['email'];
      if (person.phone === null) delete body['phone'];
      assert.equal((await client.respond(need.id, body)).status, 201);
    }
    // Clara withdrew through her personal link.
    await hub.database.db
      .updateTable('volunteer_signups')
      .set({ status: 'withdrawn', withdrawn_at: now() })
      .where('response_id', 'in', (eb) => eb.selectFrom('volunteer_responses').select('id').where('name', '=', 'Clara Zurückgezogen'))
      .execute();
  });
  after(async () => {
    pinTestClock();
    await mailed.close();
  });

  test('the roster names everyone with contacts (withdrawn ones marked), not cached, each read audited without personal data', async () => {
    const { hub } = mailed;
    const response = await client.roster(club, shift.id, coordinatorKey);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const roster = await expectDocumented(response, 'listVolunteerShiftSignups');
    assert.deepEqual(
      roster.items.map((signup) => [signup.name, signup.email, signup.phone, signup.status, signup.responseStatus, signup.attended]),
      [
        ['Anna Ausschank', 'anna@example.org', null, 'active', 'accepted', null],
        ['Bernd Nurtelefon', null, '+49 931 555 0100', 'active', 'accepted', null],
        ['Clara Zurückgezogen', 'clara@example.org', null, 'withdrawn', 'accepted', null],
      ],
    );
    assert.ok(roster.items.every((signup) => signup.shiftId === shift.id));
    assert.ok(roster.items[2]!.withdrawnAt);

    const csvAnswer = await client.roster(club, shift.id, coordinatorKey, 'text/csv');
    assert.equal(csvAnswer.status, 200);
    assert.match(csvAnswer.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(csvAnswer.headers.get('cache-control'), 'no-store');
    const lines = (await csvAnswer.text()).trim().split('\r\n');
    assert.equal(lines[0], 'signed_up_at,shift_start,shift_end,shift,name,email,phone,status,response_status,attended');
    assert.equal(lines.length, 4);
    assert.match(lines[1]!, new RegExp(`,${shift.startsAt},${shift.endsAt},Bar,Anna Ausschank,anna@example.org,,active,accepted,$`));

    const audit = await hub.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'listVolunteerShiftSignups').execute();
    assert.equal(audit.length, 2, 'both reads (JSON and CSV) are in the audit log');
    for (const entry of audit) {
      assert.equal(entry.organization_id, club);
      assert.deepEqual([entry.resource_type, entry.resource_id], ['volunteer-shift', shift.id]);
    }
    const written = JSON.stringify(audit);
    for (const secret of ['Anna', 'anna@example.org', '0100']) assert.ok(!written.includes(secret), `${secret} is not in the audit log`);
  });

  test('only the organization, with volunteer-responses:manage, sees the roster', async () => {
    await expectProblem(await client.roster(club, shift.id, needsOnlyKey), 403, 'forbidden');
    await expectProblem(await client.roster(club, shift.id, otherKey), 403, 'forbidden');
    const other = await client.organizationId('Nachbarschaftshilfe Höchberg e.V.');
    await expectProblem(await client.roster(other, shift.id, otherKey), 404, 'not-found');
    await expectProblem(await client.message(other, shift.id, 'Hallo', otherKey), 404, 'not-found');
  });

  test('attendance is marked from the start of the shift on: "war da", did not come, or not marked', async () => {
    const roster = await expectDocumented(await client.roster(club, shift.id, coordinatorKey), 'listVolunteerShiftSignups');
    const anna = roster.items[0]!;
    const early = await expectProblem(await client.attend(club, anna.id, true, coordinatorKey), 422, 'validation-failed');
    assert.deepEqual(
      early.errors?.map((error) => [error.pointer, error.code]),
      [['/body/attended', 'before-start']],
    );
    // On the day: the shift has started.
    pinClock(new Date(Date.parse(shift.startsAt) + 30 * 60_000));
    try {
      const marked = await expectDocumented(await client.attend(club, anna.id, true, coordinatorKey), 'updateVolunteerSignup');
      assert.equal(marked.attended, true);
      const absent = await expectDocumented(await client.attend(club, roster.items[1]!.id, false, coordinatorKey), 'updateVolunteerSignup');
      assert.equal(absent.attended, false);
      const row = await mailed.hub.database.db
        .selectFrom('volunteer_signups')
        .select('attended_at')
        .where('id', '=', anna.id)
        .executeTakeFirstOrThrow();
      assert.ok(row.attended_at);
      const unmarked = await expectDocumented(await client.attend(club, anna.id, null, coordinatorKey), 'updateVolunteerSignup');
      assert.equal(unmarked.attended, null);
      await expectDocumented(await client.attend(club, anna.id, true, coordinatorKey), 'updateVolunteerSignup');
      await expectProblem(await client.attend(club, anna.id, true, needsOnlyKey), 403, 'forbidden');
      await expectProblem(await client.attend(club, '00000000-0000-4000-8000-000000000000', true, coordinatorKey), 404, 'not-found');
    } finally {
      pinTestClock();
    }
    const after = await expectDocumented(await client.roster(club, shift.id, coordinatorKey), 'listVolunteerShiftSignups');
    assert.deepEqual(
      after.items.map((signup) => signup.attended),
      [true, false, null],
    );
  });

  test('a message reaches everyone on the shift with an e-mail address, from the Hub, replies to the organization', async () => {
    const words = 'Wir treffen uns 15 Minuten vorher am Eingang zum Festplatz.';
    const answer = await client.message(club, shift.id, words, coordinatorKey);
    const receipt = await expectDocumented(answer, 'sendVolunteerShiftMessage', 202);
    assert.deepEqual(receipt, { sent: 1, withoutEmail: 1 }, 'Anna by mail, Bernd to call; Clara withdrew');
    const messages = () => mailed.smtp.mails.filter((mail) => mail.subject.startsWith('Nachricht zu Ihrer Schicht'));
    await eventually('the message mail', () => messages().length === 1);
    const [mail] = messages();
    assert.deepEqual(mail!.to, ['anna@example.org']);
    assert.match(mail!.text, /Guten Tag Anna Ausschank,/);
    assert.ok(mail!.text.includes(words));
    assert.match(mail!.text, /Bar/);
    assert.match(mail!.replyTo ?? '', /@/);
    assert.doesNotMatch(mail!.replyTo ?? '', /anna@example\.org/);
    const blank = await expectProblem(await client.message(club, shift.id, '   ', coordinatorKey), 422, 'validation-failed');
    assert.equal(blank.errors?.[0]?.pointer, '/body/message');
    await expectProblem(await client.message(club, shift.id, words, needsOnlyKey), 403, 'forbidden');
    // The words are not kept: the outbox row went with the sending.
    await eventually('the outbox row deleted after sending', async () => {
      const left = await mailed.hub.database.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('kind', '=', 'volunteer-shift-message')
        .execute();
      return left.length === 0;
    });
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { pinClock } from '../src/clock.js';
import { now, pinTestClock } from './support/clock.js';
import { eventually } from './support/mail.js';
import { calendarEvents, calendarOf, startShiftsHub, type ShiftsHub } from './support/volunteer-shifts.js';

const HOUR = 3_600_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('reminders before a shift, from the outbox', () => {
  let hubs: ShiftsHub;

  before(async () => {
    pinTestClock();
    hubs = await startShiftsHub();
  });
  after(() => hubs.close());

  const mailsTo = (address: string) => hubs.smtp.mails.filter((mail) => mail.to.includes(address));
  const remindersOf = (responseId: string) =>
    hubs.hub.database.db
      .selectFrom('mail_outbox')
      .innerJoin('volunteer_signups', 'volunteer_signups.id', 'mail_outbox.volunteer_signup_id')
      .select(['mail_outbox.id', 'mail_outbox.next_attempt_at'])
      .where('mail_outbox.kind', '=', 'volunteer-reminder')
      .where('volunteer_signups.response_id', '=', responseId)
      .execute();

  test('one reminder, sent once when it is due, with a fresh link and the shift as .ics', async () => {
    const need = await hubs.need({ title: 'Weinfest', reminderHours: 24 });
    const shift = await hubs.shift(need.id, 48, 4, 'Bar');
    const responseId = await hubs.signUp(need, [shift.id], { name: 'Rita Reminder', email: 'rita@example.org' });
    const confirmation = await hubs.nextMailTo('rita@example.org');
    const [reminder] = await remindersOf(responseId);
    assert.equal(reminder?.next_attempt_at.getTime(), new Date(shift.startsAt).getTime() - 24 * HOUR);

    await settle();
    assert.equal(mailsTo('rita@example.org').length, 1, 'not before it is due');

    pinClock(new Date(new Date(shift.startsAt).getTime() - 24 * HOUR + 60_000));
    const mail = await hubs.nextMailTo('rita@example.org');
    assert.match(mail.subject, /^Erinnerung: Weinfest am /);
    assert.match(mail.text, /Weinfest – Bar/);
    const events = calendarEvents(calendarOf(mail));
    assert.deepEqual(
      events.map((event) => event.start.toISOString()),
      [new Date(shift.startsAt).toISOString()],
    );
    const link = hubs.personalLink(mail);
    assert.notEqual(link.pathname, hubs.personalLink(confirmation).pathname, 'a link of its own');
    assert.equal((await fetch(link)).status, 200);

    await settle();
    assert.equal(mailsTo('rita@example.org').length, 2, 'sent once');
    assert.deepEqual(await remindersOf(responseId), []);
  });

  test('none reaches whoever withdrew, was declined, or whose shift was cancelled (who hears of that)', async () => {
    const need = await hubs.need({ title: 'Tafel' });
    const shift = await hubs.shift(need.id, 40);
    const cancelled = await hubs.shift(need.id, 41);
    const wilma = await hubs.signUp(need, [shift.id], { name: 'Wilma Withdrawn', email: 'wilma@example.org' });
    const dora = await hubs.signUp(need, [shift.id], { name: 'Dora Declined', email: 'dora@example.org' });
    const carl = await hubs.signUp(need, [cancelled.id], { name: 'Carl Cancelled', email: 'carl@example.org' });
    for (const address of ['wilma@example.org', 'dora@example.org', 'carl@example.org']) await hubs.nextMailTo(address);

    const wilmasLink = hubs.personalLink(mailsTo('wilma@example.org')[0]!);
    const [wilmasSignup] = await hubs.hub.database.db
      .selectFrom('volunteer_signups')
      .select('id')
      .where('response_id', '=', wilma)
      .execute();
    const withdrawn = await fetch(`${wilmasLink.href}/signups/${wilmasSignup!.id}/withdraw`, { method: 'POST', redirect: 'manual' });
    assert.equal(withdrawn.status, 303);
    assert.deepEqual(await remindersOf(wilma), [], 'withdrawing deletes the reminder');

    const manage = (await createApiKey(hubs.hub.database.db, { organizationId: hubs.club, scopes: ['volunteer-responses:manage'] })).key;
    const declined = await hubs.client.decide(hubs.club, dora, { status: 'declined', message: 'Diesmal sind wir genug.' }, manage);
    assert.equal(declined.status, 200, await declined.text());
    assert.equal((await remindersOf(dora)).length, 1, 'the decline leaves the row; it is not sent');

    const cancelling = await hubs.patchShift(need.id, cancelled.id, { cancelled: true });
    assert.equal(cancelling.status, 200, await cancelling.text());
    const cancellation = await hubs.nextMailTo('carl@example.org');
    assert.equal(cancellation.subject, 'Schicht abgesagt: Tafel');
    assert.match(cancellation.text, /hat diese Schicht abgesagt/);
    assert.deepEqual(await remindersOf(carl), [], 'cancelling deletes the reminders');

    pinClock(new Date(new Date(shift.startsAt).getTime() - HOUR));
    await eventually('the declined reminder dropped', async () => (await remindersOf(dora)).length === 0);
    await settle();
    for (const address of ['wilma@example.org', 'dora@example.org', 'carl@example.org']) {
      assert.deepEqual(
        mailsTo(address).filter((mail) => mail.subject.startsWith('Erinnerung')),
        [],
        `no reminder to ${address}`,
      );
    }
  });

  test('a new time for the shift: everyone on it is told with the new .ics, and the reminder follows', async () => {
    const need = await hubs.need({ title: 'Sommerfest', reminderHours: 12 });
    const shift = await hubs.shift(need.id, 72);
    const mona = await hubs.signUp(need, [shift.id], { name: 'Mona Moved', email: 'mona@example.org' });
    await hubs.signUp(need, [shift.id], { name: 'Nils Nomail', email: null });
    await hubs.nextMailTo('mona@example.org');
    const startsAt = new Date(new Date(shift.startsAt).getTime() + 24 * HOUR);
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);

    const patched = await hubs.patchShift(need.id, shift.id, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    assert.equal(patched.status, 200, await patched.text());
    const mail = await hubs.nextMailTo('mona@example.org');
    assert.equal(mail.subject, 'Neue Zeit für Ihre Schicht: Sommerfest');
    assert.match(mail.text, /hat die Zeit Ihrer Schicht geändert/);
    const [event] = calendarEvents(calendarOf(mail));
    assert.equal(event?.start.toISOString(), startsAt.toISOString());
    assert.equal(event?.end.toISOString(), endsAt.toISOString());
    assert.equal((await fetch(hubs.personalLink(mail))).status, 200);

    const reminders = await remindersOf(mona);
    assert.deepEqual(
      reminders.map((row) => row.next_attempt_at.toISOString()),
      [new Date(startsAt.getTime() - 12 * HOUR).toISOString()],
    );
    assert.ok(now() < reminders[0]!.next_attempt_at);
  });

  test('no reminder when the need has none, or its moment has passed at sign-up', async () => {
    const none = await hubs.need({ title: 'Ohne Erinnerung', reminderHours: 0 });
    const soon = await hubs.need({ title: 'Gleich', reminderHours: 24 });
    const noneShift = await hubs.shift(none.id, 48);
    const soonShift = await hubs.shift(soon.id, 5);
    const first = await hubs.signUp(none, [noneShift.id], { name: 'Zero Hours', email: 'zero@example.org' });
    const second = await hubs.signUp(soon, [soonShift.id], { name: 'Late Comer', email: 'late@example.org' });
    await hubs.nextMailTo('zero@example.org');
    await hubs.nextMailTo('late@example.org');
    assert.deepEqual(await remindersOf(first), []);
    assert.deepEqual(await remindersOf(second), []);
  });
});

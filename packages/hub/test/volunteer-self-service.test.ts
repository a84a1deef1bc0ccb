import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pinTestClock } from './support/clock.js';
import { captureLogs } from './support/logs.js';
import { eventually } from './support/mail.js';
import { calendarEvents, calendarOf, startShiftsHub, type ShiftsHub } from './support/volunteer-shifts.js';

/** A page of the Hub as a browser without script gets it: redirects are looked at, not followed. */
async function open(url: URL | string, init: RequestInit = {}) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { response, text: await response.text() };
}

/** A form post as the browser sends it. */
const post = (url: URL | string, fields: Record<string, string> = {}) =>
  open(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('"Meine Einsätze": the volunteer\'s mail and personal page', () => {
  let hubs: ShiftsHub;
  const logs = captureLogs();

  before(async () => {
    pinTestClock();
    hubs = await startShiftsHub({ logger: logs.logger });
  });
  after(() => hubs.close());

  test('the confirmation names the shifts, carries the personal link and the shifts as .ics', async () => {
    const need = await hubs.need({ title: 'Weinfest' });
    const bar = await hubs.shift(need.id, 48, 4, 'Bar');
    const kitchen = await hubs.shift(need.id, 72, 4, 'Küche');
    const responseId = await hubs.signUp(need, [bar.id, kitchen.id], { name: 'Ida Ics', email: 'ida@example.org' });

    const mail = await hubs.nextMailTo('ida@example.org');
    assert.equal(mail.subject, 'Ihre Anmeldung: Weinfest');
    assert.match(mail.text, /Guten Tag Ida Ics,/);
    assert.match(mail.text, /Weinfest – Bar/);
    assert.match(mail.text, /Weinfest – Küche/);
    assert.match(mail.text, /eingetragen/);
    assert.equal(mail.replyTo, '"TSV Ochsenfurt 1862 e.V." <info@tsv-ochsenfurt.example>');
    const link = hubs.personalLink(mail);
    assert.match(link.pathname, /^\/einsaetze\/[A-Za-z0-9_-]{43}$/);

    const signups = await hubs.hub.database.db
      .selectFrom('volunteer_signups')
      .select(['id', 'shift_id'])
      .where('response_id', '=', responseId)
      .execute();
    const events = calendarEvents(calendarOf(mail));
    assert.equal(events.length, 2);
    for (const shift of [bar, kitchen]) {
      const signup = signups.find((row) => row.shift_id === shift.id)!;
      const event = events.find((each) => each.uid.includes(signup.id));
      assert.ok(event, `a VEVENT for the sign-up ${signup.id}`);
      assert.equal(event.start.toISOString(), new Date(shift.startsAt).toISOString());
      assert.equal(event.end.toISOString(), new Date(shift.endsAt).toISOString());
    }

    // Only the hash of the link is stored.
    const token = link.pathname.split('/')[2]!;
    const stored = await hubs.hub.database.db.selectFrom('volunteer_links').selectAll().where('response_id', '=', responseId).execute();
    assert.equal(stored.length, 1);
    assert.match(stored[0]!.token_hash, /^[0-9a-f]{64}$/);
    assert.notEqual(stored[0]!.token_hash, token);
  });

  test('a need "nach Rücksprache": the mail says it waits for the organization', async () => {
    const need = await hubs.need({ title: 'Kinderbetreuung', approvalRequired: true });
    const shift = await hubs.shift(need.id, 50);
    await hubs.signUp(need, [shift.id], { name: 'Paula Pending', email: 'paula@example.org' });
    const mail = await hubs.nextMailTo('paula@example.org');
    assert.equal(mail.subject, 'Ihre Anmeldung wartet auf Zusage: Kinderbetreuung');
    assert.match(mail.text, /wartet auf Zusage der Organisation/);
  });

  test('the page lists the sign-ups with time, place, state, and offers calendar, move and withdrawal', async () => {
    const need = await hubs.need({ title: 'Sommerfest', place: { name: 'Festplatz', address: 'Mainstraße 1, 97199 Ochsenfurt' } });
    const first = await hubs.shift(need.id, 30, 2, 'Aufbau');
    await hubs.shift(need.id, 54, 2, 'Abbau');
    await hubs.signUp(need, [first.id], { name: 'Sven Seite', email: 'sven@example.org' });
    const link = hubs.personalLink(await hubs.nextMailTo('sven@example.org'));

    const { response, text } = await open(link);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-robots-tag'), 'noindex');
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.doesNotMatch(text, /<script/i);
    assert.match(text, /<h1>Meine Einsätze<\/h1>/);
    assert.match(text, /Sommerfest – Aufbau/);
    assert.match(text, /Festplatz, Mainstraße 1, 97199 Ochsenfurt/);
    assert.match(text, /TSV Ochsenfurt 1862 e\.V\./);
    assert.match(text, /eingetragen/);
    assert.match(text, /In meinen Kalender/);
    assert.match(text, /Anderen Termin wählen/);
    assert.match(text, /<label for="move-[^"]+">Neuer Termin<\/label>/);
    assert.match(text, /Absagen/);

    const ics = await fetch(new URL(`${link.pathname}/einsaetze.ics`, link));
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
    const events = calendarEvents(await ics.text());
    assert.deepEqual(
      events.map((event) => event.start.toISOString()),
      [new Date(first.startsAt).toISOString()],
    );
  });

  test('withdrawing frees the place at once, deletes the reminder and tells the organization', async () => {
    const need = await hubs.need({ title: 'Kuchenstand' });
    const shift = await hubs.shift(need.id, 60, 1);
    const responseId = await hubs.signUp(need, [shift.id], { name: 'Wanda Weg', email: 'wanda@example.org' });
    const link = hubs.personalLink(await hubs.nextMailTo('wanda@example.org'));
    assert.equal((await hubs.shifts(need.id))[0]!.placesFree, 0);
    const signup = await hubs.hub.database.db
      .selectFrom('volunteer_signups')
      .select('id')
      .where('response_id', '=', responseId)
      .executeTakeFirstOrThrow();
    const reminders = () =>
      hubs.hub.database.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('volunteer_signup_id', '=', signup.id)
        .where('kind', '=', 'volunteer-reminder')
        .execute();
    assert.equal((await reminders()).length, 1);

    const { response } = await post(`${link.href}/signups/${signup.id}/withdraw`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${link.pathname}?status=withdrawn&signup=${signup.id}`);
    assert.equal((await hubs.shifts(need.id))[0]!.placesFree, 1, 'the place is free again');
    assert.deepEqual(await reminders(), []);

    const page = await open(new URL(response.headers.get('location')!, link));
    assert.match(page.text, /Sie haben abgesagt/);
    assert.match(page.text, /abgemeldet/);
    assert.doesNotMatch(page.text, /Absagen<\/button>/);

    const orgMail = await hubs.nextMailTo('info@tsv-ochsenfurt.example');
    // The organization's mails about the new responses came first.
    let mail = orgMail;
    while (!mail.subject.startsWith('Abmeldung')) mail = await hubs.nextMailTo('info@tsv-ochsenfurt.example');
    assert.equal(mail.subject, 'Abmeldung: Kuchenstand');
    assert.match(mail.text, /Wanda Weg hat sich über „Meine Einsätze“ abgemeldet/);
    assert.doesNotMatch(mail.text, /wanda@example\.org/);

    const again = await post(`${link.href}/signups/${signup.id}/withdraw`);
    assert.equal(again.response.status, 303, 'a second click changes nothing');
    assert.match(again.response.headers.get('location') ?? '', /status=gone/);
  });

  test('moving to another time: a full one is refused with the others offered, a free one is taken', async () => {
    const need = await hubs.need({ title: 'Tafel' });
    const tuesday = await hubs.shift(need.id, 40, 2);
    const full = await hubs.shift(need.id, 64, 1);
    const later = await hubs.shift(need.id, 88, 2);
    await hubs.signUp(need, [tuesday.id], { name: 'Moritz Move', email: 'moritz@example.org' });
    const link = hubs.personalLink(await hubs.nextMailTo('moritz@example.org'));
    const signup = await hubs.hub.database.db
      .selectFrom('volunteer_signups')
      .innerJoin('volunteer_responses', 'volunteer_responses.id', 'volunteer_signups.response_id')
      .select('volunteer_signups.id')
      .where('volunteer_responses.name', '=', 'Moritz Move')
      .executeTakeFirstOrThrow();
    const before = await open(link);
    assert.ok(before.text.includes(`value="${full.id}"`), 'the free shift is offered');
    await hubs.signUp(need, [full.id], { name: 'Fritz Full', email: null });

    const refused = await post(`${link.href}/signups/${signup.id}/move`, { shiftId: full.id });
    assert.equal(refused.response.status, 303);
    const page = await open(new URL(refused.response.headers.get('location')!, link));
    assert.match(page.text, /Leider ist dieser Termin gerade voll geworden/);
    assert.match(page.text, /<details open>/);
    assert.ok(page.text.includes(`value="${later.id}"`), 'the other free shift is offered');
    assert.ok(!page.text.includes(`value="${full.id}"`), 'the full one is not');

    const moved = await post(`${link.href}/signups/${signup.id}/move`, { shiftId: later.id });
    assert.match(moved.response.headers.get('location') ?? '', /status=moved/);
    const shifts = await hubs.shifts(need.id);
    assert.equal(shifts.find((shift) => shift.id === tuesday.id)!.placesTaken, 0);
    assert.equal(shifts.find((shift) => shift.id === later.id)!.placesTaken, 1);
    const reminder = await hubs.hub.database.db
      .selectFrom('mail_outbox')
      .select('next_attempt_at')
      .where('volunteer_signup_id', '=', signup.id)
      .where('kind', '=', 'volunteer-reminder')
      .executeTakeFirstOrThrow();
    assert.equal(reminder.next_attempt_at.getTime(), new Date(later.startsAt).getTime() - 24 * 3_600_000, 'the reminder moved along');
    await eventually('the organization told of the move', () =>
      hubs.smtp.mails.some(
        (mail) =>
          mail.subject === 'Termin gewechselt: Tafel' && /Moritz Move hat über „Meine Einsätze“ den Termin gewechselt/.test(mail.text),
      ),
    );
  });

  test('a forged, malformed or someone else\'s link finds nothing: 404 "Dieser Link gilt nicht (mehr)"', async () => {
    const forged = 'A'.repeat(43);
    for (const path of [`/einsaetze/${forged}`, '/einsaetze/kurz', `/einsaetze/${forged}/einsaetze.ics`]) {
      const { response, text } = await open(`${hubs.hub.baseUrl}${path}`);
      assert.equal(response.status, 404, path);
      assert.match(text, /Dieser Link gilt nicht \(mehr\)/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
    const need = await hubs.need({ title: 'Zwei Personen' });
    const shift = await hubs.shift(need.id, 45, 3);
    await hubs.signUp(need, [shift.id], { name: 'Olga Own', email: 'olga@example.org' });
    const otherId = await hubs.signUp(need, [shift.id], { name: 'Otto Other', email: 'otto@example.org' });
    const olgasLink = hubs.personalLink(await hubs.nextMailTo('olga@example.org'));
    const ottos = await hubs.hub.database.db
      .selectFrom('volunteer_signups')
      .select('id')
      .where('response_id', '=', otherId)
      .executeTakeFirstOrThrow();
    const { response } = await post(`${olgasLink.href}/signups/${ottos.id}/withdraw`);
    assert.equal(response.status, 404);
    assert.equal((await hubs.shifts(need.id))[0]!.placesTaken, 2, "Otto's place stays");
    assert.equal((await post(`${hubs.hub.baseUrl}/einsaetze/${forged}/signups/${ottos.id}/withdraw`)).response.status, 404);
  });

  test('English for a volunteer whose browser asked for it', async () => {
    const need = await hubs.need({ title: 'Repair café' });
    const shift = await hubs.shift(need.id, 50);
    const body = await hubs.client.responseBody(need, { name: 'Emma English', email: 'emma@example.org', shiftIds: [shift.id] });
    const response = await fetch(`${hubs.hub.baseUrl}/volunteer-needs/${need.id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'accept-language': 'en' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    const mail = await hubs.nextMailTo('emma@example.org');
    assert.equal(mail.subject, 'You are signed up: Repair café');
    const page = await open(hubs.personalLink(mail));
    assert.match(page.text, /<html lang="en">/);
    assert.match(page.text, /<h1>My shifts<\/h1>/);
  });

  test('the personal link never reaches the request log', async () => {
    const tokens = [...logs.text().matchAll(/\/einsaetze\/([A-Za-z0-9_-]{43})/g)].map((match) => match[1]);
    assert.deepEqual(tokens, [], 'no token in the log');
    const routes = logs.lines().flatMap((line) => {
      const req = line['req'] as { route?: string } | undefined;
      return req?.route?.startsWith('/einsaetze') ? [req.route] : [];
    });
    assert.ok(routes.includes('/einsaetze/:token'), `the page's requests are logged by their route: ${routes.join(', ')}`);
    // A path under the page that matches no route is logged with the token left out.
    await open(`${hubs.hub.baseUrl}/einsaetze/${'B'.repeat(43)}/nothing/here`);
    assert.doesNotMatch(logs.text(), /B{43}/);
  });
});

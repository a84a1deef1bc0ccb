import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { signIn, signedInAs } from './support/accounts.js';
import { axeViolations } from './support/axe.js';
import { pinTestClock } from './support/clock.js';
import {
  assertA4,
  printedLink,
  printedView,
  printPublicUrl,
  readable,
  redirectTarget,
  startPrintHub,
  type PrintHub,
} from './support/print.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

// The paper of volunteer shifts, printed by Chromium and read back with poppler: the need notice
// lists the coming shifts with their free places (the poster to sign up on site by its QR code),
// the sign-in sheet of a shift lists its people for the coordinator only, and the certificate of
// hours adds up the shifts a person was marked present at. The Hub's clock is pinned to
// 2 December 2026.

/** A moment in Berlin's wall-clock time of that day (the offset given: +01:00 winter, +02:00 summer). */
const at = (local: string) => new Date(local);

describe('print views of volunteer shifts', () => {
  let printing: PrintHub;
  let db: Kysely<Database>;
  let slug: string;
  const org = { wine: '', sports: '' };
  const need = { festival: '', foodBank: '', sports: '' };
  const shift = { bar: '', late: '', past: '', cancelled: '', crowd: '', driving1: '', driving2: '', missed: '', nextYear: '', night: '', sports: '' };
  const signup = { erikaBar: '', maxBar: '' };

  async function organization(name: string, municipalityId: string): Promise<{ id: string; slug: string }> {
    const response = await fetch(`${printing.hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: jsonWithKey(printing.hub.adminToken),
      body: JSON.stringify({
        name,
        kind: 'club',
        municipalityId,
        email: `info@${municipalityId}.example`,
        phone: '09303 0000 42',
        privacyPolicyUrl: `https://${municipalityId}.example/datenschutz`,
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { id: string; slug: string };
  }

  async function addShift(needId: string, startsAt: string, endsAt: string, capacity: number, label: string | null = null): Promise<string> {
    const row = await db
      .insertInto('volunteer_shifts')
      .values({ need_id: needId, series_id: null, starts_at: at(startsAt), ends_at: at(endsAt), capacity, label, cancelled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  let responses = 0;
  async function respond(needId: string, name: string, email: string | null, phone: string | null = null): Promise<string> {
    responses += 1;
    const row = await db
      .insertInto('volunteer_responses')
      .values({
        need_id: needId,
        idempotency_key: `print-shifts-${responses}`,
        request_hash: `hash-${responses}`,
        name,
        email,
        phone,
        message: null,
        privacy_notice_url: 'https://example.org/datenschutz',
        privacy_notice_version: 'v1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function signUp(responseId: string, shiftId: string, state: { attended?: boolean; withdrawn?: boolean } = {}): Promise<string> {
    const row = await db
      .insertInto('volunteer_signups')
      .values({
        response_id: responseId,
        shift_id: shiftId,
        status: state.withdrawn ? 'withdrawn' : 'active',
        withdrawn_at: state.withdrawn ? new Date() : null,
        attended: state.attended ?? null,
        attended_at: state.attended === undefined ? null : new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  before(async () => {
    pinTestClock();
    printing = await startPrintHub();
    db = printing.hub.database.db;
    const client = volunteerClient(printing.hub);
    const wine = await organization('Weinbauverein Randersacker', 'randersacker');
    org.wine = wine.id;
    slug = wine.slug;
    org.sports = (await organization('Sportverein Höchberg', 'hoechberg')).id;
    const ongoing = { startsAt: undefined, endsAt: undefined };
    need.festival = (
      await client.created(
        org.wine,
        needBody({
          ...ongoing,
          title: 'Helfende für das Weinfest',
          municipalityId: 'randersacker',
          place: { name: 'Festplatz am Main', address: 'Mainlände 1, 97236 Randersacker' },
          peopleNeeded: 6,
        }),
      )
    ).id;
    need.foodBank = (await client.created(org.wine, needBody({ ...ongoing, title: 'Fahrdienst für die Tafel', peopleNeeded: 2 }))).id;
    need.sports = (await client.created(org.sports, needBody({ ...ongoing, title: 'Kuchenverkauf beim Sportfest' }))).id;
    await db.updateTable('volunteer_needs').set({ approval_required: true }).where('id', '=', need.festival).execute();

    shift.bar = await addShift(need.festival, '2026-12-12T16:00:00+01:00', '2026-12-12T19:00:00+01:00', 4, 'Bar');
    shift.late = await addShift(need.festival, '2026-12-12T19:00:00+01:00', '2026-12-12T23:00:00+01:00', 2, 'Bar');
    shift.past = await addShift(need.festival, '2026-11-07T10:00:00+01:00', '2026-11-07T13:00:00+01:00', 3, 'Aufbau');
    shift.cancelled = await addShift(need.festival, '2026-12-13T10:00:00+01:00', '2026-12-13T12:00:00+01:00', 3, 'Abbau');
    await db.updateTable('volunteer_shifts').set({ cancelled_at: new Date() }).where('id', '=', shift.cancelled).execute();
    shift.crowd = await addShift(need.festival, '2026-12-19T10:00:00+01:00', '2026-12-19T18:00:00+01:00', 40, 'Weihnachtsmarkt');

    // The bar: Erika and Max hold places; Wanda withdrew and Dieter was declined (neither holds one).
    const erika = await respond(need.festival, 'Erika Mustermann', 'erika@example.org', '0931 555 0101');
    const max = await respond(need.festival, 'Max Müller', 'max@example.org', '0931 555 0102');
    const wanda = await respond(need.festival, 'Wanda Weg', 'wanda@example.org', '0931 555 0103');
    const dieter = await respond(need.festival, 'Dieter Absage', 'dieter@example.org', '0931 555 0104');
    await db.updateTable('volunteer_responses').set({ status: 'accepted', decided_at: new Date() }).where('id', '=', max).execute();
    await db.updateTable('volunteer_responses').set({ status: 'declined', decided_at: new Date() }).where('id', '=', dieter).execute();
    signup.erikaBar = await signUp(erika, shift.bar);
    signup.maxBar = await signUp(max, shift.bar, { attended: true });
    await signUp(wanda, shift.bar, { withdrawn: true });
    await signUp(dieter, shift.bar);
    for (const name of ['Sabine Spät', 'Bernd Spät']) await signUp(await respond(need.festival, name, null, '0931 555 0199'), shift.late);
    for (let index = 1; index <= 30; index++) {
      const number = String(index).padStart(2, '0');
      await signUp(await respond(need.festival, `Helferin Nummer ${number}`, null, `0931 555 1${number}`), shift.crowd);
    }

    // Hours: Erika at the past set-up (3 h), and through a second response with her address in
    // other letters at the food bank (4.5 h); a shift she missed, one in the next year, and the
    // night the clocks go back (01:00–04:00 lasts 4 hours); at another organization with her address.
    await signUp(erika, shift.past, { attended: true });
    await signUp(max, shift.past, { attended: true });
    const erikaAgain = await respond(need.foodBank, 'Erika Mustermann', 'ERIKA@Example.org');
    shift.driving1 = await addShift(need.foodBank, '2026-11-21T14:00:00+01:00', '2026-11-21T18:30:00+01:00', 2, 'Fahrt 1');
    shift.missed = await addShift(need.foodBank, '2026-11-28T10:00:00+01:00', '2026-11-28T12:00:00+01:00', 2, 'Fahrt 2');
    shift.nextYear = await addShift(need.foodBank, '2027-01-09T10:00:00+01:00', '2027-01-09T12:00:00+01:00', 2, 'Fahrt 3');
    shift.night = await addShift(need.foodBank, '2027-10-31T01:00:00+02:00', '2027-10-31T04:00:00+01:00', 2, 'Nachtfahrt');
    await signUp(erikaAgain, shift.driving1, { attended: true });
    await signUp(erikaAgain, shift.missed, { attended: false });
    await signUp(erikaAgain, shift.nextYear, { attended: true });
    await signUp(erikaAgain, shift.night, { attended: true });
    shift.sports = await addShift(need.sports, '2026-11-14T10:00:00+01:00', '2026-11-14T16:00:00+01:00', 5, 'Kuchen');
    await signUp(await respond(need.sports, 'Erika Mustermann', 'erika@example.org'), shift.sports, { attended: true });
  });
  after(() => printing?.close());

  test('the need notice lists the coming shifts with their free places, "nach Rücksprache"; its code leads to the board', async () => {
    const { facts, codes, page } = await printedView(printing, `/print/volunteer-needs/${need.festival}`, 'notice-with-shifts');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    for (const expected of [
      'Schichten',
      'Sa., 12. Dezember, 16–19 Uhr · Bar · noch 2 von 4 frei',
      'Sa., 12. Dezember, 19–23 Uhr · Bar · voll',
      'Sa., 19. Dezember, 10–18 Uhr · Weihnachtsmarkt · noch 10 von 40 frei',
      'nach Rücksprache',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    assert.ok(!text.includes('November') && !text.includes('13. Dezember'), 'neither a past nor a cancelled shift is offered');
    assert.ok(!text.includes('6 Personen'), 'the shifts say how many, not the need');
    for (const name of ['Erika', 'Max Müller', 'Helferin Nummer']) assert.ok(!text.includes(name), 'no volunteer is named on a public notice');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/n/${need.festival.slice(0, 8)}`);
    assert.equal(await redirectTarget(printing, url), `/w/volunteer-board?organization=${slug}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });

  const sheetPath = (shiftId: string) => `/print/volunteer-shifts/${shiftId}/sign-in-sheet`;
  const certificatePath = (signupId: string, from: string, to: string) => `/print/volunteer-certificates/${signupId}?from=${from}&to=${to}`;
  const get = (path: string, cookie?: string) => fetch(`${printing.hub.baseUrl}${path}`, { headers: cookie ? { cookie } : {} });

  test('the sign-in sheet: the people on the shift with phone, "war da" and signature, rows for walk-ins; audited, kept in no cache', async () => {
    const coordinator = await signIn(db, { email: 'fest@weinbau.example', role: 'coordinator', organizationId: org.wine });
    const answer = await get(sheetPath(shift.bar), coordinator.cookie);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.match(answer.headers.get('content-security-policy') ?? '', /script-src|default-src 'none'/);

    const { facts, codes, page } = await printedView(printing, sheetPath(shift.bar), 'sign-in-sheet', 'de', { cookie: coordinator.cookie });
    assert.equal(facts.pages, 1);
    assertA4(facts);
    assert.deepEqual(codes, [], 'a list of names leads nowhere');
    const text = readable(facts.text);
    for (const expected of [
      'Weinbauverein Randersacker',
      'Anwesenheitsliste',
      'Helfende für das Weinfest',
      'Sa., 12. Dezember, 16–19 Uhr',
      'Bar',
      'Festplatz am Main',
      'Mainlände 1, 97236 Randersacker',
      '2 von 4 belegt',
      'Name',
      'Telefon',
      'war da',
      'Unterschrift',
      'Erika Mustermann',
      'wartet auf Zusage',
      '0931 555 0101',
      'Max Müller',
      '0931 555 0102',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    for (const other of ['Wanda Weg', 'Dieter Absage', 'Sabine Spät', 'Helferin Nummer'])
      assert.ok(!text.includes(other), `${other} is not on this shift's sheet`);
    // Two people and three empty rows, numbered on.
    assert.match(text, /\b5\b/);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();

    const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'printVolunteerSignInSheet').execute();
    assert.equal(entries.length, 2, 'each print is one entry');
    for (const entry of entries) {
      assert.equal(entry.actor_kind, 'person');
      assert.equal(entry.actor_id, coordinator.personId);
      assert.equal(entry.organization_id, org.wine);
      assert.equal(entry.resource_type, 'volunteer-shift');
      assert.equal(entry.resource_id, shift.bar);
      assert.doesNotMatch(JSON.stringify(entry), /Erika|Max|0931/, 'the audit log names no volunteer');
    }
  });

  test('a long sign-in sheet: A4 pages, the heading row on each, no person split across pages', async () => {
    const cookie = await signedInAs(db, { email: 'fest@weinbau.example', role: 'coordinator', organizationId: org.wine });
    const { facts } = await printedView(printing, sheetPath(shift.crowd), 'sign-in-sheet-long', 'de', { cookie });
    assert.ok(facts.pages >= 2, `${facts.pages} pages`);
    assertA4(facts);
    for (const [index, pageText] of facts.pageTexts.entries()) assert.ok(pageText.includes('Unterschrift'), `page ${index + 1} has the heading row`);
    for (let index = 1; index <= 30; index++) {
      const number = String(index).padStart(2, '0');
      const pages = facts.pageTexts.filter((pageText) => pageText.includes(`0931 555 1${number}`));
      assert.equal(pages.length, 1, `Helferin Nummer ${number}'s phone is on one page`);
      assert.ok(readable(pages[0]!).includes(`Helferin Nummer ${number}`), `her name is on the page of her phone`);
    }
  });

  test('the sign-in sheet and the certificate: 401 without a session, 403 for another organization or an editor, 404 for no shift', async () => {
    const path = certificatePath(signup.erikaBar, '2026-11-01', '2026-11-30');
    for (const target of [sheetPath(shift.bar), path]) {
      await expectProblem(await get(target), 401, 'unauthorized');
      const stranger = await signedInAs(db, { email: 'vorstand@sv-hoechberg.example', role: 'owner', organizationId: org.sports });
      await expectProblem(await get(target, stranger), 403, 'forbidden');
      const editor = await signedInAs(db, { email: 'redaktion@weinbau.example', role: 'editor', organizationId: org.wine });
      await expectProblem(await get(target, editor), 403, 'forbidden');
      const admin = await signedInAs(db, { email: 'region@landkreis.example', regionAdmin: true });
      await expectProblem(await get(target, admin), 403, 'forbidden');
    }
    const cookie = await signedInAs(db, { email: 'fest@weinbau.example', role: 'coordinator', organizationId: org.wine });
    await expectProblem(await get(sheetPath('00000000-0000-4000-8000-000000000000'), cookie), 404, 'not-found');
    await expectProblem(await get(sheetPath('not-a-shift'), cookie), 404, 'not-found');
    await expectProblem(await get(certificatePath('00000000-0000-4000-8000-000000000000', '2026-11-01', '2026-11-30'), cookie), 404, 'not-found');
  });

  test('the certificate adds up the attended shifts of the period: 3 h + 4.5 h = 7,5 Stunden', async () => {
    const owner = await signIn(db, { email: 'kasse@weinbau.example', role: 'owner', organizationId: org.wine });
    const path = certificatePath(signup.erikaBar, '2026-11-01', '2026-11-30');
    const answer = await get(path, owner.cookie);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');

    const { facts, codes, page } = await printedView(printing, path, 'certificate', 'de', { cookie: owner.cookie });
    assert.equal(facts.pages, 1);
    assertA4(facts);
    assert.deepEqual(codes, []);
    const text = readable(facts.text);
    for (const expected of [
      'Nachweis über ehrenamtliche Tätigkeit',
      'Weinbauverein Randersacker',
      'info@randersacker.example',
      'Erika Mustermann',
      'vom 1. November 2026 bis zum 30. November 2026',
      // The activity wraps within its column: the line reads on after the hours.
      '07.11.2026 10–13 Uhr Helfende für das Weinfest · 3,0 Aufbau',
      '21.11.2026 14:00–18:30 Uhr Fahrdienst für die Tafel · Fahrt 1 4,5',
      'Insgesamt 7,5 Stunden',
      'Die Angaben beruhen auf der Anwesenheitsliste der Organisation.',
      'Randersacker, 2. Dezember 2026',
      'Ort, Datum',
      'Unterschrift für Weinbauverein Randersacker',
      'Stunden werden gespeichert bis 90 Tage nach Ende des Gesuchs',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    for (const absent of ['Fahrt 2', 'Fahrt 3', 'Kuchen', 'Max Müller'])
      assert.ok(!text.includes(absent), `${absent}: missed, outside the period, another organization's or another person's`);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();

    const [entry] = await db.selectFrom('audit_log').selectAll().where('action', '=', 'printVolunteerCertificate').execute();
    assert.equal(entry?.actor_id, owner.personId);
    assert.equal(entry?.organization_id, org.wine);
    assert.equal(entry?.resource_type, 'volunteer-signup');
    assert.equal(entry?.resource_id, signup.erikaBar);
  });

  test('the night the clocks go back: 01:00–04:00 counts 4 hours; in English too', async () => {
    const cookie = await signedInAs(db, { email: 'kasse@weinbau.example', role: 'owner', organizationId: org.wine });
    const { facts } = await printedView(printing, certificatePath(signup.erikaBar, '2027-10-01', '2027-10-31'), 'certificate-dst', 'de', {
      cookie,
    });
    const text = readable(facts.text);
    assert.ok(text.includes('31.10.2027 1–4 Uhr'), facts.text);
    assert.ok(text.includes('Insgesamt 4,0 Stunden'), facts.text);
    const english = await printedView(printing, certificatePath(signup.erikaBar, '2027-01-01', '2027-12-31'), 'certificate-en', 'en', {
      cookie,
    });
    const englishText = readable(english.facts.text);
    assert.ok(englishText.includes('Certificate of voluntary work'), english.facts.text);
    assert.ok(englishText.includes('Total 6.0 hours'), english.facts.text);
  });

  test('bad dates are a 400 naming the query field', async () => {
    const cookie = await signedInAs(db, { email: 'kasse@weinbau.example', role: 'owner', organizationId: org.wine });
    const pointers = async (query: string) =>
      (await expectProblem(await get(`/print/volunteer-certificates/${signup.erikaBar}${query}`, cookie), 400, 'invalid-request')).errors?.map(
        (error) => error.pointer,
      );
    assert.deepEqual(await pointers(''), ['/query/from', '/query/to']);
    assert.deepEqual(await pointers('?from=2026-11-01'), ['/query/to']);
    assert.deepEqual(await pointers('?from=2026-02-30&to=2026-03-01'), ['/query/from']);
    assert.deepEqual(await pointers('?from=1.11.2026&to=2026-11-30'), ['/query/from']);
    assert.deepEqual(await pointers('?from=2026-11-30&to=2026-11-01'), ['/query/to']);
    assert.deepEqual(await pointers('?from=2024-01-01&to=2027-01-01'), ['/query/to']);
    assert.equal((await get(certificatePath(signup.erikaBar, '2024-01-02', '2027-01-01'), cookie)).status, 200, 'a day less than three years');
  });
});

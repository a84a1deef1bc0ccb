import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { signIn, signedInAs } from './support/accounts.js';
import { axeViolations } from './support/axe.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { pinClock } from '../src/clock.js';
import { pinTestClock } from './support/clock.js';
import {
  assertA4,
  assertPrints,
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
/** People on the Weihnachtsmarkt shift: a sign-in sheet of several pages. */
const CROWD = 24;

describe('print views of volunteer shifts', () => {
  let printing: PrintHub;
  let db: Kysely<Database>;
  let slug: string;
  const org = { wine: '', sports: '' };
  const need = { festival: '', foodBank: '', sports: '' };
  const shift = {
    bar: '',
    late: '',
    past: '',
    cancelled: '',
    crowd: '',
    driving1: '',
    driving2: '',
    missed: '',
    nextYear: '',
    night: '',
    sports: '',
  };
  const signup = { erikaBar: '' };

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

  let client: ReturnType<typeof volunteerClient>;
  const keys = { wine: '', sports: '' };

  /** One shift through the API; its times as Berlin wall-clock with their offset (+01:00 winter, +02:00 summer). */
  async function addShift(needId: string, startsAt: string, endsAt: string, capacity: number, label: string): Promise<string> {
    const [made] = await client.shiftsMade(needId, { startsAt, endsAt, capacity, label });
    return made!.id;
  }

  let responses = 0;
  /** A volunteer signs up for shifts as the board does (proof of work, consent); returns the response's id. */
  async function respond(
    needId: string,
    shiftIds: string[],
    name: string,
    email: string | null,
    phone: string | null = null,
  ): Promise<string> {
    responses += 1;
    const body = await client.responseBody(await client.need(needId), {
      name,
      email: email ?? undefined,
      phone: phone ?? undefined,
      message: undefined,
      shiftIds,
    });
    const answer = await client.respond(needId, body, `print-shifts-response-${String(responses).padStart(4, '0')}`);
    assert.equal(answer.status, 201, await answer.clone().text());
    // The receipt names no response (it is the citizen's): the test reads its id where the Hub keeps it.
    const row = await db
      .selectFrom('volunteer_responses')
      .select('id')
      .where('need_id', '=', needId)
      .where('idempotency_key', '=', `print-shifts-response-${String(responses).padStart(4, '0')}`)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The sign-up of the response on the shift, from the shift's roster (as the workspace reads it). */
  async function signupOf(organizationId: string, key: string, shiftId: string, responseId: string): Promise<string> {
    const roster = (await (await client.roster(organizationId, shiftId, key)).json()) as {
      items: { id: string; volunteerResponseId: string }[];
    };
    return roster.items.find((item) => item.volunteerResponseId === responseId)!.id;
  }

  async function attend(organizationId: string, key: string, shiftId: string, responseId: string, attended: boolean): Promise<string> {
    const signupId = await signupOf(organizationId, key, shiftId, responseId);
    const answer = await client.attend(organizationId, signupId, attended, key);
    assert.equal(answer.status, 200, await answer.clone().text());
    return signupId;
  }

  before(async () => {
    printing = await startPrintHub();
    // Everything is signed up for before the first shift, marked present after the last, and printed on 2 December 2026.
    pinClock('2026-10-01T10:00:00+02:00');
    db = printing.hub.database.db;
    client = volunteerClient(printing.hub);
    const wine = await organization('Weinbauverein Randersacker', 'randersacker');
    org.wine = wine.id;
    slug = wine.slug;
    org.sports = (await organization('Sportverein Höchberg', 'hoechberg')).id;
    for (const name of ['wine', 'sports'] as const) {
      keys[name] = (await createApiKey(db, { organizationId: org[name], scopes: ['volunteer-responses:manage'] })).key;
    }
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
          approvalRequired: true,
        }),
      )
    ).id;
    need.foodBank = (await client.created(org.wine, needBody({ ...ongoing, title: 'Fahrdienst für die Tafel', peopleNeeded: 2 }))).id;
    need.sports = (await client.created(org.sports, needBody({ ...ongoing, title: 'Kuchenverkauf beim Sportfest' }))).id;

    shift.bar = await addShift(need.festival, '2026-12-12T16:00:00+01:00', '2026-12-12T19:00:00+01:00', 4, 'Bar');
    shift.late = await addShift(need.festival, '2026-12-12T19:00:00+01:00', '2026-12-12T23:00:00+01:00', 2, 'Bar');
    shift.past = await addShift(need.festival, '2026-11-07T10:00:00+01:00', '2026-11-07T13:00:00+01:00', 3, 'Aufbau');
    shift.cancelled = await addShift(need.festival, '2026-12-13T10:00:00+01:00', '2026-12-13T12:00:00+01:00', 3, 'Abbau');
    assert.equal((await client.patchShift(need.festival, shift.cancelled, { cancelled: true })).status, 200);
    shift.crowd = await addShift(need.festival, '2026-12-19T10:00:00+01:00', '2026-12-19T18:00:00+01:00', 30, 'Weihnachtsmarkt');

    // The bar: Erika (waiting for the decision) and Max (accepted) hold places; Wanda withdrew and
    // Dieter was declined, so neither holds one. Erika also helped with the set-up, as did Max.
    const erika = await respond(need.festival, [shift.bar, shift.past], 'Erika Mustermann', 'erika@example.org', '0931 555 0101');
    const max = await respond(need.festival, [shift.bar, shift.past], 'Max Müller', 'max@example.org', '0931 555 0102');
    const wanda = await respond(need.festival, [shift.bar], 'Wanda Weg', 'wanda@example.org', '0931 555 0103');
    const dieter = await respond(need.festival, [shift.bar], 'Dieter Absage', 'dieter@example.org', '0931 555 0104');
    assert.equal((await client.decide(org.wine, max, { status: 'accepted' }, keys.wine)).status, 200);
    assert.equal((await client.decide(org.wine, dieter, { status: 'declined' }, keys.wine)).status, 200);
    // A withdrawal is the volunteer's, through the personal link of a mail: its state is what the sheet reads.
    await db
      .updateTable('volunteer_signups')
      .set({ status: 'withdrawn', withdrawn_at: new Date() })
      .where('response_id', '=', wanda)
      .execute();
    for (const name of ['Sabine Spät', 'Bernd Spät']) await respond(need.festival, [shift.late], name, null, '0931 555 0199');
    for (let index = 1; index <= CROWD; index++) {
      const number = String(index).padStart(2, '0');
      await respond(need.festival, [shift.crowd], `Helferin Nummer ${number}`, null, `0931 555 1${number}`);
    }

    // Hours at the food bank, through a second response with Erika's address in other letters:
    // 4.5 h, a shift she missed, one in the next year, and the night the clocks go back (01:00–04:00
    // lasts 4 hours); and 6 h at another organization, with the same address.
    shift.driving1 = await addShift(need.foodBank, '2026-11-21T14:00:00+01:00', '2026-11-21T18:30:00+01:00', 2, 'Fahrt 1');
    shift.missed = await addShift(need.foodBank, '2026-11-28T10:00:00+01:00', '2026-11-28T12:00:00+01:00', 2, 'Fahrt 2');
    shift.nextYear = await addShift(need.foodBank, '2027-01-09T10:00:00+01:00', '2027-01-09T12:00:00+01:00', 2, 'Fahrt 3');
    shift.night = await addShift(need.foodBank, '2027-10-31T01:00:00+02:00', '2027-10-31T04:00:00+01:00', 2, 'Nachtfahrt');
    const foodBankShifts = [shift.driving1, shift.missed, shift.nextYear, shift.night];
    const erikaAgain = await respond(need.foodBank, foodBankShifts, 'Erika Mustermann', 'ERIKA@Example.org');
    shift.sports = await addShift(need.sports, '2026-11-14T10:00:00+01:00', '2026-11-14T16:00:00+01:00', 5, 'Kuchen');
    const erikaSports = await respond(need.sports, [shift.sports], 'Erika Mustermann', 'erika@example.org');

    // After the last shift, the coordinators mark who was there.
    pinClock('2027-11-02T10:00:00+01:00');
    signup.erikaBar = await signupOf(org.wine, keys.wine, shift.bar, erika);
    await attend(org.wine, keys.wine, shift.past, erika, true);
    await attend(org.wine, keys.wine, shift.past, max, true);
    for (const [shiftId, attended] of [
      [shift.driving1, true],
      [shift.missed, false],
      [shift.nextYear, true],
      [shift.night, true],
    ] as const) {
      await attend(org.wine, keys.wine, shiftId, erikaAgain, attended);
    }
    await attend(org.sports, keys.sports, shift.sports, erikaSports, true);
    pinTestClock();
  });
  after(() => printing?.close());

  test('the need notice lists the coming shifts with their free places, "nach Rücksprache"; its code leads to the board', async () => {
    const { facts, codes, page } = await printedView(printing, `/print/volunteer-needs/${need.festival}`, 'notice-with-shifts');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    assertPrints(facts, [
      'Schichten',
      'Sa., 12. Dezember, 16–19 Uhr · Bar · noch 2 von 4 frei',
      'Sa., 12. Dezember, 19–23 Uhr · Bar · voll',
      'Sa., 19. Dezember, 10–18 Uhr · Weihnachtsmarkt · noch 6 von 30 frei',
      'nach Rücksprache',
    ]);
    assert.ok(!text.includes('November') && !text.includes('13. Dezember'), 'neither a past nor a cancelled shift is offered');
    assert.ok(!text.includes('6 Personen'), 'the shifts say how many, not the need');
    for (const name of ['Erika', 'Max Müller', 'Helferin Nummer'])
      assert.ok(!text.includes(name), 'no volunteer is named on a public notice');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/n/${need.festival.slice(0, 8)}`);
    const location = await redirectTarget(printing, url);
    assert.equal(location, `/w/volunteer-board?organization=${slug}#need=${need.festival}`);
    assert.deepEqual(await axeViolations(page), []);
    // On site: the code opens the need's form with its shifts to choose.
    await page.goto(`${printing.hub.baseUrl}${location}`);
    const form = page.getByRole('dialog', { name: /^Ich helfe mit: / });
    await form.getByRole('group', { name: /Schichten wählen/ }).waitFor({ timeout: 15_000 });
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
    assertPrints(facts, [
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
    ]);
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
    for (const [index, pageText] of facts.pageTexts.entries())
      assert.ok(pageText.includes('Unterschrift'), `page ${index + 1} has the heading row`);
    for (let index = 1; index <= CROWD; index++) {
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
    await expectProblem(
      await get(certificatePath('00000000-0000-4000-8000-000000000000', '2026-11-01', '2026-11-30'), cookie),
      404,
      'not-found',
    );
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
    assertPrints(facts, [
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
    ]);
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
    assertPrints(facts, ['31.10.2027 1–4 Uhr', 'Insgesamt 4,0 Stunden']);
    const english = await printedView(printing, certificatePath(signup.erikaBar, '2027-01-01', '2027-12-31'), 'certificate-en', 'en', {
      cookie,
    });
    assertPrints(english.facts, ['Certificate of voluntary work', '2027-10-31 01:00–04:00', 'Total 6.0 hours']);
  });

  test('bad dates are a 400 naming the query field', async () => {
    const cookie = await signedInAs(db, { email: 'kasse@weinbau.example', role: 'owner', organizationId: org.wine });
    const pointers = async (query: string) =>
      (
        await expectProblem(await get(`/print/volunteer-certificates/${signup.erikaBar}${query}`, cookie), 400, 'invalid-request')
      ).errors?.map((error) => error.pointer);
    assert.deepEqual(await pointers(''), ['/query/from', '/query/to']);
    assert.deepEqual(await pointers('?from=2026-11-01'), ['/query/to']);
    assert.deepEqual(await pointers('?from=2026-02-30&to=2026-03-01'), ['/query/from']);
    assert.deepEqual(await pointers('?from=1.11.2026&to=2026-11-30'), ['/query/from']);
    assert.deepEqual(await pointers('?from=2026-11-30&to=2026-11-01'), ['/query/to']);
    assert.deepEqual(await pointers('?from=2024-01-01&to=2027-01-01'), ['/query/to']);
    assert.equal(
      (await get(certificatePath(signup.erikaBar, '2024-01-02', '2027-01-01'), cookie)).status,
      200,
      'a day less than three years',
    );
  });
});

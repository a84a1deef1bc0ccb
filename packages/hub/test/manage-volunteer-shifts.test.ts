import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pinClock } from '../src/clock.js';
import { testNow } from './support/clock.js';
import { eventually, type ReceivedMail } from './support/mail.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { organizationId } from './support/writes.js';
import {
  expectAccessible,
  expectNoSidewaysScrolling,
  lookAt,
  screen,
  says,
  startWorkspace,
  summaryLine,
  type Workspace,
} from './support/workspace.js';

// The shifts of a volunteer need in the pages for organizations (/manage/), in real Chromium
// against a real Hub that mails through a real SMTP server: the club's owner makes the need "nach
// Rücksprache" with a reminder, adds a shift and a weekly series; citizens sign up through the
// Hub's API; the owner sees them in the inbox with their shifts and accepts one, is told at the
// field that a shift cannot have fewer places than are taken, opens the shift's roster, marks
// "war da" (it stays after a reload; a refused mark is said and set back), writes to everyone,
// downloads the roster as CSV and finds the sign-in sheet and a certificate of hours; all of it
// at a phone's width too.

const slug = 'tsv-ochsenfurt-1862-e-v';
const owner = `${slug}@demo.smart-region.example`;
const title = 'Helfende für den Weihnachtsmarkt';
/** The Bar shift: the day the Hub's clock stands at (`testNow`, 10:15), from 11:00 to 14:00. */
const barDay = testNow.slice(0, 10);
/** A moment in the Bar shift, when "war da" is marked. */
const duringBar = `${barDay}T11:30:00+01:00`;

describe('the shifts of a volunteer need in the pages for organizations in Chromium', () => {
  let workspace: Workspace;
  let club: string;
  let needId: string;

  before(async () => {
    workspace = await startWorkspace();
    club = await organizationId(workspace.mailed.hub, 'TSV Ochsenfurt 1862 e.V.');
    const need = await volunteerClient(workspace.mailed.hub).created(
      club,
      needBody({ title, startsAt: `${barDay}T10:00:00+01:00`, endsAt: '2027-01-31T18:00:00+01:00', peopleNeeded: 4 }),
    );
    needId = need.id;
  });
  after(async () => {
    await workspace?.close();
  });

  async function ownerPage(width = 1280): Promise<Page> {
    const page = await workspace.person({ width, now: testNow });
    await workspace.signIn(page, owner);
    return page;
  }

  const needPath = () => `${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs/${needId}`;

  /** Signs a citizen up for shifts through the Hub's API, as the volunteer board does. */
  async function signUp(shiftIds: string[], person: Record<string, unknown>): Promise<void> {
    const volunteering = volunteerClient(workspace.mailed.hub);
    const need = await volunteering.need(needId);
    const answered = await volunteering.respond(needId, await volunteering.responseBody(need, { shiftIds, ...person }));
    assert.equal(answered.status, 201, await answered.clone().text());
  }

  /** Waits for a mail to `address` that `matches`, whatever else the Hub sent the person meanwhile. */
  async function mailTo(address: string, matches: (mail: ReceivedMail) => boolean): Promise<void> {
    await eventually(`a mail to ${address}`, () => workspace.mailed.smtp.mails.some((mail) => mail.to.includes(address) && matches(mail)));
  }

  /** Adds a shift in the form of the need's screen. */
  async function addShift(
    page: Page,
    shift: { day: string; from: string; to: string; places: string; label: string; weeklyUntil?: string },
  ) {
    await page.getByRole('button', { name: 'Schicht hinzufügen' }).click();
    const form = page.getByRole('form', { name: 'Neue Schicht' });
    await form.getByLabel('Tag *').fill(shift.day);
    await form.getByLabel('Von *').fill(shift.from);
    await form.getByLabel('Bis *').fill(shift.to);
    await form.getByLabel('Plätze *').fill(shift.places);
    await form.getByLabel('Bezeichnung (freiwillig)').fill(shift.label);
    if (shift.weeklyUntil) {
      await form.getByLabel('Jede Woche wiederholen').check();
      await form.getByLabel('Bis einschließlich *').fill(shift.weeklyUntil);
    }
    await form.getByRole('button', { name: shift.weeklyUntil ? 'Schichten anlegen' : 'Schicht anlegen' }).click();
  }

  test('a coordinator adds shifts, sees who signed up, marks "war da", writes to everyone and exports the roster', async () => {
    const page = await ownerPage();
    await page.goto(needPath());
    await screen(page, new RegExp(`^${title}`));

    // "Nach Rücksprache" and the reminder are the need's: saved with it.
    await page.getByLabel('Nach Rücksprache').check();
    await page.getByLabel('Erinnerung').selectOption({ label: '48 Stunden vorher' });
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    const stored = await workspace.mailed.hub.database.db
      .selectFrom('volunteer_needs')
      .select(['approval_required', 'reminder_hours'])
      .where('id', '=', needId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([stored.approval_required, stored.reminder_hours], [true, 48]);

    const shifts = page.getByRole('region', { name: 'Schichten' });
    await shifts.getByText('Noch keine Schichten.').waitFor();
    await expectAccessible(page, 'a need without shifts');

    // Bad input is said at its field, and what was typed stays.
    await page.getByRole('button', { name: 'Schicht hinzufügen' }).click();
    await page.getByLabel('Plätze *').fill('0');
    await page.getByRole('button', { name: 'Schicht anlegen' }).click();
    await summaryLine(page, 'Tag: Bitte geben Sie den Tag der Schicht an.').waitFor();
    await summaryLine(page, 'Plätze: Bitte eine ganze Zahl von 1 bis 1000: so viele Personen braucht die Schicht.').waitFor();
    assert.equal(await page.getByLabel('Plätze *').inputValue(), '0');
    await expectAccessible(page, 'the shift form with bad input');
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    await addShift(page, { day: barDay, from: '11:00', to: '14:00', places: '4', label: 'Bar' });
    await says(page, 'Die Schicht ist angelegt.');
    const bar = shifts.locator('[data-shift]').filter({ hasText: 'Bar' });
    await bar.getByText('0 von 4 belegt').waitFor();
    await bar.getByText('offen').waitFor();

    // A weekly series: every Tuesday from 8 to 29 December, four shifts with their own places.
    await addShift(page, { day: '2026-12-08', from: '09:00', to: '12:00', places: '2', label: 'Fahrdienst', weeklyUntil: '2026-12-29' });
    await says(page, '4 Schichten sind angelegt.');
    await shifts.locator('[data-shift]').filter({ hasText: 'Fahrdienst' }).nth(3).waitFor();
    assert.equal(await shifts.locator('[data-shift]').filter({ hasText: 'Fahrdienst' }).count(), 4);
    await expectAccessible(page, 'a need with shifts');
    await lookAt(page, 'need-shifts');

    const listed = (await (await fetch(`${workspace.baseUrl}/volunteer-needs/${needId}/shifts`)).json()) as {
      items: { id: string; label: string | null; seriesId: string | null; startsAt: string }[];
    };
    const barShift = listed.items.find((shift) => shift.label === 'Bar')!;
    assert.equal(barShift.startsAt, new Date(`${barDay}T11:00:00+01:00`).toISOString());
    const drives = listed.items.filter((shift) => shift.label === 'Fahrdienst');
    assert.equal(new Set(drives.map((shift) => shift.seriesId)).size, 1, 'one series');

    // Two citizens sign up: one with an e-mail address, one with a phone number only.
    await signUp([barShift.id, drives[0]!.id], { name: 'Erika Mustermann' });
    await signUp([barShift.id], { name: 'Karl Telefon', email: undefined, phone: '+49 9331 12345' });

    // The inbox lists each person's shifts; accepting makes a waiting sign-up count.
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/responses`);
    await screen(page, /^Rückmeldungen/);
    const erika = page.locator('[data-response]').filter({ hasText: 'Erika Mustermann' });
    await erika.getByText('Bar', { exact: false }).first().waitFor();
    await erika.getByText(/Fahrdienst/).waitFor();
    await expectAccessible(page, 'the inbox with shifts');
    await lookAt(page, 'responses-with-shifts');
    await erika.getByRole('button', { name: 'Annehmen' }).click();
    await says(page, `Erika Mustermann ist angenommen und zählt für „${title}“.`);

    // Fewer places than are taken: the Hub refuses at the field, and the typed number stays.
    await page.goto(needPath());
    await bar.getByText('2 von 4 belegt').waitFor();
    await bar.getByRole('button', { name: 'Ändern' }).click();
    await bar.getByLabel('Plätze *').fill('1');
    await bar.getByRole('button', { name: 'Schicht speichern' }).click();
    await summaryLine(page, 'Plätze: Mindestens 2: so viele Plätze sind schon belegt.').waitFor();
    assert.equal(await bar.getByLabel('Plätze *').inputValue(), '1');
    assert.equal(await bar.getByLabel('Plätze *').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'a shift refused for too few places');
    await lookAt(page, 'shift-too-few-places');
    await bar.getByLabel('Plätze *').fill('5');
    await bar.getByRole('button', { name: 'Schicht speichern' }).click();
    await says(page, 'Die Schicht ist gespeichert.');
    await bar.getByText('2 von 5 belegt').waitFor();

    // A shift cancelled after a question: everyone on it is mailed; it can be opened again.
    const firstDrive = shifts.locator('[data-shift]').filter({ hasText: 'Fahrdienst' }).first();
    await firstDrive.getByRole('button', { name: 'Absagen' }).click();
    await says(page, 'Alle Eingetragenen bekommen eine E-Mail');
    await expectAccessible(page, 'the question before cancelling a shift');
    await page.getByRole('button', { name: 'Ja, absagen' }).click();
    await says(page, 'Die Schicht ist abgesagt. Alle Eingetragenen bekommen eine E-Mail.');
    await firstDrive.getByText('abgesagt', { exact: true }).waitFor();
    await mailTo('erika.mustermann@example.org', (mail) => mail.text.includes('abgesagt'));
    await firstDrive.getByRole('button', { name: 'Wieder öffnen' }).click();
    await says(page, 'Die Schicht ist wieder offen.');
    await firstDrive.getByText('offen', { exact: true }).waitFor();
    // A shift nobody signed up for can be deleted.
    await shifts.locator('[data-shift]').filter({ hasText: 'Fahrdienst' }).last().getByRole('button', { name: 'Löschen' }).click();
    await says(page, 'Die Schicht ist gelöscht.');
    await shifts.locator('[data-shift]').nth(4).waitFor({ state: 'detached' });

    // The roster, during the shift: the Hub's clock and the browser's stand at 11:30.
    pinClock(duringBar);
    await page.clock.setFixedTime(new Date(duringBar));
    await bar.getByRole('link', { name: 'Eingetragene' }).click();
    await screen(page, /^Bar/);
    assert.equal(new URL(page.url()).pathname, `/manage/organizations/${slug}/volunteer-needs/${needId}/shifts/${barShift.id}`);
    const erikaCard = page.locator('[data-signup]').filter({ hasText: 'Erika Mustermann' });
    const karlCard = page.locator('[data-signup]').filter({ hasText: 'Karl Telefon' });
    await erikaCard.getByText('eingetragen', { exact: true }).waitFor();
    await erikaCard.getByRole('link', { name: 'erika.mustermann@example.org' }).waitFor();
    await karlCard.getByText('wartet auf Zusage').waitFor();
    await karlCard.getByRole('link', { name: '+49 9331 12345' }).waitFor();
    await page.getByText('Die Stunden bleiben bis 90 Tage nach Ende des Gesuchs gespeichert; stellen Sie Nachweise vorher aus.').waitFor();
    await expectAccessible(page, 'the roster');

    const erikaThere = erikaCard.getByRole('button', { name: 'War da' });
    assert.equal(await erikaThere.getAttribute('aria-pressed'), 'false');
    await erikaThere.click();
    await erikaCard.locator('button[aria-pressed="true"][aria-disabled="false"]').waitFor();
    await page.reload();
    await erikaCard.getByRole('button', { name: 'War da' }).waitFor();
    assert.equal(
      await erikaCard.getByRole('button', { name: 'War da' }).getAttribute('aria-pressed'),
      'true',
      '"war da" stays after a reload',
    );
    const marked = await workspace.mailed.hub.database.db
      .selectFrom('volunteer_signups')
      .select('attended')
      .where('shift_id', '=', barShift.id)
      .where('attended', '=', true)
      .execute();
    assert.equal(marked.length, 1);
    await expectAccessible(page, 'the roster with a mark');
    await lookAt(page, 'roster');

    // A message to everyone on the shift: mailed to whoever gave an address; the others to call.
    await page.getByLabel('Nachricht *').fill('Bitte 15 Minuten vorher am Glühweinstand sein.');
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await says(page, 'An 1 Person gesendet. 1 ohne E-Mail: bitte anrufen.');
    assert.equal(await page.getByLabel('Nachricht *').inputValue(), '');
    await mailTo('erika.mustermann@example.org', (mail) => /Bitte 15 Minuten vorher am Glühweinstand sein\./.test(mail.text));
    await expectAccessible(page, 'the roster after a message');

    // The roster as a table for a spreadsheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `schicht-${barDay}.csv`);
    const rows = (await readFile(await download.path(), 'utf8'))
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const header = rows[0]!;
    const byName = new Map(rows.slice(1).map((row) => [row[header.indexOf('name')], row]));
    assert.equal(byName.get('Erika Mustermann')?.[header.indexOf('email')], 'erika.mustermann@example.org');
    assert.equal(byName.get('Erika Mustermann')?.[header.indexOf('attended')], 'true');
    assert.equal(byName.get('Karl Telefon')?.[header.indexOf('response_status')], 'new');
    await says(page, 'Die CSV-Datei ist heruntergeladen.');

    // The print views, each in a new tab.
    const sheet = page.getByRole('link', { name: 'Anmeldeliste drucken (öffnet einen neuen Tab)' });
    assert.equal(await sheet.getAttribute('href'), `/print/volunteer-shifts/${barShift.id}/sign-in-sheet`);
    assert.equal(await sheet.getAttribute('target'), '_blank');
    await erikaCard.getByText('Nachweis ausstellen').click();
    await erikaCard.getByLabel('Stunden vom').fill('2026-12-01');
    await erikaCard.getByLabel('bis', { exact: true }).fill('2026-12-31');
    const signupId = await erikaCard.getAttribute('data-signup');
    assert.equal(
      await erikaCard.getByRole('link', { name: 'Nachweis für Erika Mustermann öffnen (öffnet einen neuen Tab)' }).getAttribute('href'),
      `/print/volunteer-certificates/${signupId}?from=2026-12-01&to=2026-12-31`,
    );
    await expectAccessible(page, 'a certificate’s period');

    // A mark the Hub refuses (the person's data was deleted meanwhile) is said and set back.
    await workspace.mailed.hub.database.db.deleteFrom('volunteer_responses').where('name', '=', 'Karl Telefon').execute();
    const karlThere = karlCard.getByRole('button', { name: 'War da' });
    await karlThere.click();
    await karlCard.getByText(/^Nicht gespeichert:/).waitFor();
    assert.equal(await karlThere.getAttribute('aria-pressed'), 'false', 'the toggle is set back');
    await expectAccessible(page, 'a refused mark');
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('at a phone’s width the shifts and the roster fit, and "war da" is a big target', async () => {
    const page = await ownerPage(320);
    await page.goto(needPath());
    const shifts = page.getByRole('region', { name: 'Schichten' });
    const bar = shifts.locator('[data-shift]').filter({ hasText: 'Bar' });
    await bar.waitFor();
    await expectNoSidewaysScrolling(page, 'the need with shifts');
    await page.getByRole('button', { name: 'Schicht hinzufügen' }).click();
    await page.getByRole('form', { name: 'Neue Schicht' }).getByLabel('Jede Woche wiederholen').check();
    await expectNoSidewaysScrolling(page, 'the form of a new series');
    await expectAccessible(page, 'the form of a new series at 320 px');
    await lookAt(page, 'need-shifts');
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    await page.clock.setFixedTime(new Date(duringBar));
    await bar.getByRole('link', { name: 'Eingetragene' }).click();
    await screen(page, /^Bar/);
    const toggle = page.locator('[data-signup]').filter({ hasText: 'Erika Mustermann' }).getByRole('button', { name: 'War da' });
    await toggle.waitFor();
    const box = (await toggle.boundingBox())!;
    assert.ok(box.height >= 44 && box.width >= 44, `"war da" is ${box.width}×${box.height} px`);
    await expectNoSidewaysScrolling(page, 'the roster');
    await expectAccessible(page, 'the roster at 320 px');
    await lookAt(page, 'roster');

    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/responses`);
    await page
      .locator('[data-response]')
      .filter({ hasText: 'Erika Mustermann' })
      .getByText(/Fahrdienst/)
      .waitFor();
    await expectNoSidewaysScrolling(page, 'the inbox with shifts');
    await lookAt(page, 'responses-with-shifts');
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });
});

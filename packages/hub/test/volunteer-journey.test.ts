import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pinClock } from '../src/clock.js';
import { testNow } from './support/clock.js';
import { pdfFacts, printToPdf, readable } from './support/print.js';
import { needBody, volunteerClient, type ShiftJson } from './support/volunteering.js';
import { organizationId } from './support/writes.js';
import { screen, says, startWorkspace, type Workspace } from './support/workspace.js';

// The whole journey of a volunteer and a coordinator, in real Chromium against a real Hub that
// mails through a real SMTP server, with the Hub's clock pinned: a volunteer signs up for two
// shifts on the volunteer board, gets the mail with "Meine Einsätze", moves one shift and withdraws
// from the other there; the coordinator sees it in the rosters, marks "war da" once the shift has
// begun, and prints a certificate whose hours are those of the shift the volunteer came to.

const slug = 'tsv-ochsenfurt-1862-e-v';
const owner = `${slug}@demo.smart-region.example`;
const title = 'Adventsbasar';
const volunteer = { name: 'Paula Pünktlich', email: 'paula.puenktlich@example.org' };
/** Saturday after the Hub's `testNow` (Wednesday, 2 December 2026), in Berlin's winter time. */
const day = '2026-12-05';
const at = (time: string) => `${day}T${time}:00+01:00`;
/** Aufbau 2 h, Ausschank 4 h, Abbau 3 h: each length tells which shift a total came from. */
const planned = [
  { label: 'Aufbau', startsAt: at('09:00'), endsAt: at('11:00') },
  { label: 'Ausschank', startsAt: at('12:00'), endsAt: at('16:00') },
  { label: 'Abbau', startsAt: at('17:00'), endsAt: at('20:00') },
];
/** Half an hour into the Abbau shift: "war da" can be marked. */
const duringAbbau = at('17:30');
/** A browser's wait for what a busy machine does slowly (the board's proof of work, a mail, a PDF). */
const patient = { timeout: 60_000 };

describe('a volunteer’s journey from the board to the certificate, in Chromium', () => {
  let workspace: Workspace;
  let needId: string;
  let shifts: ShiftJson[];

  before(async () => {
    workspace = await startWorkspace();
    const { hub } = workspace.mailed;
    const volunteering = volunteerClient(hub);
    const club = await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.');
    const need = await volunteering.created(
      club,
      needBody({ title, skills: ['Kasse'], startsAt: at('09:00'), endsAt: at('20:00'), peopleNeeded: 3 }),
    );
    assert.ok(need.privacyNotice, 'the club has a privacy notice to consent to');
    needId = need.id;
    shifts = [];
    for (const shift of planned) shifts.push(...(await volunteering.shiftsMade(needId, { ...shift, capacity: 4 })));
  });
  after(async () => {
    await workspace?.close();
  });

  const shiftIds = () => shifts.map((shift) => shift.id) as [string, string, string];
  const rosterPath = (shiftId: string) => `${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs/${needId}/shifts/${shiftId}`;
  /** A sign-up on "Meine Einsätze": its shift's heading names the need and the shift. */
  const signupOn = (page: Page, label: string) => page.getByRole('article', { name: `${title} – ${label}`, exact: true });

  test('sign up for two shifts, move one and withdraw the other, attend, and get a certificate of the hours', async () => {
    const [aufbau, ausschank, abbau] = shiftIds();

    // The board opens the need's form by itself (the poster's QR code leads here).
    const citizen = await workspace.person({ now: testNow });
    await citizen.goto(`${workspace.baseUrl}/w/volunteer-board?organization=${slug}#need=${needId}`);
    const form = citizen.getByRole('dialog', { name: `Ich helfe mit: ${title}` });
    await form.getByRole('group', { name: /Schichten wählen/ }).waitFor(patient);
    await form.locator(`#shift-${aufbau}`).check();
    await form.locator(`#shift-${ausschank}`).check();
    await form.getByLabel('Name *').fill(volunteer.name);
    await form.getByLabel('E-Mail', { exact: true }).fill(volunteer.email);
    await form.locator('#consent').check();
    await form.getByRole('button', { name: 'Absenden' }).click();
    await citizen.getByText('Sie sind eingetragen für:').waitFor(patient);

    // The confirmation mail carries the personal link.
    const mail = await workspace.mailed.nextMailTo(volunteer.email);
    const link = workspace.mailed.linkIn(mail, '/einsaetze/');
    assert.match(link.pathname, /^\/einsaetze\/[A-Za-z0-9_-]{43}$/);

    // "Meine Einsätze": Aufbau moves to Abbau, Ausschank is withdrawn.
    await citizen.goto(link.href);
    await screen(citizen, 'Meine Einsätze');
    const first = signupOn(citizen, 'Aufbau');
    await first.getByText('Anderen Termin wählen').click();
    await first.getByLabel('Neuer Termin').selectOption(abbau);
    await first.getByRole('button', { name: 'Zu diesem Termin wechseln' }).click();
    await says(citizen, 'Ihr Termin ist geändert. Die Organisation weiß Bescheid.');
    await signupOn(citizen, 'Ausschank').getByRole('button', { name: 'Absagen' }).click();
    await says(citizen, 'Sie haben abgesagt. Die Organisation weiß Bescheid.');
    await signupOn(citizen, 'Abbau').getByText('eingetragen', { exact: true }).waitFor();
    await signupOn(citizen, 'Ausschank').getByText('abgemeldet', { exact: true }).waitFor();
    assert.equal(await signupOn(citizen, 'Aufbau').count(), 0, 'the moved sign-up is on Abbau now');
    await citizen.context().close();

    // The coordinator's rosters show the change.
    const coordinator = await workspace.person({ now: testNow });
    await workspace.signIn(coordinator, owner);
    const card = coordinator.locator('[data-signup]').filter({ hasText: volunteer.name });
    await coordinator.goto(rosterPath(ausschank));
    await screen(coordinator, /^Ausschank/);
    await card.getByText('abgemeldet', { exact: true }).waitFor();
    await coordinator.goto(rosterPath(aufbau));
    await screen(coordinator, /^Aufbau/);
    await coordinator.getByText('Noch hat sich niemand eingetragen.').waitFor();
    await coordinator.goto(rosterPath(abbau));
    await screen(coordinator, /^Abbau/);
    await card.getByText('eingetragen', { exact: true }).waitFor();
    assert.equal(await card.getByRole('button', { name: 'War da' }).count(), 0, 'no "war da" before the shift begins');

    // Once Abbau has begun (the Hub's clock and the browser's), "war da" is marked.
    pinClock(duringAbbau);
    await coordinator.clock.setFixedTime(new Date(duringAbbau));
    await coordinator.reload();
    const there = card.getByRole('button', { name: 'War da' });
    await there.waitFor(patient);
    await there.click();
    await card.locator('button[aria-pressed="true"][aria-disabled="false"]').waitFor(patient);

    // The certificate of the period, printed as a browser prints it.
    const signupId = (await card.getAttribute('data-signup'))!;
    await card.getByText('Nachweis ausstellen').click();
    await card.getByLabel('Stunden vom').fill('2026-12-01');
    await card.getByLabel('bis', { exact: true }).fill('2026-12-31');
    const opener = card.getByRole('link', { name: `Nachweis für ${volunteer.name} öffnen (öffnet einen neuen Tab)` });
    assert.equal(await opener.getAttribute('href'), `/print/volunteer-certificates/${signupId}?from=2026-12-01&to=2026-12-31`);
    const [certificate] = await Promise.all([coordinator.context().waitForEvent('page', patient), opener.click()]);
    await certificate.waitForLoadState('load');
    const facts = await pdfFacts(await printToPdf(certificate));
    const text = readable(facts.text);
    for (const words of [volunteer.name, 'vom 1. Dezember 2026 bis zum 31. Dezember 2026', '05.12.2026 17–20 Uhr', 'Insgesamt 3,0 Stunden'])
      assert.ok(text.includes(words), `"${words}" in:\n${facts.text}`);
    assert.match(text, /Abbau 3,0/);
    for (const absent of ['Ausschank', 'Aufbau', '12–16 Uhr', '9–11 Uhr'])
      assert.ok(!text.includes(absent), `${absent}: neither the withdrawn shift nor the one moved from is on the certificate`);
    assert.deepEqual(workspace.failures, []);
    await coordinator.context().close();
  });
});

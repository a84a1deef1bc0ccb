import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { demoOwnerAddress } from '../src/orgs/seed/demo-accounts.js';
import { testNow } from './support/clock.js';
import { expectAccessible, says, screen, startWorkspace, type Workspace } from './support/workspace.js';

// The events of the pages for organizations (/manage/) in real Chromium against a real Hub: a
// club's owner signs in with the mailed link, is told at each field what is wrong (no title, an
// end before the start, a repeat that ends before it begins) without losing what was typed,
// creates a choir rehearsal every Tuesday and Thursday with one Tuesday left out, sees the repeat
// in the calendar's words, cancels one date and takes that back, finds the dates on the club's
// example website, keeps a second event as a draft, sees it and a title typed but not saved in
// the form's preview (the calendar as the website will show it, while the website has nothing),
// meets a change someone else saved meanwhile (If-Match) and takes it over, publishes and deletes it.

const club = 'tsv-ochsenfurt-1862-e-v';
/** Where the screenshots of the screens go for a look (not part of the repository). */
const shots = process.env['SR_SHOTS_DIR'];

describe('events in the pages for organizations, in Chromium', () => {
  let workspace: Workspace;

  before(async () => {
    workspace = await startWorkspace();
    if (shots) await mkdir(shots, { recursive: true });
  });
  after(async () => {
    await workspace?.close();
  });

  /** A person's browser whose clock stands at the Hub's pinned now (Wednesday, 2 December 2026). */
  async function personAtTestNow(width?: number): Promise<Page> {
    const page = await workspace.person(width === undefined ? {} : { width });
    await page.clock.setFixedTime(new Date(testNow));
    return page;
  }

  const summaryLine = (page: Page, text: string): Locator => page.getByRole('alert').getByRole('link', { name: text });
  const when = (page: Page, legend: RegExp) => page.getByRole('group', { name: legend });

  async function look(page: Page, name: string): Promise<void> {
    if (!shots) return;
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${shots}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
  }

  async function noSidewaysScrolling(page: Page, state: string): Promise<void> {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= width, `${state}: ${scroll} px wide at ${width} px`);
  }

  test('an owner creates a rehearsal every Tuesday and Thursday with a day left out, cancels one date, and the club’s website shows them', async () => {
    const page = await personAtTestNow();
    await workspace.signIn(page, demoOwnerAddress(club));
    await page.goto(`${workspace.baseUrl}/manage/organizations/${club}/events`);
    await screen(page, /^Termine/);
    await page.locator('[data-event]').first().waitFor();
    await expectAccessible(page, 'the list of events');
    await look(page, 'events-list');

    await page.getByRole('link', { name: 'Neuer Termin' }).click();
    await screen(page, /^Neuer Termin/);
    await expectAccessible(page, 'the empty form');
    await look(page, 'event-new');

    // No title, an end before the start, a repeat that ends before the first date: each at its field.
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await summaryLine(page, 'Titel: Bitte geben Sie einen Titel an.').waitFor();
    assert.equal(await page.getByLabel('Titel').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Titel').fill('Chorprobe');
    await when(page, /^Beginn/)
      .getByLabel('Datum')
      .fill('2026-12-03');
    await when(page, /^Beginn/)
      .getByLabel('Uhrzeit')
      .fill('19:30');
    await when(page, /^Ende/).getByLabel('Uhrzeit').fill('19:00');
    await page.getByLabel('Wiederholt sich').selectOption({ label: 'Jede Woche oder alle paar Wochen, an bestimmten Tagen' });
    // Thursday, the start's weekday, is ticked already; Tuesday added.
    assert.equal(await page.getByLabel('Donnerstag').isChecked(), true);
    await page.getByLabel('Dienstag').check();
    await page.getByLabel('bis zu einem Datum').check();
    await page.getByLabel('Wiederholen bis').fill('2026-11-30');
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await summaryLine(page, 'Ende: Das Ende liegt vor dem Beginn. Endet der Termin am nächsten Tag, wählen Sie „mehrtägig“.').waitFor();
    await summaryLine(page, 'Wiederholen bis: Das Ende der Wiederholung liegt vor dem ersten Termin.').waitFor();
    assert.equal(await page.getByLabel('Titel').inputValue(), 'Chorprobe', 'nothing typed is lost');
    assert.equal(await page.getByLabel('Dienstag').isChecked(), true);
    await expectAccessible(page, 'the form with errors');
    await look(page, 'event-errors');

    await when(page, /^Ende/).getByLabel('Uhrzeit').fill('21:00');
    await page.getByLabel('Wiederholen bis').fill('2027-06-30');
    await page.getByLabel('Ort', { exact: true }).fill('Pfarrheim St. Laurentius');
    await page.getByLabel('Gemeinde').selectOption({ label: 'Ochsenfurt' });
    await page.getByRole('checkbox', { name: 'Kultur' }).check();
    await page.getByLabel('Eintritt frei').check();
    // Tuesday 8 December is a holiday for the choir.
    await page.getByLabel('Einen Termin auslassen').fill('2026-12-08');
    await page.getByRole('button', { name: 'Diesen Tag auslassen' }).click();
    await page.getByRole('list', { name: 'Ausgelassene Termine' }).getByText('Dienstag, 8. Dezember 2026').waitFor();
    // A move of a day the rehearsal does not meet (Wednesday): the Hub's refusal at the moves.
    await page.getByLabel('Einen Termin verschieben: welcher Tag?').fill('2026-12-09');
    await page.getByLabel('Neuer Tag').fill('2026-12-11');
    await page.getByLabel('Neuer Beginn').fill('18:00');
    await page.getByLabel('Neues Ende').fill('20:00');
    await page.getByRole('button', { name: 'Verschiebung hinzufügen' }).click();
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Verschobene Termine: / })
      .waitFor();
    assert.equal(await page.getByLabel('Titel').inputValue(), 'Chorprobe', 'nothing typed is lost');
    await expectAccessible(page, 'the Hub’s refusal at a field');
    await page.getByRole('button', { name: /^Verschiebung vom Mittwoch, 9\. Dezember 2026 zurücknehmen/ }).click();

    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    await screen(page, /^Termin bearbeiten/);
    const eventId = /\/events\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    assert.ok(eventId, page.url());

    // The repeat in the words the calendar uses, and the coming dates without the day left out.
    await page.getByText('jeden Dienstag und Donnerstag, bis 30. Juni 2027').waitFor();
    const dates = page.locator('[data-occurrence]');
    await dates.first().waitFor();
    assert.deepEqual((await dates.evaluateAll((items) => items.map((item) => item.getAttribute('data-occurrence')))).slice(0, 4), [
      '2026-12-03T19:30:00',
      '2026-12-10T19:30:00',
      '2026-12-15T19:30:00',
      '2026-12-17T19:30:00',
    ]);
    await page.locator('sr-event-calendar').getByText('Chorprobe').first().waitFor();
    await expectAccessible(page, 'the saved event');
    await look(page, 'event-saved');
    // The way to a snippet of just this event: the club's calendar, searching its title.
    assert.equal(
      await page.getByRole('link', { name: 'Auf der Website einbinden' }).getAttribute('href'),
      `/configure/?widget=event-calendar&organization=${club}&q=Chorprobe`,
    );

    // One date cancelled and restored, then cancelled for good.
    const tenth = page.locator('[data-occurrence="2026-12-10T19:30:00"]');
    await tenth.getByRole('button', { name: 'Diesen Termin absagen' }).click();
    await says(page, 'Der Termin ist abgesagt; der Kalender zeigt ihn als „Abgesagt“.');
    await tenth.getByText('abgesagt', { exact: true }).waitFor();
    await expectAccessible(page, 'a cancelled date');
    await tenth.getByRole('button', { name: 'Absage zurücknehmen' }).click();
    await says(page, 'Die Absage ist zurückgenommen.');
    await tenth.getByRole('button', { name: 'Diesen Termin absagen' }).click();
    await says(page, 'Der Termin ist abgesagt; der Kalender zeigt ihn als „Abgesagt“.');

    const occurrences = (await (await fetch(`${workspace.baseUrl}/events?from=2026-12-01&to=2026-12-20&q=Chorprobe`)).json()) as {
      items: { eventId: string; recurrenceId: string; status: string }[];
    };
    assert.deepEqual(
      occurrences.items.filter((item) => item.eventId === eventId).map(({ recurrenceId, status }) => `${recurrenceId} ${status}`),
      ['2026-12-03T19:30:00 scheduled', '2026-12-10T19:30:00 cancelled', '2026-12-15T19:30:00 scheduled', '2026-12-17T19:30:00 scheduled'],
    );

    // The club's website (its calendar lists the coming two weeks): Thursday the 3rd and Tuesday
    // the 15th, nothing on Tuesday the 8th, Thursday the 10th cancelled.
    await page.goto(`${workspace.baseUrl}/examples/club/`);
    const day = (heading: string) =>
      page.locator('sr-event-calendar [part~="day"]').filter({ has: page.getByRole('heading', { name: heading }) });
    await day('Donnerstag, 3. Dezember').getByText('Chorprobe').waitFor();
    await day('Dienstag, 15. Dezember').getByText('Chorprobe').waitFor();
    assert.equal(await day('Dienstag, 8. Dezember').getByText('Chorprobe').count(), 0);
    await day('Donnerstag, 10. Dezember').getByText('Abgesagt').waitFor();
    await look(page, 'club-website');

    // The list: the next date in words and the repeat.
    await page.goto(`${workspace.baseUrl}/manage/organizations/${club}/events`);
    await page.getByLabel('Titel suchen').fill('chorprobe');
    const row = page.locator('[data-event]').filter({ hasText: 'Chorprobe' });
    await row.getByText(/^Nächster Termin: Donnerstag, 3\. Dezember 2026/).waitFor();
    await row.getByText('jeden Dienstag und Donnerstag, bis 30. Juni 2027').waitFor();
    assert.equal(await page.locator('[data-event]').count(), 1);
    await expectAccessible(page, 'the list found by title');
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('a draft stays off the website until it is published, and the screens fit a phone', async () => {
    const page = await personAtTestNow(320);
    await workspace.signIn(page, demoOwnerAddress(club));
    await page.goto(`${workspace.baseUrl}/manage/organizations/${club}/events/new`);
    await screen(page, /^Neuer Termin/);
    await noSidewaysScrolling(page, 'the empty form');
    await page.getByText('Die Vorschau erscheint, sobald Titel, Beginn und Ende angegeben sind.').waitFor();
    await page.getByLabel('Titel').fill('Jahreshauptversammlung');
    await page.getByLabel('ganztägig').check();
    await when(page, /^Beginn/)
      .getByLabel('Datum')
      .fill('2027-03-12');
    // Enough for the calendar: the new event shows in the preview before it is saved.
    const preview = page.getByRole('region', { name: 'So sieht der Termin auf der Website aus' }).locator('sr-event-calendar');
    await preview.getByText('Jahreshauptversammlung', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Als Entwurf speichern', exact: true }).click();
    await says(page, 'Als Entwurf gespeichert. Auf der Website erscheint er noch nicht.');
    await expectAccessible(page, 'a saved draft at 320 px');
    await noSidewaysScrolling(page, 'a saved draft');
    await look(page, 'event-draft');
    const eventId = /\/events\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    assert.equal((await fetch(`${workspace.baseUrl}/events/${eventId}`)).status, 404, 'citizens do not find a draft');

    await page.getByRole('link', { name: 'Alle Termine' }).click();
    await screen(page, /^Termine/);
    await page.getByRole('button', { name: 'Entwürfe' }).click();
    const row = page.locator('[data-event]').filter({ hasText: 'Jahreshauptversammlung' });
    await row.getByText('Entwurf', { exact: true }).waitFor();
    await expectAccessible(page, 'the drafts at 320 px');
    await noSidewaysScrolling(page, 'the drafts');
    await look(page, 'events-drafts');

    await row.getByRole('link', { name: 'Jahreshauptversammlung' }).click();
    await screen(page, /^Termin bearbeiten/);
    // The form shows once the draft is loaded; the rename below must come after that load.
    await page.getByLabel('Titel').waitFor();
    assert.equal(await page.getByLabel('Titel').inputValue(), 'Jahreshauptversammlung');

    // The draft in the preview, on its day; a title typed and not saved follows there once the
    // typing pauses, while the website knows nothing of it.
    await preview.getByRole('heading', { name: 'Freitag, 12. März' }).waitFor();
    await preview.getByText('Jahreshauptversammlung', { exact: true }).waitFor();
    await page.getByLabel('Titel').fill('Jahreshauptversammlung mit Neuwahlen');
    await preview.getByText('Jahreshauptversammlung mit Neuwahlen', { exact: true }).waitFor();
    const website = (await (await fetch(`${workspace.baseUrl}/events?from=2027-03-01&to=2027-04-01&limit=100`)).json()) as {
      items: { title: string }[];
    };
    assert.deepEqual(
      website.items.filter((item) => item.title.startsWith('Jahreshauptversammlung')),
      [],
      'the website lists neither the draft nor the unsaved title',
    );
    await expectAccessible(page, 'the preview of an unsaved title at 320 px');
    await noSidewaysScrolling(page, 'the preview');
    await look(page, 'event-preview');

    // Someone else renames it meanwhile: publishing is refused (If-Match), nothing typed is lost,
    // and the current version can be looked at and taken over.
    const renamed = await fetch(`${workspace.baseUrl}/events/${eventId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workspace.mailed.hub.adminToken}` },
      body: JSON.stringify({ title: 'Jahreshauptversammlung 2027' }),
    });
    assert.equal(renamed.status, 200, await renamed.clone().text());
    await page.getByLabel('Beschreibung').fill('Mit Neuwahl des Vorstands.');
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await says(page, 'Jemand hat diesen Eintrag inzwischen geändert.');
    assert.equal(await page.getByLabel('Beschreibung').inputValue(), 'Mit Neuwahl des Vorstands.', 'nothing typed is lost');
    await page.getByRole('button', { name: 'Aktuelle Fassung anzeigen' }).click();
    await page.getByRole('heading', { name: 'Die aktuelle Fassung' }).waitFor();
    await expectAccessible(page, 'the current version beside what was typed');
    await look(page, 'event-overtaken');
    await page.getByRole('button', { name: 'Meine Eingaben verwerfen und die aktuelle Fassung übernehmen' }).click();
    assert.equal(await page.getByLabel('Titel').inputValue(), 'Jahreshauptversammlung 2027');
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    assert.equal((await fetch(`${workspace.baseUrl}/events/${eventId}`)).status, 200);

    // Deleted after asking.
    await page.getByRole('button', { name: 'Termin löschen …' }).click();
    await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
    await screen(page, /^Termine/);
    await page.locator('[data-event]').first().waitFor();
    await noSidewaysScrolling(page, 'the coming events');
    await look(page, 'events-list');
    assert.equal((await fetch(`${workspace.baseUrl}/events/${eventId}`)).status, 404);
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });
});

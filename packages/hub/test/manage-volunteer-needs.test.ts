import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
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

// The volunteer needs of the pages for organizations (/manage/) in real Chromium against a real
// Hub that mails through a real SMTP server: a club's owner signs in with the mailed link, is told
// each bad input at its field with nothing typed lost, creates a need; a citizen answers it through
// <sr-volunteer-board> on the club's example page; the owner accepts the response with a message
// that reaches the citizen by e-mail, downloads the CSV and deletes the response.

const slug = 'tsv-ochsenfurt-1862-e-v';
const owner = `${slug}@demo.smart-region.example`;
const title = 'Kuchenbuffet beim Winterfest';

describe('the volunteer needs of the pages for organizations in Chromium', () => {
  let workspace: Workspace;

  before(async () => {
    workspace = await startWorkspace();
  });
  after(async () => {
    await workspace?.close();
  });

  async function ownerPage(width = 1280): Promise<Page> {
    const page = await workspace.person({ width });
    await workspace.signIn(page, owner);
    return page;
  }

  /** Offers help on a need's card of the board within `where`, as a citizen does; the form's dialog, sent. */
  async function offerHelp(where: Page | Locator, card: Locator, name: string, email: string): Promise<Locator> {
    await card.locator('[part~="help-button"]').click();
    const dialog = where.locator('sr-volunteer-board dialog');
    await dialog.locator('#name').fill(name);
    await dialog.locator('#email').fill(email);
    await dialog.locator('#consent').check();
    await dialog.locator('[part~="submit-button"]').click();
    return dialog;
  }

  test('bad input is said at each field with nothing lost; a need is created, answered on the board, accepted with a mail, exported and its response deleted', async () => {
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs`);
    await screen(page, /^Ehrenamt/);
    await page.getByRole('heading', { name: /^Offen \(\d+\)$/ }).waitFor();
    await expectAccessible(page, 'the list of needs');
    await lookAt(page, 'volunteer-needs-list');

    await page.getByRole('link', { name: 'Neues Gesuch' }).click();
    await screen(page, /^Neues Gesuch/);
    await page.getByRole('textbox', { name: 'Beschreibung *' }).fill('Kuchen backen und am Stand verkaufen.');
    const easyRead = page.getByRole('textbox', { name: 'Zusammenfassung in Leichter Sprache (freiwillig)' });
    const easyReadText = 'Wir feiern ein Winter·fest. Backen Sie einen Kuchen? Oder verkaufen Sie Kuchen?';
    await easyRead.fill(easyReadText);
    await page.getByLabel('Wie viele Personen suchen Sie? *').fill('0');
    await page.getByLabel('Beginn *').fill('2027-01-16T14:00');
    await page.getByLabel('Ende *').fill('2027-01-16T10:00');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await summaryLine(page, 'Titel: Bitte geben Sie einen Titel an.').waitFor();
    await summaryLine(page, 'Wie viele Personen: Bitte eine ganze Zahl von 1 bis 10 000: so viele Personen suchen Sie.').waitFor();
    await summaryLine(page, 'Ende: Das Ende muss nach dem Beginn liegen.').waitFor();
    assert.equal(
      await page.getByRole('textbox', { name: 'Beschreibung *' }).inputValue(),
      'Kuchen backen und am Stand verkaufen.',
      'nothing typed is lost',
    );
    assert.equal(await page.getByLabel('Beginn *').inputValue(), '2027-01-16T14:00');
    assert.equal(await easyRead.inputValue(), easyReadText);
    await expectAccessible(page, 'the form with bad input');
    await lookAt(page, 'volunteer-need-errors');

    await page.getByRole('textbox', { name: 'Titel *' }).fill(title);
    await page.getByLabel('Wie viele Personen suchen Sie? *').fill('2');
    await page.getByLabel('Ende *').fill('2027-01-16T18:00');
    const skills = page.getByRole('textbox', { name: 'Was hilft (freiwillig)' });
    await skills.fill('Kuchen backen');
    await skills.press('Enter');
    await skills.fill('Kasse');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByRole('button', { name: 'Kasse entfernen' }).click();
    await page.getByLabel('Ort (freiwillig)').fill('Turnhalle am Main');
    await page.getByLabel('Gemeinde').selectOption({ label: 'Ochsenfurt' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    await screen(page, new RegExp(`^${title}`));
    assert.match(new URL(page.url()).pathname, new RegExp(`^/manage/organizations/${slug}/volunteer-needs/[0-9a-f-]{36}$`));
    const preview = page.getByRole('region', { name: 'Vorschau auf der Ehrenamtsbörse' });
    await preview.getByText(title).first().waitFor();
    await expectAccessible(page, 'a saved need with its preview');
    await lookAt(page, 'volunteer-need-form');
    // The way to a snippet with this need: the board of the club's needs (a board shows no single need).
    assert.equal(
      await page.getByRole('link', { name: 'Auf der Website einbinden' }).getAttribute('href'),
      `/configure/?widget=volunteer-board&organization=${slug}`,
    );
    const stored = await workspace.mailed.hub.database.db
      .selectFrom('volunteer_needs')
      .select(['skills', 'people_needed'])
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    assert.deepEqual([stored.skills, stored.people_needed], [['Kuchen backen'], 2]);
    const published = (await (await fetch(`${workspace.baseUrl}/volunteer-needs?limit=100`)).json()) as {
      items: { title: string; easyReadSummary: string | null }[];
    };
    assert.equal(published.items.find((need) => need.title === title)?.easyReadSummary, easyReadText);

    // Typed, not saved: the preview follows once the typing pauses; the website does not.
    const changed = `${title} mit Kaffee`;
    await page.getByRole('textbox', { name: 'Titel *' }).fill(changed);
    await page.getByLabel('Wie viele Personen suchen Sie? *').fill('3');
    const previewCard = preview.locator('sr-volunteer-board [part~="need"]');
    await previewCard.getByText(changed).waitFor();
    await previewCard.getByText('Noch 3 Personen gesucht').waitFor();
    assert.equal(await previewCard.count(), 1, 'the preview shows just this need');
    const website = await (await fetch(`${workspace.baseUrl}/volunteer-needs?limit=100`)).text();
    assert.ok(website.includes(title) && !website.includes(changed), 'the website still has the saved need');
    await expectAccessible(page, 'an unsaved change in the preview');
    await lookAt(page, 'volunteer-need-preview');
    // The answer form can be tried out; nothing leaves the page.
    const previewDialog = await offerHelp(preview, previewCard, 'Probe Person', 'probe@example.org');
    await previewDialog
      .locator('[part~="send-error"]')
      .getByText(/Ihre Nachricht wurde nicht gesendet/)
      .waitFor();
    await page.keyboard.press('Escape');
    // Saved again as it was, so the rest of the story reads the need as created.
    await page.getByRole('textbox', { name: 'Titel *' }).fill(title);
    await page.getByLabel('Wie viele Personen suchen Sie? *').fill('2');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await says(page, 'Gespeichert und veröffentlicht.');

    // A citizen answers on the club's website.
    const citizen = await workspace.person();
    await citizen.goto(`${workspace.baseUrl}/examples/club/`);
    const card = citizen.locator('sr-volunteer-board [part~="need"]').filter({ hasText: title });
    const dialog = await offerHelp(citizen, card, 'Mia Kuchen', 'mia@example.org');
    await dialog.locator('[part~="confirmation"]').waitFor({ timeout: 30_000 });
    await citizen.context().close();

    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs`);
    await page.locator('[data-need]').filter({ hasText: title }).getByRole('link', { name: '1 neue Rückmeldung' }).click();
    await screen(page, /^Rückmeldungen/);
    const response = page.locator('[data-response]').filter({ hasText: 'Mia Kuchen' });
    await response.getByLabel('Nachricht an die Person (freiwillig)').fill('Danke! Bitte um 13:30 an der Turnhalle sein.');
    await expectAccessible(page, 'a response with a message typed');
    await lookAt(page, 'responses-inbox');
    await response.getByRole('button', { name: 'Annehmen' }).click();
    await says(page, `Mia Kuchen ist angenommen und zählt für „${title}“. Die Nachricht geht per E-Mail an die Person.`);
    const mail = await workspace.mailed.nextMailTo('mia@example.org');
    assert.equal(mail.subject, `Ihre Rückmeldung: ${title}`);
    assert.match(mail.text, /Danke! Bitte um 13:30 an der Turnhalle sein\./);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV-Datei herunterladen' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(csv, new RegExp(`${title},Mia Kuchen,mia@example\\.org,.*,accepted,`));

    await response.getByRole('button', { name: 'Jetzt löschen' }).click();
    await response.getByRole('button', { name: 'Ja, jetzt löschen' }).click();
    await says(page, 'Die Rückmeldung von Mia Kuchen ist gelöscht.');
    await expectAccessible(page, 'the inbox after deleting');
    const left = await workspace.mailed.hub.database.db
      .selectFrom('volunteer_responses')
      .select('id')
      .where('name', '=', 'Mia Kuchen')
      .execute();
    assert.deepEqual(left, []);
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('a draft stays out of the board; a need is closed, reopened and deleted after a question', async () => {
    const draftTitle = 'Fahrdienst zum Auswärtsspiel';
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs/new`);
    await screen(page, /^Neues Gesuch/);
    await page.getByRole('textbox', { name: 'Titel *' }).fill(draftTitle);
    await page.getByRole('textbox', { name: 'Beschreibung *' }).fill('Eltern fahren die Jugend nach Kitzingen.');
    await page.getByLabel('Laufend, ohne festen Termin').check();
    await page.getByRole('radio', { name: 'Entwurf' }).check();
    // A new draft, not saved yet, shows on the board as it will once published.
    const preview = page.getByRole('region', { name: 'Vorschau auf der Ehrenamtsbörse' });
    await preview.getByText('Als Entwurf ist es dort erst zu sehen, wenn Sie es veröffentlichen.').waitFor();
    await preview.locator('sr-volunteer-board [part~="need-title"]').getByText(draftTitle).waitFor();
    await expectAccessible(page, 'a new draft in the preview');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await says(page, 'Als Entwurf gespeichert.');
    await preview.locator('sr-volunteer-board [part~="need-title"]').getByText(draftTitle).waitFor();
    const board = await (await fetch(`${workspace.baseUrl}/volunteer-needs?limit=100`)).text();
    assert.ok(!board.includes(draftTitle), 'citizens do not see a draft');

    // Closed, the preview's board takes no more answers; reopened, it does again.
    const helpButton = preview.locator('sr-volunteer-board [part~="help-button"]');
    await helpButton.waitFor();
    await page.getByRole('button', { name: 'Gesuch beenden' }).click();
    await says(page, 'Das Gesuch ist beendet.');
    await helpButton.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Wieder öffnen' }).click();
    await says(page, 'Das Gesuch ist wieder offen.');
    await helpButton.waitFor();

    await page.getByRole('link', { name: '← Alle Gesuche' }).click();
    await page.getByRole('heading', { name: 'Entwürfe (1)' }).waitFor();
    const card = page.locator('[data-need]').filter({ hasText: draftTitle });
    await card.getByText('Entwurf').waitFor();
    await card.getByText('Laufend, ohne festes Ende').waitFor();
    await expectAccessible(page, 'the list with a draft');
    await card.getByRole('link', { name: draftTitle }).click();
    await screen(page, new RegExp(`^${draftTitle}`));
    await page.getByRole('button', { name: 'Gesuch löschen' }).click();
    await says(page, `„${draftTitle}“ wirklich löschen?`);
    await expectAccessible(page, 'the question before deleting a need');
    await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
    await screen(page, /^Ehrenamt/);
    await page.getByRole('heading', { name: /^Offen \(\d+\)$/ }).waitFor();
    assert.equal(await page.locator('[data-need]').filter({ hasText: draftTitle }).count(), 0);
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('at a phone’s width the list and the form fit', async () => {
    const page = await ownerPage(320);
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/volunteer-needs`);
    await page.getByRole('heading', { name: /^Offen \(\d+\)$/ }).waitFor();
    await expectNoSidewaysScrolling(page, 'the list');
    await lookAt(page, 'volunteer-needs-list');
    await page.getByRole('link', { name: 'Neues Gesuch' }).click();
    await screen(page, /^Neues Gesuch/);
    await page.getByRole('textbox', { name: 'Titel *' }).waitFor();
    await expectNoSidewaysScrolling(page, 'the form');
    await expectAccessible(page, 'the form at 320 px');
    await lookAt(page, 'volunteer-need-form');
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/responses`);
    await screen(page, /^Rückmeldungen/);
    await expectNoSidewaysScrolling(page, 'the inbox');
    await lookAt(page, 'responses-inbox');
    await page.context().close();
  });
});

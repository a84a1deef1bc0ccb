import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { demoOwnerAddress } from '../src/orgs/seed/demo-accounts.js';
import { testNow } from './support/clock.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectAccessible, lookAt, says, screen, startWorkspace, summaryLine, type Workspace } from './support/workspace.js';

// The polls of the pages for organizations (/manage/) in real Chromium against a real Hub: a
// municipality's clerk signs in with the mailed link, creates a poll with participation codes
// (after the form refused bad input at its fields), makes 50 codes and downloads them, a citizen
// votes with one of them in <sr-poll> on the municipality's website, the clerk enters and corrects
// a meeting's tally, and the public results count online and in person together; then the clerk
// downloads the results and ends the poll early.

const town = 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)';

interface Results {
  visible: boolean;
  participants: { online: number; inPerson: number; postal: number; total: number };
  options: { label: string; online: number; inPerson: number; postal: number; total: number }[];
}

describe('polls in the pages for organizations, in Chromium', () => {
  let workspace: Workspace;
  let slug: string;
  let townId: string;

  before(async () => {
    workspace = await startWorkspace();
    const row = await workspace.mailed.hub.database.db
      .selectFrom('organizations')
      .select(['id', 'slug'])
      .where('name', '=', town)
      .executeTakeFirstOrThrow();
    slug = row.slug;
    townId = row.id;
  });
  after(async () => {
    await workspace?.close();
  });

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${workspace.baseUrl}${path}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as T;
  };

  test('a clerk creates a code poll, makes 50 codes, a citizen votes with one, and a meeting tally counts next to the online vote', async () => {
    const page = await workspace.person({ now: testNow });
    await workspace.signIn(page, demoOwnerAddress(slug));

    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/polls`);
    await screen(page, /^Umfragen/);
    // The example data's running poll, its window in words.
    const running = page.locator('[data-poll]').filter({ hasText: 'Wie soll der Dorfplatz in Eisingen künftig genutzt werden?' });
    await running.getByText(/^Abstimmen bis \d+\. \w+ 2026/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Laufende Umfragen' }).waitFor();
    await expectAccessible(page, 'the list of polls');

    await page.getByRole('link', { name: 'Neue Umfrage' }).click();
    await screen(page, /^Neue Umfrage/);
    await expectAccessible(page, 'the empty form');

    // Nothing filled in: the question and the options' text are asked for at their fields.
    await page.getByLabel('Beginn').fill('2026-12-10T08:00');
    await page.getByLabel(/^Ende/).fill('2026-12-09T18:00');
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await summaryLine(page, 'Frage: Bitte geben Sie die Frage ein (mindestens 3 Zeichen).').waitFor();
    await summaryLine(page, 'Antworten: Antworten 1, 2 haben noch keinen Text.').waitFor();
    await summaryLine(page, 'Ende: Das Ende muss nach dem Beginn liegen.').waitFor();
    assert.equal(await page.getByLabel('Frage').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'the form with errors');

    // One option only, then too many: each said at the options.
    await page.getByLabel('Frage').fill('Soll die Gemeinde einen Radweg nach Waldbrunn bauen?');
    const easyRead = page.getByRole('textbox', { name: 'Zusammenfassung in Leichter Sprache (freiwillig)' });
    const easyReadText = 'Soll es einen Rad·weg nach Waldbrunn geben? Sagen Sie Ja oder Nein.';
    await easyRead.fill(easyReadText);
    await page.getByLabel('Antwort 1', { exact: true }).fill('Ja');
    await page.getByRole('button', { name: 'Antwort 2 entfernen' }).click();
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await summaryLine(page, 'Antworten: Eine Umfrage braucht mindestens zwei Antworten.').waitFor();
    for (let count = 1; count < 21; count++) await page.getByRole('button', { name: 'Antwort hinzufügen' }).click();
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await summaryLine(page, 'Antworten: Höchstens 20 Antworten sind möglich; bitte entfernen Sie 1.').waitFor();
    for (let count = 21; count > 3; count--) await page.getByRole('button', { name: `Antwort ${count} entfernen` }).click();
    assert.equal(
      await page.getByLabel('Frage').inputValue(),
      'Soll die Gemeinde einen Radweg nach Waldbrunn bauen?',
      'nothing typed is lost',
    );
    assert.equal(await page.getByLabel('Antwort 1', { exact: true }).inputValue(), 'Ja');
    assert.equal(await easyRead.inputValue(), easyReadText);

    // The options in the order they are shown: "Enthaltung" moved up and back down.
    await page.getByLabel('Antwort 2', { exact: true }).fill('Enthaltung');
    await page.getByLabel('Antwort 3', { exact: true }).fill('Nein');
    await page.getByRole('button', { name: 'Antwort 3 nach oben' }).click();
    assert.equal(await page.getByLabel('Antwort 2', { exact: true }).inputValue(), 'Nein');
    assert.equal(await page.getByLabel('Antwort 3', { exact: true }).inputValue(), 'Enthaltung');
    await page.getByLabel('Erläuterung zu Antwort 1 (freiwillig)').fill('Ein asphaltierter Weg entlang der Kreisstraße.');

    // Open since yesterday (the Hub's now is 2 December 2026, 10:15), for citizens with a code.
    await page.getByLabel('Beginn').fill('2026-12-01T08:00');
    await page.getByLabel(/^Ende/).fill('2026-12-20T18:00');
    await page.getByLabel('Nur mit Teilnahmecode').check();
    // The poll widget shows the new poll as typed, before it exists.
    const preview = page.locator('sr-poll');
    await preview.getByRole('group', { name: 'Soll die Gemeinde einen Radweg nach Waldbrunn bauen?' }).waitFor();
    await preview.getByLabel('Ihr Teilnahmecode').waitFor();
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await says(page, 'Die Umfrage ist angelegt.');
    const pollId = /\/polls\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    assert.ok(pollId, page.url());
    await page.getByText('Abstimmen bis 20. Dezember 2026 um 18:00 Uhr.').first().waitFor();
    const poll = await api<{
      shortCode: string;
      status: string;
      opensAt: string;
      easyReadSummary: string | null;
      options: { id: string; label: string }[];
    }>(`/polls/${pollId}`);
    assert.equal(poll.status, 'open');
    assert.equal(poll.easyReadSummary, easyReadText);
    assert.equal(poll.opensAt, '2026-12-01T07:00:00.000Z', 'the window is on the region’s clocks');
    assert.deepEqual(
      poll.options.map((option) => option.label),
      ['Ja', 'Nein', 'Enthaltung'],
    );
    await expectAccessible(page, 'the new poll');
    // The way to a snippet of just this poll: by its short code, readable in a snippet.
    assert.equal(
      await page.getByRole('link', { name: 'Auf der Website einbinden' }).getAttribute('href'),
      `/configure/?widget=poll&poll-id=${poll.shortCode}`,
    );

    // Someone saves the poll in another tab meanwhile: the save here says so and keeps what was
    // typed; after a look at the current version, the next save replaces it knowingly.
    const typed = 'Der Landkreis plant den Radweg für 2027; die Gemeinde gibt ihre Stellungnahme ab.';
    await page.getByLabel('Beschreibung (freiwillig)').fill(typed);
    // The preview follows the unsaved change once typing pauses; the website does not have it.
    await preview.getByText(typed).waitFor();
    assert.equal((await api<{ description: string | null }>(`/polls/${pollId}`)).description, null);
    await expectAccessible(page, 'the preview with an unsaved change');
    // A vote in the preview stays on the page, and says so.
    await preview.getByRole('radio', { name: 'Ja' }).check();
    await preview.getByLabel('Ihr Teilnahmecode').fill('ABCD-EFGH');
    await preview.getByRole('button', { name: 'Abstimmen' }).click();
    await preview.getByRole('alert').getByText('In der Vorschau wird nichts gesendet.').waitFor();
    assert.equal(await preview.getByRole('button', { name: 'Erneut senden' }).count(), 0, 'trying again cannot help');
    assert.equal((await api<Results>(`/polls/${pollId}/results`)).participants.total, 0);
    await lookAt(page, 'poll-preview');
    const otherTab = await page.context().newPage();
    await otherTab.goto(page.url());
    await otherTab.getByLabel('Beschreibung (freiwillig)').fill('Aus dem anderen Fenster gespeichert.');
    await otherTab.getByRole('button', { name: 'Änderungen speichern' }).click();
    await says(otherTab, 'Die Änderungen sind gespeichert.');
    await otherTab.close();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await says(page, 'Jemand hat diesen Eintrag inzwischen geändert.');
    await expectAccessible(page, 'the poll someone else saved meanwhile');
    await page.getByRole('button', { name: 'Aktuelle Fassung anzeigen' }).click();
    await says(page, 'Aus dem anderen Fenster gespeichert.');
    assert.equal(await page.getByLabel('Beschreibung (freiwillig)').inputValue(), typed, 'nothing typed is lost');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await says(page, 'Die Änderungen sind gespeichert.');
    assert.equal((await api<{ description: string }>(`/polls/${pollId}`)).description, typed);

    // 50 codes, downloaded once for the mail merge.
    assert.equal(await page.getByLabel('Anzahl der Codes').inputValue(), '50');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Codes erzeugen und herunterladen' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^teilnahmecodes-${poll.shortCode}-2026-12-02\\.csv$`));
    const [header, ...codes] = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(header, 'code');
    assert.equal(codes.length, 50);
    for (const code of codes) assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await says(page, '50 Codes sind erzeugt und als CSV-Datei heruntergeladen.');
    await expectAccessible(page, 'the codes made');

    // A citizen votes with the first code on the municipality's website (served by the test). The
    // test's Hub is on loopback, which Chromium lets a website reach only with the reader's permission.
    const website = 'https://www.eisingen.example';
    const citizen = await workspace.person({ now: testNow });
    await citizen.context().grantPermissions(['local-network-access']);
    citizen.on('console', (message) => message.type() === 'error' && workspace.failures.push(`citizen: ${message.text()}`));
    await citizen.route(`${website}/eisingen/**`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Radweg – Gemeinde Eisingen</title>
          <script type="module" src="${workspace.baseUrl}/widgets/v1/sr-poll.js"></script></head>
          <body><main><h1>Bürgerbeteiligung</h1><sr-poll hub-url="${workspace.baseUrl}" poll-id="${poll.shortCode}"></sr-poll></main></body></html>`,
      }),
    );
    await citizen.goto(`${website}/eisingen/radweg`);
    await citizen.getByRole('radio', { name: 'Ja' }).check();
    await citizen.getByLabel('Ihr Teilnahmecode').fill(codes[0]!.toLowerCase());
    await citizen.getByRole('button', { name: 'Abstimmen' }).click();
    await citizen.getByText('Vielen Dank! Ihre Stimme wurde gezählt.').waitFor();
    await citizen.context().close();

    // The clerk enters the meeting's tally; bad counts first.
    const tallyForm = page.getByRole('form', { name: 'Neue Zählung eintragen' });
    await tallyForm.getByLabel('Ort oder Anlass').fill('Bürgerversammlung Eisingen');
    await tallyForm.getByLabel('Tag').fill('2026-12-01');
    await tallyForm.getByLabel('Ja', { exact: true }).fill('-41');
    await tallyForm.getByLabel('Nein', { exact: true }).fill('17');
    await tallyForm.getByLabel('Enthaltung', { exact: true }).fill('3');
    await tallyForm.getByRole('button', { name: 'Zählung speichern' }).click();
    await summaryLine(page, 'Stimmen: Eine Zahl von Stimmen kann nicht negativ sein.').waitFor();
    await expectAccessible(page, 'the tally with a negative count');
    // Fewer participants than votes in a single choice poll: the Hub refuses at the field.
    await tallyForm.getByLabel('Ja', { exact: true }).fill('41');
    await tallyForm.getByLabel('Teilnehmende').fill('50');
    await tallyForm.getByRole('button', { name: 'Zählung speichern' }).click();
    await tallyForm
      .getByRole('alert')
      .getByRole('link', { name: /^Teilnehmende: / })
      .waitFor();
    assert.equal(await tallyForm.getByLabel('Teilnehmende').getAttribute('aria-invalid'), 'true');
    assert.equal(await tallyForm.getByLabel('Ja', { exact: true }).inputValue(), '41', 'nothing typed is lost');
    assert.equal(await tallyForm.getByLabel('Ort oder Anlass').inputValue(), 'Bürgerversammlung Eisingen');
    await expectAccessible(page, 'the tally the Hub refused');
    await tallyForm.getByLabel('Teilnehmende').fill('');
    await tallyForm.getByRole('button', { name: 'Zählung speichern' }).click();
    await says(page, 'Die Zählung „Bürgerversammlung Eisingen“ ist gespeichert und zählt im Ergebnis mit.');

    // The results as the public sees them: online and in person together.
    const results = page.getByRole('region', { name: 'Ergebnis' }).first();
    await results.getByText('62 Teilnehmende (1 online, 61 vor Ort oder per Post)').waitFor();
    const shown = await api<Results>(`/polls/${pollId}/results`);
    assert.equal(shown.visible, true);
    assert.deepEqual(shown.participants, { online: 1, inPerson: 61, postal: 0, total: 62 });
    assert.deepEqual(
      shown.options.map(({ label, online, inPerson, total }) => [label, online, inPerson, total]),
      [
        ['Ja', 1, 41, 42],
        ['Nein', 0, 17, 17],
        ['Enthaltung', 0, 3, 3],
      ],
    );
    const tally = page.locator('[data-tally]').filter({ hasText: 'Bürgerversammlung Eisingen' });
    await tally.getByText('Vor Ort: 41 / 17 / 3, 61 Teilnehmende').waitFor();
    await expectAccessible(page, 'the poll with a tally');

    // A recount: the correction is a new version, the first stays in the history.
    await tally.getByRole('button', { name: 'Korrigieren' }).click();
    const correction = page.getByRole('form', { name: 'Zählung korrigieren: Bürgerversammlung Eisingen' });
    assert.equal(await correction.getByLabel('Nein', { exact: true }).inputValue(), '17');
    await correction.getByLabel('Nein', { exact: true }).fill('18');
    await correction.getByLabel('Teilnehmende').fill('62');
    await correction.getByLabel('Anmerkung (freiwillig)').fill('Nachgezählt: ein Stimmzettel lag unter dem Tisch.');
    await correction.getByRole('button', { name: 'Korrektur speichern' }).click();
    await says(page, 'Die Zählung „Bürgerversammlung Eisingen“ ist korrigiert (Fassung 2).');
    await tally.getByText('Vor Ort: 41 / 18 / 3, 62 Teilnehmende').waitFor();
    await tally.getByText('Verlauf: 2 Fassungen').click();
    const first = tally.getByRole('listitem').filter({ hasText: 'Fassung 1 vom' });
    assert.match(
      await first.innerText(),
      /^Fassung 1 vom .*: Vor Ort, Bürgerversammlung Eisingen, 01\.12\.2026: 41 \/ 17 \/ 3, 61 Teilnehmende$/,
    );
    await expectAccessible(page, 'the corrected tally with its history');

    const [resultsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ergebnis als CSV-Datei herunterladen' }).click(),
    ]);
    const csv = (await readFile(await resultsFile.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(csv[0], 'option,online,in_person,postal,total,share');
    assert.match(csv[1] ?? '', /^Ja,1,41,0,42,/);

    // Ending early asks first.
    await page.getByRole('button', { name: 'Umfrage jetzt beenden' }).click();
    await page.getByRole('alertdialog').getByText('Umfrage wirklich jetzt beenden?').waitFor();
    await expectAccessible(page, 'the confirmation to end the poll');
    await page.getByRole('button', { name: 'Ja, jetzt beenden' }).click();
    await says(page, 'Die Umfrage ist beendet. Es kann niemand mehr abstimmen.');
    assert.equal((await api<{ status: string }>(`/polls/${pollId}`)).status, 'closed');
    await page.getByText('Die Umfrage ist beendet; neue Codes könnten nicht mehr abstimmen.').waitFor();
    await expectAccessible(page, 'the ended poll');

    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('a poll made through the API that has opened (its start has seconds) takes an edit, and its preview shows it', async () => {
    // The form shows minutes; the Hub refuses any other start for an opened poll, so an unchanged start goes back as stored.
    const opensAt = new Date(Date.parse(testNow) - 3_600_000 + 27_500).toISOString();
    const poll = await pollClient(workspace.mailed.hub).created(townId, pollBody({ question: 'Wohin mit dem Maibaum?', opensAt }));
    const page = await workspace.person({ now: testNow });
    await workspace.signIn(page, demoOwnerAddress(slug));
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/polls/${poll.id}`);
    await page.locator('sr-poll').getByText('Wohin mit dem Maibaum?').first().waitFor();
    await page.getByRole('textbox', { name: 'Beschreibung (freiwillig)' }).fill('Der Maibaum braucht einen festen Platz.');
    await page.locator('sr-poll').getByText('Der Maibaum braucht einen festen Platz.').first().waitFor();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await says(page, 'Die Änderungen sind gespeichert.');
    const stored = await api<{ description: string; opensAt: string }>(`/polls/${poll.id}`);
    assert.deepEqual(stored.description, 'Der Maibaum braucht einen festen Platz.');
    assert.equal(stored.opensAt, opensAt);
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('on a phone 320 px wide, the list and a poll fit the screen', async () => {
    const page = await workspace.person({ width: 320, now: testNow });
    await workspace.signIn(page, demoOwnerAddress(slug));
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/polls`);
    await screen(page, /^Umfragen/);
    await page.locator('[data-poll]').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling in the list');
    await page.locator('[data-poll] a').first().click();
    await screen(page, /^Umfrage/);
    await page.getByRole('heading', { level: 2, name: 'Zählungen vor Ort und per Post' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling in a poll');
    await page.locator('sr-poll').getByRole('heading').or(page.locator('sr-poll').locator('legend')).first().waitFor();
    await lookAt(page, 'poll-preview');
    await expectAccessible(page, 'a poll on a phone');
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });
});

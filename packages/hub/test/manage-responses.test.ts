import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assetUrl } from '../src/assets.js';
import { signIn } from './support/accounts.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { organizationId } from './support/writes.js';

// The volunteer responses inbox of the pages for organizations (/manage/) in real Chromium, served
// by a real Hub: a citizen answers a need through the Hub's API, the club's coordinator finds the
// response, accepts it, narrows the list to one need and one status, downloads the CSV, takes the
// decision back and declines it, and deletes it; an editor is refused.

const clubSlug = 'tsv-ochsenfurt-1862-e-v';

/** No state of the screen may fail axe: checked once it has settled. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeViolations(page), [], `axe on ${state}`);
}

describe('the volunteer responses inbox in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let club: string;
  const failures: string[] = [];

  before(async () => {
    assert.ok(existsSync(assetUrl('manage')), 'the pages are not built: run npm run build:manage');
    hub = await startTestHub();
    club = await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** A browser of its own, in German, with the session of a person signed in with `role` in the club. */
  async function signedIn(email: string, role: 'editor' | 'coordinator'): Promise<Page> {
    const { cookie } = await signIn(hub.database.db, { email, role, organizationId: club });
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    const context = await browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // As the Hub sets it: `__Host-` cookies are Secure, host-only and for the path `/` (loopback counts as secure).
    const host = new URL(hub.baseUrl).hostname;
    await context.addCookies([{ name, value, domain: host, path: '/', secure: true, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`uncaught: ${error.message}`));
    return page;
  }

  test('a coordinator finds a citizen’s response, accepts it, narrows to one need and a status, downloads the CSV, declines it and deletes it', async () => {
    const volunteering = volunteerClient(hub);
    const need = await volunteering.created(club, needBody({ title: 'Helfende für das Vereinsfest', peopleNeeded: 3 }));
    await volunteering.created(club, needBody({ title: 'Kuchen für den Flohmarkt' }));
    const answered = await volunteering.respond(need.id, await volunteering.responseBody(need));
    assert.equal(answered.status, 201, await answered.clone().text());

    const page = await signedIn('koordination@tsv.example', 'coordinator');
    await page.goto(`${hub.baseUrl}/manage/`);
    await page.getByRole('link', { name: 'Rückmeldungen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Rückmeldungen/ }).waitFor();
    assert.match(new URL(page.url()).pathname, new RegExp(`^/manage/organizations/[^/]+/responses$`));

    const card = page.locator('[data-response]').filter({ hasText: 'Erika Mustermann' });
    await card.waitFor();
    await card.getByText('Helfende für das Vereinsfest').waitFor();
    assert.equal(
      await card.getByRole('link', { name: 'erika.mustermann@example.org' }).getAttribute('href'),
      'mailto:erika.mustermann@example.org',
    );
    assert.equal(await card.getByRole('link', { name: '+49 931 555 0199' }).getAttribute('href'), 'tel:+499315550199');
    await card.getByText('Ich kann beim Aufbau helfen.').waitFor();
    await card.getByText(/wird am \d{2}\.\d{2}\.\d{4} gelöscht/).waitFor();
    await card.getByText('neu', { exact: true }).waitFor();
    // The coordinator's tabs: what the role may open (content is readable by every member).
    const tabs = page.getByRole('navigation', { name: 'Bereiche der Organisation' });
    assert.deepEqual(await tabs.getByRole('link').allInnerTexts(), [
      'Übersicht',
      'Termine',
      'Hilfsangebote',
      'Ehrenamt',
      'Rückmeldungen',
      'Umfragen',
    ]);
    await expectAccessible(page, 'the inbox with a new response');

    await card.getByRole('button', { name: 'Annehmen' }).click();
    await page.getByText('Erika Mustermann ist angenommen und zählt für „Helfende für das Vereinsfest“.').waitFor();
    await card.getByText('angenommen', { exact: true }).waitFor();
    assert.equal((await volunteering.need(need.id)).peopleStillNeeded, 2, 'the acceptance counts for the need');
    await expectAccessible(page, 'the inbox after accepting');

    // Narrowed to a need nobody answered: the empty state; back to the answered one: the response.
    await page.getByLabel('Aufruf').selectOption({ label: 'Kuchen für den Flohmarkt' });
    await page.getByText('Auf diesen Aufruf hat sich noch niemand gemeldet.').waitFor();
    await expectAccessible(page, 'the inbox narrowed to a need without responses');
    await page.getByLabel('Aufruf').selectOption({ label: 'Helfende für das Vereinsfest' });
    await card.waitFor();
    await page.getByLabel('Stand').selectOption({ label: 'abgelehnt' });
    await page.getByText('Keine Rückmeldungen mit diesem Stand.').waitFor();
    await page.getByLabel('Stand').selectOption({ label: 'angenommen' });
    await card.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV-Datei herunterladen' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^rueckmeldungen-${clubSlug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    assert.match(header ?? '', /^received_at,need,name,email,phone,message,status,decided_at,/);
    assert.equal(rows.length, 1, 'only the chosen need’s responses');
    assert.match(rows[0] ?? '', /Helfende für das Vereinsfest,Erika Mustermann,erika\.mustermann@example\.org,.*,accepted,/);
    await page.getByText('Die CSV-Datei ist heruntergeladen.').waitFor();
    await expectAccessible(page, 'the inbox after the download');

    await page.getByLabel('Stand').selectOption({ label: 'Alle' });
    await card.getByRole('button', { name: 'Entscheidung zurücknehmen' }).click();
    await page.getByText('Die Entscheidung über Erika Mustermann ist zurückgenommen.').waitFor();
    assert.equal((await volunteering.need(need.id)).peopleStillNeeded, 3);
    await card.getByRole('button', { name: 'Ablehnen' }).click();
    await page.getByText('Erika Mustermann ist abgelehnt.').waitFor();
    await card.getByText('abgelehnt', { exact: true }).waitFor();
    assert.equal((await volunteering.need(need.id)).peopleStillNeeded, 3, 'a declined response does not count');

    await card.getByRole('button', { name: 'Jetzt löschen' }).click();
    await card.getByText('Die Rückmeldung von Erika Mustermann jetzt löschen?').waitFor();
    await expectAccessible(page, 'the question before deleting a response');
    await card.getByRole('button', { name: 'Ja, jetzt löschen' }).click();
    await page.getByText('Die Rückmeldung von Erika Mustermann ist gelöscht.').waitFor();
    assert.equal(await card.count(), 0);
    const left = await hub.database.db.selectFrom('volunteer_responses').select('id').where('need_id', '=', need.id).execute();
    assert.deepEqual(left, [], 'deleted in the Hub, not only from the screen');

    // Nothing of the responses stays in the browser's storage.
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    assert.deepEqual(failures, []);
    await page.context().close();
  });

  test('older responses come below the list on request, and the focus goes to the first of them', async () => {
    const volunteering = volunteerClient(hub);
    const need = await volunteering.created(club, needBody({ title: 'Ordnerdienst beim Stadtlauf', peopleNeeded: 40 }));
    // One more than a page: the 26th-newest is the first older one.
    for (let index = 1; index <= 26; index++) {
      const body = await volunteering.responseBody(need, { name: `Läuferin ${index}`, email: `laeuferin${index}@example.org` });
      assert.equal((await volunteering.respond(need.id, body)).status, 201);
    }
    const page = await signedIn('koordination@tsv.example', 'coordinator');
    await page.goto(`${hub.baseUrl}/manage/organizations/${clubSlug}/responses`);
    await page.getByLabel('Aufruf').selectOption({ label: 'Ordnerdienst beim Stadtlauf' });
    await page.getByRole('heading', { name: 'Läuferin 26' }).waitFor();
    assert.equal(await page.locator('[data-response]').count(), 25);
    await page.getByRole('button', { name: 'Ältere Rückmeldungen anzeigen' }).click();
    await page.locator('[data-response]').nth(25).waitFor();
    assert.equal(await page.locator('[data-response]').count(), 26);
    assert.equal(await page.getByRole('button', { name: 'Ältere Rückmeldungen anzeigen' }).count(), 0);
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector('sr-manage-app')?.shadowRoot?.querySelector('sr-manage-responses')?.shadowRoot?.activeElement?.textContent,
      ),
      'Läuferin 1',
    );
    await expectAccessible(page, 'the inbox with older responses');
    await page.context().close();
  });

  test('an editor has no link to the responses and is refused on their address', async () => {
    const page = await signedIn('redaktion@tsv.example', 'editor');
    await page.goto(`${hub.baseUrl}/manage/`);
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByText('TSV Ochsenfurt 1862 e.V.').first().waitFor();
    assert.deepEqual(await page.getByRole('link', { name: /Rückmeldungen/ }).allInnerTexts(), []);

    await page.goto(`${hub.baseUrl}/manage/organizations/${clubSlug}/responses`);
    await page
      .getByRole('alert')
      .getByText('Rückmeldungen von Freiwilligen sehen nur Mitglieder mit der Rolle Koordination oder Verwaltung.')
      .waitFor();
    await page.getByText('Ihre Rolle in dieser Organisation: Redaktion.').waitFor();
    assert.equal(await page.locator('[data-response]').count(), 0);
    const tabs = await page.getByRole('navigation', { name: 'Bereiche der Organisation' }).getByRole('link').allInnerTexts();
    assert.ok(!tabs.includes('Rückmeldungen'), `an editor's tabs: ${tabs.join(', ')}`);
    await expectAccessible(page, 'the refusal');
    assert.deepEqual(failures, []);
    await page.context().close();
  });
});

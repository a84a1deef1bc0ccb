import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { signIn as addPerson } from './support/accounts.js';
import { organizationId } from './support/writes.js';
import { expectAccessible, expectNoSidewaysScrolling, lookAt, says, screen, startWorkspace, type Workspace } from './support/workspace.js';

// The calendar subscriptions of the pages for organizations (/manage/) in real Chromium against a
// real Hub that may fetch from this machine: a club's editor subscribes to the club's feed (served
// by a local website) and sees what was imported, is told at the field when the address is
// missing, subscribes to a web page by mistake and sees why nothing came of it, sees the bad line
// of a broken feed, fetches the feed again, and ends the subscriptions, whose events then go.

const club = 'tsv-ochsenfurt-1862-e-v';
const editor = 'kalender@tsv-ochsenfurt.example';

const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//TSV//Kalender//DE',
  ...['BEGIN:VEVENT', 'UID:training@tsv', 'DTSTART:20261210T170000Z', 'DURATION:PT2H', 'SUMMARY:Training', 'END:VEVENT'],
  ...['BEGIN:VEVENT', 'UID:feier@tsv', 'DTSTART:20261218T180000Z', 'DURATION:PT4H', 'SUMMARY:Weihnachtsfeier', 'END:VEVENT'],
  'END:VCALENDAR',
].join('\r\n');

/** The club's website: its feed (with an ETag) and an ordinary page. */
function website(): Server {
  return createServer((request, response) => {
    if (request.url === '/kalender.ics') {
      if (request.headers['if-none-match'] === '"1"') return response.writeHead(304).end();
      return response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: '"1"' }).end(feed);
    }
    if (request.url === '/kaputt.ics') {
      // Line 8 lacks the colon after SUMMARY.
      return response.writeHead(200, { 'content-type': 'text/calendar' }).end(feed.replace('SUMMARY:Training', 'SUMMARY Training'));
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>TSV</title><p>Termine');
  });
}

describe('calendar subscriptions in the pages for organizations, in Chromium', () => {
  let workspace: Workspace;
  let site: Server;
  let siteUrl: string;

  before(async () => {
    site = website();
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    workspace = await startWorkspace({ calendarSubscriptions: { allowPrivateAddresses: true, roundIntervalMs: 0 } });
    const hub = workspace.mailed.hub;
    await addPerson(hub.database.db, {
      email: editor,
      organizationId: await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.'),
      role: 'editor',
    });
  });
  after(async () => {
    await workspace?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  const importedEvents = () =>
    workspace.mailed.hub.database.db
      .selectFrom('events')
      .select('title')
      .where('source_subscription_id', 'is not', null)
      .orderBy('title')
      .execute();

  for (const width of [1280, 320]) {
    test(`an editor subscribes to the club's feed, learns why a web page is no feed, fetches again and ends the subscription (${width} px)`, async () => {
      const page = await workspace.person({ width });
      await workspace.signIn(page, editor);
      await page.goto(`${workspace.baseUrl}/manage/organizations/${club}/calendar-subscriptions`);
      await screen(page, /^Kalender-Abos/);
      await says(page, 'Ihre Organisation hat noch keinen Kalender abonniert.');
      await expectAccessible(page, 'no subscription yet');
      await expectNoSidewaysScrolling(page, 'no subscription yet');
      await lookAt(page, 'subscriptions-empty');

      const address = page.getByLabel('Adresse des Kalenders');
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await page
        .getByRole('alert')
        .getByRole('link', { name: /Bitte geben Sie die Adresse des Kalenders an/ })
        .waitFor();
      assert.equal(await address.getAttribute('aria-invalid'), 'true');
      await expectAccessible(page, 'the address missing');

      // The club's feed, as its website links it (webcal:// is fetched over http(s)).
      await address.fill(`${siteUrl}/kalender.ics`);
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await says(page, /Kalender abonniert\.\s+2 neu, 0 geändert, 0 unverändert, 0 entfernt/);
      const subscription = page.locator('[data-subscription]').filter({ hasText: `${siteUrl}/kalender.ics` });
      await subscription.getByText('Abruf in Ordnung').waitFor();
      assert.deepEqual(await importedEvents(), [{ title: 'Training' }, { title: 'Weihnachtsfeier' }]);
      assert.equal(await address.inputValue(), '', 'the form is ready for the next address');
      await expectAccessible(page, 'a subscribed feed');
      await expectNoSidewaysScrolling(page, 'a subscribed feed');
      await lookAt(page, 'subscriptions-ok');

      // The same address again: the Hub's conflict in words.
      await address.fill(`${siteUrl}/kalender.ics`);
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await says(page, 'Diesen Kalender hat Ihre Organisation schon abonniert.');
      assert.equal(await address.inputValue(), `${siteUrl}/kalender.ics`, 'what was typed stays');
      await expectAccessible(page, 'the same address twice');

      // The club's home page instead of its feed.
      await address.fill(`${siteUrl}/termine`);
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      await says(page, 'Das Abo ist angelegt, aber der erste Abruf hat nicht geklappt:');
      const webPage = page.locator('[data-subscription]').filter({ hasText: `${siteUrl}/termine` });
      await webPage.getByText('Letzter Abruf fehlgeschlagen').waitFor();
      await webPage.getByText(/Unter dieser Adresse liegt keine Kalenderdatei/).waitFor();
      await webPage.getByText(/HTML page/).waitFor();
      await expectAccessible(page, 'a web page instead of a feed');
      await expectNoSidewaysScrolling(page, 'a web page instead of a feed');
      await lookAt(page, 'subscriptions-failed');

      // A feed with a bad line: the line's number and what is wrong with it.
      await address.fill(`${siteUrl}/kaputt.ics`);
      await page.getByRole('button', { name: 'Abonnieren' }).click();
      const broken = page.locator('[data-subscription]').filter({ hasText: `${siteUrl}/kaputt.ics` });
      await broken.getByText(/Die Kalenderdatei hat fehlerhafte Zeilen/).waitFor();
      await broken
        .getByRole('list', { name: 'Fehlerhafte Zeilen' })
        .getByText(/Zeile 8:.*SUMMARY Training/)
        .waitFor();
      await expectAccessible(page, 'a feed with a bad line');
      await lookAt(page, 'subscriptions-bad-line');

      await subscription.getByRole('button', { name: 'Jetzt abrufen' }).click();
      await says(page, /Kalender abgerufen\.\s+0 neu, 0 geändert, 2 unverändert, 0 entfernt/);
      await expectAccessible(page, 'fetched again');

      await webPage.getByRole('button', { name: 'Abo beenden' }).click();
      await page.getByText('Abo wirklich beenden? Alle Termine, die aus diesem Kalender übernommen wurden, werden gelöscht.').waitFor();
      const focused = await page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.textContent?.trim();
      });
      assert.equal(focused, 'Ja, Abo beenden', 'the focus is on the confirmation');
      await expectAccessible(page, 'asked to confirm the end');
      await lookAt(page, 'subscriptions-confirm');
      await page.getByRole('button', { name: 'Ja, Abo beenden' }).click();
      await says(page, `Das Abo von ${siteUrl}/termine ist beendet; seine Termine wurden gelöscht.`);

      for (const ended of [broken, subscription]) {
        await ended.getByRole('button', { name: 'Abo beenden' }).click();
        await page.getByRole('button', { name: 'Ja, Abo beenden' }).click();
        await says(page, /ist beendet; seine Termine wurden gelöscht/);
      }
      await says(page, 'Ihre Organisation hat noch keinen Kalender abonniert.');
      assert.deepEqual(await importedEvents(), [], 'the feed’s events went with it');
      await expectAccessible(page, 'every subscription ended');
      assert.deepEqual(workspace.failures, []);
      await page.context().close();
    });
  }
});

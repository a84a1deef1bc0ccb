import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoOwnerAddress } from '../src/orgs/seed/demo-accounts.js';
import { testNow } from './support/clock.js';
import { eventBody, eventClient } from './support/events.js';
import { pollBody, pollClient } from './support/polls.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { expectAccessible, lookAt, says, startWorkspace, type Workspace } from './support/workspace.js';

// The ways from the pages for organizations (/manage/) to paper, in real Chromium against a real
// Hub: a saved event, volunteer need and poll each link to their notice ("Aushang drucken", a new
// tab), and participation codes just made open as letters through a form that posts them, so they
// never stand in an address.

const town = 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)';

describe('print links in the pages for organizations, in Chromium', () => {
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

  /** The link's new tab, once its page has loaded. */
  async function opened(page: Page, name: string | RegExp): Promise<Page> {
    const link = page.getByRole('link', { name });
    assert.equal(await link.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('load');
    return tab;
  }

  test('a saved event, volunteer need and poll link to their notices', async () => {
    const hub = workspace.mailed.hub;
    const event = await eventClient(hub).created(
      townId,
      eventBody({
        title: 'Bürgerversammlung zum Dorfplatz',
        start: '2026-12-10T19:00',
        end: '2026-12-10T21:00',
        location: { name: 'Rathaus', address: 'Schulstraße 2, 97249 Eisingen', municipalityId: 'eisingen' },
        published: true,
      }),
    );
    const need = await volunteerClient(hub).created(
      townId,
      needBody({ title: 'Helfende für den Weihnachtsmarkt', municipalityId: 'eisingen', published: true }),
    );
    const poll = await pollClient(hub).created(townId, pollBody({ question: 'Wohin soll der neue Brunnen?' }));

    const page = await workspace.person({ now: testNow });
    await workspace.signIn(page, demoOwnerAddress(slug));
    const screens = [
      { path: `events/${event.id}`, print: `/print/events/${event.id}`, title: 'Bürgerversammlung zum Dorfplatz' },
      { path: `volunteer-needs/${need.id}`, print: `/print/volunteer-needs/${need.id}`, title: 'Helfende für den Weihnachtsmarkt' },
      { path: `polls/${poll.id}`, print: `/print/polls/${poll.shortCode}`, title: 'Wohin soll der neue Brunnen?' },
    ];
    for (const screen of screens) {
      await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/${screen.path}`);
      const link = page.getByRole('link', { name: 'Aushang drucken (öffnet einen neuen Tab)' });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), screen.print);
      const notice = await opened(page, 'Aushang drucken (öffnet einen neuen Tab)');
      assert.equal(new URL(notice.url()).pathname, screen.print);
      await notice.getByText(screen.title).first().waitFor();
      await notice.close();
    }
    await expectAccessible(page, 'the poll with its print link');

    // The events list prints the month the clerk's clock is in (testNow's, in Berlin time), the event among its dates.
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/events`);
    const programme = await opened(page, 'Monatsprogramm drucken (öffnet einen neuen Tab)');
    assert.equal(new URL(programme.url()).search, `?organization=${slug}&month=${testNow.slice(0, 7)}`);
    await programme.getByText('Bürgerversammlung zum Dorfplatz').first().waitFor();
    await programme.close();

    // The help offers list prints the guide of the organization's municipality.
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/help-offers`);
    const guide = await opened(page, 'Hilfe-Wegweiser der Gemeinde drucken (öffnet einen neuen Tab)');
    assert.equal(new URL(guide.url()).pathname, '/print/help-guide/eisingen');
    await guide.getByRole('heading', { level: 1, name: 'Hilfe-Wegweiser Eisingen' }).waitFor();
    await guide.close();
    await expectAccessible(page, 'the help offers with the guide link');
    await page.context().close();
  });

  test('codes just made open as A5 letters in a new tab, posted in a form', async () => {
    const poll = await pollClient(workspace.mailed.hub).created(
      townId,
      pollBody({ participation: 'codes', question: 'Soll der Dorfplatz einen Brunnen bekommen?' }),
    );
    const page = await workspace.person({ now: testNow });
    await workspace.signIn(page, demoOwnerAddress(slug));
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/polls/${poll.id}`);
    await page.getByLabel('Anzahl der Codes').fill('3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Codes erzeugen und herunterladen' }).click(),
    ]);
    const [, ...codes] = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.equal(codes.length, 3);
    await says(page, '3 Codes sind erzeugt und als CSV-Datei heruntergeladen.');

    const letters = page.getByRole('form', { name: 'Als Briefe drucken' });
    assert.equal(await letters.getByLabel('A4: ein Brief je Blatt').isChecked(), true, 'A4 unless chosen otherwise');
    await letters.getByLabel('A5: zwei Briefe je A4-Blatt, zum Auseinanderschneiden').check();
    await expectAccessible(page, 'the codes made, with the letters form');
    await lookAt(page, 'poll-codes-letters');
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      letters.getByRole('button', { name: 'Briefe drucken (öffnet einen neuen Tab)' }).click(),
    ]);
    await tab.waitForLoadState('load');
    const address = new URL(tab.url());
    assert.equal(address.pathname, `/print/polls/${poll.id}/letters`);
    assert.equal(address.search + address.hash, '', 'the codes are in no address');
    assert.deepEqual(await tab.locator('.code').allTextContents(), codes);
    assert.equal(await tab.locator('.sheet.letters-a5').count(), 2, 'three A5 letters on two sheets');
    await tab.getByText('Soll der Dorfplatz einen Brunnen bekommen?').first().waitFor();
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });
});

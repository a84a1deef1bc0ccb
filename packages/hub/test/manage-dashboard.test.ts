import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { testNow } from './support/clock.js';
import { expectAccessible, expectNoSidewaysScrolling, lookAt, screen, says, startWorkspace, type Workspace } from './support/workspace.js';

// An organization's overview and profile in the pages for organizations (/manage/), in real
// Chromium against a real Hub: the demo owner of a counselling service signs in with the mailed
// link, opens the overview from the home, follows an item that needs attention to its screen,
// edits the profile (an address that is no URL said at its field; a change someone else saved
// meanwhile said clearly, with what was typed kept), and is asked before leaving unsaved changes.

const service = 'Suchtberatung Mainfranken';
/** Made stale before the test: last checked more than twelve months before the pinned now. */
const staleOffer = 'Suchtberatung Alkohol und Medikamente';

describe('the overview and the profile of an organization in Chromium', () => {
  let workspace: Workspace;
  let organizationId: string;
  let slug: string;
  let owner: string;

  before(async () => {
    workspace = await startWorkspace();
    const { db } = workspace.mailed.hub.database;
    const row = await db.selectFrom('organizations').select(['id', 'slug']).where('name', '=', service).executeTakeFirstOrThrow();
    organizationId = row.id;
    slug = row.slug;
    owner = `${slug}@demo.smart-region.example`;
    await db.updateTable('help_offers').set({ assured_date: '2025-06-01' }).where('name', '=', staleOffer).execute();
  });
  after(async () => {
    await workspace?.close();
  });

  /** A signed-in owner whose browser reads the pinned now, as the Hub does. */
  async function ownerPage(width = 1280): Promise<Page> {
    const page = await workspace.person({ width });
    await page.clock.setFixedTime(new Date(testNow));
    await workspace.signIn(page, owner);
    return page;
  }

  /** Someone else saves the profile, as another owner in another browser would. */
  async function changedElsewhere(body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${workspace.baseUrl}/organizations/${organizationId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workspace.mailed.hub.adminToken}` },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200, await response.text());
  }

  test('the owner opens the overview from the home and follows an item that needs attention to its screen', async () => {
    const page = await ownerPage();
    const areas = page.getByRole('list', { name: `Bereiche von ${service}` });
    await areas.getByRole('link', { name: 'Hilfsangebote' }).waitFor();
    await areas.getByRole('link', { name: 'Profil' }).waitFor();
    await expectAccessible(page, 'the home with the organization');
    await lookAt(page, 'home');
    await page.getByRole('link', { name: `Öffnen: ${service}` }).click();
    await screen(page, /^Übersicht/);
    assert.equal(new URL(page.url()).pathname, `/manage/organizations/${organizationId}`);
    const offers = page.getByRole('region', { name: 'Hilfsangebote' });
    await offers.getByText('Zuletzt geprüft am 01.06.2025: bitte Angaben prüfen.').waitFor();
    const events = page.getByRole('region', { name: 'Termine' });
    await events.getByRole('link', { name: 'Alle Termine' }).waitFor();
    await expectAccessible(page, 'the overview');
    await lookAt(page, 'dashboard');

    await offers.getByRole('link', { name: staleOffer }).click();
    await screen(page, new RegExp(`^${staleOffer}`));
    assert.match(new URL(page.url()).pathname, new RegExp(`^/manage/organizations/${organizationId}/help-offers/[^/]+$`));
  });

  test('the owner edits the profile: a bad address at its field, a change made meanwhile, a saved profile', async () => {
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/profile`);
    await screen(page, /^Profil/);
    const website = page.getByRole('textbox', { name: 'Website' });
    await website.waitFor();
    await expectAccessible(page, 'the profile');
    await lookAt(page, 'profile');

    await website.fill('www ohne https');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await says(page, 'Bitte prüfen Sie Ihre Angaben:');
    assert.equal(await page.locator('#website-error').textContent(), 'Diese Angabe hat nicht die erwartete Form.');
    assert.equal(await website.getAttribute('aria-invalid'), 'true');
    assert.equal(await website.inputValue(), 'www ohne https', 'nothing typed is lost');
    await expectAccessible(page, 'the profile with a field error');
    await lookAt(page, 'profile-field-error');

    await website.fill('https://www.suchtberatung-mainfranken.example');
    await page.getByRole('textbox', { name: 'Telefon' }).fill('0931 123456');
    await changedElsewhere({ description: 'Beratung und Begleitung, von einer anderen Person geändert.' });
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await says(page, 'Jemand hat diesen Eintrag inzwischen geändert.');
    assert.equal(await website.inputValue(), 'https://www.suchtberatung-mainfranken.example');
    assert.equal(await page.getByRole('textbox', { name: 'Telefon' }).inputValue(), '0931 123456');
    await page.getByRole('button', { name: 'Aktuelle Fassung anzeigen' }).click();
    const current = page.getByRole('region', { name: 'Die aktuelle Fassung' });
    await current.getByText('Beratung und Begleitung, von einer anderen Person geändert.').waitFor();
    await expectAccessible(page, 'the profile changed meanwhile, with the current version');
    await lookAt(page, 'profile-edited-elsewhere');

    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await says(page, 'Das Profil ist gespeichert.');
    const stored = await workspace.mailed.hub.database.db
      .selectFrom('organizations')
      .select(['website', 'phone'])
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { website: 'https://www.suchtberatung-mainfranken.example', phone: '0931 123456' });
    await expectAccessible(page, 'the saved profile');
  });

  test('leaving unsaved changes asks first, through a link and when the page closes', async () => {
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/profile`);
    await screen(page, /^Profil/);
    const phone = page.getByRole('textbox', { name: 'Telefon' });
    await phone.fill('0931 999999');

    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Übersicht' }).click();
    await page.waitForTimeout(200);
    assert.match(questions[0] ?? '', /^Ungespeicherte Änderungen verwerfen\?/);
    assert.match(new URL(page.url()).pathname, /\/profile$/, 'the person stays');
    assert.equal(await phone.inputValue(), '0931 999999', 'with what was typed');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Übersicht' }).click();
    await screen(page, /^Übersicht/);

    await page.goBack();
    await screen(page, /^Profil/);
    await page.getByRole('textbox', { name: 'Telefon' }).fill('0931 888888');
    const closing = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.type()), void dialog.dismiss())));
    await page.close({ runBeforeUnload: true });
    assert.equal(await closing, 'beforeunload');
  });

  test('a phone shows the overview and the profile without scrolling sideways', async () => {
    const page = await ownerPage(320);
    for (const [path, heading, name] of [
      ['/', /^Meine Organisationen/, 'home'],
      ['', /^Übersicht/, 'dashboard'],
      ['/profile', /^Profil/, 'profile'],
    ] as const) {
      await page.goto(`${workspace.baseUrl}/manage${path === '/' ? '/' : `/organizations/${slug}${path}`}`);
      await screen(page, heading);
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScrolling(page, `the ${name} at 320 px`);
      await expectAccessible(page, `the ${name} at 320 px`);
      await lookAt(page, name);
    }

    // A phone shows the organization's screens as a menu that opens on demand, not a wall of tabs.
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}`);
    await screen(page, /^Übersicht/);
    const menu = page.getByRole('group').filter({ hasText: 'Bereiche: Übersicht' });
    assert.equal(await page.getByRole('link', { name: 'Mitglieder', exact: true }).isVisible(), false, 'closed at first');
    await menu.getByText('Bereiche').click();
    await expectAccessible(page, 'the open menu at 320 px');
    await lookAt(page, 'dashboard-menu');
    await page.getByRole('link', { name: 'Mitglieder', exact: true }).click();
    await screen(page, /^Mitglieder/);
    await page.getByText('Bereiche: Mitglieder').waitFor();
    assert.deepEqual(workspace.failures, []);
  });
});

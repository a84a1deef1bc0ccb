import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { managePolicy } from '../src/system/manage.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { dayFromNow } from './support/clock.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { assertIntegrity, servedManifest, type WidgetManifest } from './support/manifest.js';
import { startOtherSite } from './support/other-site.js';
import { assertNoTrouble, watchForTrouble, type Trouble } from './support/trouble.js';
import { expectNoSidewaysScrolling, lookAt } from './support/workspace.js';

// The configurator at /configure/ in real Chromium against a real Hub with the built files
// (npm run build:cdn && npm run build:manage): a webmaster's way from choosing to a working snippet,
// and that snippet on a site of another origin under a strict policy.

/** Presses Tab until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${target.toString()}`);
}

describe('configurator in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let manifest: WidgetManifest;

  before(async () => {
    hub = await startTestHub();
    manifest = await servedManifest(hub.baseUrl);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.close();
  });

  /**
   * A German webmaster's browser (the clipboard allowed) that records what would trouble them;
   * requests may go to the Hub and to `origins`.
   */
  async function webmaster(width = 1280, origins: string[] = []): Promise<{ context: BrowserContext; page: Page; trouble: Trouble }> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.baseUrl });
    const page = await context.newPage();
    return { context, page, trouble: await watchForTrouble(page, [hub.baseUrl, ...origins]) };
  }

  const snippet = (page: Page, id: string) => page.locator(`[data-snippet="${id}"] code`);

  /** The calendar's events, once shown, each an event the Hub has in Randersacker. */
  async function expectRandersackerEvents(calendar: Locator): Promise<void> {
    const response = await fetch(`${hub.baseUrl}/events?municipality=randersacker&from=${dayFromNow(-70)}&to=${dayFromNow(120)}&limit=100`);
    const titles = ((await response.json()) as { items: { title: string }[] }).items.map((item) => item.title);
    const events = calendar.locator('[part~="event"]');
    await events.first().waitFor({ timeout: 15_000 });
    for (const text of await events.allTextContents())
      assert.ok(
        titles.some((title) => text.includes(title)),
        `"${text}" is an event in Randersacker`,
      );
  }

  test('the page: public, under the pages’ strict policy, linked from the start page; /configure keeps the choices', async () => {
    const response = await fetch(`${hub.baseUrl}/configure/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), managePolicy);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.doesNotMatch(await response.text(), /\{\{|style=|<script>|\son[a-z]+=/);
    const redirect = await fetch(`${hub.baseUrl}/configure?widget=poll`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/configure/?widget=poll');
    assert.match(await (await fetch(`${hub.baseUrl}/`)).text(), /<a href="\/configure\/">/);
  });

  test('keyboard only: event calendar for Randersacker, dark, own colour — the address, the preview and each snippet follow', async () => {
    const { context, page, trouble } = await webmaster();
    await page.goto(`${hub.baseUrl}/configure/`);
    await page.getByRole('heading', { level: 1, name: 'Widget auf Ihrer Website einbinden' }).waitFor();

    await tabTo(page, page.getByRole('radio', { name: 'Veranstaltungskalender' }));
    assert.equal(await page.getByRole('radio', { name: 'Veranstaltungskalender' }).isChecked(), true, 'the calendar comes first');
    await tabTo(page, page.getByPlaceholder('Gemeinde suchen'));
    await page.keyboard.type('Rander');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/municipality=randersacker/);

    await tabTo(page, page.getByRole('radio', { name: 'wie die Seite' }).first());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, page.getByRole('textbox', { name: 'Hauptfarbe', exact: true }));
    await page.keyboard.type('#8ab4f8');
    await page.keyboard.press('Tab');
    await page.waitForURL(/color=/);
    assert.equal(new URL(page.url()).search, '?widget=event-calendar&municipality=randersacker&theme=dark&color=%238ab4f8');
    assert.equal(await page.locator('[data-contrast]').getAttribute('data-contrast'), 'passes');

    const preview = page.locator('[data-preview] sr-event-calendar');
    await expectRandersackerEvents(preview);
    assert.equal(await preview.getAttribute('theme'), 'dark');
    assert.equal(await page.locator('[data-preview]').evaluate((frame) => frame.style.getPropertyValue('--sr-color-primary')), '#8ab4f8');

    const copied: Record<string, string> = {};
    for (const id of ['script', 'css', 'iframe', 'link']) {
      await tabTo(page, page.locator(`[data-snippet="${id}"] button`));
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('ist in der Zwischenablage').waitFor();
      copied[id] = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied[id], await snippet(page, id).textContent(), `${id}: the clipboard holds the snippet shown`);
    }
    const query = 'municipality=randersacker&amp;theme=dark&amp;color=%238ab4f8';
    assert.match(
      copied['iframe']!,
      new RegExp(`<iframe data-sr-embed src="${hub.baseUrl}/embed/event-calendar\\?${query}" title="Veranstaltungskalender"`),
    );
    assert.equal(copied['iframe']!.includes('sr-embed.js'), Boolean(manifest.files['sr-embed.js']), 'the height script once it is built');
    assert.equal(copied['link'], `<a href="${hub.baseUrl}/w/event-calendar?${query}">Veranstaltungen ansehen</a>`);
    assert.equal(copied['css'], 'sr-event-calendar {\n  --sr-color-primary: #8ab4f8;\n}');

    // The address holds every choice: opened again (a bookmark), the page shows the same.
    await page.reload();
    assert.equal(await page.getByRole('radio', { name: 'dunkel' }).isChecked(), true);
    assert.equal(await snippet(page, 'script').textContent(), copied['script']);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axeViolations(page), [], 'axe');
    assertNoTrouble(trouble);
    await context.close();

    // Each snippet on a page of another origin with a strict policy (the colour in the site's stylesheet).
    const site = await startOtherSite(hub.baseUrl);
    try {
      const page = (head: string, body: string) =>
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gemeinde</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/site.css">\n${head}</head><body><main><h1>Veranstaltungen</h1>\n${body}</main></body></html>`;
      const lines = copied['script']!.split('\n');
      site.pages.set('/site.css', copied['css']);
      site.pages.set(
        '/script',
        page(
          lines.filter((line) => !line.startsWith('<sr-')).join('\n'),
          lines.find((line) => line.startsWith('<sr-'))!,
        ),
      );
      site.pages.set('/iframe', page('', copied['iframe']!));
      site.pages.set('/link', page('', copied['link']));
      const visitor = await webmaster(1280, [site.url]);

      await visitor.page.goto(`${site.url}/script`);
      const calendar = visitor.page.locator('sr-event-calendar');
      await expectRandersackerEvents(calendar);
      assert.equal(
        await calendar.evaluate((element) => getComputedStyle(element).getPropertyValue('--sr-color-primary').trim()),
        '#8ab4f8',
      );
      const loaded = await assertIntegrity(visitor.page, manifest, hub.baseUrl);
      assert.ok(loaded.length >= 2, 'the entry and its chunks');

      await visitor.page.goto(`${site.url}/iframe`);
      const frame = visitor.page.frameLocator('iframe[data-sr-embed]');
      await expectRandersackerEvents(frame.locator('sr-event-calendar'));
      assert.equal(await visitor.page.locator('iframe[data-sr-embed]').getAttribute('title'), 'Veranstaltungskalender');
      // The snippet's sr-embed.js gives the frame its content's height, and follows it (month → list).
      const frameHeightIsNot = (before: number) =>
        visitor.page.waitForFunction(
          (height) => Math.round(document.querySelector('iframe[data-sr-embed]')!.getBoundingClientRect().height) !== height,
          before,
        );
      await frameHeightIsNot(640);
      const month = await visitor.page
        .locator('iframe[data-sr-embed]')
        .evaluate((element) => Math.round(element.getBoundingClientRect().height));
      await frame.locator('sr-event-calendar [part~="view-button"]', { hasText: 'Liste' }).click();
      await frameHeightIsNot(month);

      await visitor.page.goto(`${site.url}/link`);
      await visitor.page.getByRole('link', { name: 'Veranstaltungen ansehen' }).click();
      await visitor.page.waitForURL(`${hub.baseUrl}/w/event-calendar?municipality=randersacker&theme=dark&color=%238ab4f8`);
      await expectRandersackerEvents(visitor.page.locator('sr-event-calendar'));

      await visitor.page.waitForLoadState('networkidle');
      assertNoTrouble(visitor.trouble);
      await visitor.context.close();
    } finally {
      await site.close();
    }
  });

  test('contrast: a light yellow is flagged with a suggestion that passes, a dark blue passes', async () => {
    const { context, page, trouble } = await webmaster();
    await page.goto(`${hub.baseUrl}/configure/?widget=volunteer-board&theme=light&color=%23fff59d`);
    const contrast = page.locator('[data-contrast]');
    await page.getByText('Kontrast zu gering').waitFor();
    assert.equal(await contrast.getAttribute('data-contrast'), 'fails');
    await lookAt(page, 'contrast-fails');
    await page.getByRole('button', { name: /^Vorschlag übernehmen/ }).click();
    await page.getByText('Kontrast ausreichend').waitFor();
    // The preview shows the real widget in the colour: with the suggestion, axe finds it readable.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axeViolations(page), [], 'axe with the suggested colour');
    assert.match(new URL(page.url()).searchParams.get('color') ?? '', /^#[0-9a-f]{6}$/);
    assert.notEqual(new URL(page.url()).searchParams.get('color'), '#fff59d');

    await page.getByRole('textbox', { name: 'Hauptfarbe', exact: true }).fill('#003366');
    await page.getByRole('textbox', { name: 'Hauptfarbe', exact: true }).press('Tab');
    await page.getByText('Kontrast ausreichend').waitFor();
    assert.equal(await contrast.getAttribute('data-contrast'), 'passes');
    assertNoTrouble(trouble);
    await context.close();
  });

  test('in English for a browser that prefers it: texts, the link snippet and the widget in the preview', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${hub.baseUrl}/configure/?widget=event-calendar&lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Embed a widget on your website' }).waitFor();
    await page.getByRole('heading', { name: 'Code to paste' }).waitFor();
    assert.match((await snippet(page, 'link').textContent()) ?? '', />See the events<\/a>$/);
    assert.equal(await page.locator('[data-preview] sr-event-calendar').getAttribute('lang'), 'en');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axeViolations(page), [], 'axe');
    await context.close();
  });

  for (const width of [1280, 320]) {
    test(`${width} px: each widget's options without ids to type, preview narrow and wide, axe-clean, no sideways scrolling`, async () => {
      const { context, page, trouble } = await webmaster(width);
      await page.goto(`${hub.baseUrl}/configure/?widget=help-finder`);
      await page.getByRole('combobox', { name: 'Nur diese Gemeinde' }).waitFor();
      await page.locator('[data-preview] sr-help-finder').waitFor();
      await page.getByRole('radio', { name: /schmal/ }).check();
      await expectNoSidewaysScrolling(page, 'the help finder');
      assert.deepEqual(await axeViolations(page), [], 'axe on the help finder');
      await lookAt(page, 'help-finder');

      await page.getByRole('radio', { name: 'Bürgerbeteiligung' }).check();
      // Without a poll the widget has nothing to show: the page asks for one instead of offering a broken snippet.
      await page.getByText('Wählen Sie zuerst unter „2. Inhalt“: Beteiligung.').first().waitFor();
      assert.equal(await page.locator('[data-snippet]').count(), 0);
      const polls = page.getByRole('combobox', { name: 'Beteiligung', exact: true });
      await page.waitForFunction(
        () => (document.querySelector('sr-configure')?.shadowRoot?.querySelectorAll('#option-poll-id option').length ?? 0) > 1,
      );
      const [, first] = await polls.locator('option').allTextContents();
      await polls.selectOption({ label: first! });
      await page.waitForURL(/poll-id=/);
      await page.locator('[data-preview] sr-poll').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScrolling(page, 'the poll');
      assert.deepEqual(await axeViolations(page), [], 'axe on the poll');
      await lookAt(page, 'poll');
      assertNoTrouble(trouble);
      await context.close();
    });
  }
});

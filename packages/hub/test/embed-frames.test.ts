import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { servedManifest, type WidgetManifest } from './support/manifest.js';
import { startOtherSite, type OtherSite } from './support/other-site.js';
import { assertNoTrouble, watchForTrouble, type Trouble } from './support/trouble.js';

// The embed pages in iframes of a site on ANOTHER origin, under that site's strict policy, with
// the parent script sr-embed.js: the iframe takes its content's height, messages from elsewhere
// change nothing, and each widget works inside the frame (dialogs, a vote, "Ich helfe mit", quick
// exit). One Hub, one browser; each test a context of its own, run side by side.

/** Cheap proofs of work: the tests are about the frame, not the work. */
const proofDifficulty = { minCounter: 1, maxCounter: 20 };

describe('embed pages in iframes of another site', { concurrency: true }, () => {
  let hub: TestHub;
  let site: OtherSite;
  let browser: Browser;
  let manifest: WidgetManifest & { version: string };

  before(async () => {
    hub = await startTestHub({ polls: { proofDifficulty }, volunteering: { proofDifficulty, purgeIntervalMs: 0 } });
    site = await startOtherSite(hub.baseUrl);
    site.pages.set('/', '<!doctype html><html lang="de"><title>Gemeinde Randersacker</title><h1>Startseite</h1></html>');
    // A page of the site in a frame marked as an embed: its messages must not size anything.
    site.pages.set('/impostor', '<!doctype html><html lang="de"><title>Fremder Rahmen</title><p>Nichts</p></html>');
    manifest = (await servedManifest(hub.baseUrl)) as WidgetManifest & { version: string };
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await hub?.close();
  });

  /**
   * The site's page with the iframe snippet of `widget` (and the impostor frame), as a webmaster
   * pastes it; `sandbox` as a cautious CMS might add it.
   */
  function sitePage(widget: string, query: string, title: string, sandbox?: string): string {
    const path = `/${widget}${sandbox ? '-sandboxed' : ''}`;
    const parent = manifest.files['sr-embed.js']!;
    site.pages.set(
      path,
      `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gemeinde</title></head>
<body>
<h1>Unsere Gemeinde</h1>
<iframe data-sr-embed src="${hub.baseUrl}/embed/${widget}?${query}" title="${title}" loading="lazy" width="100%" height="640"${sandbox ? ` sandbox="${sandbox}"` : ''}></iframe>
<script type="module" src="${hub.baseUrl}/widgets/${manifest.version}/sr-embed.js" integrity="${parent.integrity}" crossorigin="anonymous"></script>
<iframe data-sr-embed src="/impostor" title="Fremder Rahmen" width="300" height="150"></iframe>
<p>Fußzeile der Gemeinde</p>
</body>
</html>`,
    );
    return `${site.url}${path}`;
  }

  /** A citizen's browser on the site, recording what would trouble a careful webmaster, in every frame. */
  async function citizen(width: number): Promise<{ context: BrowserContext; page: Page; trouble: Trouble }> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
    const page = await context.newPage();
    return { context, page, trouble: await watchForTrouble(page, [hub.baseUrl, site.url]) };
  }

  /** The embed page's frame, once its widget shows its data. */
  async function embedFrame(page: Page, tag: string): Promise<Frame> {
    const frame = await (await page.waitForSelector(`iframe[src^="${hub.baseUrl}/embed/"]`)).contentFrame();
    assert.ok(frame);
    await frame.waitForFunction(
      (name) => {
        const root = document.querySelector(name)?.shadowRoot;
        return !!root && !root.querySelector('[part~="skeleton"]') && (root.textContent ?? '').trim().length > 0;
      },
      tag,
      { timeout: 15_000 },
    );
    return frame;
  }

  /**
   * The iframe's height, once it is its content's (the parent script set it): no scroll bar of its
   * own. At most `limit` high, and then it scrolls inside.
   */
  async function fitsContent(page: Page, frame: Frame, limit = Infinity): Promise<number> {
    const iframe = `iframe[src^="${hub.baseUrl}/embed/"]`;
    await page.waitForFunction(
      async ([selector]) => (document.querySelector(selector!) as HTMLIFrameElement).style.height !== '',
      [iframe],
    );
    for (const deadline = Date.now() + 5000; ;) {
      const content = await frame.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
      const height = await page.$eval(iframe, (element) => element.getBoundingClientRect().height);
      if (height === Math.min(content, limit)) {
        const scrolls = await frame.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight);
        assert.equal(scrolls, content > limit, 'scrolling inside');
        return height;
      }
      assert.ok(Date.now() < deadline, `iframe ${height} px, its content ${content} px`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function assertClean(context: BrowserContext, trouble: Trouble): Promise<void> {
    assertNoTrouble(trouble);
    assert.deepEqual(await context.cookies(), [], 'cookies');
  }

  test('event calendar: the iframe follows its content (month → list), a foreign frame’s message changes nothing, a dialog works, axe-clean', async () => {
    const { context, page, trouble } = await citizen(1280);
    const theme = 'theme=dark&color=%2399ccff&radius=12px';
    await page.goto(sitePage('event-calendar', `municipality=randersacker&${theme}`, 'Veranstaltungen in Randersacker'));
    const frame = await embedFrame(page, 'sr-event-calendar');
    const month = await fitsContent(page, frame);
    // The theme's style, allowed by its hash: applied, and no violation (checked at the end).
    assert.deepEqual(
      await frame.$eval('sr-event-calendar', (widget) => [
        getComputedStyle(widget).getPropertyValue('--sr-radius'),
        getComputedStyle(widget).colorScheme,
      ]),
      ['12px', 'dark'],
    );

    await frame.locator('sr-event-calendar [part~="view-button"]', { hasText: 'Liste' }).click();
    await frame.locator('sr-event-calendar [part~="list"]').waitFor();
    await page.waitForFunction(
      ([selector, before]) => (document.querySelector(selector!) as HTMLIFrameElement).getBoundingClientRect().height !== Number(before),
      [`iframe[src^="${hub.baseUrl}/embed/"]`, String(month)],
    );
    const list = await fitsContent(page, frame);
    assert.notEqual(list, month);

    // The site's own frame, marked like an embed, claims a height: the parent script ignores it (wrong origin).
    const impostor = page.frames().find((candidate) => candidate.url().endsWith('/impostor'))!;
    const received = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          addEventListener('message', (event) => {
            // After every listener of this message, the parent script's included.
            if ((event.data as { height?: number }).height === 77) setTimeout(() => resolve(event.origin));
          }),
        ),
    );
    await impostor.evaluate(() => parent.postMessage({ type: 'sr-embed:height', height: 77 }, '*'));
    assert.equal(await received, site.url);
    assert.equal(await page.$eval('iframe[src="/impostor"]', (element) => element.getBoundingClientRect().height), 150);
    assert.equal(await fitsContent(page, frame), list);

    // An event's dialog opens and closes with Escape inside the frame.
    await frame.locator('sr-event-calendar [part~="list"] [part~="event"]').first().click();
    const dialog = frame.locator('sr-event-calendar [part~="dialog"][open]');
    await dialog.waitFor();
    assert.deepEqual(await axeViolations(frame), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    assert.deepEqual(await axeViolations(frame), []);
    await assertClean(context, trouble);
    await context.close();
  });

  test('help finder at 320 px: axe-clean, no sideways scrolling, a dialog, and the quick exit leaves the whole site', async () => {
    const { context, page, trouble } = await citizen(320);
    await page.goto(sitePage('help-finder', '', 'Hilfe finden'));
    const frame = await embedFrame(page, 'sr-help-finder');
    await frame.locator('sr-help-finder [part~="details-button"]').first().waitFor();
    // A screen high, not as high as the list of offers: the quick exit stays in sight inside.
    const screenHeight = await frame.evaluate(() => screen.availHeight);
    assert.equal(await fitsContent(page, frame, screenHeight), screenHeight);
    assert.ok((await frame.evaluate(() => document.scrollingElement!.scrollWidth)) <= (await frame.evaluate(() => innerWidth)), 'sideways');
    assert.ok((await page.evaluate(() => document.scrollingElement!.scrollWidth)) <= 320, 'the site scrolls sideways');
    assert.deepEqual(await axeViolations(frame), []);

    await frame.locator('sr-help-finder [part~="details-button"]').first().click();
    const dialog = frame.locator('sr-help-finder [part~="dialog"]');
    await dialog.waitFor();
    // Nothing of the dialog out of reach at 320 px: its close button can be reached and used.
    await frame.locator('sr-help-finder [part~="dialog-close"]').click();
    await dialog.waitFor({ state: 'hidden' });

    await assertClean(context, trouble);
    // Far down the list the quick exit is still in the frame's view, and leaving replaces the
    // site's page with its start page, not just the frame's content.
    await frame.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    const exit = await frame.locator('sr-help-finder [part~="quick-exit"]').boundingBox();
    assert.ok(exit && exit.y >= 0 && exit.y + exit.height <= screenHeight, `quick exit at ${JSON.stringify(exit)}`);
    await frame.locator('sr-help-finder [part~="quick-exit"]').click();
    await page.waitForURL(`${site.url}/`);
    assert.equal(await page.title(), 'Gemeinde Randersacker');
    await context.close();
  });

  test('help finder in a frame not allowed to navigate the site: the quick exit empties the frame', async () => {
    const { context, page } = await citizen(1280);
    await page.goto(sitePage('help-finder', '', 'Hilfe finden', 'allow-scripts allow-same-origin allow-forms allow-popups'));
    const frame = await embedFrame(page, 'sr-help-finder');
    await frame.locator('sr-help-finder [part~="quick-exit"]').click();
    await frame.waitForURL('about:blank');
    assert.equal(page.url(), `${site.url}/help-finder-sandboxed`, 'the site stays');
    await context.close();
  });

  test('widget pages at 320 px, light and dark: axe-clean, no sideways scrolling, a heading naming the widget', async () => {
    const { context, page, trouble } = await citizen(320);
    for (const [path, tag, scheme] of [
      ['/w/event-calendar?municipality=randersacker&theme=dark', 'sr-event-calendar', 'dark'],
      ['/w/help-finder?lang=en', 'sr-help-finder', 'light dark'],
    ] as const) {
      await page.goto(`${hub.baseUrl}${path}`);
      await page.locator(`${tag}`).waitFor();
      await page.waitForFunction(
        (name) =>
          (document.querySelector(name)?.shadowRoot?.textContent ?? '').trim().length > 0 &&
          !document.querySelector(name)!.shadowRoot!.querySelector('[part~="skeleton"]'),
        tag,
      );
      // The page as a whole takes the theme's colour scheme, else the reader's.
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), scheme, path);
      assert.ok((await page.evaluate(() => document.scrollingElement!.scrollWidth)) <= 320, `${path} scrolls sideways`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    assert.equal(await page.locator('h1').textContent(), 'Help finder');
    await assertClean(context, trouble);
    await context.close();
  });

  test('poll: a vote is counted from inside the frame, axe-clean', async () => {
    const polls = (await (await fetch(`${hub.baseUrl}/polls?limit=100`)).json()) as {
      items: { shortCode: string; question: string; participation: string; status?: string }[];
    };
    const poll = polls.items.find((item) => item.question.startsWith('Wie soll der Dorfplatz in Eisingen'));
    assert.ok(poll);
    const { context, page, trouble } = await citizen(1280);
    await page.goto(sitePage('poll', `poll-id=${poll.shortCode}`, 'Umfrage zum Dorfplatz'));
    const frame = await embedFrame(page, 'sr-poll');
    await fitsContent(page, frame);
    assert.deepEqual(await axeViolations(frame), []);

    await frame.locator('sr-poll [part~="option"]').first().click();
    await frame.locator('sr-poll [part~="submit-button"]').click();
    await frame.locator('sr-poll [part~="confirmation"]').waitFor({ timeout: 15_000 });
    await fitsContent(page, frame);
    assert.deepEqual(await axeViolations(frame), []);
    await assertClean(context, trouble);
    await context.close();
  });

  test('volunteer board at 320 px: "Ich helfe mit" in a dialog inside the frame, sent, axe-clean', async () => {
    const { context, page, trouble } = await citizen(320);
    await page.goto(sitePage('volunteer-board', 'municipality=hoechberg', 'Ehrenamt in Höchberg'));
    const frame = await embedFrame(page, 'sr-volunteer-board');
    await fitsContent(page, frame);
    assert.deepEqual(await axeViolations(frame), []);

    await frame.locator('sr-volunteer-board [part~="help-button"]').first().click();
    const dialog = frame.locator('sr-volunteer-board [part~="dialog"]');
    await dialog.waitFor();
    await frame.getByRole('textbox', { name: /^Name/ }).fill('Erika Mustermann');
    await frame.getByRole('textbox', { name: /^E-Mail/ }).fill('erika.mustermann@example.org');
    await frame.locator('sr-volunteer-board [part~="consent"]').check();
    assert.deepEqual(await axeViolations(frame), []);
    // Below the fold of a frame only as high as the board: still reachable inside the dialog.
    await frame.locator('sr-volunteer-board [part~="submit-button"]').click();
    await frame.locator('sr-volunteer-board [part~="confirmation"]').waitFor({ timeout: 15_000 });
    await assertClean(context, trouble);
    await context.close();
  });
});

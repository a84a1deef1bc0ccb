import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { examplesPolicy } from '../src/system/examples.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { assertIntegrity, servedManifest, type WidgetManifest } from './support/manifest.js';
import { dayFromNow } from './support/clock.js';
import { assertNoTrouble, watchForTrouble, type Trouble } from './support/trouble.js';

// The example pages in real Chromium, served by a real Hub with the built CDN files
// (`npm test` builds them before this runs): strict CSP, Subresource Integrity, no other origin.

/** Records every layout shift from the page's start (buffered); `layoutShift()` reads their sum. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { layoutShift: number };
    record.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) record.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);

/** Until every widget on the page shows its data: no skeleton left, some text, the network quiet. */
async function widgetsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('sr-event-calendar, sr-help-finder, sr-volunteer-board, sr-poll')].every(
        (widget) =>
          widget.shadowRoot &&
          !widget.shadowRoot.querySelector('[part~="skeleton"]') &&
          (widget.shadowRoot.textContent ?? '').trim().length > 0,
      ),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle');
}

describe('example pages in Chromium', () => {
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

  async function newContext(): Promise<BrowserContext> {
    return browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  }

  /** A page that records CSP violations, console errors, uncaught errors and requests to other origins. */
  async function watchedPage(context: BrowserContext): Promise<{ page: Page; trouble: Trouble }> {
    const page = await context.newPage();
    return { page, trouble: await watchForTrouble(page, [hub.baseUrl]) };
  }

  /** Titles of the events the Hub has for a filter, over the weeks any calendar view may show. */
  async function eventTitles(filter: string): Promise<Set<string>> {
    const day = dayFromNow;
    const response = await fetch(`${hub.baseUrl}/events?${filter}&from=${day(-70)}&to=${day(120)}&limit=100`);
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as { items: { title: string }[] };
    return new Set(items.map((item) => item.title));
  }

  /** The titles the calendar shows, once it shows some (its shadow root is open: locators pierce it). */
  async function shownTitles(page: Page): Promise<string[]> {
    const events = page.locator('sr-event-calendar [part~="event"]');
    await events.first().waitFor({ timeout: 15_000 });
    return events.allTextContents();
  }

  test('the pages come with a strict Content Security Policy', async () => {
    for (const path of ['/examples/', '/examples/municipal/', '/examples/club/']) {
      const response = await fetch(`${hub.baseUrl}${path}`);
      assert.equal(response.status, 200, path);
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.equal(policy, examplesPolicy, path);
      for (const directive of [
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ]) {
        assert.ok(policy.split('; ').includes(directive), `${path}: ${directive}`);
      }
      assert.doesNotMatch(policy, /unsafe/);
      assert.doesNotMatch(await response.text(), /\{\{|style=|<script>|\son[a-z]+=/, `${path}: every placeholder filled, nothing inline`);
    }
    assert.equal((await fetch(`${hub.baseUrl}/examples/municipal/index.html`)).status, 404, 'only the rendered page is served');
  });

  test('municipal page: calendar of Randersacker, help finder, own fonts — no violation, no error, no other origin', async () => {
    const context = await newContext();
    const { page, trouble } = await watchedPage(context);
    await page.goto(`${hub.baseUrl}/examples/municipal/`);

    const expected = await eventTitles('municipality=randersacker');
    const shown = await shownTitles(page);
    assert.ok(shown.length > 0);
    for (const text of shown)
      assert.ok(
        [...expected].some((title) => text.includes(title)),
        `"${text}" is an event in Randersacker`,
      );

    const urls = await assertIntegrity(page, manifest, hub.baseUrl);
    assert.ok(urls.some((url) => url.endsWith('/sr-event-calendar.js')));
    if (manifest.files['sr-help-finder.js']) {
      assert.ok(urls.some((url) => url.endsWith('/sr-help-finder.js')));
      await page.waitForFunction(() => customElements.get('sr-help-finder') !== undefined);
      await page.waitForFunction(() => (document.querySelector('sr-help-finder')?.shadowRoot?.textContent ?? '').trim().length > 0);
    } else {
      // This build has no help finder yet: the page leaves the element undefined, and loads nothing for it.
      assert.ok(!urls.some((url) => url.endsWith('/sr-help-finder.js')));
      assert.equal(await page.evaluate(() => customElements.get('sr-help-finder')), undefined);
    }

    assert.equal(
      await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('1rem "Source Sans 3"'))),
      true,
      'self-hosted font loaded',
    );
    await page.waitForLoadState('networkidle');
    assertNoTrouble(trouble);

    // The recording works: an inline script is blocked and reported.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })));
    // The report comes back through the exposed function, asynchronously.
    for (const deadline = Date.now() + 5000; trouble.violations.length === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(trouble.violations.length, 1);
    assert.match(trouble.violations[0]!, /^script-src-elem blocked inline/);
    await context.close();
  });

  test("club page: only the club's own events", async () => {
    const context = await newContext();
    const { page, trouble } = await watchedPage(context);
    await page.goto(`${hub.baseUrl}/examples/club/`);

    const organizations = (await (await fetch(`${hub.baseUrl}/organizations?limit=100`)).json()) as {
      items: { id: string; name: string }[];
    };
    const club = organizations.items.find((organization) => organization.name === 'TSV Ochsenfurt 1862 e.V.');
    assert.ok(club);
    assert.equal(await page.getAttribute('sr-event-calendar', 'organization'), club.id);

    const own = await eventTitles(`organization=${club.id}`);
    const shown = await shownTitles(page);
    assert.ok(shown.length > 0);
    for (const text of shown)
      assert.ok(
        [...own].some((title) => text.includes(title)),
        `"${text}" is an event of the club`,
      );

    await assertIntegrity(page, manifest, hub.baseUrl);
    assert.equal(
      await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('700 1rem "Barlow Condensed"'))),
      true,
      'self-hosted font loaded',
    );
    await page.waitForLoadState('networkidle');
    assertNoTrouble(trouble);
    await context.close();
  });

  // A citizen's view: each site with its own colours and fonts, the system set to light or dark
  // (the sites declare no dark scheme, so the widgets stay light with them), wide and at 320 px.
  for (const site of ['municipal', 'club']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 320]) {
        test(`${site} page, system ${colorScheme}, ${width} px: axe-clean (contrast included), no sideways scrolling, layout shift at most 0.05`, async () => {
          const context = await browser.newContext({
            locale: 'de-DE',
            timezoneId: 'Europe/Berlin',
            viewport: { width, height: 900 },
            colorScheme,
          });
          const { page, trouble } = await watchedPage(context);
          await recordLayoutShifts(page);
          await page.goto(`${hub.baseUrl}/examples/${site}/`);
          await widgetsSettled(page);

          assert.ok((await layoutShift(page)) <= 0.05, `layout shift ${await layoutShift(page)}`);
          assert.ok((await page.evaluate(() => document.scrollingElement!.scrollWidth)) <= width, 'the page scrolls sideways');
          // The page stays light, and so do its widgets: the same surface as the page's own content.
          const surfaces = await page.$$eval('sr-event-calendar, sr-help-finder, sr-volunteer-board', (widgets) =>
            widgets.map((widget) => getComputedStyle(widget).backgroundColor),
          );
          assert.ok(surfaces.length > 0);
          assert.deepEqual(new Set(surfaces), new Set(['rgb(255, 255, 255)']), 'widget surfaces');
          assert.deepEqual(await axeViolations(page), []);
          assertNoTrouble(trouble);
          await context.close();
        });
      }
    }
  }

  test('axe finds the contrast failures these tests guard against', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${hub.baseUrl}/examples/club/`);
    await widgetsSettled(page);
    // What the widgets did on a light page with the system set to dark: dark text on the site's primary.
    await page.evaluate(() => document.documentElement.style.setProperty('--sr-color-on-primary', '#0b1a2a'));
    const violations = await axeViolations(page);
    assert.ok(
      violations.some((violation) => violation.startsWith('color-contrast:')),
      violations.join('\n'),
    );
    await context.close();
  });

  test('a tampered widget file or chunk is refused by the browser', async () => {
    const chunk = manifest.files['sr-event-calendar.js']!.imports[0]!;
    for (const tampered of ['sr-event-calendar.js', chunk]) {
      const context = await newContext();
      const { page, trouble } = await watchedPage(context);
      await page.route(`**/widgets/*/${tampered}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: `${await response.text()}\n;document.title = 'changed on the way';` });
      });
      await page.goto(`${hub.baseUrl}/examples/club/`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => customElements.get('sr-event-calendar')), undefined, tampered);
      assert.notEqual(await page.title(), 'changed on the way');
      assert.ok(
        trouble.consoleErrors.some((text) => /integrity/i.test(text) && text.includes(tampered)),
        `${tampered}: ${trouble.consoleErrors.join(' | ')}`,
      );
      await context.close();
    }
  });
});

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from './support/chromium.js';
import { dayFromNow, testNow } from './support/clock.js';
import { startTestHub, type TestHub } from './support/hub.js';

// The npm path as a site's developer takes it: examples/vite imports one define.js of
// @smart-region/widgets (the workspace's npm build, `npm run build:npm`), Vite bundles it, and the
// page, served by Vite's own server on another origin than the Hub, shows the Hub's events in
// real Chromium.

const exampleDir = fileURLToPath(new URL('../../../examples/vite/', import.meta.url));

describe('the Vite example of the npm package', () => {
  let hub: TestHub;
  let outDir: string;
  let site: PreviewServer;
  let browser: Browser;

  before(async () => {
    const define = new URL('../../widgets/dist/event-calendar/define.js', import.meta.url);
    if (!existsSync(define)) throw new Error(`${fileURLToPath(define)} is missing: run npm run build:npm first (npm test does).`);
    hub = await startTestHub();
    // Built outside the example: a test leaves the checkout as it found it.
    outDir = await mkdtemp(join(tmpdir(), 'sr-vite-example-'));
    // The example reads the Hub's address from VITE_HUB_URL (its .env names `npm start`'s Hub).
    process.env['VITE_HUB_URL'] = hub.baseUrl;
    await build({ root: exampleDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    site = await preview({ root: exampleDir, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await hub?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  test('the bundled page shows the Hub’s events for Randersacker, with requests only to the site and the Hub', async () => {
    const siteUrl = site.resolvedUrls?.local[0];
    assert.ok(siteUrl, 'Vite’s preview server names its address');
    assert.notEqual(new URL(siteUrl).origin, hub.baseUrl, 'the site and the Hub are different origins');
    // One script of the site's own, with the widget, Lit and the SDK inside (and chunks it loads on demand).
    assert.ok((await readdir(join(outDir, 'assets'))).some((file) => /^index-.*\.js$/.test(file)));

    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(testNow));
    const trouble: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') trouble.push(message.text());
    });
    page.on('pageerror', (error) => trouble.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) trouble.push(`${response.status()} for ${response.url()}`);
    });
    page.on('request', (request) => {
      const { origin } = new URL(request.url());
      if (origin !== new URL(siteUrl).origin && origin !== hub.baseUrl) trouble.push(`request to ${request.url()}`);
    });

    await page.goto(siteUrl);
    const events = page.locator('sr-event-calendar [part~="event"]');
    await events.first().waitFor({ timeout: 15_000 });
    const shown = await events.allTextContents();

    const response = await fetch(`${hub.baseUrl}/events?municipality=randersacker&from=${dayFromNow(-70)}&to=${dayFromNow(120)}&limit=100`);
    const { items } = (await response.json()) as { items: { title: string }[] };
    const titles = items.map((item) => item.title);
    assert.ok(shown.length > 0);
    for (const text of shown)
      assert.ok(
        titles.some((title) => text.includes(title)),
        `"${text}" is one of the Hub's events in Randersacker`,
      );
    assert.deepEqual(trouble, []);
    await context.close();
  });

  test('the Hub serves nothing of the example project: no page, no file of its sources or build', async () => {
    // Its own example pages are there (a folder without a package.json).
    assert.equal((await fetch(`${hub.baseUrl}/examples/club/club.css`)).status, 200);
    for (const path of ['/examples/vite/', '/examples/vite/style.css', '/examples/vite/icon.svg', '/examples/vite/dist/index.html'])
      assert.equal((await fetch(`${hub.baseUrl}${path}`)).status, 404, path);
  });
});

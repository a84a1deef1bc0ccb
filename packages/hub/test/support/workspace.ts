import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import type { HubOptions } from '../../src/app.js';
import { assetUrl } from '../../src/assets.js';
import { axeViolations } from './axe.js';
import { launchChromium } from './chromium.js';
import { startMailedHub, type MailedHub } from './mailed-hub.js';

/**
 * The workspace for organizations (`/manage/`) in real Chromium, served by a real Hub that mails
 * through a real SMTP server: what every browser test of a workspace screen starts from. People
 * sign in as they would, with the link from the mail.
 */
export interface Workspace {
  mailed: MailedHub;
  browser: Browser;
  baseUrl: string;
  /** What a page's CSP blocked and every uncaught error, of every page this workspace opened. */
  failures: string[];
  /**
   * A browser of its own (its own cookies), in German, at `width` (desktop by default); with `now`,
   * its clock stands at that moment (e.g. the Hub's pinned `testNow`).
   */
  person: (options?: { width?: number; now?: string }) => Promise<Page>;
  /** Signs in as a person would: the address on the sign-in page, the link from the mail, "Anmelden". */
  signIn: (page: Page, email: string, options?: { checkEachScreen?: boolean }) => Promise<URL>;
  close: () => Promise<void>;
}

export async function startWorkspace(options: Partial<Omit<HubOptions, 'database'>> = {}): Promise<Workspace> {
  assert.ok(existsSync(assetUrl('manage')), 'the pages are not built: run npm run build:manage');
  const mailed = await startMailedHub(options);
  const browser = await launchChromium();
  const baseUrl = mailed.hub.baseUrl;
  const failures: string[] = [];

  async function person({ width = 1280, now }: { width?: number; now?: string } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.exposeFunction('reportViolation', (text: string) => failures.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
    page.on('pageerror', (error) => failures.push(`uncaught: ${error.message}`));
    if (now) await page.clock.setFixedTime(new Date(now));
    return page;
  }

  async function signIn(page: Page, email: string, { checkEachScreen = false } = {}): Promise<URL> {
    await page.goto(`${baseUrl}/manage/`);
    await screen(page, 'Anmelden');
    if (checkEachScreen) await expectAccessible(page, 'the sign-in');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await says(page, 'Prüfen Sie Ihr Postfach');
    if (checkEachScreen) await expectAccessible(page, '"check your e-mail"');
    const link = mailed.linkIn(await mailed.nextMailTo(email), '/manage/sign-in');

    // A mail scanner opens the link first: that signs nobody in and uses nothing up.
    const scanned = await fetch(link);
    assert.equal(scanned.status, 200);
    assert.equal(scanned.headers.get('set-cookie'), null);

    await page.goto(link.href);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).waitFor();
    if (checkEachScreen) await expectAccessible(page, 'the link landing');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await screen(page, 'Meine Organisationen');
    assert.equal(new URL(page.url()).search, '', 'the used token leaves the address bar');
    return link;
  }

  return {
    mailed,
    browser,
    baseUrl,
    failures,
    person,
    signIn,
    async close() {
      await browser.close();
      await mailed.close();
    },
  };
}

/** No state of a screen may fail axe: checked once it has settled. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeViolations(page), [], `axe on ${state}`);
}

/** The heading of the screen shown now, once it is there. */
export async function screen(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A status line, once it says this. */
export async function says(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

/**
 * At a phone's width as well: the screen, once settled (its requests answered, its fonts loaded),
 * never scrolls sideways. A failure names the elements that stick out, in light and shadow DOM.
 */
export async function expectNoSidewaysScrolling(page: Page, state: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
  const settled = await page.waitForFunction(fits, undefined, { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  if (settled) return;
  // A loop, not a named inner function: tsx would wrap that in a helper the page does not have.
  const [scroll, width, outside] = await page.evaluate(() => {
    const sticking: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        const right = element.getBoundingClientRect().right;
        if (right > window.innerWidth) sticking.push(`<${element.localName} class="${element.className}"> to ${right} px`);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return [document.documentElement.scrollWidth, window.innerWidth, sticking.slice(-8)] as const;
  });
  assert.fail(`${state}: ${scroll} px wide at ${width} px; sticking out: ${outside.join(', ')}`);
}

/** A screenshot of the whole page as `<name>-<width>.png` in `SR_SHOTS_DIR`, for a look; nothing without it. */
export async function lookAt(page: Page, name: string): Promise<void> {
  const shots = process.env['SR_SHOTS_DIR'];
  if (!shots) return;
  await mkdir(shots, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${shots}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

/** The error summary's line for a field (`"<label>: <message>"`), a link to the field. */
export function summaryLine(page: Page, text: string): Locator {
  return page.getByRole('alert').getByRole('link', { name: text });
}

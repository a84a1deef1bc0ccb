import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Everything a page did that a careful webmaster would not want to see. */
export interface Trouble {
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/**
 * Records from the page's start, in every frame: CSP violations, console errors, uncaught errors,
 * and requests to any origin but `origins` (`data:` aside).
 */
export async function watchForTrouble(page: Page, origins: readonly string[]): Promise<Trouble> {
  const trouble: Trouble = { violations: [], consoleErrors: [], pageErrors: [], foreignRequests: [] };
  await page.exposeFunction('reportViolation', (text: string) => trouble.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.origin} (${event.sample})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && !origins.includes(url.origin)) trouble.foreignRequests.push(request.url());
  });
  return trouble;
}

export function assertNoTrouble(trouble: Trouble): void {
  assert.deepEqual(trouble.violations, [], 'CSP violations');
  assert.deepEqual(trouble.pageErrors, [], 'uncaught errors');
  assert.deepEqual(trouble.consoleErrors, [], 'console errors');
  assert.deepEqual(trouble.foreignRequests, [], 'requests to other origins');
}

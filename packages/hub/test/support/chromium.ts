import { chromium, type Browser } from 'playwright-core';

/** The machine's Chromium, headless, without what would reach the network or slow a test run. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

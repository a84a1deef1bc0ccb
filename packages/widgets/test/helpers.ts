import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElement } from '../src/core/define.js';
import type { Locale } from '../src/core/i18n.js';
import { allLocales } from '../src/generated/locale-codes.js';
import { SrDemoMunicipalities } from '../../../stories/support/demo-municipalities.js';
import { testServers } from './test-servers.js';

export { SrDemoMunicipalities };
export type { Locale };

/**
 * Every language the widgets speak, for the tests that run once per language: a new translation
 * is tested as soon as lit-localize knows it, and a test's `Record<Locale, string>` of expected
 * strings does not compile until it names the new language's string.
 */
export const locales = allLocales;

/**
 * Presses Tab from where the focus is until it lands on `selector` in the widget's shadow root,
 * as a keyboard user gets there; fails when `limit` presses do not reach it.
 */
export async function tabTo(widget: Element, selector: string, limit = 120): Promise<HTMLElement> {
  for (let presses = 0; presses <= limit; presses++) {
    const focused = widget.shadowRoot!.activeElement;
    if (focused?.matches(selector)) return focused as HTMLElement;
    if (presses < limit) await sendKeys({ press: 'Tab' });
  }
  throw new Error(`${limit} presses of Tab do not reach ${selector} in <${widget.localName}>`);
}

let demoTags = 0;

/**
 * A fresh tag for the demo widget and the function that defines it, so a test decides when it
 * upgrades: a page may load a widget before or after its `<sr-hub>`.
 */
export function lateDemo(): { tag: string; define(): void } {
  const tag = `sr-demo-late-${++demoTags}`;
  return { tag, define: () => defineElement(tag, class extends SrDemoMunicipalities {}) };
}

/** The demo widget under its usual tag (defined once per page). */
export function demoTag(): 'sr-demo-municipalities' {
  defineElement('sr-demo-municipalities', SrDemoMunicipalities);
  return 'sr-demo-municipalities';
}

/** The element in the widget's shadow root with this `part`, once it is there. */
export async function part(element: Element, name: string): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitUntil(
    () => (found = element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null),
    `no part "${name}" in <${element.localName}>`,
    { timeout: 5000 },
  );
  return found!;
}

/** The widget once its data is shown (skeleton rows share the content's parts, to keep its size). */
export async function loaded(element: Element): Promise<void> {
  await waitUntil(() => !hasPart(element, 'skeleton') && hasPart(element, 'item'), `<${element.localName}> shows no data`, {
    timeout: 5000,
  });
}

/** Whether the widget shows this part right now. */
export function hasPart(element: Element, name: string): boolean {
  return element.shadowRoot?.querySelector(`[part~="${name}"]`) != null;
}

/** The widget's visible text, whitespace collapsed. */
export function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Collects `console.warn` calls until `restore()`; the warnings are also kept out of the log. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

/**
 * The files the page loaded before any test ran, among them the widget's own module: tests that
 * clear the resource timings would hide it later.
 */
const loadedAtStart = performance.getEntriesByType('resource').map((entry) => entry.name);

/**
 * A test that the element under test is the one of the build the group tests: in the production
 * group its CDN file (through the import map), in the development group the TypeScript source.
 */
export function itComesFromTheBuildUnderTest(tag: string, constructor: CustomElementConstructor): void {
  it('comes from the build under test', async () => {
    const { cdnUrl } = await testServers();
    const production = document.querySelector('script[type="importmap"]') !== null;
    expect(loadedAtStart.includes(`${cdnUrl}${tag}.js`)).to.equal(production);
    expect(customElements.get(tag)).to.equal(constructor);
  });
}

/** A JSON answer of the test Hub, to compare a widget with; fails on an error status. */
export async function hubJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const { hubUrl } = await testServers();
  const response = await fetch(`${hubUrl}${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/**
 * Asserts that every text of the widget holding `marker` (put into text from the Hub) stands
 * alone in an element that isolates it: a `<bdi>`, an element with `dir`, or a block of its
 * own. Direction controls in it (an unclosed U+202E) then cannot turn the widget's words around
 * it. Returns how many such texts there are, for the test to check it saw them.
 */
export function expectIsolated(widget: Element, marker: string): number {
  const walker = document.createTreeWalker(widget.shadowRoot!, NodeFilter.SHOW_TEXT);
  const loose: string[] = [];
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.includes(marker)) continue;
    seen++;
    const parent = node.parentElement!;
    const style = getComputedStyle(parent);
    const isolating = style.unicodeBidi === 'isolate' || style.unicodeBidi === 'plaintext' || style.display !== 'inline';
    if (parent.textContent !== node.textContent || !isolating) loose.push(`<${parent.localName}> ${parent.textContent.trim()}`);
  }
  expect(loose, 'text from the Hub that is not isolated').to.deep.equal([]);
  return seen;
}

/**
 * Whether `word` in the text node is drawn left to right (its first letter left of its last),
 * as it is when no direction control from a text before it reaches it.
 */
export function drawnLeftToRight(text: Text, word: string): boolean {
  const at = text.data.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not in "${text.data}"`);
  const letter = (offset: number) => {
    const range = document.createRange();
    range.setStart(text, offset);
    range.setEnd(text, offset + 1);
    return range.getBoundingClientRect().left;
  };
  return letter(at) < letter(at + word.length - 1);
}

/** The first element matching `selector` in the widget's shadow root (`!`: the test expects it). */
export const $ = <E extends Element = HTMLElement>(widget: Element, selector: string) => widget.shadowRoot!.querySelector<E>(selector)!;

/** Every element matching `selector` in the widget's shadow root. */
export const $$ = <E extends Element = HTMLElement>(widget: Element, selector: string) => [
  ...widget.shadowRoot!.querySelectorAll<E>(selector),
];

import { fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from '../../../test/test-servers.js';
import '../define.js';

/**
 * Shows a screen of the pages for organizations, talking to the test Hub. The tests run on
 * another origin than the Hub, so the screens are the ones anybody may see: the browser sends no
 * session there (the signed-in screens are tested in Chromium on the Hub itself, test/manage.test.ts).
 */
export async function showScreen<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  lang = 'de',
): Promise<HTMLElementTagNameMap[K]> {
  const { hubUrl } = await testServers();
  const element = document.createElement(tag);
  element.setAttribute('hub-url', hubUrl);
  element.setAttribute('lang', lang);
  Object.assign(element, properties);
  await fixture(html`<div>${element}</div>`);
  return element;
}

/** The screen's visible text, whitespace collapsed. */
export const textOf = (element: Element): string => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Until the screen says `text`. */
export async function untilItSays(element: Element, text: string): Promise<void> {
  await waitUntil(() => textOf(element).includes(text), `<${element.localName}> never said "${text}": ${textOf(element)}`, {
    timeout: 5000,
  });
}

/** The first element matching `selector` in the screen's shadow root (`!`: the test expects it). */
export const $ = <E extends Element = HTMLElement>(element: Element, selector: string): E =>
  element.shadowRoot!.querySelector<E>(selector)!;

/** Types into a field as a person would: its value, then the input event the screen listens to. */
export function type(element: Element, selector: string, value: string): void {
  const input = $<HTMLInputElement>(element, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses the submit button of the screen's form. */
export function submit(element: Element): void {
  $<HTMLButtonElement>(element, 'button[type="submit"]').click();
}

/** The element that has the focus inside the screen's shadow root. */
export const focused = (element: Element): Element | null => element.shadowRoot!.activeElement;

/** A fresh address for each test: the Hub limits sign-in links per address. */
export const uniqueAddress = (name: string): string => `${name}-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.org`;

import { waitUntil } from '@open-wc/testing';
import { defineElement } from '../src/core/define.js';
import { SrDemoMunicipalities } from '../../../stories/support/demo-municipalities.js';

export { SrDemoMunicipalities };

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
  await waitUntil(() => (found = element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null), `no part "${name}" in <${element.localName}>`, { timeout: 5000 });
  return found!;
}

/** The widget once its data is shown (skeleton rows share the content's parts, to keep its size). */
export async function loaded(element: Element): Promise<void> {
  await waitUntil(() => !hasPart(element, 'skeleton') && hasPart(element, 'item'), `<${element.localName}> shows no data`, { timeout: 5000 });
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

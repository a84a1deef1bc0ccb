import { fixture, waitUntil } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import type { TemplateResult } from 'lit';
import { formats } from '../src/core/format.js';
import { addDays, type Day } from '../src/event-calendar/dates.js';
import type { SrEventCalendar } from '../src/event-calendar/event-calendar.js';
import { hasPart, textOf } from './helpers.js';
import { testServers } from './test-servers.js';

export type Occurrence = Schema<'EventOccurrence'>;

/** Today in Berlin, as the calendar counts it. */
export const today: Day = formats('de').day(new Date());

/** A day two weeks ahead: the seeded Hub has events around it whatever day the tests run. */
export const busyDay: Day = addDays(today, 14);

/**
 * The calendar in `template` (itself, or inside an `<sr-hub>`), once it shows the events of its
 * days or says there are none, in the language `expectText` is in.
 */
export async function showCalendar(template: TemplateResult, expectText = 'Heute'): Promise<SrEventCalendar> {
  const root = await fixture<HTMLElement>(template);
  const calendar = (root.localName === 'sr-event-calendar' ? root : root.querySelector('sr-event-calendar')!) as SrEventCalendar;
  await shown(calendar, expectText);
  return calendar;
}

/** Waits until the calendar shows its days' events (or that there are none), not placeholders. */
export async function shown(calendar: SrEventCalendar, expectText = 'Heute'): Promise<void> {
  await calendar.updateComplete;
  await waitUntil(
    () =>
      !hasPart(calendar, 'skeleton') &&
      (calendar.shadowRoot!.querySelector('td[tabindex]') !== null || hasPart(calendar, 'list') || hasPart(calendar, 'empty')) &&
      textOf(calendar).includes(expectText),
    `<sr-event-calendar> shows no events (${textOf(calendar).slice(0, 200)})`,
    { timeout: 8000 },
  );
}

/** The element with this selector in the calendar's shadow root. */
export function inside<E extends Element = HTMLElement>(calendar: Element, selector: string): E {
  const element = calendar.shadowRoot!.querySelector<E>(selector);
  if (!element) throw new Error(`no ${selector} in <sr-event-calendar>`);
  return element;
}

/** The titles of the events shown (in the grid or a list, or in `within`), in order. */
export function titles(calendar: Element, within = '.content'): string[] {
  return [...calendar.shadowRoot!.querySelectorAll(`${within} [part~="event"]`)].map((event) => {
    const title = event.cloneNode(true) as Element;
    title.querySelectorAll('.time, .badge, .visually-hidden').forEach((extra) => extra.remove());
    return title.textContent.trim();
  });
}

/** The dialog that is open, or `null`. */
export function openDialog(calendar: Element): HTMLDialogElement | null {
  const open = [...calendar.shadowRoot!.querySelectorAll('dialog')].filter((dialog) => dialog.open);
  return open[open.length - 1] ?? null;
}

/** Every occurrence the real Hub has for a query, asked directly (all pages). */
export async function hubEvents(query: Record<string, string | string[]>): Promise<Occurrence[]> {
  const { hubUrl } = await testServers();
  const items: Occurrence[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => [value].flat().map((one) => [name, one])));
    params.set('limit', '100');
    if (cursor) params.set('cursor', cursor);
    const page = (await (await fetch(`${hubUrl}/events?${params}`)).json()) as { items: Occurrence[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Records the addresses of the requests the page makes until `restore()`. */
export function recordRequests(): { urls: URL[]; restore(): void } {
  const original = globalThis.fetch;
  const urls: URL[] = [];
  globalThis.fetch = (input, init) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input)));
    return original(input, init);
  };
  return { urls, restore: () => (globalThis.fetch = original) };
}

/** The requests for occurrences among those recorded. */
export const eventRequests = (urls: URL[]): URL[] => urls.filter((url) => url.pathname.endsWith('/events'));

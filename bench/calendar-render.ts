import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { Schema } from '@smart-region/sdk';
import { bundlePeer, cdnDir } from './bundles.js';
import { percentile, type Row } from './lib.js';

type Occurrence = Schema<'EventOccurrence'>;

const here = fileURLToPath(new URL('.', import.meta.url));

/** bench/render/page.js as the page loads it: each render resolves to its time in milliseconds. */
interface RenderPage {
  renderOurs(data: unknown, date: string): Promise<number>;
  renderFullCalendar(events: unknown, date: string, firstTitle: string): Promise<number>;
}
const origin = 'http://bench.test';
const month = '2026-12';
/** December has no DST change: every time is at +01:00. */
const offset = '+01:00';
const organizer = { organizationId: '0b0a8c1e-1c2d-4e3f-8a9b-000000000003', name: 'Stadt Würzburg' };

/**
 * 300 occurrences in one month, about ten a day: timed ones through the day, every 15th
 * all day, every 25th over three days (bars across days in both calendars).
 */
export function monthOfOccurrences(count = 300): Occurrence[] {
  return Array.from({ length: count }, (_, index): Occurrence => {
    const day = (index % 31) + 1;
    const date = (d: number) => `${month}-${String(Math.min(d, 31)).padStart(2, '0')}`;
    const allDay = index % 15 === 0;
    const days = index % 25 === 0 ? 3 : 1;
    const hour = String(8 + ((index * 7) % 12)).padStart(2, '0');
    return {
      eventId: `7c1e2f0a-3b4d-4e5f-8a9b-${String(index).padStart(12, '0')}`,
      recurrenceId: null,
      title: `Veranstaltung ${index + 1}`,
      description: null,
      start: allDay ? date(day) : `${date(day)}T${hour}:00:00${offset}`,
      end: allDay ? date(day + days - 1) : `${date(day + days - 1)}T${hour}:45:00${offset}`,
      allDay,
      timeZone: 'Europe/Berlin',
      status: 'scheduled',
      recurrence: null,
      location: { name: 'Rathaus', address: 'Rückermainhof, 97070 Würzburg', municipalityId: 'wuerzburg', coordinates: null },
      organizer,
      categories: ['culture'],
      isFree: true,
      price: null,
      accessibility: null,
      link: null,
      isExample: true,
    };
  }).sort((a, b) => a.start.localeCompare(b.start));
}

/** The same occurrences as FullCalendar event objects (all-day ends exclusive there, as in iCalendar). */
function fullCalendarEvents(occurrences: Occurrence[]) {
  const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  return occurrences.map((item) => ({
    id: item.eventId,
    title: item.title,
    start: item.start,
    end: item.allDay ? nextDay(item.end) : item.end,
    allDay: item.allDay,
  }));
}

/** Serves the page, the CDN build, the peer's bundle and the page script from disk: no server, no network. */
async function servePage(page: Page, peerDir: string): Promise<void> {
  const page404 = { status: 404, body: 'not found' };
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      const body =
        '<!doctype html><html lang="de"><head><link rel="stylesheet" href="/fullcalendar/calendar.css"></head><body></body></html>';
      return route.fulfill({ contentType: 'text/html', body });
    }
    const [, folder, ...rest] = path.split('/');
    const base = { cdn: cdnDir, fullcalendar: peerDir, render: join(here, 'render') }[folder ?? ''];
    if (!base) return route.fulfill(page404);
    const file = join(base, ...rest);
    const contentType = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return route.fulfill({ contentType, body: await readFile(file) }).catch(() => route.fulfill(page404));
  });
}

/**
 * Time from creating the calendar to the painted month grid of 300 occurrences, in headless
 * Chromium, against FullCalendar 7 with the same events; a fresh page for every run, the two
 * alternating so both see the same load on the machine.
 */
export async function calendarRender(runs: number): Promise<Row[]> {
  const { dir: peerDir } = await bundlePeer('fullcalendar');
  const occurrences = monthOfOccurrences();
  const data = {
    occurrences,
    categories: [{ id: 'culture', name: { de: 'Kultur', en: 'Culture' } }],
    municipalities: [],
    organizations: [],
  };
  const events = fullCalendarEvents(occurrences);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const once = async (which: 'ours' | 'peer'): Promise<number> => {
    const page = await context.newPage();
    await servePage(page, peerDir);
    await page.goto(`${origin}/`);
    const ms = await page.evaluate(
      async ([which, data, events, date]) => {
        // A path on the bench's page server, for the browser to load: not a module for TypeScript to find.
        const path: string = '/render/page.js';
        const script = (await import(path)) as RenderPage;
        return which === 'ours' ? script.renderOurs(data, date) : script.renderFullCalendar(events, date, 'Veranstaltung 1');
      },
      [which, data, events, `${month}-01`] as const,
    );
    await page.close();
    return ms;
  };
  const ours: number[] = [];
  const peer: number[] = [];
  try {
    // One unmeasured run each: the first page compiles what later pages take from the cache.
    await once('ours');
    await once('peer');
    for (let run = 0; run < runs; run++) {
      ours.push(await once('ours'));
      peer.push(await once('peer'));
    }
  } finally {
    await browser.close();
  }
  const median = (values: number[]) => percentile(values, 50);
  const p95 = (values: number[]) => percentile(values, 95);
  const text = (values: number[]) => `median ${median(values).toFixed(0)} ms, p95 ${p95(values).toFixed(0)} ms`;
  return [
    {
      benchmark: `Render a month with ${occurrences.length} occurrences, headless Chromium (${runs} runs, fresh page each)`,
      ours: `<sr-event-calendar>: ${text(ours)}`,
      peer: `FullCalendar 7.1 dayGridMonth: ${text(peer)}`,
      ratio: `${(median(ours) / median(peer)).toFixed(2)}× (median)`,
      note: 'target ≤ 0.5×; from creating the element to the frame painted after the grid shows events; the widget gets the occurrences from memory through <sr-hub .client> (paged by 100 like the Hub), FullCalendar as an events array; both at most 3 lines a day with "+N"',
    },
  ];
}

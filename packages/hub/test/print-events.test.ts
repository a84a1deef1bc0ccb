import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from './support/axe.js';
import { eventBody, eventClient } from './support/events.js';
import {
  assertA4,
  printedLink,
  printedView,
  printPublicUrl,
  readable,
  redirectTarget,
  startPrintHub,
  type PrintHub,
} from './support/print.js';
import { expectProblem } from './support/problems.js';

// Event notices as a town hall prints them: Chromium prints the Hub's page to PDF, poppler reads
// it back, and the QR code on the paper leads to the calendar showing the event.

describe('print views of events', () => {
  let printing: PrintHub;
  let client: ReturnType<typeof eventClient>;
  let club: string;
  let slug: string;
  const ids: Record<'concert' | 'rehearsal' | 'market' | 'draft', string> = { concert: '', rehearsal: '', market: '', draft: '' };

  before(async () => {
    printing = await startPrintHub();
    client = eventClient(printing.hub);
    club = await client.newOrganization('Musikverein Randersacker');
    slug = ((await (await fetch(`${printing.hub.baseUrl}/organizations/${club}`)).json()) as { slug: string }).slug;
    const create = async (body: Record<string, unknown>) => (await client.created(club, eventBody(body))).id;
    ids.concert = await create({
      title: 'Adventskonzert des Musikvereins',
      description: 'Weihnachtliche Blasmusik und Lieder zum Mitsingen.\n\nGlühwein und Punsch im Anschluss <im Hof>.',
      start: '2026-12-13T17:00',
      end: '2026-12-13T19:00',
      price: '8 €, ermäßigt 5 €',
      accessibility: 'Stufenloser Zugang, Induktionsschleife',
    });
    ids.rehearsal = await create({
      title: 'Offene Chorprobe',
      start: '2026-12-01T19:30',
      end: '2026-12-01T21:00',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU' },
      isFree: true,
    });
    ids.market = await create({
      title: 'Weihnachtsmarkt am Marktplatz',
      start: '2026-12-19',
      end: '2026-12-20',
      allDay: true,
      location: { name: 'Marktplatz', municipalityId: 'randersacker' },
      isFree: true,
    });
    ids.draft = await create({ title: 'Noch geheim', start: '2026-12-20T10:00', end: '2026-12-20T11:00', published: false });
  });
  after(() => printing?.close());

  const printed = (path: string, name: string, language?: string) => printedView(printing, path, name, language);
  const target = (url: string) => redirectTarget(printing, url);

  test('a single event: one A4 page with date, time, place, price and accessibility; its code leads to the calendar showing it', async () => {
    const { facts, codes, page } = await printed(`/print/events/${ids.concert}`, 'print-event-single');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    for (const expected of [
      'Musikverein Randersacker',
      'Stand: 2. Dezember 2026',
      'Adventskonzert des Musikvereins',
      'Sonntag, 13. Dezember 2026 17:00 – 19:00 Uhr',
      'Pfarrheim',
      'Kirchgasse 3, 97236 Randersacker',
      '8 €, ermäßigt 5 €',
      'Stufenloser Zugang, Induktionsschleife',
      'Glühwein und Punsch im Anschluss <im Hof>.',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/e/${ids.concert.slice(0, 8)}`);
    const location = await target(url);
    assert.equal(
      location,
      `/w/event-calendar?view=list&date=2026-12-13&organization=${slug}&q=${encodeURIComponent('Adventskonzert des Musikvereins').replace(/%20/g, '+')}`,
    );
    // The calendar page behind the code shows the event.
    await page.goto(`${printing.hub.baseUrl}${location}`);
    await page.getByText('Adventskonzert des Musikvereins').first().waitFor({ timeout: 15_000 });
  });

  test('a recurring event: how often, and its next dates; with ?date= one of its dates', async () => {
    const { facts, codes } = await printed(`/print/events/${ids.rehearsal}`, 'print-event-recurring');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    for (const expected of [
      'Offene Chorprobe',
      'jeden Dienstag',
      'Die nächsten Termine',
      'Dienstag, 8. Dezember 2026, 19:30 – 21:00 Uhr',
      'frei',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    assert.ok(!text.includes('1. Dezember 2026, 19:30'), 'a date before today is not listed');
    // Without a date the short link opens the calendar on the next date.
    assert.match(await target(printedLink(facts, codes)), /^\/w\/event-calendar\?view=list&date=2026-12-08&/);

    const one = await printed(`/print/events/${ids.rehearsal}?date=2026-12-15`, 'print-event-one-date');
    assert.equal(one.facts.pages, 1);
    assert.ok(readable(one.facts.text).includes('Dienstag, 15. Dezember 2026 19:30 – 21:00 Uhr'), one.facts.text);
    const url = printedLink(one.facts, one.codes);
    assert.equal(url, `${printPublicUrl}/e/${ids.rehearsal.slice(0, 8)}?date=2026-12-15`);
    assert.match(await target(url), /^\/w\/event-calendar\?view=list&date=2026-12-15&/);

    await expectProblem(await fetch(`${printing.hub.baseUrl}/print/events/${ids.rehearsal}?date=2026-12-16`), 404, 'not-found');
    const problem = await expectProblem(
      await fetch(`${printing.hub.baseUrl}/print/events/${ids.rehearsal}?date=16.12.2026`),
      400,
      'invalid-request',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/query/date'],
    );
  });

  test('an all-day event over two days says both days, without a time', async () => {
    const { facts } = await printed(`/print/events/${ids.market}`, 'print-event-all-day');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    assert.ok(text.includes('Samstag, 19. Dezember 2026 – Sonntag, 20. Dezember 2026'), facts.text);
    assert.ok(text.includes('Marktplatz Randersacker'), 'the municipality where the place has no address');
    assert.doesNotMatch(text, /\d{2}:\d{2}/);
  });

  test('a cancelled event says so above everything else', async () => {
    const id = (
      await client.created(
        club,
        eventBody({ title: 'Nikolausfeier', start: '2026-12-06T15:00', end: '2026-12-06T17:00', status: 'cancelled' }),
      )
    ).id;
    const { facts } = await printed(`/print/events/${id}`, 'print-event-cancelled');
    assert.match(readable(facts.text), /^ *Musikverein Randersacker Stand: 2\. Dezember 2026 Nikolausfeier Abgesagt Wann/);
  });

  test('the month programme of an organization: every date of the month, one entry each', async () => {
    const { facts, codes } = await printed(`/print/events?organization=${slug}&month=2026-12`, 'print-events-month');
    assertA4(facts);
    const text = readable(facts.text);
    assert.ok(text.includes('Veranstaltungen im Dezember 2026'), facts.text);
    // Day and time stand in a column beside the entry: the text has them in separate lines.
    for (const day of [1, 8, 15, 22, 29])
      assert.match(facts.text, new RegExp(`Dienstag, ${day}\\.12\\. +Offene Chorprobe\\n *19:30 – 21:00 Uhr`), `rehearsal on ${day}`);
    assert.ok(text.includes('Adventskonzert des Musikvereins') && text.includes('Weihnachtsmarkt am Marktplatz'));
    assert.ok(!text.includes('Noch geheim'), 'no draft');
    assert.ok(text.indexOf('Sonntag, 13.12.') < text.indexOf('Dienstag, 15.12.'), 'in the order of the dates');
    assert.match(facts.text, /Samstag, 19\.12\. – +Weihnachtsmarkt am Marktplatz\n *Sonntag, 20\.12\./, 'an all-day event over two days');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/w/event-calendar?date=2026-12-01&organization=${slug}`);
    assert.equal((await fetch(printing.local(url))).status, 200);

    // By UUID too; an empty month says so.
    const empty = await fetch(`${printing.hub.baseUrl}/print/events?organization=${club}&month=2026-11`);
    assert.equal(empty.status, 200);
    assert.match(await empty.text(), /keine Veranstaltungen/);
  });

  test('the month programme of a municipality names each organizer', async () => {
    const { facts } = await printed('/print/events?municipality=randersacker&month=2026-12', 'print-events-municipality');
    assertA4(facts);
    const text = readable(facts.text);
    assert.ok(text.includes('Randersacker'), facts.text);
    assert.ok(text.includes('Veranstalter: Musikverein Randersacker'), facts.text);
  });

  test('drafts, unknown events and bad parameters are problems, as in the API', async () => {
    const get = (path: string) => fetch(`${printing.hub.baseUrl}${path}`);
    await expectProblem(await get(`/print/events/${ids.draft}`), 404, 'not-found');
    await expectProblem(await get('/print/events/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
    await expectProblem(await get('/print/events/not-an-id'), 404, 'not-found');
    for (const month of ['2026-13', 'Dezember', '2026-1']) {
      const problem = await expectProblem(await get(`/print/events?organization=${slug}&month=${month}`), 400, 'invalid-request');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        ['/query/month'],
        month,
      );
    }
    const missing = await expectProblem(await get(`/print/events?organization=${slug}`), 400, 'invalid-request');
    assert.deepEqual(
      missing.errors?.map((error) => error.pointer),
      ['/query/month'],
    );
    await expectProblem(await get('/print/events?month=2026-12'), 400, 'invalid-request');
    await expectProblem(await get(`/print/events?organization=${slug}&municipality=randersacker&month=2026-12`), 400, 'invalid-request');
    await expectProblem(await get('/print/events?organization=gibt-es-nicht&month=2026-12'), 404, 'not-found');
    await expectProblem(await get('/print/events?municipality=atlantis&month=2026-12'), 404, 'not-found');
  });

  test('short links: an unknown or malformed one, and one of a draft, lead nowhere', async () => {
    const get = (path: string) => fetch(`${printing.hub.baseUrl}${path}`, { redirect: 'manual' });
    await expectProblem(await get('/e/00000000'), 404, 'not-found');
    await expectProblem(await get('/e/xyz'), 404, 'not-found');
    await expectProblem(await get(`/e/${ids.draft.slice(0, 8)}`), 404, 'not-found');
    await expectProblem(await get('/n/00000000'), 404, 'not-found');
    await expectProblem(await get('/p/ZZZZZZ'), 404, 'not-found');
    // The whole UUID works as well (printed when two events share the first characters).
    assert.equal((await get(`/e/${ids.concert}`)).status, 302);
    assert.equal((await get(`/e/${ids.concert.slice(0, 8).toUpperCase()}`)).status, 302);
  });

  test('a print view: strict policy, no cookie, per language; the text of the item escaped; accessible', async () => {
    const response = await fetch(`${printing.hub.baseUrl}/print/events/${ids.concert}`);
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    );
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('vary'), 'Accept-Language');
    assert.equal(response.headers.get('set-cookie'), null);
    const html = await response.text();
    assert.match(html, /^<!doctype html>\n<html lang="de">/);
    assert.ok(html.includes('&#60;im Hof&#62;'), 'the description is escaped');
    assert.ok(!html.includes('<script'), 'no script');
    const css = await fetch(`${printing.hub.baseUrl}/print/print.css`);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await css.text(), /size: A4/);

    const english = await printed(`/print/events/${ids.concert}`, 'print-event-english', 'en');
    assert.ok(readable(english.facts.text).includes('When Sunday, December 13, 2026 17:00 – 19:00'), english.facts.text);
    assert.equal(await english.page.getAttribute('html', 'lang'), 'en');

    for (const path of [`/print/events/${ids.rehearsal}`, `/print/events?organization=${slug}&month=2026-12`]) {
      const page = await printing.open(path);
      assert.deepEqual(await axeViolations(page), [], path);
    }
  });
});

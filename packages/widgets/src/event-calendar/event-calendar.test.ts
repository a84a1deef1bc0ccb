import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { calendarRoutes, eventPages, monthOfEvents } from '../../../../stories/support/event-fixtures.js';
import { fixtureClient, pending, type FixtureRoute } from '../../../../stories/support/fixture-client.js';
import {
  busyDay,
  hubEvents,
  inside,
  openDialog,
  recordRequests,
  showCalendar,
  shown,
  titles,
  today,
  type Occurrence,
} from '../../test/calendar.js';
import { captureWarnings, hasPart, part, textOf, itComesFromTheBuildUnderTest, locales, type Locale } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import { expectPrintLink } from '../../test/print-link.js';
import { formats } from '../core/format.js';
import '../hub/define.js';
import { addDays, startOfMonth, visibleRange, type CalendarView } from './dates.js';
import { SrEventCalendar } from './define.js';
import type { EventSelectDetail, ViewChangeDetail } from './event-calendar.js';

const viewButton = (calendar: Element, name: string) =>
  [...calendar.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]')].find(
    (button) => button.textContent.trim() === name,
  )!;

/** The calendar on an in-memory Hub with the month of fixture events. */
function onFixture(events: FixtureRoute = eventPages(), { lang, attributes = '' }: { lang?: Locale; attributes?: string } = {}) {
  const client = fixtureClient(calendarRoutes(events));
  const calendar = document.createElement('sr-event-calendar');
  for (const [name, value] of attributes
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split('=')))
    calendar.setAttribute(name!, value!);
  return {
    client,
    template: html`<sr-hub .client=${client} hub-url="https://hub.example.org" lang=${lang ?? nothing}>${calendar}</sr-hub>`,
  };
}

describe('<sr-event-calendar>', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  itComesFromTheBuildUnderTest('sr-event-calendar', SrEventCalendar);

  describe('shows the Hub’s events', () => {
    const heading: Record<CalendarView, Record<Locale, string>> = {
      month: { de: 'Monat', 'de-x-ls': 'Monat', en: 'Month' },
      week: { de: 'Woche', 'de-x-ls': 'Woche', en: 'Week' },
      list: { de: 'Liste', 'de-x-ls': 'Liste', en: 'List' },
    };
    for (const view of ['month', 'week', 'list'] as const) {
      for (const lang of locales) {
        for (const theme of ['light', 'dark'] as const) {
          it(`${view}, ${lang}, ${theme}: the events of the visible days, accessible`, async () => {
            const { hubUrl } = await testServers();
            const calendar = await showCalendar(
              html`<sr-event-calendar hub-url=${hubUrl} view=${view} date=${busyDay} lang=${lang} theme=${theme}></sr-event-calendar>`,
              heading[view][lang],
            );
            const { from, to } = visibleRange(view, busyDay);
            const expected = await hubEvents({ from, to });
            expect(expected.length).to.be.greaterThan(3);
            const shownTitles = titles(calendar);
            for (const occurrence of expected.slice(0, 3)) expect(shownTitles).to.include(occurrence.title);
            expect(inside(calendar, '[aria-pressed="true"]').textContent.trim()).to.equal(heading[view][lang]);
            await expect(calendar).to.be.accessible();
            expect(warnings.messages).to.deep.equal([]);
          });
        }
      }
    }

    it('asks once for the visible days, from midnight to midnight in Berlin', async () => {
      const { hubUrl } = await testServers();
      const calendar = await showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date="2027-03-10"></sr-event-calendar>`);
      const requests = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.pathname === '/events' && url.searchParams.get('from')?.startsWith('2027-02'));
      expect(requests).to.have.length(1);
      // March 2027 in whole weeks: Monday 1 March to Sunday 4 April, summer time from 28 March.
      expect(requests[0]!.searchParams.get('from')).to.equal('2027-02-28T23:00:00.000Z');
      expect(requests[0]!.searchParams.get('to')).to.equal('2027-04-04T22:00:00.000Z');
      expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.equal('März 2027');
    });
  });

  describe('states', () => {
    const texts: Record<'loading' | 'error' | 'empty' | 'stale', Record<Locale, string>> = {
      loading: { de: 'Wird geladen …', 'de-x-ls': 'Bitte warten …', en: 'Loading …' },
      error: {
        de: 'Die Daten sind gerade nicht erreichbar.',
        'de-x-ls': 'Die Daten kommen gerade nicht an.',
        en: 'The data cannot be reached right now.',
      },
      empty: { de: 'Keine Termine in diesem Zeitraum', 'de-x-ls': 'In dieser Zeit gibt es keine Termine', en: 'No events in this period' },
      stale: {
        de: 'Sie sind offline. Angezeigt wird der Stand vom',
        'de-x-ls': 'Sie haben kein Internet. Sie sehen die Daten vom',
        en: 'You are offline. Showing the data as of',
      },
    };
    let online = true;
    before(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
    after(() => delete (navigator as { onLine?: boolean }).onLine);
    afterEach(() => (online = true));

    async function inState(state: keyof typeof texts, lang: Locale, view: CalendarView): Promise<SrEventCalendar> {
      const { hubUrl, unreachableUrl } = await testServers();
      const url = state === 'error' ? unreachableUrl : hubUrl;
      const template =
        state === 'loading'
          ? onFixture((_, signal) => pending(signal), { lang, attributes: `view=${view}` }).template
          : html`<sr-event-calendar hub-url=${url} lang=${lang} view=${view} q=${state === 'empty' ? 'xyzzy-gibt-es-nicht' : nothing}></sr-event-calendar>`;
      const root = await fixture<HTMLElement>(template);
      const calendar = (root.querySelector('sr-event-calendar') ?? root) as SrEventCalendar;
      if (state === 'stale') {
        await shown(calendar, { de: 'Heute', 'de-x-ls': 'Heute', en: 'Today' }[lang]);
        online = false;
        dispatchEvent(new Event('offline'));
      }
      await waitUntil(() => textOf(calendar).includes(texts[state][lang]), `"${texts[state][lang]}" not shown`, { timeout: 8000 });
      return calendar;
    }

    for (const state of ['loading', 'error', 'empty', 'stale'] as const) {
      for (const lang of locales) {
        for (const view of ['month', 'list'] as const) {
          it(`${state}, ${lang}, ${view}: said and accessible`, async () => {
            const calendar = await inState(state, lang, view);
            await expect(calendar).to.be.accessible();
          });
        }
      }
    }

    it('offers to retry when the Hub cannot be reached', async () => {
      const calendar = await inState('error', 'de', 'month');
      expect(hasPart(calendar, 'retry-button')).to.equal(true);
      expect(warnings.messages[0]).to.include('could not reach the Hub');
    });

    it('keeps the grid in its place while a month loads (no layout shift)', async () => {
      let answer: (value: unknown) => void = () => {};
      const events = eventPages();
      const { template } = onFixture((query, signal) => new Promise((resolve) => (answer = () => resolve(events(query, signal)))));
      const root = await fixture<HTMLElement>(template);
      const calendar = root.querySelector('sr-event-calendar')!;
      await part(calendar, 'skeleton');
      const before = calendar.getBoundingClientRect();
      answer(undefined);
      await shown(calendar);
      const after = calendar.getBoundingClientRect();
      expect(after.height).to.be.closeTo(before.height, 1);
      expect(after.width).to.equal(before.width);
    });

    it('shows placeholders, not the previous month’s events, while the next month loads', async () => {
      let calls = 0;
      const events = eventPages();
      const { template } = onFixture((query, signal) => (++calls === 1 ? events(query, signal) : pending(signal)));
      const calendar = await showCalendar(template);
      inside(calendar, '[part~="next-button"]').click();
      await part(calendar, 'skeleton');
      expect(titles(calendar)).to.deep.equal([]);
    });

    it('says so above an empty month, and still shows its days', async () => {
      const { template } = onFixture(eventPages([]));
      const calendar = await showCalendar(template);
      expect(hasPart(calendar, 'empty')).to.equal(true);
      expect(hasPart(calendar, 'grid')).to.equal(true);
    });
  });

  describe('the month', () => {
    const month = monthOfEvents();
    const firstDay = startOfMonth(today);

    it('shows an event of several days on each of them, as one bar', async () => {
      const calendar = await showCalendar(onFixture().template);
      const festival = month.find((item) => item.title === 'Weinfest am Main')!;
      const start = festival.start.slice(0, 10);
      const bars = [0, 1, 2].map((offset) => inside(calendar, `td[data-day="${addDays(start, offset)}"] .bar`));
      expect(bars.map((bar) => bar.className)).to.deep.equal([
        'event bar to-after',
        'event bar from-before to-after',
        'event bar from-before',
      ]);
    });

    it('shows all-day events on their dates in any time zone, and timed ones on their local day', async () => {
      for (const zone of ['Pacific/Auckland', 'Pacific/Honolulu']) {
        const calendar = await showCalendar(onFixture(undefined, { attributes: `time-zone=${zone} date=${today}` }).template);
        const allDay = month.find((item) => item.title === 'Aktionstag Nachbarschaft')!;
        expect(titles(calendar, `td[data-day="${allDay.start}"]`)).to.include('Aktionstag Nachbarschaft');
        // Tuesdays 19:30 in Berlin: Wednesday morning in Auckland, Tuesday morning in Honolulu.
        const rehearsal = month.find((item) => item.title === 'Chorprobe des Gesangvereins' && item.status === 'scheduled')!;
        const day = zone === 'Pacific/Auckland' ? addDays(rehearsal.start.slice(0, 10), 1) : rehearsal.start.slice(0, 10);
        expect(titles(calendar, `td[data-day="${day}"]`)).to.include('Chorprobe des Gesangvereins');
      }
    });

    it('says "+N weitere" when a day has more events than fit', async () => {
      const calendar = await showCalendar(onFixture().template);
      const busy = addDays(firstDay, 11);
      const count = month.filter((item) => item.start.slice(0, 10) <= busy && item.end.slice(0, 10) >= busy).length;
      expect(count).to.be.greaterThan(3);
      expect(titles(calendar, `td[data-day="${busy}"]`)).to.have.length(2);
      expect(inside(calendar, `td[data-day="${busy}"] [part~="more"]`).textContent).to.equal(`+${count - 2} weitere`);
    });

    it('marks a cancelled occurrence, in words too', async () => {
      const calendar = await showCalendar(onFixture().template);
      const cancelled = month.find((item) => item.status === 'cancelled')!;
      const line = inside(calendar, `td[data-day="${cancelled.start.slice(0, 10)}"] .cancelled`);
      expect(line.textContent).to.include('Abgesagt:');
      expect(getComputedStyle(line).textDecorationLine).to.equal('line-through');
    });

    it('marks today', async () => {
      const calendar = await showCalendar(onFixture().template);
      expect(inside(calendar, '[aria-current="date"]').dataset['day']).to.equal(today);
    });
  });

  describe('details', () => {
    it('open from the grid with everything about the event, and close back to the day', async () => {
      const { hubUrl } = await testServers();
      const calendar = await showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date=${busyDay}></sr-event-calendar>`);
      const [occurrence] = (await hubEvents(visibleRange('month', busyDay))).filter(
        (item) => item.recurrence && item.location && item.accessibility,
      );
      // In one of the month's own days: a day of the month before or after keeps the focus where it was.
      const line = [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('.content td:not(.outside) [part~="event"]')].find((event) =>
        event.textContent.includes(occurrence!.title),
      )!;
      line.click();
      await waitUntil(() => openDialog(calendar));
      const dialog = openDialog(calendar)!;
      const text = dialog.textContent.replace(/\s+/g, ' ');
      expect(dialog.querySelector('h2')!.textContent).to.equal(occurrence!.title);
      expect(text)
        .to.include(occurrence!.recurrence!.summary.de)
        .and.include(occurrence!.location!.name)
        .and.include(occurrence!.location!.address!)
        .and.include(occurrence!.organizer.name)
        .and.include(occurrence!.accessibility!)
        .and.include('Beispieldaten');
      const addToCalendar = dialog.querySelector<HTMLAnchorElement>('[part~="add-to-calendar"]')!;
      expect(addToCalendar.href).to.equal(`${hubUrl}/events/${occurrence!.eventId}.ics`);
      expect(addToCalendar.textContent.trim()).to.equal('Terminreihe zum Kalender hinzufügen');
      const ics = await fetch(addToCalendar.href);
      expect(ics.headers.get('content-type')).to.match(/^text\/calendar/);
      expect(await ics.text())
        .to.include('BEGIN:VCALENDAR')
        .and.include(`UID:`);
      await expect(calendar).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('[part~="dialog-close"]')!.click();
      await waitUntil(() => !openDialog(calendar));
      // Compared, not deep-compared: chai would print two whole grids when they differ.
      expect(
        calendar.shadowRoot!.activeElement === line.closest('td'),
        `focus on ${(calendar.shadowRoot!.activeElement as HTMLElement | null)?.dataset['day']}`,
      ).to.equal(true);
    });

    it('say when in words: all day, several days, the price or "frei"', async () => {
      const { template } = onFixture(undefined, { attributes: 'view=list' });
      const calendar = await showCalendar(template);
      /** The facts the dialog of an event lists, as "term: value". */
      const open = async (title: string) => {
        [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('.content [part~="event"]')]
          .find((event) => event.textContent.includes(title))!
          .click();
        await waitUntil(() => openDialog(calendar)?.textContent?.includes(title));
        const facts = [...openDialog(calendar)!.querySelectorAll('dt')].map(
          (term) => `${term.textContent}: ${term.nextElementSibling!.textContent.trim()}`,
        );
        openDialog(calendar)!.close();
        return facts;
      };
      calendar.date = monthOfEvents().find((item) => item.title === 'Aktionstag Nachbarschaft')!.start;
      await shown(calendar);
      const day = monthOfEvents().find((item) => item.title === 'Aktionstag Nachbarschaft')!.start;
      const date = new Intl.DateTimeFormat('de', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(day));
      expect(await open('Aktionstag Nachbarschaft')).to.include.members([`Wann: ${date} (ganztägig)`, 'Eintritt: frei']);
      const festival = await open('Weinfest am Main');
      expect(festival[0]).to.match(/^Wann: Freitag, \d+\. \S+ \d{4} um 17:00 – Sonntag, \d+\. \S+ \d{4} um 23:00/);
      expect(festival).to.include('Eintritt: 5 €, Kinder frei');
    });

    it('in English: the recurrence in English', async () => {
      const { hubUrl } = await testServers();
      const calendar = await showCalendar(
        html`<sr-event-calendar hub-url=${hubUrl} date=${busyDay} view="list" lang="en"></sr-event-calendar>`,
        'Today',
      );
      const [occurrence] = (await hubEvents(visibleRange('list', busyDay))).filter((item) => item.recurrence);
      [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('.content [part~="event"]')]
        .find((event) => event.textContent.includes(occurrence!.title))!
        .click();
      await waitUntil(() => openDialog(calendar));
      expect(openDialog(calendar)!.textContent)
        .to.include(occurrence!.recurrence!.summary.en)
        .and.include('Add the series to your calendar');
    });
  });

  describe('events for the page', () => {
    it('sr-event-select when the reader opens an event, and only then; preventDefault keeps the dialog closed', async () => {
      const { template } = onFixture();
      const selected: EventSelectDetail[] = [];
      const root = await fixture<HTMLElement>(template);
      root.addEventListener('sr-event-select', (event) => {
        selected.push(event.detail);
        event.preventDefault();
      });
      const calendar = root.querySelector('sr-event-calendar')!;
      await shown(calendar);
      inside(calendar, '[part~="next-button"]').click();
      inside(calendar, '[part~="previous-button"]').click();
      await shown(calendar);
      expect(selected).to.deep.equal([]);
      const line = inside(calendar, '.content [part~="event"]:not(.bar)');
      line.click();
      const first = monthOfEvents().find((item) => !item.allDay && line.textContent.includes(item.title)) as Occurrence;
      expect(selected).to.deep.equal([{ eventId: first.eventId, recurrenceId: first.recurrenceId, start: first.start }]);
      await calendar.updateComplete;
      expect(openDialog(calendar)).to.equal(null);
    });

    it('sr-view-change when the reader switches the view or the days, not when the page loads', async () => {
      const changes: ViewChangeDetail[] = [];
      const root =
        await fixture<HTMLElement>(html`<div @sr-view-change=${(event: CustomEvent<ViewChangeDetail>) => changes.push(event.detail)}>
        ${onFixture(undefined, { attributes: 'date=2027-03-10' }).template}
      </div>`);
      const calendar = root.querySelector('sr-event-calendar')!;
      await shown(calendar);
      expect(changes).to.deep.equal([]);
      viewButton(calendar, 'Woche').click();
      await calendar.updateComplete;
      inside(calendar, '[part~="next-button"]').click();
      expect(changes).to.deep.equal([
        { view: 'week', from: '2027-03-08', to: '2027-03-15' },
        { view: 'week', from: '2027-03-15', to: '2027-03-22' },
      ]);
    });
  });

  describe('views', () => {
    it('switch by the reader, reflected in the view attribute', async () => {
      const calendar = await showCalendar(onFixture(undefined, { attributes: 'date=2027-03-10' }).template);
      viewButton(calendar, 'Woche').click();
      await shown(calendar);
      expect(calendar.getAttribute('view')).to.equal('week');
      expect(viewButton(calendar, 'Woche').getAttribute('aria-pressed')).to.equal('true');
      expect(viewButton(calendar, 'Monat').getAttribute('aria-pressed')).to.equal('false');
      expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.equal('8.–14. März 2027');
    });

    it('the week shows every day, those without events saying so', async () => {
      const eventDay = monthOfEvents()[0]!.start.slice(0, 10);
      const calendar = await showCalendar(onFixture(undefined, { attributes: `view=week date=${eventDay}` }).template);
      const days = [...calendar.shadowRoot!.querySelectorAll('[part~="day"]')];
      expect(days).to.have.length(7);
      const { from } = visibleRange('week', eventDay);
      const covered = (day: string) => monthOfEvents().some((item) => item.start.slice(0, 10) <= day && item.end.slice(0, 10) >= day);
      days.forEach((day, index) => {
        expect(day.textContent.includes('Keine Termine')).to.equal(!covered(addDays(from, index)));
      });
    });

    it('the list starts today in the current month, else with the month', async () => {
      const calendar = await showCalendar(onFixture().template);
      const period = () => inside(calendar, '[part~="heading"]').textContent.trim();
      viewButton(calendar, 'Liste').click();
      await calendar.updateComplete;
      expect(period()).to.match(new RegExp(`^${Number(today.slice(8))}\\.`));
      viewButton(calendar, 'Monat').click();
      await calendar.updateComplete;
      inside(calendar, '[part~="next-button"]').click();
      await calendar.updateComplete;
      viewButton(calendar, 'Liste').click();
      await calendar.updateComplete;
      expect(period())
        .to.match(/^1\./)
        .and.include(formatMonth(addDays(startOfMonth(today), 40)));
    });

    it('the list starts at the day the reader chose in the month', async () => {
      const calendar = await showCalendar(onFixture().template);
      const chosen = addDays(startOfMonth(today), 16);
      inside(calendar, `td[data-day="${chosen}"]`).click();
      await calendar.updateComplete;
      openDialog(calendar)?.close();
      viewButton(calendar, 'Liste').click();
      await calendar.updateComplete;
      expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.match(new RegExp(`^${Number(chosen.slice(8))}\\.`));
    });

    it('the list in a narrow container, until the reader picks the month', async () => {
      const { template } = onFixture();
      const root = await fixture<HTMLElement>(html`<div style="inline-size: 320px">${template}</div>`);
      const calendar = root.querySelector('sr-event-calendar')!;
      await shown(calendar);
      // The list (its days may have no events: late in the month, the fixture's are behind it).
      expect(hasPart(calendar, 'grid')).to.equal(false);
      expect(viewButton(calendar, 'Liste').getAttribute('aria-pressed')).to.equal('true');
      expect(calendar.scrollWidth).to.be.at.most(calendar.clientWidth);
      await expect(calendar).to.be.accessible();
      viewButton(calendar, 'Monat').click();
      await shown(calendar);
      expect(hasPart(calendar, 'grid')).to.equal(true);
      expect(calendar.scrollWidth).to.be.at.most(calendar.clientWidth);
      root.style.inlineSize = '900px';
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(hasPart(calendar, 'grid')).to.equal(true);
    });

    it('the month again when the container grows', async () => {
      const root = await fixture<HTMLElement>(html`<div style="inline-size: 320px">${onFixture().template}</div>`);
      const calendar = root.querySelector('sr-event-calendar')!;
      await shown(calendar);
      expect(viewButton(calendar, 'Liste').getAttribute('aria-pressed')).to.equal('true');
      root.style.inlineSize = '900px';
      await waitUntil(() => hasPart(calendar, 'grid'));
    });

    it('asks nothing more once it left the page', async () => {
      const { client, template } = onFixture();
      const root = await fixture<HTMLElement>(html`<div>${template}</div>`);
      await shown(root.querySelector('sr-event-calendar')!);
      const calls = client.calls.length;
      root.querySelector('sr-hub')!.remove();
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(client.calls.length).to.equal(calls);
    });

    it('warns about a view or a date it does not know', async () => {
      await showCalendar(onFixture(undefined, { attributes: 'view=calendar date=2027-02-30' }).template);
      expect(warnings.messages).to.deep.equal([
        '<sr-event-calendar> date="2027-02-30" is not a day like date="2026-12-01"; showing today.',
        '<sr-event-calendar> view="calendar" is not one of month, week, list; showing the month.',
      ]);
    });
  });

  describe('seo', () => {
    type EventGraph = { '@context': string; '@graph': Record<string, unknown>[] };
    const jsonLd = (calendar: Element) => calendar.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
    let requests: ReturnType<typeof recordRequests>;
    beforeEach(() => (requests = recordRequests()));
    afterEach(() => requests.restore());
    /** The requests made to `path` of the Hub since the test began, in order. */
    const requested = (path: string) => requests.urls.filter((url) => url.pathname === path);
    /** The Hub's feed for the calendar's latest request of it, with the page's address where an event has no link. */
    const hubFeed = async (request: URL): Promise<EventGraph> => {
      const graph = (await (await fetch(request)).json()) as EventGraph;
      return { ...graph, '@graph': graph['@graph'].map((event) => ('url' in event ? event : { ...event, url: location.href })) };
    };
    /** Waits until the page's JSON-LD is the Hub's feed for the calendar's latest request of it, and returns it. */
    const describedAsTheHub = async (calendar: Element, requestsBefore: number): Promise<EventGraph> => {
      await waitUntil(() => requested('/events.jsonld').length > requestsBefore && jsonLd(calendar), 'a request for JSON-LD', {
        timeout: 8000,
      });
      const expected = await hubFeed(requested('/events.jsonld').at(-1)!);
      const written = () => JSON.stringify(JSON.parse(jsonLd(calendar)?.textContent || 'null'));
      await waitUntil(() => written() === JSON.stringify(expected), 'the JSON-LD of the Hub’s feed', { timeout: 8000 });
      return expected;
    };

    it('writes the Hub’s schema.org feed of the shown events into the page, replaced on navigation, removed with the element', async () => {
      const { hubUrl } = await testServers();
      const before = requested('/events.jsonld').length;
      const root = await fixture<HTMLElement>(
        html`<div><sr-event-calendar hub-url=${hubUrl} date=${busyDay} seo></sr-event-calendar></div>`,
      );
      const calendar = root.querySelector('sr-event-calendar')!;
      await shown(calendar);
      const graph = await describedAsTheHub(calendar, before);
      // The same query as the events shown: their days and filters.
      const feedQuery = requested('/events.jsonld').at(-1)!.searchParams;
      const listQuery = requested('/events').at(-1)!.searchParams;
      for (const name of ['from', 'to']) expect(feedQuery.get(name)).to.equal(listQuery.get(name));
      const shownEvents = await hubEvents(visibleRange('month', busyDay));
      expect(graph['@graph'].map((event) => event['name'])).to.deep.equal(shownEvents.map((item) => item.title));
      for (const [index, item] of shownEvents.entries()) expect(graph['@graph'][index]!['url']).to.equal(item.link ?? location.href);

      const asked = requested('/events.jsonld').length;
      inside(calendar, '[part~="next-button"]').click();
      await describedAsTheHub(calendar, asked);
      expect(requested('/events.jsonld').at(-1)!.searchParams.get('from')).to.not.equal(feedQuery.get('from'));
      expect(calendar.querySelectorAll('script').length).to.equal(1);

      calendar.remove();
      expect(jsonLd(calendar)).to.equal(null);
      await expect(root).to.be.accessible();
    });

    it('writes nothing without the attribute, and stops when it is removed', async () => {
      const { hubUrl } = await testServers();
      const before = requested('/events.jsonld').length;
      const calendar = await showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date=${busyDay} seo></sr-event-calendar>`);
      await describedAsTheHub(calendar, before);
      calendar.removeAttribute('seo');
      await calendar.updateComplete;
      expect(jsonLd(calendar)).to.equal(null);

      const asked = requested('/events.jsonld').length;
      const plain = await showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date=${busyDay}></sr-event-calendar>`);
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(jsonLd(plain)).to.equal(null);
      expect(requested('/events.jsonld').length).to.equal(asked);
    });

    it('escapes < so no text ends the script, and keeps an event’s own link', async () => {
      const { writeEventJsonLd } = await import('./json-ld.js');
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const event = { '@type': 'Event', name: 'Kasperl </script><img src=x onerror=alert(1)>', startDate: '2026-12-05' } as const;
      const linked = { ...event, url: 'https://verein.example/kasperl' };
      writeEventJsonLd(host, { '@context': 'https://schema.org', '@graph': [{ ...event, name: 'vorher' }] }, 'https://seite.example/');
      const script = writeEventJsonLd(host, { '@context': 'https://schema.org', '@graph': [event, linked] }, 'https://seite.example/');
      expect(host.querySelectorAll('script').length).to.equal(1);
      expect(host.querySelector('img')).to.equal(null);
      expect(script.textContent).to.not.include('<');
      expect(JSON.parse(script.textContent)).to.deep.equal({
        '@context': 'https://schema.org',
        '@graph': [{ ...event, url: 'https://seite.example/' }, linked],
      });
    });
  });
});

function formatMonth(day: string): string {
  return new Intl.DateTimeFormat('de', { month: 'long', timeZone: 'UTC' }).format(new Date(day));
}

describe('<sr-event-calendar> on paper', () => {
  it('links an event’s details to the printable notice of that date on the Hub, by keyboard', async () => {
    const { hubUrl } = await testServers();
    const calendar = await showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date=${busyDay} view="list"></sr-event-calendar>`);
    // A later date of a series: the notice is of the date the reader looks at.
    const occurrence = (await hubEvents(visibleRange('list', busyDay))).find((item) => item.recurrence && !item.allDay)!;
    const event = [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('.content [part~="event"]')].find((item) =>
      item.textContent.includes(occurrence.title),
    )!;
    event.focus();
    event.click();
    await waitUntil(() => openDialog(calendar));
    const berlinDay = formats('de').day(new Date(occurrence.start));
    await expectPrintLink(
      calendar,
      openDialog(calendar)!.querySelector('[part~="print"]'),
      `${hubUrl}/print/events/${occurrence.eventId}?date=${berlinDay}`,
    );
    await expect(calendar).to.be.accessible();
  });
});

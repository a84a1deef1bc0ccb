import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { busyDay, eventRequests, hubEvents, inside, recordRequests, showCalendar, shown, titles } from '../../test/calendar.js';
import { textOf } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import { visibleRange } from './dates.js';
import './define.js';
import type { SrEventCalendar } from './event-calendar.js';

/** An organization with events in the list's days, the one of the first. */
async function organizer(): Promise<{ id: string }> {
  const [first] = await hubEvents(range);
  return { id: first!.organizer.organizationId };
}

/** Picks `value` in the filter list `name`, as a reader does. */
async function choose(calendar: SrEventCalendar, name: string, value: string) {
  const select = inside<HTMLSelectElement>(calendar, `select[name="${name}"]`);
  await waitUntil(() => [...select.options].some((option) => option.value === value), `no "${value}" in ${name}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

const range = visibleRange('list', busyDay);

/** The list shows the Hub's events: each on every day of it in view (a weekend festival twice), in the Hub's order. */
function expectSameEvents(calendar: SrEventCalendar, expected: Array<{ title: string }>): void {
  const unique = (names: string[]) => [...new Set(names)];
  expect(unique(titles(calendar))).to.deep.equal(unique(expected.map((item) => item.title)));
}

describe('<sr-event-calendar> filters', () => {
  let requests: ReturnType<typeof recordRequests>;
  beforeEach(() => (requests = recordRequests()));
  afterEach(() => requests.restore());

  async function list(attributes: { organization?: string; municipality?: string; category?: string; q?: string } = {}) {
    const { hubUrl } = await testServers();
    const calendar = await showCalendar(html`<sr-event-calendar
      hub-url=${hubUrl}
      view="list"
      date=${busyDay}
      organization=${attributes.organization ?? ''}
      municipality=${attributes.municipality ?? ''}
      category=${attributes.category ?? ''}
      q=${attributes.q ?? ''}
    ></sr-event-calendar>`);
    return calendar;
  }

  it('a category asks the Hub again and shows what it answers', async () => {
    const calendar = await list();
    const all = titles(calendar);
    await choose(calendar, 'category', 'sports');
    await waitUntil(() => eventRequests(requests.urls).some((url) => url.searchParams.getAll('category').includes('sports')));
    const expected = await hubEvents({ ...range, category: 'sports' });
    expect(expected.length).to.be.greaterThan(0).and.lessThan(all.length);
    await waitUntil(() => titles(calendar).length === expected.length);
    expectSameEvents(calendar, expected);
    expect(inside(calendar, 'summary').textContent).to.equal('Filter (1)');
  });

  it('a municipality and an organization combine', async () => {
    const calendar = await list();
    const organization = await organizer();
    await choose(calendar, 'organization', organization.id);
    await shown(calendar);
    const ofOrganization = await hubEvents({ ...range, organization: organization.id });
    await waitUntil(() => titles(calendar).length === ofOrganization.length);
    const municipality = ofOrganization[0]!.location!.municipalityId!;
    await choose(calendar, 'municipality', municipality);
    const expected = await hubEvents({ ...range, organization: organization.id, municipality });
    await waitUntil(() => titles(calendar).join() === expected.map((item) => item.title).join());
    const last = eventRequests(requests.urls).at(-1)!;
    expect(last.searchParams.getAll('organization')).to.deep.equal([organization.id]);
    expect(last.searchParams.getAll('municipality')).to.deep.equal([municipality]);
  });

  it('typing searches after a pause, with one request for the words', async () => {
    const calendar = await list();
    const before = eventRequests(requests.urls).length;
    inside(calendar, 'input[type="search"]').focus();
    await sendKeys({ type: 'Chorprobe' });
    await waitUntil(() => eventRequests(requests.urls).length > before, 'no search request', { timeout: 3000 });
    const searches = eventRequests(requests.urls).slice(before);
    expect(searches.map((url) => url.searchParams.get('q'))).to.deep.equal(['Chorprobe']);
    await waitUntil(() => titles(calendar).length > 0 && titles(calendar).every((title) => title.includes('Chorprobe')));
  });

  it('attributes fix filters: no control for them, every request and the feed links carry them', async () => {
    const organization = await organizer();
    requests.urls.length = 0; // that was the test asking, not the calendar
    const calendar = await list({ organization: organization.id });
    expect(calendar.shadowRoot!.querySelector('select[name="organization"]')).to.equal(null);
    expect(calendar.shadowRoot!.querySelector('select[name="category"]')).to.not.equal(null);
    const expected = await hubEvents({ ...range, organization: organization.id });
    expectSameEvents(calendar, expected);
    await choose(calendar, 'category', expected[0]!.categories[0]!);
    await waitUntil(() => eventRequests(requests.urls).length >= 2);
    for (const url of eventRequests(requests.urls)) expect(url.searchParams.getAll('organization')).to.deep.equal([organization.id]);
    const { hubUrl } = await testServers();
    await calendar.updateComplete;
    const query = `category=${expected[0]!.categories[0]}&organization=${organization.id}`;
    expect(inside<HTMLAnchorElement>(calendar, '[part~="subscribe-button"]').href).to.equal(
      `${hubUrl.replace('http:', 'webcal:')}/events.ics?${query}`,
    );
    expect(inside<HTMLAnchorElement>(calendar, '[part~="feed-link"]').href).to.equal(`${hubUrl}/events.ics?${query}`);
  });

  it('several values of an attribute mean any of them', async () => {
    const calendar = await list({ category: 'sports, culture' });
    const last = eventRequests(requests.urls).at(-1)!;
    expect(last.searchParams.getAll('category')).to.deep.equal(['sports', 'culture']);
    const expected = await hubEvents({ ...range, category: ['sports', 'culture'] });
    expectSameEvents(calendar, expected);
  });

  it('the feed the links name is the calendar apps’ feed of these events', async () => {
    const calendar = await list({ municipality: 'hoechberg' });
    const feed = await fetch(inside<HTMLAnchorElement>(calendar, '[part~="feed-link"]').href);
    expect(feed.headers.get('content-type')).to.match(/^text\/calendar/);
    const text = await feed.text();
    expect(text).to.include('BEGIN:VCALENDAR');
    for (const title of new Set(titles(calendar)))
      expect(text.replace(/\r\n[ \t]/g, '')).to.include(`SUMMARY:${title.replace(/([,;])/g, '\\$1')}`);
  });

  it('an unknown category: a readable message and a warning naming the parameter', async () => {
    const { hubUrl } = await testServers();
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const calendar = await fixture(html`<sr-event-calendar hub-url=${hubUrl} category="ballett"></sr-event-calendar>`);
      await waitUntil(() => textOf(calendar).includes('Die Anfrage konnte nicht bearbeitet werden.'), 'no error shown', { timeout: 5000 });
    } finally {
      console.warn = original;
    }
    expect(warnings.join()).to.include('category');
  });
});

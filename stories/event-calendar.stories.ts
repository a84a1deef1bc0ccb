import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../packages/widgets/src/event-calendar/define.js';
import { eventPages, calendarRoutes, monthOfEvents, organizations } from './support/event-fixtures.js';
import { fixtureClient, hubError, pending, type FixtureRoute } from './support/fixture-client.js';
import { inWidget } from './support/in-widget.js';

/**
 * `<sr-event-calendar>` with an in-memory Hub: the events of the current month, among them a
 * weekly rehearsal with one cancelled evening, a festival over a weekend, all-day events and a
 * day with more events than a cell shows. The feed links point at `https://hub.example.org`.
 */
const meta: Meta = {
  title: 'Widgets/sr-event-calendar',
  component: 'sr-event-calendar',
  id: 'sr-event-calendar',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

interface Setup {
  events?: FixtureRoute;
  view?: string;
  lang?: string;
  theme?: string;
  organization?: string;
  /** The width the page gives the calendar. */
  width?: string;
}

function calendar({ events, view, lang, theme, organization, width }: Setup, globals: Record<string, string>) {
  return html`<div style=${styleMap({ maxInlineSize: width ?? 'none' })}>
    <sr-hub .client=${fixtureClient(calendarRoutes(events))} hub-url="https://hub.example.org" lang=${lang ?? nothing}>
      <sr-event-calendar view=${view ?? nothing} theme=${theme ?? globals['theme']} organization=${organization ?? nothing}></sr-event-calendar>
    </sr-hub>
  </div>`;
}

const story = (setup: Setup, name?: string): Story => ({ ...(name ? { name } : {}), render: (_, { globals }) => calendar(setup, globals) });

const inCalendar = (canvasElement: HTMLElement, selector: string) => inWidget(canvasElement, 'sr-event-calendar', selector);

const click =
  (selector: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) =>
    (await inCalendar(canvasElement, selector)).click();

/** Answers once, then fails: back at the month shown first, it stays with a notice. */
function answersOnce(): FixtureRoute {
  const events = eventPages();
  let answered = false;
  return (query, signal) => {
    if (answered) throw hubError(0);
    answered = true;
    return events(query, signal);
  };
}

export const Monat: Story = story({});
export const Woche: Story = story({ view: 'week' });
export const Liste: Story = story({ view: 'list' });
export const Details: Story = { ...story({}, 'Details eines Termins'), play: click('.content [part~="event"]:not(.bar)') };
export const Tag: Story = { ...story({}, 'Termine eines Tages'), play: click('.content [part~="more"]') };
export const Englisch: Story = story({ lang: 'en' }, 'English');
export const LeichteSprache: Story = story({ lang: 'de-x-ls' }, 'Leichte Sprache');
export const Dunkel: Story = story({ theme: 'dark' });
export const Schmal: Story = story({ width: '320px' }, 'Schmal (320 px): Liste');
export const SchmalMonat: Story = { ...story({ width: '320px' }, 'Schmal (320 px): Monat gewählt'), play: click('[part~="view-button"]') };
export const Verein: Story = story({ organization: organizations[0]!.id }, 'Nur ein Verein (organization)');
export const Laden: Story = story({ events: (_, signal) => pending(signal) });
export const Fehler: Story = story({
  events: () => {
    throw hubError(500);
  },
});
export const Veraltet: Story = {
  name: 'Veraltet (Aktualisierung fehlgeschlagen)',
  render: (_, { globals }) => calendar({ events: answersOnce() }, globals),
  play: async ({ canvasElement }) => {
    await inCalendar(canvasElement, 'td[tabindex]');
    (await inCalendar(canvasElement, '[part~="next-button"]')).click();
    await inCalendar(canvasElement, '[part~="error"]');
    (await inCalendar(canvasElement, '[part~="previous-button"]')).click();
  },
};
export const Leer: Story = story({ events: eventPages([]), view: 'list' });
export const LeererMonat: Story = story({ events: eventPages([]) }, 'Leer (Monat)');
export const Abgesagt: Story = story(
  { events: eventPages(monthOfEvents().filter((item) => item.status === 'cancelled')), view: 'list' },
  'Abgesagter Termin',
);

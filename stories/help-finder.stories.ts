import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../packages/widgets/src/help-finder/define.js';
import { fixtureClient, hubError, pending, type FixtureRoute } from './support/fixture-client.js';
import { helpOfferPages, helpRoutes } from './support/help-fixtures.js';
import { inWidget } from './support/in-widget.js';

/**
 * `<sr-help-finder>` with an in-memory Hub: four offers (one a 24/7 crisis service), topics,
 * and the real emergency numbers.
 */
const meta: Meta = {
  title: 'Widgets/sr-help-finder',
  component: 'sr-help-finder',
  id: 'sr-help-finder',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

interface Setup {
  offers?: FixtureRoute;
  lang?: string;
  theme?: string;
  q?: string;
  mode?: string;
  crisisPosition?: string;
  width?: string;
}

function finder({ offers, lang, theme, q, mode, crisisPosition, width }: Setup, globals: Record<string, string>) {
  return html`<div style=${styleMap({ maxInlineSize: width ?? 'none' })}>
    <sr-hub .client=${fixtureClient(helpRoutes(offers))} hub-url="https://hub.example.org" lang=${lang ?? nothing}>
      <sr-help-finder theme=${theme ?? globals['theme']} q=${q ?? nothing} mode=${mode ?? nothing} crisis-position=${crisisPosition ?? nothing}></sr-help-finder>
    </sr-hub>
  </div>`;
}

const story = (setup: Setup, name?: string): Story => ({ ...(name ? { name } : {}), render: (_, { globals }) => finder(setup, globals) });

const inFinder = (canvasElement: HTMLElement, selector: string) => inWidget(canvasElement, 'sr-help-finder', selector);

export const Suche: Story = story({});
export const Krise: Story = story({ q: 'Ich will nicht mehr leben' }, 'Krise erkannt: Notrufnummern zuerst');
export const Thema: Story = {
  ...story({}, 'Thema gewählt'),
  play: async ({ canvasElement }) => (await inFinder(canvasElement, '[part~="chip"]')).click(),
};
export const Details: Story = {
  ...story({}, 'Details eines Angebots'),
  play: async ({ canvasElement }) => (await inFinder(canvasElement, '[part~="details-button"]')).click(),
};
export const Filter: Story = {
  ...story({}, 'Filter geöffnet'),
  play: async ({ canvasElement }) => ((await inFinder(canvasElement, '[part~="filters"]')) as HTMLDetailsElement).setAttribute('open', ''),
};
export const Wegweiser: Story = story({ mode: 'guided' }, 'Wegweiser (mode="guided")');
export const NotrufUnten: Story = story({ crisisPosition: 'bottom' }, 'Notrufnummern unten (crisis-position="bottom")');
export const Englisch: Story = story({ lang: 'en' }, 'English');
export const LeichteSprache: Story = story({ lang: 'de-x-ls' }, 'Leichte Sprache');
export const Dunkel: Story = story({ theme: 'dark' });
export const Schmal: Story = story({ width: '320px' }, 'Schmal (320 px)');
export const Laden: Story = story({ offers: (_, signal) => pending(signal) });
export const Fehler: Story = story(
  {
    offers: () => {
      throw hubError(0);
    },
  },
  'Fehler (Hub nicht erreichbar)',
);
export const Leer: Story = story({ offers: helpOfferPages([]) }, 'Nichts gefunden');

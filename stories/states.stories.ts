import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { SrDemoMunicipalities } from './support/demo-municipalities.js';
import { fixtureClient, hubError, municipalityPages, pending, type FixtureRoute } from './support/fixture-client.js';

/**
 * Every widget shows "not the content yet" the same way: a skeleton while loading, an error
 * with retry, an empty state, and the last data with a notice when offline or a refresh failed.
 * The demo widget shows them here, fed by an in-memory client.
 */
const meta: Meta = {
  title: 'Plattform/Zustände',
  id: 'plattform-zustaende',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

const failWith =
  (status: number, retryAfter?: number): FixtureRoute =>
  () => {
    throw hubError(status, retryAfter);
  };

/** Answers once, then fails: a refresh (see `play`) leaves the last data with a notice. */
function answersOnce(): FixtureRoute {
  let answered = false;
  return (query, signal) => {
    if (answered) throw hubError(0);
    answered = true;
    return municipalityPages()(query, signal);
  };
}

const routes = {
  loading: (_, signal) => pending(signal),
  offline: failWith(0),
  serverError: failWith(500),
  busy: failWith(503, 30),
  empty: municipalityPages([]),
  stale: answersOnce,
  complete: municipalityPages(),
} satisfies Record<string, FixtureRoute | (() => FixtureRoute)>;

type StateName = keyof typeof routes;

function demo(state: StateName, theme: string, limit = 3): TemplateResult {
  const route = state === 'stale' ? answersOnce() : routes[state];
  return html`<sr-hub .client=${fixtureClient({ '/municipalities': route })}>
    <sr-demo-municipalities limit=${limit} theme=${theme} data-state=${state}></sr-demo-municipalities>
  </sr-hub>`;
}

/** Loads the stale demo again once it shows data; the refresh fails and the notice appears. */
async function refreshStale(canvas: HTMLElement) {
  for (const widget of canvas.querySelectorAll<SrDemoMunicipalities>('sr-demo-municipalities[data-state="stale"]')) {
    await widget.municipalities.complete;
    await widget.refresh();
  }
}

const single = (state: StateName): Story => ({
  render: (_, { globals }) => demo(state, globals['theme'] as string),
});

export const Laden: Story = single('loading');
export const Offline: Story = { ...single('offline'), name: 'Fehler: nicht erreichbar' };
export const Serverfehler: Story = { ...single('serverError'), name: 'Fehler: Server' };
export const Ausgelastet: Story = { ...single('busy'), name: 'Fehler: ausgelastet' };
export const Leer: Story = single('empty');
export const Veraltet: Story = {
  ...single('stale'),
  name: 'Veraltet (Aktualisierung fehlgeschlagen)',
  play: ({ canvasElement }) => refreshStale(canvasElement),
};
export const Geladen: Story = single('complete');

const showcase: [StateName, string][] = [
  ['loading', 'Lädt'],
  ['complete', 'Geladen'],
  ['empty', 'Leer'],
  ['offline', 'Nicht erreichbar'],
  ['serverError', 'Serverfehler'],
  ['busy', 'Ausgelastet'],
  ['stale', 'Veraltet'],
];

/** Every state side by side, as a webmaster would compare them. */
export const Uebersicht: Story = {
  name: 'Übersicht aller Zustände',
  render: (
    _,
    { globals },
  ) => html`<div style=${styleMap({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(19rem, 1fr))', gap: '1.5rem', alignItems: 'start' })}>
    ${showcase.map(
      ([state, caption]) => html`<figure style=${styleMap({ margin: '0' })}>
        <figcaption style=${styleMap({ marginBlockEnd: '0.5rem', font: '600 0.8125rem/1.4 system-ui, sans-serif', letterSpacing: '0.02em', textTransform: 'uppercase', color: globals['theme'] === 'dark' ? '#aab4be' : '#4d5863' })}>
          ${caption}
        </figcaption>
        ${demo(state, globals['theme'] as string)}
      </figure>`,
    )}
  </div>`,
  play: ({ canvasElement }) => refreshStale(canvasElement),
};

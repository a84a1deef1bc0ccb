import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/widgets/src/volunteer-board/define.js';
import { fixtureClient, hubError, pending, type FixtureRoute } from './support/fixture-client.js';
import { sampleNeeds, volunteerRoutes } from './support/volunteer-fixtures.js';
import { inWidget } from './support/in-widget.js';

/** `<sr-volunteer-board>` with an in-memory Hub: three needs of example clubs, one urgent, one filled. */
const meta: Meta = {
  title: 'Widgets/sr-volunteer-board',
  component: 'sr-volunteer-board',
  id: 'sr-volunteer-board',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

interface Setup {
  needs?: FixtureRoute;
  lang?: string;
  theme?: string;
  sending?: 'fails';
}

function board({ needs, lang, theme, sending }: Setup, globals: Record<string, string>) {
  const routes = volunteerRoutes(needs);
  if (sending === 'fails') {
    routes['POST /volunteer-needs/{volunteerNeedId}/responses'] = () => {
      throw hubError(0);
    };
  }
  return html`<sr-hub .client=${fixtureClient(routes)} hub-url="https://hub.example.org" lang=${lang ?? nothing}>
    <sr-volunteer-board theme=${theme ?? globals['theme']}></sr-volunteer-board>
  </sr-hub>`;
}

const story = (setup: Setup, name?: string): Story => ({ ...(name ? { name } : {}), render: (_, { globals }) => board(setup, globals) });

const inBoard = (canvasElement: HTMLElement, selector: string) => inWidget(canvasElement, 'sr-volunteer-board', selector);

const openForm = async ({ canvasElement }: { canvasElement: HTMLElement }) =>
  (await inBoard(canvasElement, '[part~="help-button"]')).click();

async function fillAndSend({ canvasElement }: { canvasElement: HTMLElement }) {
  await openForm({ canvasElement });
  const type = async (selector: string, value: string) => {
    const input = (await inBoard(canvasElement, selector)) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  await type('#name', 'Alex Beispiel');
  await type('#email', 'alex@example.org');
  (await inBoard(canvasElement, '#consent')).click();
  (await inBoard(canvasElement, '[part~="submit-button"]')).click();
}

export const Liste: Story = story({}, 'Einsätze');
export const Formular: Story = { ...story({}, 'Formular „Ich helfe mit“'), play: openForm };
export const FormularFehler: Story = {
  ...story({}, 'Formular mit Fehlern'),
  play: async (context) => {
    await openForm(context);
    (await inBoard(context.canvasElement, '[part~="submit-button"]')).click();
  },
};
export const Gesendet: Story = { ...story({}, 'Gesendet: Bestätigung'), play: fillAndSend };
export const SendenFehlgeschlagen: Story = { ...story({ sending: 'fails' }, 'Senden fehlgeschlagen (Angaben bleiben)'), play: fillAndSend };
export const Englisch: Story = story({ lang: 'en' }, 'English');
export const LeichteSprache: Story = story({ lang: 'de-x-ls' }, 'Leichte Sprache');
export const Dunkel: Story = story({ theme: 'dark' });
export const Laden: Story = story({ needs: (_, signal) => pending(signal) });
export const Fehler: Story = story(
  {
    needs: () => {
      throw hubError(0);
    },
  },
  'Fehler (Hub nicht erreichbar)',
);
export const Leer: Story = story({ needs: () => ({ items: [], nextCursor: null }) }, 'Keine Einsätze');
export const NurDringende: Story = story(
  { needs: () => ({ items: sampleNeeds.filter((need) => need.urgent), nextCursor: null }) },
  'Nur dringende',
);

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/widgets/src/poll/define.js';
import { fixtureClient, hubError, pending, type FixtureRoute } from './support/fixture-client.js';
import { hiddenResults, pollRoutes, samplePoll, visibleResults } from './support/poll-fixtures.js';
import { inWidget } from './support/in-widget.js';

/** `<sr-poll>` with an in-memory Hub: a municipality's poll in each of its states. */
const meta: Meta = {
  title: 'Widgets/sr-poll',
  component: 'sr-poll',
  id: 'sr-poll',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

interface Setup {
  poll?: FixtureRoute;
  results?: FixtureRoute;
  lang?: string;
  theme?: string;
}

const story = ({ poll, results, lang, theme }: Setup, name?: string): Story => ({
  ...(name ? { name } : {}),
  render: (
    _,
    { globals },
  ) => html`<sr-hub .client=${fixtureClient(pollRoutes(poll, results, visibleResults))} hub-url="https://hub.example.org" lang=${lang ?? nothing}>
    <sr-poll poll-id=${samplePoll.id} theme=${theme ?? globals['theme']}></sr-poll>
  </sr-hub>`,
});

const inPoll = (canvasElement: HTMLElement, selector: string) => inWidget(canvasElement, 'sr-poll', selector);

const open = { poll: () => ({ ...samplePoll, participation: 'open' }) };
const withCode = {};
const multiple = { poll: () => ({ ...samplePoll, participation: 'open', kind: 'multiple', maxChoices: 2 }) };

export const Abstimmen: Story = story(open, 'Abstimmen (offen für alle)');
export const MitCode: Story = story(withCode, 'Abstimmen mit Teilnahmecode');
export const Mehrfachauswahl: Story = story(multiple, 'Mehrfachauswahl (bis zu 2)');
export const Abgestimmt: Story = {
  ...story({ poll: () => ({ ...samplePoll, id: '6c2e8d2f-9f1b-4d4c-8e3f-2b3c4d5e6f70' }) }, 'Abgestimmt, mit Ergebnis'),
  play: async ({ canvasElement }) => {
    (await inPoll(canvasElement, '[part~="option"] input')).click();
    const code = (await inPoll(canvasElement, '[part~="code"]')) as HTMLInputElement;
    code.value = 'K7QM-3HXP';
    code.dispatchEvent(new Event('input'));
    (await inPoll(canvasElement, '[part~="submit-button"]')).click();
  },
};
export const CodeVerbraucht: Story = {
  ...story(
    {
      poll: () => ({ ...samplePoll, id: '7d3f9e3a-0a2c-4e5d-9f4a-3c4d5e6f7a81' }),
    },
    'Code schon verwendet',
  ),
  render: (_, { globals }) => {
    const routes = pollRoutes(() => ({ ...samplePoll, id: '7d3f9e3a-0a2c-4e5d-9f4a-3c4d5e6f7a81' }));
    routes['POST /polls/{pollId}/votes'] = () => {
      throw Object.assign(hubError(409), { type: '/problems/code-already-used' });
    };
    return html`<sr-hub .client=${fixtureClient(routes)} hub-url="https://hub.example.org"><sr-poll poll-id="7d3f9e3a-0a2c-4e5d-9f4a-3c4d5e6f7a81" theme=${globals['theme']}></sr-poll></sr-hub>`;
  },
  play: Abgestimmt.play!,
};
export const Beendet: Story = story(
  { poll: () => ({ ...samplePoll, status: 'closed', closedAt: '2026-11-20T17:00:00Z' }), results: () => visibleResults },
  'Beendet: Ergebnis online und vor Ort',
);
export const Zwischenstand: Story = story({
  poll: () => ({ ...open.poll(), resultsVisibility: 'always' }),
  results: () => ({ ...visibleResults, status: 'open' }),
});
export const ErgebnisVerborgen: Story = story(
  { poll: () => ({ ...samplePoll, status: 'closed', closedAt: '2026-11-20T17:00:00Z' }), results: () => hiddenResults },
  'Ergebnis noch verborgen',
);
export const Englisch: Story = story({ ...open, lang: 'en' }, 'English');
export const LeichteSprache: Story = story({ ...open, lang: 'de-x-ls' }, 'Leichte Sprache');
export const Dunkel: Story = story({ poll: () => ({ ...samplePoll, status: 'closed' }), results: () => visibleResults, theme: 'dark' });
export const Laden: Story = story({ poll: (_, signal) => pending(signal) });
export const Fehler: Story = story(
  {
    results: () => {
      throw hubError(0);
    },
  },
  'Fehler (Hub nicht erreichbar)',
);

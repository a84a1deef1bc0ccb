import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/widgets/src/volunteer-board/define.js';
import { fixtureClient, hubError, pending, type FixtureRoute } from './support/fixture-client.js';
import { receiptFor, sampleNeeds, shiftFull, volunteerRoutes, weinfestBarFull, weinfestShifts } from './support/volunteer-fixtures.js';
import { inWidget } from './support/in-widget.js';

/**
 * `<sr-volunteer-board>` with an in-memory Hub: needs of example clubs, one urgent, one filled,
 * one with shifts (a Weinfest) and one with shifts "nach Rücksprache".
 */
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
  /** `fails`: no answer; `shift-full`: the first try finds the Weinfest's bar shift just filled up. */
  sending?: 'fails' | 'shift-full';
}

/** The Weinfest's first open bar shift and the next shifts with room after it filled up. */
const barShift = weinfestShifts.find((shift) => shift.label === 'Bar' && shift.status === 'open')!;
const afterBar = weinfestBarFull.shifts.filter((shift) => shift.status === 'open').map((shift) => shift.id);

function board({ needs, lang, theme, sending }: Setup, globals: Record<string, string>) {
  const routes = volunteerRoutes(needs);
  if (sending === 'fails') {
    routes['POST /volunteer-needs/{volunteerNeedId}/responses'] = () => {
      throw hubError(0);
    };
  }
  if (sending === 'shift-full') {
    let tries = 0;
    routes['POST /volunteer-needs/{volunteerNeedId}/responses'] = (body) => {
      if (tries++ === 0) throw shiftFull(barShift.id, afterBar);
      return receiptFor(body);
    };
    routes['/volunteer-needs/{volunteerNeedId}'] = () => weinfestBarFull;
  }
  return html`<sr-hub .client=${fixtureClient(routes)} hub-url="https://hub.example.org" lang=${lang ?? nothing}>
    <sr-volunteer-board theme=${theme ?? globals['theme']}></sr-volunteer-board>
  </sr-hub>`;
}

const story = (setup: Setup, name?: string): Story => ({ ...(name ? { name } : {}), render: (_, { globals }) => board(setup, globals) });

const inBoard = (canvasElement: HTMLElement, selector: string) => inWidget(canvasElement, 'sr-volunteer-board', selector);

const openForm = async ({ canvasElement }: { canvasElement: HTMLElement }) =>
  (await inBoard(canvasElement, '[part~="help-button"]')).click();

/** Opens "Ich helfe mit" of the sample need at `index`. */
const openNeed =
  (index: number) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) =>
    (await inBoard(canvasElement, `[part~="need"]:nth-child(${index + 1}) [part~="help-button"]`)).click();

/** Checks the boxes of these shifts. */
async function chooseShifts(canvasElement: HTMLElement, shiftIds: string[]) {
  for (const id of shiftIds) (await inBoard(canvasElement, `#shift-${id}`)).click();
}

/** The Weinfest's form with `shiftIds` chosen, filled in and sent. */
const signUp = (index: number, shiftIds: string[]) => async (context: { canvasElement: HTMLElement }) => {
  await openNeed(index)(context);
  await chooseShifts(context.canvasElement, shiftIds);
  await fill(context, true);
};

async function fillAndSend({ canvasElement }: { canvasElement: HTMLElement }) {
  await openForm({ canvasElement });
  await fill({ canvasElement }, true);
}

/** Name, e-mail and consent typed in; `send` presses "Absenden". */
async function fill({ canvasElement }: { canvasElement: HTMLElement }, send: boolean) {
  const type = async (selector: string, value: string) => {
    const input = (await inBoard(canvasElement, selector)) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  await type('#name', 'Alex Beispiel');
  await type('#email', 'alex@example.org');
  (await inBoard(canvasElement, '#consent')).click();
  if (send) (await inBoard(canvasElement, '[part~="submit-button"]')).click();
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

const weinfest = sampleNeeds.findIndex((need) => need.shifts.length && !need.approvalRequired);
const readingToChildren = sampleNeeds.findIndex((need) => need.approvalRequired);
const openShifts = (index: number) => sampleNeeds[index]!.shifts.filter((shift) => shift.status === 'open').map((shift) => shift.id);

export const Schichten: Story = { ...story({}, 'Schichten wählen'), play: openNeed(weinfest) };
export const SchichtenFehlen: Story = {
  ...story({}, 'Schichten: keine gewählt'),
  play: async (context) => {
    await openNeed(weinfest)(context);
    await fill(context, true);
  },
};
export const SchichtVoll: Story = {
  ...story({ sending: 'shift-full' }, 'Schicht gerade voll geworden (Vorschlag)'),
  play: signUp(weinfest, [barShift.id]),
};
export const NachRuecksprache: Story = { ...story({}, 'Nach Rücksprache'), play: openNeed(readingToChildren) };
export const Eingetragen: Story = {
  ...story({}, 'Eingetragen für zwei Schichten'),
  play: signUp(weinfest, openShifts(weinfest).slice(0, 2)),
};
export const WartetAufZusage: Story = {
  ...story({}, 'Wartet auf Zusage'),
  play: signUp(readingToChildren, openShifts(readingToChildren).slice(0, 1)),
};
export const SchichtenEnglisch: Story = { ...story({ lang: 'en' }, 'Shifts (English)'), play: openNeed(weinfest) };
export const SchichtenLeichteSprache: Story = { ...story({ lang: 'de-x-ls' }, 'Schichten (Leichte Sprache)'), play: openNeed(weinfest) };

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { fixtureClient, hubError, municipalityPages, pending, type FixtureRoute } from '../../../../stories/support/fixture-client.js';
import { captureWarnings, demoTag, hasPart, loaded, part, textOf } from '../../test/helpers.js';
import '../hub/define.js';
import { deepActiveElement } from './dom.js';

demoTag();

type State = 'loading' | 'error' | 'empty' | 'stale' | 'complete' | 'misconfigured';
type Lang = 'de' | 'en';

/** Each state's part, and a sentence that proves it is shown in the right language. */
const states: Record<State, { part: string; text: Record<Lang, string> }> = {
  loading: { part: 'skeleton', text: { de: 'Wird geladen …', en: 'Loading …' } },
  error: { part: 'error', text: { de: 'Beim Server ist ein Fehler aufgetreten.', en: 'An error occurred on the server.' } },
  empty: { part: 'empty', text: { de: 'Hier gibt es gerade keine Einträge.', en: 'There are no entries here at the moment.' } },
  stale: { part: 'notice', text: { de: 'Die Daten konnten nicht aktualisiert werden.', en: 'The data could not be updated.' } },
  complete: { part: 'list', text: { de: 'Höchberg', en: 'Höchberg' } },
  misconfigured: {
    part: 'error',
    text: { de: 'Dieser Inhalt ist nicht richtig eingerichtet.', en: 'This content is not set up correctly.' },
  },
};

const failing: FixtureRoute = () => {
  throw hubError(500);
};

function routeFor(state: State): FixtureRoute {
  if (state === 'loading') return (_, signal) => pending(signal);
  if (state === 'error') return failing;
  if (state === 'empty') return municipalityPages([]);
  if (state === 'stale') {
    let answered = false;
    return (query, signal) => {
      if (answered) return failing(query, signal);
      answered = true;
      return municipalityPages()(query, signal);
    };
  }
  return municipalityPages();
}

/** The demo widget inside an `<sr-hub>` with a fixture client, once it shows `state`. */
async function show(state: State, { lang = 'de', theme }: { lang?: Lang; theme?: 'light' | 'dark' } = {}) {
  const client = fixtureClient({ '/municipalities': routeFor(state) });
  const hub = await fixture(html`<sr-hub
      .client=${state === 'misconfigured' ? undefined : client}
      hub-url=${state === 'misconfigured' ? 'hub.example.org' : nothing}
      lang=${lang}
      ><sr-demo-municipalities theme=${theme ?? nothing}></sr-demo-municipalities
    ></sr-hub>`);
  const widget = hub.querySelector('sr-demo-municipalities')!;
  if (state === 'stale') {
    await loaded(widget);
    await widget.refresh();
  }
  await part(widget, states[state].part);
  // Translations load on demand: wait for them rather than for a fixed time.
  await waitUntil(() => textOf(widget).includes(states[state].text[lang]), `"${states[state].text[lang]}" not shown`);
  return { widget, client };
}

describe('widget states', () => {
  // Failed loads warn on purpose; the warnings themselves are tested in sr-element.test.ts.
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  for (const state of Object.keys(states) as State[]) {
    for (const lang of ['de', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${state}, ${lang}, ${theme}: readable and accessible`, async () => {
          const { widget } = await show(state, { lang, theme });
          await expect(widget).to.be.accessible();
        });
      }
    }
  }

  it('keeps the widget’s size from skeleton to content (no layout shift)', async () => {
    let answer: (value: unknown) => void = () => {};
    const client = fixtureClient({ '/municipalities': () => new Promise((resolve) => (answer = resolve)) });
    const hub = await fixture(html`<sr-hub .client=${client}><sr-demo-municipalities limit="5"></sr-demo-municipalities></sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await part(widget, 'skeleton');
    const skeleton = widget.getBoundingClientRect();
    answer(municipalityPages()({ limit: 5 }, undefined));
    await loaded(widget);
    const content = widget.getBoundingClientRect();
    expect(content.height).to.be.greaterThan(100);
    expect(content.height).to.be.closeTo(skeleton.height, 0.5);
    expect(content.width).to.equal(skeleton.width);
  });

  it('shows the last data with a notice when a refresh fails, and retries from there', async () => {
    const { widget, client } = await show('stale');
    expect(textOf(widget))
      .to.include('Höchberg')
      .and.match(/Angezeigt wird der Stand vom \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\./);
    const calls = client.calls.length;
    (await part(widget, 'retry-button')).click();
    await waitUntil(() => client.calls.length === calls + 1);
  });

  describe('offline', () => {
    let online = true;
    before(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
    after(() => delete (navigator as { onLine?: boolean }).onLine);
    afterEach(() => (online = true));

    function goOffline() {
      online = false;
      dispatchEvent(new Event('offline'));
    }

    it('says so above data already shown, and drops the notice back online', async () => {
      const { widget } = await show('complete');
      goOffline();
      await waitUntil(() => textOf(widget).includes('Sie sind offline. Angezeigt wird der Stand vom'));
      online = true;
      dispatchEvent(new Event('online'));
      await waitUntil(() => !hasPart(widget, 'notice'));
    });

    it('says "offline" when loading fails offline, and loads by itself once back online', async () => {
      let reachable = false;
      const client = fixtureClient({
        '/municipalities': (query, signal) => {
          if (!reachable) throw hubError(0);
          return municipalityPages()(query, signal);
        },
      });
      goOffline();
      const hub = await fixture(html`<sr-hub .client=${client}><sr-demo-municipalities></sr-demo-municipalities></sr-hub>`);
      const widget = hub.querySelector('sr-demo-municipalities')!;
      await part(widget, 'error');
      expect(textOf(widget)).to.include('Sie sind offline.');
      reachable = true;
      online = true;
      dispatchEvent(new Event('online'));
      await loaded(widget);
    });
  });

  describe('keyboard', () => {
    for (const key of ['Enter', 'Space']) {
      it(`reaches the retry button with Tab and activates it with ${key}`, async () => {
        const client = fixtureClient({ '/municipalities': failing });
        const page = await fixture(html`<div>
          <button>Vorher</button>
          <sr-hub .client=${client}><sr-demo-municipalities></sr-demo-municipalities></sr-hub>
        </div>`);
        const widget = page.querySelector('sr-demo-municipalities')!;
        const retry = await part(widget, 'retry-button');
        page.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(deepActiveElement()).to.equal(retry);
        const calls = client.calls.length;
        await sendKeys({ press: key });
        await waitUntil(() => client.calls.length === calls + 1, 'no new request');
      });
    }
  });

  describe('styling', () => {
    afterEach(() => document.head.querySelector('#page-style')?.remove());

    function pageStyle(css: string) {
      const style = Object.assign(document.createElement('style'), { id: 'page-style', textContent: css });
      document.head.append(style);
    }

    it('lets the page restyle widgets through tokens and parts', async () => {
      const { widget } = await show('error');
      const retry = await part(widget, 'retry-button');
      const before = getComputedStyle(retry);
      expect(before.color).to.equal('rgb(11, 83, 148)');
      pageStyle(`
        sr-demo-municipalities { --sr-color-primary: rgb(0, 102, 51); --sr-font-family: Georgia, serif; --sr-radius: 0px; }
        sr-demo-municipalities::part(retry-button) { text-transform: uppercase; }
      `);
      const after = getComputedStyle(retry);
      expect(after.color).to.equal('rgb(0, 102, 51)');
      expect(after.borderTopLeftRadius).to.equal('0px');
      expect(after.textTransform).to.equal('uppercase');
      expect(getComputedStyle(widget).fontFamily).to.equal('Georgia, serif');
    });

    it('uses the page’s font unless told otherwise', async () => {
      const page = await fixture(html`<div style="font-family: 'Courier New', monospace">
        <sr-hub .client=${fixtureClient({ '/municipalities': municipalityPages() })}><sr-demo-municipalities></sr-demo-municipalities></sr-hub>
      </div>`);
      const widget = page.querySelector('sr-demo-municipalities')!;
      const heading = await part(widget, 'heading');
      expect(getComputedStyle(heading).fontFamily).to.equal(`"Courier New", monospace`);
    });

    it('keeps the skeleton still for readers who reduce motion', async () => {
      const { widget } = await show('loading');
      const bar = widget.shadowRoot!.querySelector('.skeleton-text')!;
      expect(getComputedStyle(bar).animationName).to.equal('sr-pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(bar).animationName).to.equal('none');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });
});

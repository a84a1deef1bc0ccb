import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { fixtureClient, pending } from '../../../../stories/support/fixture-client.js';
import { helpOffers, helpRoutes, helpTopics, emergencyContacts } from '../../../../stories/support/help-fixtures.js';
import {
  captureWarnings,
  drawnLeftToRight,
  expectIsolated,
  hasPart,
  loaded,
  part,
  textOf,
  $,
  $$,
  itComesFromTheBuildUnderTest,
  hubJson,
  locales,
  tabTo,
} from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import '../hub/define.js';
import '../volunteer-board/define.js';
import { SrHelpFinder } from './define.js';

/** The finder on the test Hub, once it shows offers (or, with `until`, that text). */
async function showFinder(attributes: Record<string, string> = {}, until?: string): Promise<SrHelpFinder> {
  const { hubUrl } = await testServers();
  const finder = document.createElement('sr-help-finder');
  finder.setAttribute('hub-url', hubUrl);
  for (const [name, value] of Object.entries(attributes)) finder.setAttribute(name, value);
  await fixture(html`<div>${finder}</div>`);
  if (until)
    await waitUntil(() => textOf(finder).includes(until), `"${until}" not shown: ${textOf(finder).slice(0, 300)}`, { timeout: 8000 });
  else await loaded(finder);
  return finder;
}

const offerNames = (finder: Element) => $$(finder, '[part~="offer-name"]').map((name) => name.textContent.trim());

/** The `/help-offers` requests the page made, newest last. */
function offerRequests(): URL[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname === '/help-offers');
}

/** What the Hub answers for this search, to compare the widget with. */
const hubSearch = (query: string) =>
  hubJson<{ items: { name: string; crisis: boolean }[]; total: number; crisisDetected: boolean }>(`/help-offers?${query}`);

/** Types `words` into the search field letter by letter, as fast as a keyboard repeats. */
async function typeSearch(finder: SrHelpFinder, words: string): Promise<void> {
  const field = $<HTMLInputElement>(finder, '#q');
  field.focus();
  field.value = '';
  for (const letter of words) {
    field.value += letter;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: letter }));
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Whether the emergency numbers stand before the search. */
const crisisFirst = (finder: Element) =>
  Boolean(
    $(finder, '[part~="crisis"]').compareDocumentPosition($(finder, '[part~="count"], [part~="guided"]')) &
    Node.DOCUMENT_POSITION_FOLLOWING,
  );

describe('<sr-help-finder>', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    warnings = captureWarnings();
    performance.clearResourceTimings();
  });
  afterEach(() => warnings.restore());

  itComesFromTheBuildUnderTest('sr-help-finder', SrHelpFinder);

  for (const lang of locales) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}: the Hub's offers with their count, the emergency numbers first, accessible, by keyboard`, async () => {
        const finder = await showFinder({ lang, theme });
        const expected = await hubSearch('limit=10');
        expect(offerNames(finder)).to.deep.equal(expected.items.map((offer) => offer.name));
        const count = {
          de: `${expected.total} Angebote gefunden.`,
          'de-x-ls': `Wir finden ${expected.total} Hilfe·angebote.`,
          en: `${expected.total} offers found.`,
        }[lang];
        // A translation loads as a module of its own; the finder shows it once it is there.
        await waitUntil(() => $(finder, '[part~="count"]').textContent.trim() === count, `not "${count}"`);
        expect($(finder, '[part~="count"]').getAttribute('role')).to.equal('status');
        expect(crisisFirst(finder)).to.equal(true);
        expect($$(finder, '[part~="crisis-phone"]').map((link) => link.getAttribute('href'))).to.include('tel:112');
        await expect(finder).to.be.accessible();
        // Tab reaches an offer's details, Enter opens them, Escape gives the focus back.
        const details = await tabTo(finder, '[part~="details-button"]');
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => $<HTMLDialogElement>(finder, 'dialog').open, 'details not open');
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => finder.shadowRoot!.activeElement === details, 'focus not back on the details button');
        expect(warnings.messages).to.deep.equal([]);
      });
    }
  }

  it('searches as the reader types, once they pause, and finds word stems and typos', async () => {
    const finder = await showFinder();
    const searched = oneEvent(finder, 'sr-help-search');
    await typeSearch(finder, 'Depresion');
    expect((await searched).detail).to.deep.equal({ q: 'Depresion', topic: '' });
    await waitUntil(() => offerNames(finder).some((name) => name.includes('Depression')), 'no offer on depression', { timeout: 8000 });
    const requested = offerRequests()
      .map((url) => url.searchParams.get('q'))
      .filter(Boolean);
    // Nine letters, one request: typing is not sent letter by letter.
    expect(requested).to.deep.equal(['Depresion']);
    const expected = await hubSearch('q=Depresion&limit=10');
    expect(offerNames(finder)).to.deep.equal(expected.items.map((offer) => offer.name));
  });

  it('puts the emergency numbers first when the search suggests a crisis', async () => {
    const finder = await showFinder({ 'crisis-position': 'bottom' });
    expect(crisisFirst(finder)).to.equal(false);
    await typeSearch(finder, 'ich will nicht mehr leben');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(finder, '[part~="crisis"]').classList.contains('urgent'), 'no urgent banner', { timeout: 8000 });
    expect(crisisFirst(finder)).to.equal(true);
    expect(textOf(finder)).to.include('Krisendienste und Notrufnummern stehen oben.');
    const expected = await hubSearch(`q=${encodeURIComponent('ich will nicht mehr leben')}&limit=10`);
    expect(expected.crisisDetected).to.equal(true);
    expect(expected.items[0]!.crisis).to.equal(true);
    await waitUntil(() => offerNames(finder)[0] === expected.items[0]!.name, 'crisis services not first');
    await expect(finder).to.be.accessible();
  });

  it('filters by topic chips, showing the chosen topic’s subtopics', async () => {
    const finder = await showFinder();
    // The topics load beside the first offers, so the chips may come a moment after them.
    const suchtChip = () => $$<HTMLButtonElement>(finder, '[part~="chip"]').find((button) => button.textContent.trim().startsWith('Sucht'));
    await waitUntil(suchtChip, 'no chip for the topic');
    const chip = suchtChip()!;
    chip.click();
    await waitUntil(() => offerRequests().some((url) => url.searchParams.get('topic') === 'sucht'), 'no request for the topic');
    await waitUntil(() => chip.getAttribute('aria-pressed') === 'true' && !hasPart(finder, 'skeleton'));
    const expected = await hubSearch('topic=sucht&limit=10');
    await waitUntil(() => offerNames(finder).join() === expected.items.map((offer) => offer.name).join(), 'not the topic’s offers');
    expect($$(finder, '.chip.child').length).to.be.greaterThan(1);
  });

  it('combines filters from the panel', async () => {
    const finder = await showFinder();
    $<HTMLDetailsElement>(finder, '[part~="filters"]').open = true;
    const audience = $<HTMLSelectElement>(finder, '#audience');
    audience.value = 'youth';
    audience.dispatchEvent(new Event('change'));
    const free = $$<HTMLInputElement>(finder, 'input[type="checkbox"]')[1]!;
    free.click();
    await waitUntil(() =>
      offerRequests().some((url) => url.searchParams.get('audience') === 'youth' && url.searchParams.get('anonymous') === 'true'),
    );
    const expected = await hubSearch('audience=youth&anonymous=true&limit=10');
    await waitUntil(() => offerNames(finder).join() === expected.items.map((offer) => offer.name).join(), 'not the filtered offers');
    expect(expected.total).to.be.greaterThan(0);
    expect($(finder, '[part~="filters"] summary').textContent).to.include('(2)');
  });

  it('presets filters from attributes, so a youth centre shows youth offers', async () => {
    await showFinder({ audience: 'youth', municipality: 'gerbrunn' });
    const request = offerRequests().at(-1)!;
    expect(request.searchParams.getAll('audience')).to.deep.equal(['youth']);
    expect(request.searchParams.getAll('municipality')).to.deep.equal(['gerbrunn']);
  });

  it('asks for the position only when "In meiner Nähe" is pressed, rounded, and sorts by distance', async () => {
    const finder = await showFinder();
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
    let asked = 0;
    // The device's position, as a phone would report it in Würzburg's market square.
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (success: PositionCallback) => {
          asked++;
          success({ coords: { latitude: 49.79442, longitude: 9.92951 } } as GeolocationPosition);
        },
      },
    });
    try {
      expect(asked).to.equal(0);
      (await part(finder, 'near-button')).click();
      await waitUntil(() => offerRequests().some((url) => url.searchParams.get('near') === '49.794,9.930'), 'no search near the position');
      expect(asked).to.equal(1);
      const request = offerRequests().at(-1)!;
      expect(request.searchParams.get('sort')).to.equal('distance');
      await waitUntil(() => textOf(finder).includes('km entfernt'), 'no distances shown');
      await expect(finder).to.be.accessible();
    } finally {
      Object.defineProperty(navigator, 'geolocation', original);
      delete (navigator as { geolocation?: unknown }).geolocation;
    }
  });

  it('says so and offers the municipality instead when the position is refused', async () => {
    // Headless Chromium refuses the position: no permission was granted.
    const finder = await showFinder();
    (await part(finder, 'near-button')).click();
    const problem = await part(finder, 'near-problem');
    expect(problem.textContent).to.match(/Standort/);
    await waitUntil(() => finder.shadowRoot!.activeElement?.id === 'municipality', 'focus not on the municipality');
    await expect(finder).to.be.accessible();
  });

  it('loads further offers on request', async () => {
    const finder = await showFinder();
    const first = offerNames(finder).length;
    const { total } = await hubSearch('limit=1');
    expect(total).to.be.greaterThan(first);
    (await part(finder, 'more-button')).click();
    await waitUntil(() => offerNames(finder).length > first, 'no further offers');
    expect(new Set(offerNames(finder)).size).to.equal(offerNames(finder).length);
  });

  it('shows an offer’s details in a dialog, and gives the focus back', async () => {
    const finder = await showFinder();
    const button = $$<HTMLButtonElement>(finder, '[part~="details-button"]')[0]!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(finder, 'dialog');
    await waitUntil(() => dialog.open, 'dialog not open');
    expect(dialog.textContent).to.include(offerNames(finder)[0]!);
    expect(hasPart(finder, 'facts')).to.equal(true);
    await expect(finder).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(finder.shadowRoot!.activeElement).to.equal(button);
  });

  it('contact links call, write and open the offer’s page, named with the offer', async () => {
    const finder = await showFinder({ q: 'TelefonSeelsorge' });
    const call = $<HTMLAnchorElement>(finder, '[part~="call"]');
    expect(call.href).to.match(/^tel:\+?\d+$/);
    const heading = $(finder, `#${call.getAttribute('aria-describedby')}`);
    expect(heading.textContent.trim()).to.equal(offerNames(finder)[0]);
  });

  it('writes e-mail links whose address cannot add a BCC or a subject to the draft', async () => {
    // What the Hub's e-mail check let through before it was made strict: the widget holds whatever it gets.
    const address = 'info?bcc=x@elsewhere&subject=y@example.org';
    const client = fixtureClient(
      helpRoutes(() => ({
        items: [{ ...helpOffers[3]!, email: address }],
        nextCursor: null,
        total: 1,
        crisisDetected: false,
        facets: { topics: [], audiences: [] },
      })),
    );
    const root = await fixture(
      html`<sr-hub .client=${client} hub-url="https://hub.example.org"><sr-help-finder></sr-help-finder></sr-hub>`,
    );
    const finder = root.querySelector('sr-help-finder')!;
    await loaded(finder);
    $$<HTMLButtonElement>(finder, '[part~="details-button"]')[0]!.click();
    await waitUntil(() => $<HTMLDialogElement>(finder, 'dialog').open, 'dialog not open');
    const links = $$<HTMLAnchorElement>(finder, 'a[href^="mailto:"]');
    // The card's and the dialog's "E-Mail schreiben", and the address in the dialog's facts.
    expect(links).to.have.length(3);
    for (const link of links) {
      const href = new URL(link.href);
      // One recipient, no header fields: nothing after a "?".
      expect(href.search).to.equal('');
      expect(link.getAttribute('href')).to.not.match(/[?&]/);
      expect(decodeURIComponent(href.pathname)).to.equal(address);
    }
  });

  it('writes the Hub’s e-mail addresses into their links as they are', async () => {
    const finder = await showFinder({ q: 'Beratung' });
    const links = $$<HTMLAnchorElement>(finder, 'a[href^="mailto:"]');
    expect(links.length).to.be.greaterThan(0);
    const { items } = await hubSearch('q=Beratung&limit=10');
    const addresses = (items as unknown as { email: string | null }[]).map((offer) => offer.email).filter(Boolean);
    expect(links.map((link) => decodeURIComponent(new URL(link.href).pathname))).to.deep.equal(addresses);
  });

  it('isolates every text from the Hub, so a right-to-left override in it cannot turn the words around it', async () => {
    const evil = '\u202eevil';
    const hostile = <T extends Record<string, unknown>>(value: T, fields: (keyof T)[]) => ({
      ...value,
      ...Object.fromEntries(fields.map((field) => [field, `${String(value[field])} ${evil}`])),
    });
    const offer = {
      ...hostile(helpOffers[1]!, ['name', 'description', 'eligibilityDescription', 'feesDescription', 'accessibility']),
      organization: { ...helpOffers[1]!.organization, name: `Verein ${evil}` },
      audiences: ['youth' as const],
      locations: [{ ...helpOffers[1]!.locations[0]!, name: `Haus ${evil}`, address: `Straße ${evil}` }],
      phones: [{ number: '0931 0000 101', description: `Termine ${evil}` }],
      openingHours: { ...helpOffers[1]!.openingHours, description: `Auch samstags ${evil}` },
    };
    const routes = helpRoutes(() => ({
      items: [offer],
      nextCursor: null,
      total: 1,
      crisisDetected: false,
      facets: { topics: [{ id: 'depression', count: 1 }], audiences: [] },
    }));
    routes['/help-topics'] = () => ({
      items: helpTopics.map((topic) => ({ ...topic, name: { de: `${topic.name.de} ${evil}`, en: topic.name.en } })),
      nextCursor: null,
    });
    routes['/emergency-contacts'] = () => ({
      items: emergencyContacts.map((contact) => hostile(contact, ['name', 'description', 'availability'])),
      nextCursor: null,
    });
    const root = await fixture(
      html`<sr-hub .client=${fixtureClient(routes)} hub-url="https://hub.example.org"><sr-help-finder></sr-help-finder></sr-hub>`,
    );
    const finder = root.querySelector('sr-help-finder')!;
    await loaded(finder);
    $<HTMLDetailsElement>(finder, '.more-numbers').open = true;
    $$<HTMLButtonElement>(finder, '[part~="details-button"]')[0]!.click();
    await waitUntil(() => $<HTMLDialogElement>(finder, 'dialog').open, 'dialog not open');
    expect(expectIsolated(finder, evil)).to.be.greaterThan(20);
    // The crisis list writes the Hub's name, description and hours on one line: the override
    // in the name ends with the name, and the description after it reads left to right.
    const description = [...$(finder, '.more-numbers li bdi').childNodes].find(
      (node): node is Text => node instanceof Text && node.data.includes('Feuerwehr'),
    )!;
    expect(drawnLeftToRight(description, 'Feuerwehr')).to.equal(true);
    await expect(finder).to.be.accessible();
  });

  describe('quick exit', () => {
    /** The quick exits the finder asked for; each is cancelled, so the test page stays. */
    function exitsOf(finder: SrHelpFinder): Event[] {
      const exits: Event[] = [];
      finder.addEventListener('sr-quick-exit', (event) => {
        exits.push(event);
        event.preventDefault();
      });
      return exits;
    }

    /** Presses Escape and waits until the finder has weighed it (after the dispatch). */
    async function escape(): Promise<void> {
      await sendKeys({ press: 'Escape' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    it('leaves through the button, or Escape twice while the focus is in the finder', async () => {
      const finder = await showFinder();
      const exits = exitsOf(finder);
      (await part(finder, 'quick-exit')).click();
      expect(exits).to.have.length(1);
      $<HTMLInputElement>(finder, '#q').focus();
      await escape();
      expect(exits).to.have.length(1);
      await escape();
      expect(exits).to.have.length(2);
    });

    it('never leaves on Escape pressed elsewhere: a volunteer board’s dialog closed with Escape, twice, on the same page', async () => {
      const { hubUrl } = await testServers();
      const root = await fixture(
        html`<div><sr-help-finder hub-url=${hubUrl}></sr-help-finder><sr-volunteer-board hub-url=${hubUrl}></sr-volunteer-board></div>`,
      );
      const finder = root.querySelector('sr-help-finder')!;
      const board = root.querySelector('sr-volunteer-board')!;
      await loaded(finder);
      await loaded(board);
      const exits = exitsOf(finder);
      const dialog = $<HTMLDialogElement>(board, 'dialog');
      for (const round of [1, 2]) {
        $$(board, '[part~="help-button"]')[round]!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => dialog.open, 'the board’s form did not open');
        await escape();
        expect(dialog.open).to.equal(false);
        // The focus is back on "Ich helfe mit": a second Escape there is the board's too.
        await escape();
      }
      (document.activeElement as HTMLElement).blur();
      await escape();
      await escape();
      expect(exits).to.have.length(0);
    });

    it('does not count an Escape that closed its dialog, emptied the search field or that the page took', async () => {
      const finder = await showFinder();
      const exits = exitsOf(finder);
      $$<HTMLButtonElement>(finder, '[part~="details-button"]')[0]!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $<HTMLDialogElement>(finder, 'dialog');
      await waitUntil(() => dialog.open, 'dialog not open');
      await escape();
      expect(dialog.open).to.equal(false);
      await escape();
      expect(exits, 'the Escape that closed the dialog counted').to.have.length(0);
      await escape();
      expect(exits).to.have.length(1);

      const search = $<HTMLInputElement>(finder, '#q');
      search.focus();
      await sendKeys({ type: 'Schulden' });
      await escape();
      expect(search.value).to.equal('');
      await escape();
      expect(exits, 'the Escape that emptied the search field counted').to.have.length(1);
      await escape();
      expect(exits).to.have.length(2);

      // A page's own menu, say, that closes on Escape and says so.
      const takeEscape = (event: KeyboardEvent) => event.key === 'Escape' && event.preventDefault();
      document.addEventListener('keydown', takeEscape);
      try {
        (await part(finder, 'quick-exit')).focus();
        await escape();
        await escape();
        expect(exits, 'an Escape the page took counted').to.have.length(2);
      } finally {
        document.removeEventListener('keydown', takeEscape);
      }
    });

    for (const [width, height, name] of [
      [320, 640, '320 px'],
      [640, 400, '200 % zoom of 1280 × 800'],
    ] as const) {
      it(`${name}: the button stays on screen while the finder is, and keeps focused elements clear`, async () => {
        await setViewport({ width, height });
        try {
          const { hubUrl } = await testServers();
          const root = await fixture(html`<div>
            <p style="block-size: 300px">Vor dem Suchdienst</p>
            <sr-help-finder hub-url=${hubUrl}></sr-help-finder>
            <p style="block-size: 1500px">Nach dem Suchdienst</p>
          </div>`);
          const finder = root.querySelector('sr-help-finder')!;
          await loaded(finder);
          (await part(finder, 'more-button')).click();
          await waitUntil(() => offerNames(finder).length > 10, 'no further offers');
          const button = await part(finder, 'quick-exit');
          const box = () => button.getBoundingClientRect();
          // Not stuck yet: the button has its own row, above the emergency numbers.
          expect(box().bottom).to.be.at.most($(finder, '[part~="crisis"]').getBoundingClientRect().top);

          // Deep in the results: the button is at the top of the screen, whole.
          window.scrollTo(0, finder.getBoundingClientRect().top + window.scrollY + finder.offsetHeight / 2);
          await new Promise(requestAnimationFrame);
          expect(box().top).to.be.within(0, 16);
          expect(box().right).to.be.at.most(document.documentElement.clientWidth);
          expect(box().height).to.be.below(height / 5);
          expect(document.elementFromPoint(box().left + box().width / 2, box().top + box().height / 2)).to.equal(finder);
          expect(finder.shadowRoot!.elementFromPoint(box().left + box().width / 2, box().top + box().height / 2)).to.equal(button);

          // An element the keyboard reaches above the screen scrolls into view below the button.
          const links = $$(finder, '[part~="details-button"]');
          const above = links.filter((link) => link.getBoundingClientRect().bottom < 0).at(-1)!;
          above.focus();
          await new Promise(requestAnimationFrame);
          expect(above.getBoundingClientRect().top).to.be.at.least(box().bottom);

          // Past the finder, the button leaves with it.
          window.scrollTo(0, finder.getBoundingClientRect().bottom + window.scrollY + 10);
          await new Promise(requestAnimationFrame);
          expect(box().bottom).to.be.at.most(0);
        } finally {
          window.scrollTo(0, 0);
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    it('goes to the start page of the site it is on, asking no third party, or to exit-url', async () => {
      const { hubUrl } = await testServers();
      const cases = [
        { exitUrl: '', expected: `${location.origin}/` },
        { exitUrl: `${location.origin}/wetter?heute`, expected: `${location.origin}/wetter?heute` },
      ];
      for (const { exitUrl, expected } of cases) {
        const page = `/packages/widgets/src/help-finder/quick-exit.test.html?${new URLSearchParams({ 'hub-url': hubUrl, 'exit-url': exitUrl })}`;
        const frame = await fixture<HTMLIFrameElement>(html`<iframe title="Seite mit Hilfefinder" src=${page}></iframe>`);
        let button: HTMLElement | null | undefined;
        await waitUntil(
          () =>
            (button = frame.contentDocument
              ?.querySelector('sr-help-finder')
              ?.shadowRoot?.querySelector<HTMLElement>('[part~="quick-exit"]')),
          'no quick exit in the page',
        );
        const requests = () => frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).origin);
        button!.click();
        await waitUntil(
          () => frame.contentWindow?.location.href === expected,
          `the quick exit went to ${frame.contentWindow?.location.href}`,
        );
        expect(requests().every((origin) => origin === location.origin || origin === new URL(hubUrl).origin)).to.equal(true);
      }
    });
  });

  it('keeps the emergency numbers on screen when the Hub cannot be reached', async () => {
    const { unreachableUrl } = await testServers();
    const finder = document.createElement('sr-help-finder');
    finder.setAttribute('hub-url', unreachableUrl);
    await fixture(html`<div>${finder}</div>`);
    await part(finder, 'error');
    expect($$(finder, '[part~="crisis-phone"]').map((link) => link.getAttribute('href'))).to.deep.equal([
      'tel:112',
      'tel:08001110111',
      'tel:08006553000',
    ]);
    expect(textOf(finder)).to.include('Erneut versuchen');
    await expect(finder).to.be.accessible();
  });

  describe('states', () => {
    const texts = {
      loading: { de: 'Wird geladen …', 'de-x-ls': 'Bitte warten …', en: 'Loading …' },
      empty: { de: 'Keine Angebote gefunden.', 'de-x-ls': 'Wir finden keine Hilfe·angebote.', en: 'No offers found.' },
      error: {
        de: 'Die Daten sind gerade nicht erreichbar.',
        'de-x-ls': 'Die Daten kommen gerade nicht an.',
        en: 'The data cannot be reached right now.',
      },
    };
    for (const state of ['loading', 'empty', 'error'] as const) {
      for (const lang of locales) {
        it(`${state}, ${lang}: said, with the emergency numbers, accessible`, async () => {
          const { hubUrl, unreachableUrl } = await testServers();
          const client = fixtureClient({ '/help-offers': (_, signal) => pending(signal) });
          const finder = await fixture<HTMLElement>(
            state === 'loading'
              ? html`<sr-hub .client=${client} hub-url="https://hub.example.org" lang=${lang}><sr-help-finder></sr-help-finder></sr-hub>`
              : html`<sr-help-finder hub-url=${state === 'error' ? unreachableUrl : hubUrl} lang=${lang} q=${state === 'empty' ? 'xyzzy qwrtz' : nothing}></sr-help-finder>`,
          );
          const widget = finder.localName === 'sr-help-finder' ? finder : finder.querySelector('sr-help-finder')!;
          await waitUntil(() => textOf(widget).includes(texts[state][lang]), `"${texts[state][lang]}" not shown`, { timeout: 8000 });
          expect(hasPart(widget, 'crisis')).to.equal(true);
          await expect(widget).to.be.accessible();
        });
      }
    }
  });

  describe('guided mode', () => {
    async function answer(finder: SrHelpFinder, label: RegExp): Promise<void> {
      await waitUntil(() => $$(finder, '.answer').some((option) => label.test(option.textContent)), `no answer ${label}`);
      const option = $$(finder, '.answer').find((candidate) => label.test(candidate.textContent))!;
      option.querySelector('input')!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
    }

    it('leads through three questions to matching offers, by keyboard', async () => {
      const finder = await showFinder({ mode: 'guided' }, 'Frage 1 von 3');
      await expect(finder).to.be.accessible();
      await answer(finder, /junge Person/);
      await waitUntil(() => textOf(finder).includes('Frage 2 von 3'));
      expect(finder.shadowRoot!.activeElement?.classList.contains('guided-question')).to.equal(true);
      await answer(finder, /Familie/);
      await answer(finder, /Heute noch/);
      await waitUntil(
        () => offerRequests().some((url) => url.searchParams.get('topic') === 'familie' && url.searchParams.get('openNow') === 'true'),
        'no guided search',
      );
      const request = offerRequests().at(-1)!;
      expect(request.searchParams.getAll('audience')).to.deep.equal(['children', 'youth']);
      await waitUntil(() => hasPart(finder, 'count') && !hasPart(finder, 'skeleton'));
      expect(crisisFirst(finder)).to.equal(true);
      await expect(finder).to.be.accessible();
    });

    it('puts the emergency numbers first, open, for someone in danger', async () => {
      const finder = await showFinder({ mode: 'guided', 'crisis-position': 'bottom' }, 'Frage 1 von 3');
      await answer(finder, /Für mich/);
      await answer(finder, /weiß es nicht/);
      await answer(finder, /in Gefahr/);
      await waitUntil(() => $(finder, '[part~="crisis"]').classList.contains('urgent'), 'no urgent banner');
      expect(crisisFirst(finder)).to.equal(true);
    });
  });

  it('warns once about wrong attribute values and still works', async () => {
    const finder = await showFinder({ mode: 'wizard', 'crisis-position': 'hidden' });
    expect(warnings.messages.join('\n')).to.include('mode="wizard"').and.include('crisis-position="hidden"');
    expect(hasPart(finder, 'crisis')).to.equal(true);
  });
});

describe('<sr-help-finder> in Leichte Sprache', () => {
  for (const lang of ['de', 'de-x-ls'] as const) {
    it(`${lang}: an offer's details ${lang === 'de' ? 'leave out' : 'begin with'} the organization's summary in Leichter Sprache`, async () => {
      const { items } = await hubJson<{ items: { id: string; name: string; easyReadSummary?: string | null }[] }>('/help-offers?limit=100');
      const offer = items.find((item) => item.easyReadSummary)!;
      const finder = await showFinder({ lang, q: offer.name });
      const card = $$(finder, '[part~="offer"]').find(
        (item) => item.querySelector('[part~="offer-name"]')!.textContent.trim() === offer.name,
      )!;
      card.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
      const dialog = $<HTMLDialogElement>(finder, 'dialog');
      await waitUntil(() => dialog.open, 'details not open');
      const summary = dialog.querySelector('[part~="easy-read"]');
      if (lang === 'de') {
        expect(summary).to.equal(null);
        return;
      }
      expect(summary!.querySelector('h3')!.textContent).to.equal('In Leichter Sprache');
      expect(summary!.querySelector('p')!.textContent).to.equal(offer.easyReadSummary);
      // Above the offer's own description.
      expect(summary!.compareDocumentPosition(dialog.querySelector('.description')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await expect(finder).to.be.accessible();
    });
  }
});

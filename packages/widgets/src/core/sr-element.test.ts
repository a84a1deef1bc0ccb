import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fixtureClient, municipalityPages } from '../../../../stories/support/fixture-client.js';
import { captureWarnings, demoTag, hasPart, loaded, part, textOf, type SrDemoMunicipalities } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import '../hub/define.js';

demoTag();

/** Names of the listed municipalities. */
function listed(widget: Element): string[] {
  return [...widget.shadowRoot!.querySelectorAll('[part~="item"] span:first-child')].map((item) => item.textContent ?? '');
}

describe('a widget on its own', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  it('loads from the Hub named by its own hub-url', async () => {
    const { hubUrl } = await testServers();
    const widget = await fixture(html`<sr-demo-municipalities hub-url=${hubUrl} limit="3"></sr-demo-municipalities>`);
    await loaded(widget);
    expect(listed(widget)).to.deep.equal(['Altertheim', 'Aub', 'Bergtheim']);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('with a wrong hub-url: a readable message and exactly one warning naming hub-url', async () => {
    const widget = await fixture<SrDemoMunicipalities>(html`<sr-demo-municipalities hub-url="hub.example.org"></sr-demo-municipalities>`);
    await part(widget, 'error');
    expect(textOf(widget)).to.include('Dieser Inhalt ist nicht richtig eingerichtet.');
    expect(hasPart(widget, 'retry-button')).to.equal(false);
    widget.limit = 3; // updates again: still one warning
    await widget.updateComplete;
    expect(warnings.messages).to.deep.equal([
      '<sr-demo-municipalities> hub-url="hub.example.org" is not a URL. Did you mean hub-url="https://hub.example.org"?',
    ]);
  });

  it('without hub-url or <sr-hub>: the same, and the warning says how to connect it', async () => {
    const widget = await fixture(html`<sr-demo-municipalities></sr-demo-municipalities>`);
    await part(widget, 'error');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.include('hub-url is missing').and.include('<sr-hub hub-url="…">');
  });

  it('with an unreachable Hub: an offline message with retry, and one warning naming hub-url', async () => {
    const { unreachableUrl } = await testServers();
    const widget = await fixture(html`<sr-demo-municipalities hub-url=${unreachableUrl}></sr-demo-municipalities>`);
    await part(widget, 'error');
    expect(textOf(widget)).to.include('Die Daten sind gerade nicht erreichbar.');
    (await part(widget, 'retry-button')).click();
    await waitUntil(() => hasPart(widget, 'skeleton'));
    await part(widget, 'error');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.include(`could not reach the Hub at hub-url="${unreachableUrl}"`);
  });

  it('loads again when retried after a failure', async () => {
    const { hubUrl } = await testServers();
    const realFetch = globalThis.fetch;
    let down = true;
    globalThis.fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      const widget = await fixture(html`<sr-demo-municipalities hub-url=${hubUrl} limit="2"></sr-demo-municipalities>`);
      await part(widget, 'error');
      down = false;
      (await part(widget, 'retry-button')).click();
      await loaded(widget);
      expect(listed(widget)).to.deep.equal(['Altertheim', 'Aub']);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('warns once about a time zone that does not exist', async () => {
    const { hubUrl } = await testServers();
    const widget = await fixture(html`<sr-demo-municipalities hub-url=${hubUrl} time-zone="Mars/Olympus_Mons"></sr-demo-municipalities>`);
    await loaded(widget);
    expect(warnings.messages).to.deep.equal([
      '<sr-demo-municipalities> time-zone="Mars/Olympus_Mons" is not an IANA time zone (e.g. time-zone="Europe/Berlin"); using Europe/Berlin.',
    ]);
  });

  it('warns once about a language it does not speak, and speaks German', async () => {
    const widget = await fixture(html`<sr-demo-municipalities lang="fr"></sr-demo-municipalities>`);
    await part(widget, 'error');
    expect(textOf(widget)).to.include('Dieser Inhalt ist nicht richtig eingerichtet.');
    expect(warnings.messages.filter((message) => message.includes('lang="fr"'))).to.deep.equal([
      '<sr-demo-municipalities> lang="fr" is not a supported language (de, de-x-ls, en); showing German.',
    ]);
  });

  it('follows the language of the page around it', async () => {
    const page = await fixture(html`<div lang="en-GB"><sr-demo-municipalities></sr-demo-municipalities></div>`);
    const widget = page.querySelector('sr-demo-municipalities')!;
    await waitUntil(() => textOf(widget).includes('This content is not set up correctly.'));
  });
});

describe('requests', () => {
  it('are aborted when the widget leaves the page, and made again when it returns', async () => {
    const signals: AbortSignal[] = [];
    const client = fixtureClient({
      '/municipalities': (query, signal) => {
        signals.push(signal!);
        return signals.length === 1 ? new Promise(() => {}) : municipalityPages()(query, signal);
      },
    });
    const page = await fixture(html`<div><sr-hub .client=${client}><sr-demo-municipalities></sr-demo-municipalities></sr-hub></div>`);
    const hub = page.querySelector('sr-hub')!;
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await waitUntil(() => signals.length === 1);
    hub.remove();
    expect(signals[0]!.aborted).to.equal(true);
    page.append(hub);
    await loaded(widget);
    expect(signals).to.have.length(2);
  });

  it('are aborted when an attribute they depend on changes', async () => {
    const signals: AbortSignal[] = [];
    const client = fixtureClient({
      '/municipalities': (query, signal) => {
        signals.push(signal!);
        return signals.length === 1 ? new Promise(() => {}) : municipalityPages()(query, signal);
      },
    });
    const hub = await fixture(html`<sr-hub .client=${client}><sr-demo-municipalities limit="5"></sr-demo-municipalities></sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await waitUntil(() => signals.length === 1);
    widget.setAttribute('limit', '2');
    await loaded(widget);
    expect(signals[0]!.aborted).to.equal(true);
    expect(listed(widget)).to.have.length(2);
  });
});

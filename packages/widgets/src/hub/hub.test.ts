import { ContextEvent } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { hubContext, type HubContext } from '../core/context.js';
import { defineElement } from '../core/define.js';
import { fixtureClient, municipalityPages } from '../../../../stories/support/fixture-client.js';
import { captureWarnings, demoTag, loaded, part, textOf, itComesFromTheBuildUnderTest } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import { SrHub } from './define.js';

demoTag();

/** What `<sr-hub>` gives an element inside it, asked the way widgets ask (the context protocol). */
function contextInside(hub: Element): HubContext | undefined {
  const child = hub.firstElementChild ?? hub.appendChild(document.createElement('span'));
  let value: HubContext | undefined;
  child.dispatchEvent(new ContextEvent(hubContext, child, (provided) => (value = provided)));
  return value;
}

describe('<sr-hub>', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  itComesFromTheBuildUnderTest('sr-hub', SrHub);

  it('connects the widgets inside it to a real Hub', async () => {
    const { hubUrl } = await testServers();
    const hub = await fixture(html`<sr-hub hub-url=${hubUrl}><sr-demo-municipalities limit="3"></sr-demo-municipalities></sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await loaded(widget);
    expect(textOf(widget)).to.include('Altertheim').and.include('Bergtheim');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('provides the client, the language and the time zone', async () => {
    const { hubUrl } = await testServers();
    const hub = await fixture(html`<sr-hub hub-url="${hubUrl}/" lang="en" time-zone="Europe/Vienna"><span></span></sr-hub>`);
    const context = contextInside(hub);
    expect(context).to.include({ hubUrl: hubUrl, locale: 'en', timeZone: 'Europe/Vienna' });
    const page = (await context!.client!.GET('/municipalities', { params: { query: { limit: 1 } } })) as { items: { name: string }[] };
    expect(page.items.map((item) => item.name)).to.deep.equal(['Altertheim']);
  });

  it('defaults to the page’s language and to Europe/Berlin', async () => {
    const hub = await fixture(html`<div lang="en"><sr-hub hub-url="/"><span></span></sr-hub></div>`);
    expect(contextInside(hub.querySelector('sr-hub')!)).to.include({ locale: 'en', timeZone: 'Europe/Berlin' });
  });

  it('tells the widgets when its attributes change', async () => {
    const hub = await fixture<SrHub>(html`<sr-hub hub-url="/"><span></span></sr-hub>`);
    const seen: (HubContext | undefined)[] = [];
    const child = hub.querySelector('span')!;
    child.dispatchEvent(new ContextEvent(hubContext, child, (value) => seen.push(value), true));
    hub.setAttribute('time-zone', 'Europe/Lisbon');
    await hub.updateComplete;
    expect(seen.map((value) => value?.timeZone)).to.deep.equal(['Europe/Berlin', 'Europe/Lisbon']);
  });

  it('speaks English to the widgets inside when lang="en"', async () => {
    const hub = await fixture(html`<sr-hub hub-url="hub.example.org" lang="en"><sr-demo-municipalities></sr-demo-municipalities></sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await waitUntil(() => textOf(widget).includes('This content is not set up correctly.'));
  });

  it('with a wrong hub-url: the widgets inside say so, and the hub alone warns, once, naming hub-url', async () => {
    const hub = await fixture(html`<sr-hub hub-url="ftp://hub.example.org">
      <sr-demo-municipalities></sr-demo-municipalities><sr-demo-municipalities></sr-demo-municipalities>
    </sr-hub>`);
    for (const widget of hub.querySelectorAll('sr-demo-municipalities')) {
      await part(widget, 'error');
      expect(textOf(widget)).to.include('Dieser Inhalt ist nicht richtig eingerichtet.');
    }
    expect(warnings.messages).to.deep.equal([
      '<sr-hub> hub-url="ftp://hub.example.org" must be an https: or http: address (e.g. hub-url="https://hub.example.org").',
    ]);
  });

  it('lets a widget with its own hub-url use that', async () => {
    const { hubUrl, unreachableUrl } = await testServers();
    const hub = await fixture(html`<sr-hub hub-url=${unreachableUrl}>
      <sr-demo-municipalities hub-url=${hubUrl} limit="1"></sr-demo-municipalities>
    </sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await loaded(widget);
    expect(textOf(widget)).to.include('Altertheim');
  });

  it('uses a client given as a property instead of hub-url', async () => {
    const client = fixtureClient({ '/municipalities': municipalityPages() });
    const hub = await fixture(html`<sr-hub .client=${client}><sr-demo-municipalities limit="2"></sr-demo-municipalities></sr-hub>`);
    const widget = hub.querySelector('sr-demo-municipalities')!;
    await loaded(widget);
    expect(textOf(widget)).to.include('Eibelstadt').and.include('Gerbrunn');
    expect(client.calls).to.deep.equal(['/municipalities']);
  });

  it('with a client of its own, still names the Hub of hub-url for links into it', async () => {
    const client = fixtureClient({});
    const hub = await fixture(html`<sr-hub .client=${client} hub-url="https://hub.example.org/"><span></span></sr-hub>`);
    expect(contextInside(hub)).to.include({ client, hubUrl: 'https://hub.example.org' });
    expect(warnings.messages).to.deep.equal([]);
  });

  it('is harmless when defined twice', () => {
    expect(() => defineElement('sr-hub', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('sr-hub')).to.equal(SrHub);
  });

  it('lays out as if only its children were there', async () => {
    const hub = await fixture(html`<sr-hub hub-url="/"><p>Text</p></sr-hub>`);
    expect(getComputedStyle(hub).display).to.equal('contents');
    await expect(hub).to.be.accessible();
  });
});

import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { captureWarnings, lateDemo, loaded, part, textOf } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';

// <sr-hub> is defined during the first test, not on import: the order is the test.
describe('upgrade order', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  it('a widget upgraded before its <sr-hub> waits for it, without a warning', async () => {
    const { hubUrl } = await testServers();
    const demo = lateDemo();
    demo.define();
    const tag = unsafeStatic(demo.tag);
    // A property, not the attribute: set before the upgrade, it must survive it too.
    const hub = await fixture(staticHtml`<sr-hub .hubUrl=${hubUrl}><${tag} limit="2"></${tag}></sr-hub>`);
    const widget = hub.querySelector(demo.tag)!;
    await part(widget, 'skeleton');
    expect(customElements.get('sr-hub')).to.equal(undefined);

    await import('./define.js');
    await loaded(widget);
    expect(textOf(widget)).to.include('Altertheim').and.include('Aub');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a widget upgraded after its <sr-hub> finds it at once', async () => {
    const { hubUrl } = await testServers();
    const demo = lateDemo();
    const tag = unsafeStatic(demo.tag);
    const hub = await fixture(staticHtml`<sr-hub hub-url=${hubUrl}><${tag} limit="2"></${tag}></sr-hub>`);
    demo.define();
    const widget = hub.querySelector(demo.tag)!;
    await loaded(widget);
    expect(textOf(widget)).to.include('Altertheim');
    expect(warnings.messages).to.deep.equal([]);
  });
});

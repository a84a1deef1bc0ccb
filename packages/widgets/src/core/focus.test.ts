import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { defineElement } from './define.js';
import { FocusAfterUpdate } from './focus.js';

/** Shows a message once `said` is set, and a button that may take the focus. */
class SrFocusDemo extends LitElement {
  static override properties: PropertyDeclarations = { said: { state: true } };
  declare said: string | undefined;
  readonly focusing = new FocusAfterUpdate(this);

  protected override render() {
    return html`<button>Senden</button>${this.said ? html`<p class="said" tabindex="-1">${this.said}</p>` : nothing}`;
  }
}
defineElement('sr-focus-demo', SrFocusDemo);

const focused = (element: SrFocusDemo) => element.shadowRoot!.activeElement;

describe('FocusAfterUpdate (core/focus.ts)', () => {
  it('focuses what the update renders', async () => {
    const element = await fixture<SrFocusDemo>(fixtureHtml`<sr-focus-demo></sr-focus-demo>`);
    element.said = 'Danke!';
    element.focusing.request('.said');
    await element.updateComplete;
    expect(focused(element)?.textContent).to.equal('Danke!');
  });

  it('waits for an update that renders it, then focuses it once', async () => {
    const element = await fixture<SrFocusDemo>(fixtureHtml`<sr-focus-demo></sr-focus-demo>`);
    element.focusing.request('.said');
    await element.updateComplete;
    expect(focused(element)).to.equal(null);
    element.said = 'Geladen';
    await element.updateComplete;
    expect(focused(element)?.textContent).to.equal('Geladen');
    element.shadowRoot!.querySelector('button')!.focus();
    element.said = 'Wieder';
    await element.updateComplete;
    expect(focused(element)?.localName).to.equal('button');
  });

  it('focuses nothing once cancelled', async () => {
    const element = await fixture<SrFocusDemo>(fixtureHtml`<sr-focus-demo></sr-focus-demo>`);
    element.focusing.request('.said');
    element.focusing.request(undefined);
    element.said = 'Danke!';
    await element.updateComplete;
    expect(focused(element)).to.equal(null);
  });
});

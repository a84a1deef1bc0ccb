import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { defineElement } from './define.js';
import { ModalDialog, dialogStyles } from './dialog.js';
import { deepActiveElement } from './dom.js';
import { base, tokens } from './styles.js';

/** A widget-like element with a button that opens a dialog. */
class DialogExample extends LitElement {
  static override styles = [tokens, base, dialogStyles];
  readonly dialog = new ModalDialog();

  protected override render() {
    return html`
      <button id="open" class="button" @click=${() => this.dialog.open()}>Details</button>
      ${this.dialog.render({
        heading: 'Weinfest in Randersacker',
        content: html`<p>Samstag, 14 Uhr, am Mainufer.</p>
          <a id="link" href="#programm">Programm</a>
          <button id="last" class="button primary">In den Kalender</button>`,
      })}
    `;
  }
}
defineElement('sr-dialog-example', DialogExample);

const byId = (element: DialogExample, id: string) => element.shadowRoot!.getElementById(id)!;
const press = (key: string) => sendKeys({ press: key });

describe('ModalDialog', () => {
  let example: DialogExample;
  beforeEach(async () => {
    example = await fixture(html`<sr-dialog-example></sr-dialog-example>`);
    byId(example, 'open').focus();
    await press('Enter');
    await waitUntil(() => example.dialog.isOpen);
  });

  it('opens as a modal, labelled by its heading, and is accessible', async () => {
    const dialog = example.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    const headingId = dialog.getAttribute('aria-labelledby')!;
    expect(example.shadowRoot!.getElementById(headingId)!.textContent).to.equal('Weinfest in Randersacker');
    await expect(example).to.be.accessible();
  });

  it('keeps Tab and Shift+Tab inside', async () => {
    const close = example.shadowRoot!.querySelector('[part~="dialog-close"]');
    expect(deepActiveElement()).to.equal(close);
    await press('Tab');
    expect(deepActiveElement()).to.equal(byId(example, 'link'));
    await press('Tab');
    expect(deepActiveElement()).to.equal(byId(example, 'last'));
    await press('Tab');
    expect(deepActiveElement()).to.equal(close);
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()).to.equal(byId(example, 'last'));
  });

  it('closes on Escape and returns focus to the button that opened it', async () => {
    await press('Tab');
    await press('Escape');
    await waitUntil(() => !example.dialog.isOpen);
    expect(deepActiveElement()).to.equal(byId(example, 'open'));
  });

  it('closes with its close button, focus returning the same way', async () => {
    await press('Enter');
    await waitUntil(() => !example.dialog.isOpen);
    expect(deepActiveElement()).to.equal(byId(example, 'open'));
  });
});

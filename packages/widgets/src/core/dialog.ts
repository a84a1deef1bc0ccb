import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { deepActiveElement } from './dom.js';
import { element } from './element.js';

const tabbableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

let dialogCount = 0;

/**
 * A modal native `<dialog>` with a heading and a close button. `showModal()` already makes the
 * page inert and closes on Escape; this adds what readers of the widgets rely on besides:
 * Tab cycles inside the dialog instead of leaving it for the browser's toolbar, and on close
 * focus returns to where it was (the button that opened it).
 *
 * Keep one per dialog in a field, render it with `dialog.render({ heading, content })` and open
 * it with `dialog.open()`; include `dialogStyles` in the widget's styles.
 */
export class ModalDialog {
  #rendered: HTMLDialogElement | undefined;
  readonly #headingId = `sr-dialog-heading-${++dialogCount}`;
  #returnFocusTo: HTMLElement | undefined;

  /** The `<dialog>` while it is on the page. */
  get #dialog(): HTMLDialogElement | undefined {
    return this.#rendered?.isConnected ? this.#rendered : undefined;
  }

  get isOpen(): boolean {
    return this.#dialog?.open ?? false;
  }

  open(): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    const active = deepActiveElement();
    this.#returnFocusTo = active instanceof HTMLElement ? active : undefined;
    dialog.showModal();
  }

  close(): void {
    this.#dialog?.close();
  }

  /** `heading` may be a template, to isolate text from the Hub in it (`isolated()`). */
  render({ heading, content }: { heading: unknown; content: unknown }): TemplateResult {
    return html`<dialog
      ${element((dialog) => (this.#rendered = dialog as HTMLDialogElement))}
      part="dialog"
      class="dialog"
      aria-labelledby=${this.#headingId}
      @keydown=${this.#keepFocusInside}
      @close=${this.#returnFocus}
    >
      <div class="dialog-header">
        <h2 id=${this.#headingId} part="dialog-heading" class="dialog-heading">${heading}</h2>
        <button type="button" part="button dialog-close" class="button" @click=${() => this.close()}>
          ${msg('Schließen')}
        </button>
      </div>
      <div part="dialog-body">${content}</div>
    </dialog>`;
  }

  readonly #keepFocusInside = (event: KeyboardEvent) => {
    const dialog = this.#dialog;
    if (event.key !== 'Tab' || !dialog) return;
    const tabbable = [...dialog.querySelectorAll<HTMLElement>(tabbableSelector)].filter((element) => element.checkVisibility());
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    if (!first || !last) return;
    const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  readonly #returnFocus = () => {
    const target = this.#returnFocusTo;
    this.#returnFocusTo = undefined;
    if (target?.isConnected) target.focus();
  };
}

export const dialogStyles = css`
  .dialog {
    inline-size: min(36rem, calc(100vw - 2 * var(--_space-4)));
    max-block-size: calc(100dvh - 2 * var(--_space-4));
    padding: var(--_space-5);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
    color: var(--_color-text);
    background: var(--_color-surface);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.25);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_space-4);
  }
  .dialog-heading {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
`;

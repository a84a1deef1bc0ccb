import { msg } from '@lit/localize';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ErrorMessage } from '../../core/errors.js';
import { emit } from '../../core/events.js';
import { FormController } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { basePath } from '../shared/navigation.js';
import { isProblem } from '../shared/problems.js';

/**
 * Where a sign-in link leads (`/manage/sign-in?token=…`). It signs in only when the person presses
 * the button: mail scanners open links to check them, and a link used up by opening it would no
 * longer work for the person.
 */
export class SrManageSignInLink extends ManageElement {
  static override properties: PropertyDeclarations = {
    token: { attribute: false },
  };

  /** The token from the link. */
  declare token: string;

  readonly #form = new FormController<never>(this, {
    fields: [],
    format: () => this.format,
    explain: (error) => (isProblem(error, 'invalid-sign-in-link') ? invalidLink() : undefined),
  });

  constructor() {
    super();
    this.token = '';
  }

  protected override render(): TemplateResult {
    const newLink = html`<a href="${basePath}sign-in">${msg('Neuen Anmeldelink anfordern')}</a>`;
    if (this.#form.finallyFailed) {
      // A used or expired link stays so: a new one is the only way on.
      return html`<h1>${msg('Anmelden')}</h1>
        ${this.#form.failureMessage()}
        <p>${newLink}</p>`;
    }
    return html`<h1>${msg('Anmelden')}</h1>
      <p>${msg('Sie haben den Anmeldelink aus Ihrer E-Mail geöffnet. Drücken Sie auf „Anmelden“, um sich anzumelden.')}</p>
      <form class="form" novalidate @submit=${this.#signIn}>
        ${this.#form.failureMessage()}
        <div class="actions">${this.#form.submitButton(msg('Anmelden'), msg('Wird angemeldet …'))}</div>
      </form>
      <p>${newLink}</p>`;
  }

  readonly #signIn = async (event: SubmitEvent) => {
    event.preventDefault();
    const me = await this.#form.submit(
      () => ({}),
      () => this.client.POST('/sessions', { body: { token: this.token } }),
    );
    if (me) emit(this, 'sr-manage-signed-in', me);
  };
}

/** A link that is expired, used or unknown: the Hub does not say which, and the way out is the same. */
function invalidLink(): ErrorMessage {
  return {
    title: msg('Dieser Anmeldelink gilt nicht mehr.'),
    detail: msg('Ein Link gilt 15 Minuten und nur einmal. Fordern Sie einfach einen neuen an.'),
    canRetry: false,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-sign-in-link': SrManageSignInLink;
  }
}

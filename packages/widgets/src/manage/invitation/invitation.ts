import { msg } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ErrorMessage } from '../../core/errors.js';
import { emit } from '../../core/events.js';
import { FormController, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { isProblem } from '../shared/problems.js';
import type { Me } from '../shared/session-events.js';

type Field = 'displayName';

/**
 * Where an invitation link leads (`/manage/invitation?token=…`): the invited person gives the name
 * the other members will see and accepts; that makes them a member and signs them in. Nothing
 * happens on opening the link (mail scanners open links too).
 */
export class SrManageInvitation extends ManageElement {
  static override properties: PropertyDeclarations = {
    token: { attribute: false },
    me: { attribute: false },
    displayName: { state: true },
  };

  declare token: string;
  /** Who is signed in on this browser, if anyone: accepting signs in as the invited person instead. */
  declare me: Me | undefined;
  declare private displayName: string;

  readonly #form = new FormController<Field>(this, {
    fields: ['displayName'],
    format: () => this.format,
    explain: (error) => (isProblem(error, 'invalid-invitation') ? invalidInvitation() : undefined),
  });

  constructor() {
    super();
    this.token = '';
    this.displayName = '';
  }

  protected override render(): TemplateResult {
    const labels = { displayName: msg('Ihr Name') };
    if (this.#form.finallyFailed) {
      return html`<h1>${msg('Einladung annehmen')}</h1>
        ${this.#form.failureMessage()}`;
    }
    return html`<h1>${msg('Einladung annehmen')}</h1>
      <p>${msg('Sie wurden eingeladen, auf dem Smart Region Hub für eine Organisation mitzuarbeiten. Mit „Einladung annehmen“ werden Sie Mitglied und sind gleich angemeldet.')}</p>
      ${
        this.me
          ? html`<div class="message"><p>${msg(html`Sie sind gerade als <strong dir="auto">${this.me.person.displayName}</strong> angemeldet. Nach dem Annehmen sind Sie mit der eingeladenen Adresse angemeldet.`)}</p></div>`
          : nothing
      }
      <form class="form" novalidate @submit=${this.#accept}>
        ${this.#form.summary(labels)}
        ${textField(this.#form, 'displayName', labels.displayName, this.displayName, (value) => (this.displayName = value), {
          autocomplete: 'name',
          maxlength: 100,
          hint: msg('So sehen Sie die anderen Mitglieder. Wenn Sie schon ein Konto haben, können Sie das Feld leer lassen.'),
        })}
        ${this.#form.failureMessage()}
        <div class="actions">${this.#form.submitButton(msg('Einladung annehmen'), msg('Wird angenommen …'))}</div>
      </form>`;
  }

  readonly #accept = async (event: SubmitEvent) => {
    event.preventDefault();
    const displayName = this.displayName.trim();
    const me = await this.#form.submit(
      () => ({}),
      () => this.client.POST('/invitation-acceptances', { body: { token: this.token, ...(displayName ? { displayName } : {}) } }),
    );
    if (me) emit(this, 'sr-manage-signed-in', me);
  };
}

function invalidInvitation(): ErrorMessage {
  return {
    title: msg('Diese Einladung gilt nicht mehr.'),
    detail: msg(
      'Sie ist abgelaufen, wurde zurückgezogen oder schon angenommen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue Einladung.',
    ),
    canRetry: false,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-invitation': SrManageInvitation;
  }
}

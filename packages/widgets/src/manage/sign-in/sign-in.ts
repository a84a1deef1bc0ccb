import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, looksLikeEmail, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { basePath } from '../shared/navigation.js';
import type { Me } from '../shared/session-events.js';

type Field = 'email';

export type SignInNotice = 'expired' | 'signed-out';

/** The Hub's reasons (`/manage/sign-in?error=<code>`) why the identity provider's sign-in did not happen, in words. */
function providerErrorText(code: string): string {
  const texts: Record<string, string> = {
    'oidc-unavailable': msg(
      'Die Anmeldung über das Konto der Kommune ist gerade nicht erreichbar. Versuchen Sie es später erneut, oder lassen Sie sich einen Anmeldelink schicken.',
    ),
    'oidc-denied': msg('Die Anmeldung über das Konto der Kommune wurde abgebrochen.'),
    'oidc-state': msg(
      'Die Anmeldung hat zu lange gedauert oder wurde in einem anderen Fenster begonnen. Bitte starten Sie sie noch einmal.',
    ),
    'email-unverified': msg(
      'Ihr Konto bei der Kommune hat keine bestätigte E-Mail-Adresse. Lassen Sie sich stattdessen einen Anmeldelink schicken.',
    ),
    'no-account': msg(
      'Mit dieser E-Mail-Adresse ist noch niemand auf dem Hub. Bitten Sie Ihre Organisation um eine Einladung, oder registrieren Sie Ihre Organisation.',
    ),
    'https-required': msg('Anmelden geht nur über eine sichere Verbindung (https).'),
  };
  return texts[code] ?? msg('Die Anmeldung über das Konto der Kommune hat nicht geklappt. Bitte versuchen Sie es noch einmal.');
}

function noticeText(notice: SignInNotice): string {
  return notice === 'expired' ? msg('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.') : msg('Sie haben sich abgemeldet.');
}

/**
 * Sign-in: the person enters their e-mail address and gets a single-use link (or, where the Hub
 * has no mail server, finds it in the Hub's log); a button for the municipality's identity
 * provider when the Hub is connected to one. The answer never says whether the address has an
 * account.
 */
export class SrManageSignIn extends ManageElement {
  static override properties: PropertyDeclarations = {
    notice: { attribute: false },
    providerError: { attribute: false },
    me: { attribute: false },
    email: { state: true },
    sentTo: { state: true },
  };

  /** Why the person sees the sign-in, said above the form: their session ran out, or they signed out. */
  declare notice: SignInNotice | undefined;
  /** Why the sign-in with the municipality's identity provider did not happen (its code from the Hub). */
  declare providerError: string | undefined;
  /** Who is signed in already, if anyone. */
  declare me: Me | undefined;
  declare private email: string;
  /** The address the last link went to, with how long it works; the form is shown again by "another address". */
  declare private sentTo: { email: string; minutes: number } | undefined;

  readonly #form = new FormController<Field>(this, { fields: ['email'], format: () => this.format });
  readonly #focus = new FocusAfterUpdate(this);

  readonly #options = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => hub.GET('/sign-in-options', { signal }),
    isEmpty: () => false,
  });

  constructor() {
    super();
    this.email = '';
  }

  protected override render(): TemplateResult {
    if (this.me) {
      return html`<h1>${msg('Anmelden')}</h1>
        <p>${msg(html`Sie sind angemeldet als <strong dir="auto">${this.me.person.displayName}</strong>.`)}</p>
        <p><a href=${basePath}>${msg('Zu Ihren Organisationen')}</a></p>`;
    }
    return html`<h1>${msg('Anmelden')}</h1>
      ${this.notice ? html`<div class="message" role="status"><p>${noticeText(this.notice)}</p></div>` : nothing}
      ${this.providerError ? html`<div class="message danger" role="alert"><p>${providerErrorText(this.providerError)}</p></div>` : nothing}
      ${this.#options.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        complete: (options) => (this.sentTo ? this.#checkMail(this.sentTo, options.emailDelivery) : this.#emailForm(options)),
      })}
      <h2>${msg('Noch nicht dabei?')}</h2>
      <p>${msg('Vereine, Initiativen, Beratungsstellen und Ämter der Region können sich hier registrieren.')}</p>
      <p><a href="${basePath}register">${msg('Organisation registrieren')}</a></p>`;
  }

  #emailForm(options: { emailDelivery: 'email' | 'log'; oidc: { label: string; startUrl: string } | null }): TemplateResult {
    const labels = { email: msg('E-Mail-Adresse') };
    return html`<p class="lead">${msg('Sie bekommen einen Link per E-Mail, mit dem Sie sich ohne Passwort anmelden.')}</p>
      ${
        options.emailDelivery === 'log'
          ? html`<div class="message"><p>${msg('Dieser Hub verschickt keine E-Mails (kein Mailserver eingerichtet): Der Anmeldelink steht im Protokoll des Hubs, in dem Fenster, in dem er läuft.')}</p></div>`
          : nothing
      }
      <form class="form" novalidate @submit=${this.#send}>
        ${this.#form.summary(labels)}
        ${textField(this.#form, 'email', labels.email, this.email, (value) => (this.email = value), {
          type: 'email',
          autocomplete: 'email',
          required: true,
        })}
        ${this.#form.failureMessage()}
        <div class="actions">${this.#form.submitButton(msg('Anmeldelink senden'))}</div>
      </form>
      ${
        options.oidc
          ? html`<h2>${msg('Oder')}</h2>
            <p><a class="button" href=${options.oidc.startUrl}>${options.oidc.label}</a></p>`
          : nothing
      }`;
  }

  #checkMail(sent: { email: string; minutes: number }, delivery: 'email' | 'log'): TemplateResult {
    const { email, minutes } = sent;
    return html`<div class="message" role="status" tabindex="-1" data-sent>
        <h2>${delivery === 'log' ? msg('Der Link steht im Protokoll des Hubs') : msg('Prüfen Sie Ihr Postfach')}</h2>
        ${
          delivery === 'log'
            ? html`<p>${msg('Dieser Hub verschickt keine E-Mails. Den Anmeldelink für diese Adresse finden Sie im Protokoll des Hubs (dort, wo er gestartet wurde):')} <strong dir="auto">${email}</strong></p>`
            : html`<p>${msg('Wenn diese Adresse bei uns bekannt ist, kommt gleich eine E-Mail mit einem Anmeldelink an:')} <strong dir="auto">${email}</strong></p>`
        }
        <p>${msg(str`Der Link gilt ${minutes} Minuten und nur einmal. Sehen Sie auch im Spam-Ordner nach.`)}</p>
      </div>
      <p>
        <button class="button" type="button" @click=${this.#again}>${msg('Andere Adresse eingeben oder neuen Link anfordern')}</button>
      </p>`;
  }

  readonly #send = async (event: SubmitEvent) => {
    event.preventDefault();
    const email = this.email.trim();
    const sent = await this.#form.submit(
      () => ({
        email: looksLikeEmail(email) ? undefined : msg('Bitte geben Sie Ihre vollständige E-Mail-Adresse an, z. B. name@beispiel.de.'),
      }),
      () => this.client.POST('/sign-in-links', { body: { email, language: this.locale } }),
    );
    if (!sent) return;
    this.sentTo = { email, minutes: sent.expiresInMinutes };
    this.#focus.request('[data-sent]');
  };

  readonly #again = () => {
    this.sentTo = undefined;
    this.#focus.request('#email');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-sign-in': SrManageSignIn;
  }
}

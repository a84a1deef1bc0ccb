import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { browserName } from './browser-name.js';

type Session = Schema<'Session'>;

/**
 * Where the person is signed in (this browser and others), to end a session left open on a
 * shared computer, or all of them at once ("Überall abmelden").
 */
export class SrManageSessions extends ManageElement {
  static override properties: PropertyDeclarations = {
    done: { state: true },
  };

  declare private done: string | undefined;

  #reload = 0;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format });

  readonly #sessions = this.fetchTask({
    args: () => [this.#reload] as const,
    fetch: (hub, _args, signal) => hub.GET('/me/sessions', { signal }),
  });

  protected override render(): TemplateResult {
    return html`<h1>${msg('Meine Anmeldungen')}</h1>
      <p class="lead">${msg('Hier sind Sie gerade angemeldet. Eine Anmeldung endet nach 8 Stunden ohne Nutzung von selbst, spätestens nach 30 Tagen.')}</p>
      <div role="status">${this.done ? html`<p class="message" tabindex="-1" data-done>${this.done}</p>` : nothing}</div>
      ${this.#action.failureMessage()}
      ${this.#sessions.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        complete: ({ items }) =>
          html`<ul class="list" aria-label=${msg('Anmeldungen')}>${items.map((session) => this.#session(session))}</ul>`,
      })}
      <h2>${msg('Überall abmelden')}</h2>
      <p>${msg('Beendet alle Anmeldungen, auch diese. Sinnvoll, wenn Sie an einem fremden Gerät angemeldet geblieben sind.')}</p>
      <p><button class="button danger" type="button" @click=${this.#signOutEverywhere}>${msg('Überall abmelden')}</button></p>`;
  }

  #session(session: Session): TemplateResult {
    const via = { 'email-link': msg('Anmeldelink per E-Mail'), invitation: msg('Einladung'), oidc: msg('Konto der Kommune') }[
      session.signedInWith
    ];
    return html`<li class="card">
      <h2 class="card-title" title=${session.userAgent ?? nothing}>
        ${this.#device(session.userAgent)}${session.current ? html` <span class="badge">${msg('dieser Browser')}</span>` : nothing}
      </h2>
      <dl class="details">
        <dt>${msg('Angemeldet')}</dt>
        <dd>${this.format.dateTime(new Date(session.createdAt))} (${via})</dd>
        <dt>${msg('Zuletzt aktiv')}</dt>
        <dd>${this.format.dateTime(new Date(session.lastSeenAt))}</dd>
        <dt>${msg('Endet spätestens')}</dt>
        <dd>${this.format.dateTime(new Date(session.expiresAt))}</dd>
      </dl>
      ${
        session.current
          ? nothing
          : html`<div class="actions"><button class="button" type="button" @click=${() => void this.#end(session)}>${msg('Diese Anmeldung beenden')}</button></div>`
      }
    </li>`;
  }

  /** "Firefox auf Windows", or what is known of it. */
  #device(userAgent: string | null): string {
    const { browser, system } = browserName(userAgent ?? '');
    if (browser && system) return msg(str`${browser} auf ${system}`);
    return browser ?? system ?? msg('Unbekannter Browser');
  }

  async #end(session: Session): Promise<void> {
    this.done = undefined;
    const ended = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/me/sessions/{sessionId}', { params: { path: { sessionId: session.id } } });
        return true;
      },
    );
    if (!ended) return;
    this.done = msg('Die Anmeldung ist beendet.');
    this.#reload++;
    this.#focus.request('[data-done]');
  }

  readonly #signOutEverywhere = async () => {
    const ended = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/me/sessions');
        return true;
      },
    );
    if (ended) emit(this, 'sr-manage-signed-out', { expired: false });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-sessions': SrManageSessions;
  }
}

import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, textField } from '../shared/form.js';
import { scopeChoices, scopeLabel, type Scope } from '../shared/labels.js';
import { ManageElement } from '../shared/manage-element.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

type ApiKey = Schema<'ApiKey'>;
type Field = 'label' | 'scopes' | 'expiresAt';

/** The day after a calendar day: `2027-12-31` → `2028-01-01`. */
function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * An organization's API keys for its owners: create one for a website or a script (label, what
 * it may do, optional expiry) and see it once, list them with who made them, when they were last
 * used, what they may do and until when, and revoke them.
 */
export class SrManageApiKeys extends ManageElement {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: false },
    me: { attribute: false },
    label: { state: true },
    scopes: { state: true },
    expiresOn: { state: true },
    created: { state: true },
    copied: { state: true },
    revoking: { state: true },
    done: { state: true },
  };

  declare organizationId: string;
  declare me: Me | undefined;
  declare private label: string;
  declare private scopes: Scope[];
  /** The day the key stops working (`yyyy-mm-dd`), empty for none. */
  declare private expiresOn: string;
  /** The key just made, shown once until the person leaves or makes another. */
  declare private created: Schema<'CreatedApiKey'> | undefined;
  declare private copied: boolean;
  declare private revoking: string | undefined;
  declare private done: string | undefined;

  #reload = 0;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #form = new FormController<Field>(this, { fields: ['label', 'scopes', 'expiresAt'], format: () => this.format });
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format });

  readonly #keys = this.fetchTask({
    args: () => [this.organizationId, this.#reload] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/api-keys', { params: { path: { organizationId } }, signal }),
  });

  constructor() {
    super();
    this.organizationId = '';
    this.label = '';
    this.scopes = [];
    this.expiresOn = '';
    this.copied = false;
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'api-keys', msg('API-Schlüssel'))}
      <p class="lead">${msg('Mit einem API-Schlüssel kann die Website Ihrer Organisation oder ein Programm Inhalte für Sie auf dem Hub einstellen. Geben Sie jedem Schlüssel nur die Rechte, die er braucht.')}</p>
      <div role="status">${this.done ? html`<p class="message" tabindex="-1" data-done>${this.done}</p>` : nothing}</div>
      ${this.created ? this.#createdKey(this.created) : nothing}
      <h2 id="create-heading">${msg('Neuen Schlüssel erstellen')}</h2>
      ${this.#createForm()}
      <h2>${msg('Schlüssel der Organisation')}</h2>
      ${this.#action.failureMessage()}
      ${this.#keys.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        emptyText: msg('Noch keine Schlüssel.'),
        complete: ({ items }) =>
          html`<ul class="list" aria-label=${msg('Schlüssel der Organisation')}>${items.map((key) => this.#key(key))}</ul>`,
      })}`;
  }

  #createdKey(created: Schema<'CreatedApiKey'>): TemplateResult {
    return html`<div class="message" tabindex="-1" data-created aria-labelledby="created-heading">
      <h2 id="created-heading">${msg(str`Ihr neuer Schlüssel „${created.label ?? ''}“`)}</h2>
      <p><strong>${msg('Kopieren Sie ihn jetzt: Er wird nur dieses eine Mal angezeigt.')}</strong> ${msg('Bewahren Sie ihn so sicher auf wie ein Passwort.')}</p>
      <code class="secret" data-key>${created.key}</code>
      <div class="actions">
        <button class="button primary" type="button" @click=${() => void this.#copy(created.key)}>${msg('Schlüssel kopieren')}</button>
        <span role="status">${this.copied ? msg('Kopiert.') : ''}</span>
        <button class="button" type="button" @click=${this.#hideKey}>${msg('Ich habe ihn gespeichert')}</button>
      </div>
    </div>`;
  }

  #createForm(): TemplateResult {
    const labels: Record<Field, string> = { label: msg('Bezeichnung'), scopes: msg('Rechte'), expiresAt: msg('Gültig bis') };
    const scopesError = this.#form.errors.scopes;
    return html`<form class="form" novalidate aria-labelledby="create-heading" @submit=${this.#create}>
      ${this.#form.summary(labels)}
      ${textField(this.#form, 'label', labels.label, this.label, (value) => (this.label = value), {
        required: true,
        maxlength: 100,
        hint: msg('Wofür er ist, z. B. „Website des Vereins“.'),
      })}
      <fieldset class="field" aria-describedby=${scopesError ? 'scopes-error' : nothing}>
        <legend>${labels.scopes} *</legend>
        ${scopesError ? html`<span id="scopes-error" class="field-error">${scopesError}</span>` : nothing}
        ${scopeChoices().map(
          ([scope, label], index) => html`<label class="check">
            <input
              type="checkbox"
              id=${index === 0 ? 'scopes' : nothing}
              value=${scope}
              .checked=${this.scopes.includes(scope)}
              @change=${(event: Event) => {
                const checked = (event.target as HTMLInputElement).checked;
                this.scopes = checked ? [...this.scopes, scope] : this.scopes.filter((other) => other !== scope);
                this.#form.changed('scopes');
              }}
            />
            <span>${label}</span>
          </label>`,
        )}
      </fieldset>
      ${textField(this.#form, 'expiresAt', labels.expiresAt, this.expiresOn, (value) => (this.expiresOn = value), {
        type: 'date',
        hint: msg('Leer lassen für einen Schlüssel ohne Ablauf. Er gilt bis einschließlich zu diesem Tag.'),
      })}
      ${this.#form.failureMessage()}
      <div class="actions">${this.#form.submitButton(msg('Schlüssel erstellen'), msg('Wird erstellt …'))}</div>
    </form>`;
  }

  #key(key: ApiKey): TemplateResult {
    const never = msg('noch nie');
    return html`<li class="card" data-api-key=${key.id}>
      <h3 dir="auto">${key.label ?? msg('Ohne Bezeichnung')}</h3>
      <dl class="details">
        <dt>${msg('Beginnt mit')}</dt>
        <dd><code>${key.prefix}…</code></dd>
        <dt>${msg('Erstellt')}</dt>
        <dd>${this.format.date(new Date(key.createdAt))}${key.createdBy ? html` ${msg('von')} <bdi>${key.createdBy}</bdi>` : nothing}</dd>
        <dt>${msg('Zuletzt benutzt')}</dt>
        <dd>${key.lastUsedAt ? this.format.dateTime(new Date(key.lastUsedAt)) : never}</dd>
        <dt>${msg('Gültig bis')}</dt>
        <dd>${key.expiresAt ? this.format.date(new Date(key.expiresAt)) : msg('ohne Ablauf')}</dd>
        <dt>${msg('Rechte')}</dt>
        <dd><ul class="scopes">${key.scopes.map((scope) => html`<li>${scopeLabel(scope)}</li>`)}</ul></dd>
      </dl>
      <div class="actions">
        ${
          this.revoking === key.id
            ? html`<span id="revoke-${key.id}">${msg('Wirklich widerrufen? Was ihn benutzt, kann danach nichts mehr einstellen.')}</span>
              <button class="button danger" type="button" aria-describedby="revoke-${key.id}" data-confirm-revoke @click=${() => void this.#revoke(key)}>
                ${msg('Ja, widerrufen')}
              </button>
              <button class="button" type="button" @click=${() => (this.revoking = undefined)}>${msg('Abbrechen')}</button>`
            : html`<button class="button danger" type="button" @click=${() => this.#askRevoking(key.id)}>${msg('Widerrufen')}</button>`
        }
      </div>
    </li>`;
  }

  readonly #create = async (event: SubmitEvent) => {
    event.preventDefault();
    const label = this.label.trim();
    const today = this.format.day(new Date());
    this.done = undefined;
    const created = await this.#form.submit(
      () => ({
        label: label ? undefined : msg('Bitte geben Sie an, wofür der Schlüssel ist.'),
        scopes: this.scopes.length ? undefined : msg('Bitte wählen Sie mindestens ein Recht.'),
        expiresAt: this.expiresOn && this.expiresOn < today ? msg('Bitte ein Datum ab heute wählen.') : undefined,
      }),
      () =>
        this.client.POST('/organizations/{organizationId}/api-keys', {
          params: { path: { organizationId: this.organizationId } },
          body: { label, scopes: this.scopes, expiresAt: this.expiresOn ? this.#endOf(this.expiresOn) : null },
        }),
    );
    if (!created) return;
    this.created = created;
    this.copied = false;
    this.label = '';
    this.scopes = [];
    this.expiresOn = '';
    this.#reload++;
    this.#focus.request('[data-created]');
  };

  /** The key works through the chosen day, in the Hub's region's time zone. */
  #endOf(day: string): string {
    return new Date(this.format.startOfDay(nextDay(day)).getTime() - 1000).toISOString();
  }

  async #copy(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.copied = true;
    } catch {
      // No clipboard (an old browser, a denied permission): the key is selected to copy by hand.
      const code = this.renderRoot.querySelector('[data-key]');
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  readonly #hideKey = () => {
    this.created = undefined;
    this.#focus.request('#label');
  };

  #askRevoking(keyId: string): void {
    this.revoking = keyId;
    this.#focus.request('[data-confirm-revoke]');
  }

  async #revoke(key: ApiKey): Promise<void> {
    this.revoking = undefined;
    this.done = undefined;
    const revoked = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/organizations/{organizationId}/api-keys/{apiKeyId}', {
          params: { path: { organizationId: this.organizationId, apiKeyId: key.id } },
        });
        return true;
      },
    );
    if (!revoked) return;
    this.done = msg(str`Der Schlüssel „${key.label ?? key.prefix}“ ist widerrufen und funktioniert nicht mehr.`);
    this.#reload++;
    this.#focus.request('[data-done]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-api-keys': SrManageApiKeys;
  }
}

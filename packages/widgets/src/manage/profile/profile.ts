import { msg } from '@lit/localize';
import { versionOf, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { emit } from '../../core/events.js';
import { FormController, labelledField, selectField, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

type Organization = Schema<'Organization'>;
type Field = 'name' | 'description' | 'email' | 'phone' | 'website' | 'privacyPolicyUrl' | 'municipalityId';
type Draft = Record<Field, string>;

const fields: readonly Field[] = ['name', 'description', 'email', 'phone', 'website', 'privacyPolicyUrl', 'municipalityId'];

/** The organization's fields as the form holds them: text, empty for "none". */
const draftOf = (organization: Organization): Draft =>
  Object.fromEntries(fields.map((field) => [field, organization[field] ?? ''])) as Draft;

/**
 * The organization's public profile for its owners: name, description, contact, website, the
 * privacy notice the volunteer dialog links, and the municipality. Saved with the version it was
 * loaded in (If-Match), so a change someone else made meanwhile is never overwritten unseen.
 * A logo is not part of the profile yet.
 */
export class SrManageProfile extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    draft: { state: true },
    current: { state: true },
    done: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .replaces {
        margin-block: var(--_space-3);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  declare private draft: Draft | undefined;
  /** The organization as stored, after a 412: shown beside the form, and its version is the one the next save overwrites. */
  declare private current: Organization | undefined;
  declare private done: string | undefined;
  /** The organization the form was loaded from or last saved as: its version goes with the save. */
  #saved: Organization | undefined;
  readonly #focus = new FocusAfterUpdate(this);

  readonly #form = new FormController<Field>(this, {
    fields,
    format: () => this.format,
    onStale: () => void this.#showCurrent(),
  });

  readonly #organization = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: async (hub, [organizationId], signal) => {
      const organization = await hub.GET('/organizations/{organizationId}', { params: { path: { organizationId } }, signal });
      // A reload (back online, retry) never replaces what is being typed.
      if (!this.#form.dirty) this.#adopt(organization);
      return organization;
    },
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
  });

  constructor() {
    super();
    this.organizationId = '';
  }

  #adopt(organization: Organization): void {
    this.#saved = organization;
    this.draft = draftOf(organization);
    this.current = undefined;
    this.#form.reset();
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'profile', msg('Profil'))}
      <p class="lead">${msg('So erscheint Ihre Organisation in den Widgets und auf dem Hub. Alle Angaben sind öffentlich.')}</p>
      <div role="status" class="status">${this.done ? html`<p class="message" tabindex="-1" data-done>${this.done}</p>` : nothing}</div>
      ${this.#organization.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p><p>${skeletonText('50ch')}</p><p>${skeletonText('40ch')}</p>`,
        complete: () => (this.draft ? this.#profileForm(this.draft) : nothing),
      })}`;
  }

  #labels(): Record<Field, string> {
    return {
      name: msg('Name'),
      description: msg('Beschreibung'),
      email: msg('E-Mail-Adresse für Anfragen'),
      phone: msg('Telefon'),
      website: msg('Website'),
      privacyPolicyUrl: msg('Datenschutzhinweise (Adresse)'),
      municipalityId: msg('Gemeinde'),
    };
  }

  #profileForm(draft: Draft): TemplateResult {
    const labels = this.#labels();
    const set = (field: Field) => (value: string) => {
      this.draft = { ...draft, [field]: value };
      this.done = undefined;
    };
    const municipalities = this.#municipalities.value ?? [];
    return html`<form class="form" novalidate aria-label=${msg('Profil bearbeiten')} @submit=${this.#save}>
      ${this.#form.summary(labels)}
      ${textField(this.#form, 'name', labels.name, draft.name, set('name'), { required: true, autocomplete: 'organization', maxlength: 200 })}
      ${labelledField(
        this.#form,
        'description',
        labels.description,
        { hint: msg('Was Ihre Organisation tut, in zwei, drei Sätzen.') },
        ({ invalid, describedBy }) => html`<textarea
          id="description"
          name="description"
          rows="5"
          maxlength="2000"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${draft.description}
          @input=${(event: Event) => {
            set('description')((event.target as HTMLTextAreaElement).value);
            this.#form.changed('description');
          }}
        ></textarea>`,
      )}
      ${textField(this.#form, 'email', labels.email, draft.email, set('email'), {
        type: 'email',
        autocomplete: 'email',
        hint: msg('Eine Adresse der Organisation, nicht die einer Person.'),
      })}
      ${textField(this.#form, 'phone', labels.phone, draft.phone, set('phone'), { type: 'tel', autocomplete: 'tel' })}
      ${textField(this.#form, 'website', labels.website, draft.website, set('website'), {
        type: 'url',
        autocomplete: 'url',
        hint: msg('Mit https://, z. B. https://www.mein-verein.de'),
      })}
      ${textField(this.#form, 'privacyPolicyUrl', labels.privacyPolicyUrl, draft.privacyPolicyUrl, set('privacyPolicyUrl'), {
        type: 'url',
        hint: msg(
          'Wer sich auf ein Ehrenamtsgesuch meldet, sieht im Formular einen Link auf diese Seite und stimmt ihr zu. Ohne Adresse nimmt Ihre Organisation keine Rückmeldungen an.',
        ),
      })}
      ${selectField(
        this.#form,
        'municipalityId',
        labels.municipalityId,
        draft.municipalityId,
        municipalities.map(({ id, name }) => [id, name] as const),
        set('municipalityId'),
        { placeholder: msg('Keine Angabe'), hint: msg('Wo Ihre Organisation ihren Sitz hat.') },
      )}
      ${this.#form.failureMessage()} ${this.current ? this.#currentVersion(this.current, draft) : nothing}
      <div class="actions">${this.#form.submitButton(msg('Profil speichern'), msg('Wird gespeichert …'))}</div>
    </form>`;
  }

  /** After a 412: what is stored now, for each field where it differs from what was typed. */
  #currentVersion(current: Organization, draft: Draft): TemplateResult {
    const labels = this.#labels();
    const stored = draftOf(current);
    const differing = fields.filter((field) => stored[field] !== draft[field]);
    return html`<section class="message" aria-labelledby="current-heading" tabindex="-1" data-current>
      <h2 id="current-heading">${msg('Die aktuelle Fassung')}</h2>
      <p>${msg('Jemand hat das Profil geändert, während Sie es bearbeitet haben. Gespeichert ist jetzt:')}</p>
      ${
        differing.length === 0
          ? html`<p>${msg('Sie stimmt mit Ihren Eingaben überein.')}</p>`
          : html`<dl class="details">
            ${differing.map((field) => html`<dt>${labels[field]}</dt><dd dir="auto">${stored[field] || msg('(leer)')}</dd>`)}
          </dl>`
      }
      <p class="replaces">${msg('„Profil speichern“ ersetzt diese Fassung durch Ihre Eingaben.')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#adopt(current)}>${msg('Meine Eingaben verwerfen und die aktuelle Fassung übernehmen')}</button>
      </div>
    </section>`;
  }

  async #showCurrent(): Promise<void> {
    const current = await this.client.GET('/organizations/{organizationId}', { params: { path: { organizationId: this.organizationId } } });
    // The stored version is now the one a save replaces, knowingly.
    this.#saved = current;
    this.current = current;
    this.#focus.request('[data-current]');
  }

  readonly #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const draft = this.draft;
    const saved = this.#saved;
    if (!draft || !saved) return;
    const text = (field: Field) => draft[field].trim() || null;
    this.done = undefined;
    const organization = await this.#form.submit(
      () => ({ name: draft.name.trim() ? undefined : msg('Bitte geben Sie den Namen Ihrer Organisation an.') }),
      () =>
        this.client.PATCH('/organizations/{organizationId}', {
          params: { path: { organizationId: this.organizationId }, header: { 'If-Match': versionOf(saved) } },
          body: {
            name: draft.name.trim(),
            description: text('description'),
            email: text('email'),
            phone: text('phone'),
            website: text('website'),
            privacyPolicyUrl: text('privacyPolicyUrl'),
            municipalityId: text('municipalityId'),
          },
        }),
    );
    if (!organization) return;
    this.#adopt(organization);
    this.done = msg('Das Profil ist gespeichert.');
    this.#focus.request('[data-done]');
    // The name shows in the pages' headings, which come from the person's memberships.
    if (organization.name !== saved.name) emit(this, 'sr-manage-me-changed', undefined);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-profile': SrManageProfile;
  }
}

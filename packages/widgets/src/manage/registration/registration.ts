import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, looksLikeEmail, selectField, textField, type FieldErrors } from '../shared/form.js';
import { kindChoices } from '../shared/labels.js';
import { ManageElement } from '../shared/manage-element.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { basePath } from '../shared/navigation.js';
import type { Me } from '../shared/session-events.js';

/** What the applicant typed: kept through every failed send. */
interface Draft {
  name: string;
  kind: string;
  municipalityId: string;
  email: string;
  phone: string;
  website: string;
  privacyPolicyUrl: string;
  personName: string;
  personEmail: string;
}

type Field = keyof Draft;

const fields: readonly Field[] = [
  'name',
  'kind',
  'municipalityId',
  'email',
  'phone',
  'website',
  'privacyPolicyUrl',
  'personName',
  'personEmail',
];

const emptyDraft: Draft = {
  name: '',
  kind: '',
  municipalityId: '',
  email: '',
  phone: '',
  website: '',
  privacyPolicyUrl: '',
  personName: '',
  personEmail: '',
};

const personFields: Record<string, Field> = { displayName: 'personName', email: 'personEmail' };

/** `/organization/name` → `name`, `/person/email` → `personEmail`. */
function fieldOf(pointer: string): Field | undefined {
  const [, group, property = ''] = pointer.split('/');
  if (group === 'organization') return property as Field;
  if (group === 'person') return personFields[property];
  return undefined;
}

const isWebAddress = (value: string) => /^https?:\/\/\S+\.\S+/.test(value);

/** The contract's rules, said in words before anything is sent. */
function check(draft: Draft): FieldErrors<Field> {
  const trimmed = (field: Field) => draft[field].trim();
  return {
    name: trimmed('name').length < 2 ? msg('Bitte geben Sie den Namen der Organisation an.') : undefined,
    kind: draft.kind ? undefined : msg('Bitte wählen Sie, was für eine Organisation es ist.'),
    municipalityId: draft.municipalityId ? undefined : msg('Bitte wählen Sie den Ort.'),
    email: looksLikeEmail(draft.email) ? undefined : msg('Bitte geben Sie eine vollständige E-Mail-Adresse an, z. B. info@verein.de.'),
    phone:
      !trimmed('phone') || /^\+?[0-9 ()/-]{3,30}$/.test(trimmed('phone'))
        ? undefined
        : msg('Bitte nur Ziffern, Leerzeichen, +, /, - und Klammern, z. B. 0931 123456.'),
    website: !trimmed('website') || isWebAddress(trimmed('website')) ? undefined : msg('Bitte die vollständige Adresse mit https://.'),
    privacyPolicyUrl: isWebAddress(trimmed('privacyPolicyUrl'))
      ? undefined
      : msg('Bitte die vollständige Adresse Ihrer Datenschutzhinweise mit https:// angeben.'),
    personName: trimmed('personName') ? undefined : msg('Bitte geben Sie Ihren Namen an.'),
    personEmail: looksLikeEmail(draft.personEmail) ? undefined : msg('Bitte geben Sie Ihre vollständige E-Mail-Adresse an.'),
  };
}

/**
 * The registration of an organization that is not on the Hub yet. It stays unpublished until the
 * region approves it; the person who registers becomes its first member with the role Verwaltung
 * and gets a sign-in link by e-mail.
 */
export class SrManageRegistration extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    draft: { state: true },
    registered: { state: true },
  };

  /** Who is signed in, if anyone: their name and address are the person's fields to begin with. */
  declare me: Me | undefined;
  declare private draft: Draft;
  #prefilled = false;
  declare private registered: boolean;

  readonly #form = new FormController<Field>(this, { fields, fieldOf, format: () => this.format });
  readonly #focus = new FocusAfterUpdate(this);

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
    isEmpty: () => false,
  });

  constructor() {
    super();
    this.draft = emptyDraft;
    this.registered = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.me && !this.#prefilled) {
      this.#prefilled = true;
      const { displayName, email } = this.me.person;
      this.draft = { ...this.draft, personName: this.draft.personName || displayName, personEmail: this.draft.personEmail || email };
    }
  }

  protected override render(): TemplateResult {
    if (this.registered) {
      return html`<h1>${msg('Organisation registrieren')}</h1>
        <div class="message" role="status" tabindex="-1" data-registered>
          <h2>${msg('Vielen Dank! Ihre Registrierung ist eingegangen.')}</h2>
          <p>${msg('Die Region prüft sie und gibt Ihre Organisation frei. Bis dahin ist nichts von ihr öffentlich. Über die Entscheidung bekommen Sie eine E-Mail.')}</p>
          <p>${msg('Sie können sich schon jetzt anmelden: Den Link dafür haben wir Ihnen per E-Mail geschickt.')}</p>
        </div>
        <p><a href="${basePath}sign-in">${msg('Zur Anmeldung')}</a></p>`;
    }
    return html`<h1>${msg('Organisation registrieren')}</h1>
      <p class="lead">${msg('Für Vereine, Initiativen, Beratungsstellen und Ämter der Region, die Termine, Hilfsangebote, Ehrenamtsgesuche oder Umfragen veröffentlichen möchten. Nach der Freigabe durch die Region können Sie loslegen.')}</p>
      <p>${msg('Felder mit * sind nötig.')}</p>
      ${this.#municipalities.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p><p>${skeletonText('50ch')}</p>`,
        complete: (municipalities) => this.#registrationForm(municipalities),
      })}`;
  }

  #registrationForm(municipalities: Schema<'Municipality'>[]): TemplateResult {
    const labels: Record<Field, string> = {
      name: msg('Name der Organisation'),
      kind: msg('Art der Organisation'),
      municipalityId: msg('Ort'),
      email: msg('E-Mail-Adresse der Organisation'),
      phone: msg('Telefon'),
      website: msg('Website'),
      privacyPolicyUrl: msg('Adresse Ihrer Datenschutzhinweise'),
      personName: msg('Ihr Name'),
      personEmail: msg('Ihre E-Mail-Adresse'),
    };
    const form = this.#form;
    const set = (field: Field) => (value: string) => (this.draft = { ...this.draft, [field]: value });
    const draft = this.draft;
    return html`<form class="form" novalidate @submit=${this.#register}>
      ${form.summary(labels)}
      <fieldset class="form">
        <legend><h2>${msg('Die Organisation')}</h2></legend>
        ${textField(form, 'name', labels.name, draft.name, set('name'), { required: true, autocomplete: 'organization', maxlength: 200 })}
        ${selectField(form, 'kind', labels.kind, draft.kind, kindChoices(), set('kind'), { required: true, placeholder: msg('Bitte wählen') })}
        ${selectField(
          form,
          'municipalityId',
          labels.municipalityId,
          draft.municipalityId,
          municipalities.map(({ id, name }) => [id, name] as const),
          set('municipalityId'),
          { required: true, placeholder: msg('Bitte wählen'), hint: msg('Wo die Organisation ihren Sitz hat.') },
        )}
        ${textField(form, 'email', labels.email, draft.email, set('email'), {
          type: 'email',
          autocomplete: 'email',
          required: true,
          hint: msg('Öffentlich sichtbar, z. B. info@… – nicht Ihre private Adresse.'),
        })}
        ${textField(form, 'phone', labels.phone, draft.phone, set('phone'), { type: 'tel', autocomplete: 'tel' })}
        ${textField(form, 'website', labels.website, draft.website, set('website'), { type: 'url', autocomplete: 'url', hint: msg('Zum Beispiel https://www.verein.de') })}
        ${textField(form, 'privacyPolicyUrl', labels.privacyPolicyUrl, draft.privacyPolicyUrl, set('privacyPolicyUrl'), {
          type: 'url',
          required: true,
          hint: msg('Wer Ihnen über den Hub Daten schickt (z. B. als Freiwillige*r), sieht diesen Link.'),
        })}
      </fieldset>
      <fieldset class="form">
        <legend><h2>${msg('Sie')}</h2></legend>
        <p class="hint">${msg('Sie verwalten die Organisation auf dem Hub und können weitere Personen einladen.')}</p>
        ${textField(form, 'personName', labels.personName, draft.personName, set('personName'), { required: true, autocomplete: 'name', maxlength: 100 })}
        ${textField(form, 'personEmail', labels.personEmail, draft.personEmail, set('personEmail'), {
          type: 'email',
          autocomplete: 'email',
          required: true,
          hint: msg('Hierhin schicken wir Ihren Anmeldelink.'),
        })}
      </fieldset>
      ${form.failureMessage()}
      <div class="actions">${form.submitButton(msg('Registrieren'))}</div>
    </form>`;
  }

  readonly #register = async (event: SubmitEvent) => {
    event.preventDefault();
    const value = (field: Field) => this.draft[field].trim();
    const optional = (field: Field) => value(field) || null;
    const done = await this.#form.submit(
      () => check(this.draft),
      () =>
        this.client.POST('/organization-registrations', {
          body: {
            language: this.locale,
            organization: {
              name: value('name'),
              kind: value('kind') as Schema<'OrganizationKind'>,
              municipalityId: value('municipalityId'),
              email: value('email'),
              phone: optional('phone'),
              website: optional('website'),
              privacyPolicyUrl: value('privacyPolicyUrl'),
            },
            person: { displayName: value('personName'), email: value('personEmail') },
          },
        }),
    );
    if (!done) return;
    // A person who registered while signed in is its member now: the app shows it with them.
    if (this.me) emit(this, 'sr-manage-me-changed', undefined);
    this.registered = true;
    this.draft = emptyDraft;
    this.#focus.request('[data-registered]');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-registration': SrManageRegistration;
  }
}

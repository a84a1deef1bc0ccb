import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { isolated } from '../core/bidi.js';
import { isHubError, type ErrorMessage } from '../core/errors.js';
import type { Formats } from '../core/format.js';
import type { VolunteerNeed } from './need-card.js';
import { conflictNotice, shiftChoices, signupReceipt, type ShiftConflict, type VolunteerResponseReceipt } from './shifts.js';

/** What the reader typed: kept as typed through failed sends, until the Hub has it. */
export interface Draft {
  name: string;
  email: string;
  phone: string;
  message: string;
  /** The chosen shifts of a need with shifts; a choice for one need only. */
  shiftIds: string[];
  consent: boolean;
  /** A field people never see; only programs fill it in. */
  honeypot: string;
}

export type FieldName = Exclude<keyof Draft, 'honeypot'>;
export type FieldErrors = Partial<Record<FieldName, string>>;

export const emptyDraft: Draft = { name: '', email: '', phone: '', message: '', shiftIds: [], consent: false, honeypot: '' };

const fieldOrder: FieldName[] = ['shiftIds', 'name', 'email', 'phone', 'message', 'consent'];

/** The contract's rules, said in words next to each field before anything is sent. */
export function checkDraft(draft: Draft, need: VolunteerNeed): FieldErrors {
  const errors: FieldErrors = {};
  if (need.shifts.length && draft.shiftIds.length === 0) errors.shiftIds = msg('Bitte wählen Sie mindestens eine Schicht.');
  if (!draft.name.trim()) errors.name = msg('Bitte geben Sie Ihren Namen an.');
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  if (!email && !phone) errors.email = msg('Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit man Sie erreichen kann.');
  else if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = msg('Bitte geben Sie eine vollständige E-Mail-Adresse an, z. B. name@beispiel.de.');
  if (phone && !/^\+?[0-9 ()/-]{3,30}$/.test(phone))
    errors.phone = msg('Bitte nur Ziffern, Leerzeichen, +, /, - und Klammern, z. B. 0931 123456.');
  if (!draft.consent) errors.consent = msg('Bitte stimmen Sie der Verwendung Ihrer Angaben zu.');
  return errors;
}

/** The fields the Hub named as invalid (`/body/email`, `/email` or `/body/shiftIds/0`), with a readable message each. */
export function fieldErrorsFrom(error: unknown): FieldErrors | undefined {
  if (!isHubError(error) || error.errors.length === 0) return undefined;
  const errors: FieldErrors = {};
  for (const { pointer } of error.errors) {
    const field = pointer.replace(/^\/body/, '').split('/')[1] as FieldName;
    if (fieldOrder.includes(field)) errors[field] = msg('Bitte prüfen Sie diese Angabe.');
  }
  return Object.keys(errors).length ? errors : undefined;
}

export interface FormContext {
  need: VolunteerNeed;
  draft: Draft;
  errors: FieldErrors;
  /** Why sending failed, when it was not a field's fault. */
  failure: ErrorMessage | undefined;
  sending: boolean;
  /** Why chosen shifts were not taken, and the shifts offered instead. */
  conflict: ShiftConflict | undefined;
  format: Formats;
  locale: string;
  change<K extends keyof Draft>(name: K, value: Draft[K]): void;
  submit: (event: SubmitEvent) => void;
  /** The reader turned to the form: the time to start the proof of work. */
  begin: () => void;
}

function field(
  name: 'name' | 'email' | 'phone',
  label: string,
  type: string,
  autocomplete: string,
  context: FormContext,
  hint?: string,
): TemplateResult {
  const error = context.errors[name];
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${hint ? html`<span id="${name}-hint" class="hint">${hint}</span>` : nothing}
    ${error ? html`<span id="${name}-error" class="field-error">${error}</span>` : nothing}
    <input
      id=${name}
      part="input"
      type=${type}
      autocomplete=${autocomplete}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      .value=${context.draft[name]}
      @input=${(event: Event) => context.change(name, (event.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** Every problem at the top, each a link to its field (WCAG error identification). */
function errorSummary(
  errors: FieldErrors,
  labels: Record<FieldName, string>,
  root: () => ShadowRoot | null,
): TemplateResult | typeof nothing {
  const names = fieldOrder.filter((name) => errors[name]);
  if (names.length === 0) return nothing;
  const focus = (name: FieldName) => (event: Event) => {
    event.preventDefault();
    const field = root()?.getElementById(name);
    // A group of choices: its first that can be chosen.
    (field?.matches('fieldset') ? field.querySelector<HTMLElement>('input:not(:disabled)') : field)?.focus();
  };
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
    <h3>${msg('Bitte prüfen Sie Ihre Angaben:')}</h3>
    <ul>
      ${names.map((name) => html`<li><a href="#${name}" @click=${focus(name)}>${labels[name]}: ${errors[name]}</a></li>`)}
    </ul>
  </div>`;
}

export function responseForm(context: FormContext, root: () => ShadowRoot | null): TemplateResult {
  const { need, draft, errors } = context;
  const organization = need.organization.name;
  const labels: Record<FieldName, string> = {
    name: msg('Name'),
    email: msg('E-Mail'),
    phone: msg('Telefon'),
    message: msg('Nachricht'),
    shiftIds: msg('Schichten'),
    consent: msg('Einwilligung'),
  };
  const contactHint = msg('E-Mail oder Telefon: mindestens eines.');
  return html`<form part="form" class="form" novalidate @submit=${context.submit} @focusin=${context.begin}>
    ${errorSummary(errors, labels, root)}
    <p>${msg('Ihre Angaben gehen nur an:')} ${isolated(organization)}</p>
    ${need.approvalRequired ? html`<p part="approval">${msg('Die Organisation meldet sich, bevor Ihre Anmeldung gilt.')}</p>` : nothing}
    <p>${msg('Felder mit * sind nötig.')}</p>
    ${context.conflict ? conflictNotice(context.conflict, context.format, context.locale) : nothing}
    ${
      need.shifts.length
        ? shiftChoices({
            shifts: need.shifts,
            chosen: draft.shiftIds,
            suggested: context.conflict?.alternatives ?? [],
            error: errors.shiftIds,
            format: context.format,
            locale: context.locale,
            choose: (shiftId, checked) =>
              context.change('shiftIds', checked ? [...draft.shiftIds, shiftId] : draft.shiftIds.filter((id) => id !== shiftId)),
          })
        : nothing
    }
    ${field('name', `${labels.name} *`, 'text', 'name', context)}
    ${field('email', labels.email, 'email', 'email', context, contactHint)}
    ${field('phone', labels.phone, 'tel', 'tel', context, contactHint)}
    <div class="field">
      <label for="message">${labels.message}</label>
      <span id="message-hint" class="hint">${msg('Zum Beispiel, wann Sie Zeit haben.')}</span>
      <textarea id="message" part="input" rows="3" maxlength="2000" aria-describedby="message-hint" .value=${draft.message} @input=${(event: Event) => context.change('message', (event.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    <div class="honeypot" aria-hidden="true">
      <label for="website">Website</label>
      <input id="website" tabindex="-1" autocomplete="off" .value=${draft.honeypot} @input=${(event: Event) => context.change('honeypot', (event.target as HTMLInputElement).value)} />
    </div>
    <div class="field consent">
      ${errors.consent ? html`<span id="consent-error" class="field-error">${errors.consent}</span>` : nothing}
      <label class="check">
        <input
          id="consent"
          part="consent"
          type="checkbox"
          aria-invalid=${errors.consent ? 'true' : 'false'}
          aria-describedby=${errors.consent ? 'consent-error' : nothing}
          .checked=${draft.consent}
          @change=${(event: Event) => context.change('consent', (event.target as HTMLInputElement).checked)}
        />
        <span>
          ${msg(html`Ich bin einverstanden, dass die Organisation „${isolated(organization)}“ meine Angaben verwendet, um sich wegen dieses Einsatzes bei mir zu melden.`)}
          <a part="privacy-link" href=${need.privacyNotice!.url} target="_blank" rel="noopener">${msg('Datenschutzhinweise')}</a> *
        </span>
      </label>
    </div>
    ${
      context.failure
        ? html`<div part="send-error" class="send-error" role="alert" tabindex="-1">
          <p><strong>${context.failure.title}</strong></p>
          <p>${context.failure.detail}</p>
        </div>`
        : nothing
    }
    <button part="button submit-button" class="button primary" type="submit" aria-disabled=${context.sending ? 'true' : 'false'}>
      ${context.sending ? msg('Wird gesendet …') : msg('Absenden')}
    </button>
  </form>`;
}

/**
 * After sending: what happens next, and what happens to the data. A sign-up for shifts (`receipt`
 * with shifts) says for which, whether it counts yet, and, `withEmail`, where to change it.
 */
export function confirmation(
  need: VolunteerNeed,
  receipt: VolunteerResponseReceipt | undefined,
  { withEmail, format, locale }: { withEmail: boolean; format: Formats; locale: string },
): TemplateResult {
  const organization = need.organization.name;
  return html`<div part="confirmation" class="confirmation" role="status" tabindex="-1">
    <p><strong>${msg('Vielen Dank, dass Sie helfen möchten!')}</strong></p>
    ${receipt?.shifts.length ? signupReceipt(receipt, withEmail, format, locale) : nothing}
    <p>${msg('Ihre Nachricht ging an:')} ${isolated(organization)}</p>
    <p>
      ${
        receipt?.status === 'confirmed'
          ? msg('Nur die Organisation sieht Ihre Angaben. Nach dem Einsatz werden Ihre Angaben automatisch gelöscht.')
          : msg(
              'Die Organisation meldet sich bei Ihnen. Nur sie sieht Ihre Angaben. Nach dem Einsatz werden Ihre Angaben automatisch gelöscht.',
            )
      }
    </p>
  </div>`;
}

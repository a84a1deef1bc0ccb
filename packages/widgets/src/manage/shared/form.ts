import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage, isHubError, type ErrorMessage } from '../../core/errors.js';
import { emit } from '../../core/events.js';
import type { Formats } from '../../core/format.js';
import { fieldMessage } from './field-messages.js';
import { isProblem } from './problems.js';
import { isSignedOut } from './session-events.js';
import { hasUnsavedChange, markClean, markDirty } from './unsaved-changes.js';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export interface FormOptions<Field extends string> {
  /** The form's fields in the order they appear: the order of the error summary. */
  fields: readonly Field[];
  /** Formats of the element, for "try again in 5 minutes". */
  format: () => Formats;
  /**
   * The field a JSON pointer of the Hub's problem names (`/body` taken off), when the form's
   * fields are not the body's top-level properties; by default its first segment.
   */
  fieldOf?: (pointer: string) => string | undefined;
  /** A message for a refusal this form knows better than the generic one (e.g. "last owner"), else `undefined`. */
  explain?: (error: unknown) => ErrorMessage | undefined;
  /**
   * Shows the entry as it is stored now, after someone else changed it since the form loaded it
   * (the Hub's 412): the form offers it beside the message, and what was typed stays.
   */
  onStale?: () => void;
}

/**
 * A form's messages and sending state. What was typed stays in the element (its draft) through
 * every failure: the Hub's field errors (problem+json `errors[].pointer`, `/body/email` or
 * `/email`) are shown at their fields, said from the rule the Hub names (`code`, `limit`), and in
 * a summary at the top that links to each; an edit someone else overtook (412) says so and offers
 * the current version; any other failure is shown above the button, with the draft kept for the
 * retry. The focus moves to what answers the send. A form is unsaved from its first change to its
 * next successful send (or reset), and leaving the page or the screen asks first (unsaved-changes.ts).
 */
export class FormController<Field extends string> implements ReactiveController {
  errors: FieldErrors<Field> = {};
  failure: ErrorMessage | undefined;
  /** The last send was refused because the entry changed since it was loaded (412). */
  stale = false;
  sending = false;
  readonly #host: ReactiveElement;
  readonly #options: FormOptions<Field>;
  #focusPending = false;

  constructor(host: ReactiveElement, options: FormOptions<Field>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * Checks the draft with `check` (the contract's rules said in words), then sends it with `send`.
   * Resolves to what `send` resolved to, or `undefined` when nothing was sent or the Hub refused.
   */
  async submit<T>(check: () => FieldErrors<Field>, send: () => Promise<T>): Promise<T | undefined> {
    if (this.sending) return undefined;
    this.failure = undefined;
    this.stale = false;
    this.errors = withoutEmpty(check());
    if (Object.keys(this.errors).length > 0) return this.#answered(undefined);
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const sent = await send();
      markClean(this);
      return this.#answered(sent);
    } catch (error) {
      if (isSignedOut(error)) emit(this.#host, 'sr-manage-signed-out', { expired: true });
      const fields = this.#fieldErrorsFrom(error);
      this.stale = isProblem(error, 'edited-elsewhere');
      if (fields) this.errors = fields;
      else if (this.stale) this.failure = staleMessage();
      else this.failure = this.#options.explain?.(error) ?? errorMessage(error, this.#options.format());
      return this.#answered(undefined);
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  /** A field was changed: the form is unsaved; its message goes, the others stay until the next send. */
  changed(field: Field): void {
    markDirty(this);
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: undefined };
    this.#host.requestUpdate();
  }

  /** Forgets every message and any unsaved change, e.g. when the form is shown for another item. */
  reset(): void {
    this.errors = {};
    this.failure = undefined;
    this.stale = false;
    markClean(this);
    this.#host.requestUpdate();
  }

  /** Whether something was changed and not yet saved. */
  get dirty(): boolean {
    return hasUnsavedChange(this);
  }

  /** A form that leaves the page holds nothing unsaved any more. */
  hostDisconnected(): void {
    markClean(this);
  }

  hostUpdated(): void {
    if (!this.#focusPending) return;
    this.#focusPending = false;
    this.#host.renderRoot.querySelector<HTMLElement>('[data-form-answer]')?.focus();
  }

  #answered<T>(value: T): T {
    this.#focusPending = Object.values(this.errors).some(Boolean) || this.failure !== undefined;
    this.#host.requestUpdate();
    return value;
  }

  #fieldErrorsFrom(error: unknown): FieldErrors<Field> | undefined {
    if (!isHubError(error) || error.errors.length === 0) return undefined;
    const errors: FieldErrors<Field> = {};
    const fieldOf = this.#options.fieldOf ?? ((pointer: string) => pointer.split('/')[1]);
    for (const fieldError of error.errors) {
      const field = fieldOf(fieldError.pointer.replace(/^\/body/, '')) as Field;
      // The first rule a field breaks is the one to mend first (a URL: its form before its length).
      if (this.#options.fields.includes(field)) errors[field] ??= fieldMessage(fieldError);
    }
    return Object.keys(errors).length ? errors : undefined;
  }

  /** Every field's problem at the top of the form, each a link to its field (WCAG 3.3.1), or the failure. */
  summary(labels: Record<Field, string>): TemplateResult | typeof nothing {
    const names = this.#options.fields.filter((name) => this.errors[name]);
    if (names.length > 0) {
      const focus = (name: Field) => (event: Event) => {
        event.preventDefault();
        this.#host.renderRoot.querySelector<HTMLElement>(`#${name}`)?.focus();
      };
      return html`<div class="message danger" role="alert" tabindex="-1" data-form-answer>
        <h2>${msg('Bitte prüfen Sie Ihre Angaben:')}</h2>
        <ul>
          ${names.map((name) => html`<li><a href="#${name}" @click=${focus(name)}>${labels[name]}: ${this.errors[name]}</a></li>`)}
        </ul>
      </div>`;
    }
    return nothing;
  }

  /** Why sending failed when no field was at fault, and that nothing typed is lost. */
  failureMessage(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    const onStale = this.stale ? this.#options.onStale : undefined;
    return html`<div class="message danger" role="alert" tabindex="-1" data-form-answer>
      <p><strong>${failure.title}</strong></p>
      <p>${failure.detail}</p>
      ${failure.canRetry && !this.stale ? html`<p>${msg('Ihre Eingaben sind noch da. Sie können es gleich noch einmal versuchen.')}</p>` : nothing}
      ${onStale ? html`<p><button class="button" type="button" @click=${() => this.#showCurrent(onStale)}>${msg('Aktuelle Fassung anzeigen')}</button></p>` : nothing}
    </div>`;
  }

  /** The screen shows the current version: it says the rest, so the message goes (what was typed stays unsaved). */
  #showCurrent(onStale: () => void): void {
    this.failure = undefined;
    this.stale = false;
    this.#host.requestUpdate();
    onStale();
  }

  /** Whether sending failed in a way no retry can mend (a used link). */
  get finallyFailed(): boolean {
    return this.failure !== undefined && !this.failure.canRetry;
  }

  /** The submit button: it stays focusable while sending, and says so. */
  submitButton(label: string, sendingLabel = msg('Wird gesendet …')): TemplateResult {
    return html`<button class="button primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
      ${this.sending ? sendingLabel : label}
    </button>`;
  }
}

/** The 412 said in words: someone else saved first; nothing typed here is lost. */
function staleMessage(): ErrorMessage {
  return {
    title: msg('Jemand hat diesen Eintrag inzwischen geändert.'),
    detail: msg('Ihre Eingaben sind noch da. Sehen Sie sich die aktuelle Fassung an, bevor Sie erneut speichern.'),
    canRetry: true,
  };
}

function withoutEmpty<Field extends string>(errors: FieldErrors<Field>): FieldErrors<Field> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as FieldErrors<Field>;
}

export interface InputOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  /** Further attributes of the input that the screen's own checks use, e.g. `maxlength`. */
  maxlength?: number;
}

/** What a field's control needs to be tied to its label, hint and error for screen readers. */
export interface ControlState {
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
  required: 'true' | 'false';
}

/**
 * A field: its label, hint and error, and the control `control` renders with their ids (the
 * control's id is `name`, which the error summary links to).
 */
export function labelledField<Field extends string>(
  form: FormController<Field>,
  name: Field,
  label: string,
  options: { hint?: string | undefined; required?: boolean | undefined },
  control: (state: ControlState) => TemplateResult,
): TemplateResult {
  const error = form.errors[name];
  const described = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${name}>${label}${options.required ? ' *' : ''}</label>
    ${options.hint ? html`<span id="${name}-hint" class="hint">${options.hint}</span>` : nothing}
    ${error ? html`<span id="${name}-error" class="field-error">${error}</span>` : nothing}
    ${control({ invalid: error ? 'true' : 'false', describedBy: described || nothing, required: options.required ? 'true' : 'false' })}
  </div>`;
}

/** The handler of a control's edits: its new value to the screen, and the field counts as changed. */
const edited =
  <Field extends string>(form: FormController<Field>, name: Field, onValue: (value: string) => void) =>
  (event: Event): void => {
    onValue((event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
    form.changed(name);
  };

/** A labelled text input (or e-mail, URL, date …), its hint and its error. */
export function textField<Field extends string>(
  form: FormController<Field>,
  name: Field,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: InputOptions = {},
): TemplateResult {
  return labelledField(
    form,
    name,
    label,
    options,
    ({ invalid, describedBy, required }) => html`<input
      id=${name}
      name=${name}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete ?? 'off'}
      maxlength=${options.maxlength ?? nothing}
      aria-required=${required}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${value}
      @input=${edited(form, name, onInput)}
    />`,
  );
}

/** A labelled textarea for text of several sentences, its hint and its error. */
export function textAreaField<Field extends string>(
  form: FormController<Field>,
  name: Field,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: Pick<InputOptions, 'hint' | 'required' | 'maxlength'> = {},
): TemplateResult {
  return labelledField(
    form,
    name,
    label,
    options,
    ({ invalid, describedBy, required }) => html`<textarea
      id=${name}
      name=${name}
      maxlength=${options.maxlength ?? nothing}
      aria-required=${required}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${value}
      @input=${edited(form, name, onInput)}
    ></textarea>`,
  );
}

/** A labelled select with its choices (`[value, label]`), hint and error. */
export function selectField<Field extends string>(
  form: FormController<Field>,
  name: Field,
  label: string,
  value: string,
  choices: readonly (readonly [string, string])[],
  onChange: (value: string) => void,
  options: { hint?: string; required?: boolean; placeholder?: string } = {},
): TemplateResult {
  return labelledField(
    form,
    name,
    label,
    options,
    ({ invalid, describedBy, required }) => html`<select
      id=${name}
      name=${name}
      aria-required=${required}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      @change=${edited(form, name, onChange)}
    >
      ${options.placeholder !== undefined ? html`<option value="" ?selected=${value === ''}>${options.placeholder}</option>` : nothing}
      ${choices.map(([choice, text]) => html`<option value=${choice} ?selected=${choice === value}>${text}</option>`)}
    </select>`,
  );
}

/** The contract's e-mail rule, said before anything is sent. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/**
 * One of a few choices, each with a sentence on what it means (radio buttons in a fieldset): for
 * choices a person must understand, such as a role, rather than a list that hides them.
 */
export function choiceField<Field extends string>(
  form: FormController<Field>,
  name: Field,
  legend: string,
  value: string,
  choices: readonly (readonly [string, string, string])[],
  onChange: (value: string) => void,
): TemplateResult {
  const error = form.errors[name];
  return html`<fieldset class="field" aria-describedby=${error ? `${name}-error` : nothing}>
    <legend>${legend} *</legend>
    ${error ? html`<span id="${name}-error" class="field-error">${error}</span>` : nothing}
    ${choices.map(([choice, label, description], index) => {
      const id = index === 0 ? name : `${name}-${choice}`;
      return html`<div class="choice">
        <input
          type="radio"
          name=${name}
          id=${id}
          value=${choice}
          aria-describedby="${id}-hint"
          .checked=${choice === value}
          @change=${() => {
            onChange(choice);
            form.changed(name);
          }}
        />
        <label for=${id}>${label}</label>
        <span id="${id}-hint" class="hint">${description}</span>
      </div>`;
    })}
  </fieldset>`;
}

/**
 * Draft or published, for an item citizens see only once it is published; `whereVisible` says
 * where they see it then.
 */
export function publishedField<Field extends string>(
  form: FormController<Field | 'published'>,
  published: boolean,
  whereVisible: string,
  onChange: (published: boolean) => void,
): TemplateResult {
  return choiceField(
    form,
    'published',
    msg('Sichtbarkeit'),
    published ? 'yes' : 'no',
    [
      ['no', msg('Entwurf'), msg('Nur für Ihre Organisation sichtbar.')],
      ['yes', msg('Veröffentlicht'), whereVisible],
    ],
    (value) => onChange(value === 'yes'),
  );
}

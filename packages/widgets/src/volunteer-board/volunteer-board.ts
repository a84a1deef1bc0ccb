import { msg } from '@lit/localize';
import { paginate, type operations } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { uuid, type AttributeRules } from '../core/attributes.js';
import { isolated } from '../core/bidi.js';
import { collect } from '../core/collect.js';
import { ModalDialog, dialogStyles } from '../core/dialog.js';
import { Debounce } from '../core/debounce.js';
import { errorMessage } from '../core/errors.js';
import { emit } from '../core/events.js';
import { FocusAfterUpdate } from '../core/focus.js';
import { CitizenWrite, notSentFailure, type WriteFailure } from '../core/proof.js';
import { SrElement } from '../core/sr-element.js';
import { fieldStyles } from '../core/styles.js';
import { skeletonText } from '../core/states.js';
import { needCard, needSkeleton, takesResponses, type VolunteerNeed } from './need-card.js';
import { checkDraft, confirmation, emptyDraft, fieldErrorsFrom, responseForm, type Draft, type FieldErrors } from './response-form.js';
import { resolveConflict, shiftProblem, type ShiftConflict, type ShiftProblem, type VolunteerResponseReceipt } from './shifts.js';
import { boardStyles } from './styles.js';

type NeedsQuery = NonNullable<operations['listVolunteerNeeds']['parameters']['query']>;

/** What `sr-volunteer-response` tells: the reader offered help for this need. */
export interface VolunteerResponseDetail {
  volunteerNeedId: string;
}

/** How long typing pauses before the board asks the Hub. */
const typingPause = 400;

interface Filters {
  q: string;
  municipality: string;
  urgent: boolean;
  remote: boolean;
  sort: 'date' | 'urgency';
}

const noFilters: Filters = { q: '', municipality: '', urgent: false, remote: false, sort: 'date' };

/** The values of an attribute: `municipality="hoechberg eibelstadt"`, commas allowed too. */
const valuesOf = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);

/** The contract's slugs of organizations and municipalities. */
const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * What clubs and initiatives of the region need help with, and "Ich helfe mit": a short form
 * whose answer goes to the club only. A club's page shows its own needs (`organization`), a
 * municipality's page those in the municipality (`municipality`). A need with shifts takes a
 * sign-up for one or several of them, as long as they have a free place; the volunteer gets a
 * personal link by e-mail to withdraw or change. A page address ending in `#need=<id>` (where a
 * printed notice's QR code leads) opens that need's form once the list shows it, if it takes sign-ups.
 *
 * @tagname sr-volunteer-board
 * @summary Volunteer needs of clubs and initiatives, with a privacy-friendly "Ich helfe mit" form.
 * @attr organization - Only the needs of these organizations (slugs such as `tsv-ochsenfurt-1862-e-v`, or ids; separated by spaces); fixes the filter.
 * @attr municipality - Only needs in these municipalities (slugs such as `hoechberg`); fixes the filter.
 * @fires sr-volunteer-response - The reader offered help and the Hub has it (`detail`: `volunteerNeedId`). No personal data.
 * @csspart filters - The search and filter controls.
 * @csspart search - The search field.
 * @csspart filter - Each filter control.
 * @csspart list - The list of needs.
 * @csspart need - A need's card (also `item`).
 * @csspart need-title - Its title.
 * @csspart urgent - The "Dringend" badge.
 * @csspart places - The badge of places still free ("Noch 2 Personen gesucht", "3 Schichten · noch 5 Plätze frei").
 * @csspart help-button - "Ich helfe mit".
 * @csspart print - "Aushang drucken": the Hub's printable notice of the need, in a new tab.
 * @csspart easy-read - In Leichte Sprache (`lang="de-x-ls"`): the organization's summary in Leichter Sprache, above the description.
 * @csspart dialog - The form's dialog; also `dialog-heading`, `dialog-body`, `dialog-close`.
 * @csspart form - The form.
 * @csspart input - Each text field.
 * @csspart approval - For a need "nach Rücksprache": that the organization confirms a sign-up first.
 * @csspart shifts - The choice of shifts (a fieldset).
 * @csspart shift - Each shift to choose; also `suggested` for those offered after a chosen one filled up.
 * @csspart shift-conflict - Why chosen shifts were not taken (full, started, cancelled) and what is offered instead.
 * @csspart consent - The consent checkbox.
 * @csspart privacy-link - The link to the organization's privacy notice.
 * @csspart error-summary - The list of problems above the form.
 * @csspart send-error - Why sending failed.
 * @csspart submit-button - "Absenden".
 * @csspart confirmation - The thanks after sending.
 * @csspart receipt-shifts - In it, the list of shifts signed up for.
 * @cssprop --sr-color-urgent - Colour of the "Dringend" badge and border; the danger colour by default.
 */
export class SrVolunteerBoard extends SrElement {
  static override properties: PropertyDeclarations = {
    organization: {},
    municipality: {},
    filters: { state: true, attribute: false },
    openNeed: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    conflict: { state: true, attribute: false },
  };

  static override styles = [SrElement.styles, fieldStyles, dialogStyles, boardStyles];

  // Values the Hub would refuse: it answers with an error, and the warning names the attribute.
  static override attributeRules: AttributeRules = {
    ...SrElement.attributeRules,
    organization: {
      valid: (value) => valuesOf(value).every((ref) => slug.test(ref) || uuid.test(ref)),
      problem:
        'should name organizations by slug (e.g. "tsv-ochsenfurt-1862-e-v") or id, separated by spaces, as GET /organizations lists them.',
    },
    municipality: {
      valid: (value) => valuesOf(value).every((ref) => slug.test(ref)),
      problem: 'should name municipalities by slug (e.g. "hoechberg"), separated by spaces, as GET /municipalities lists them.',
    },
  };

  declare organization: string | undefined;
  declare municipality: string | undefined;

  declare private filters: Filters;
  declare private openNeed: VolunteerNeed | undefined;
  declare private draft: Draft;
  declare private errors: FieldErrors;
  declare private conflict: ShiftConflict | undefined;

  #query: NeedsQuery = {};
  /** The need a notice's QR code points at, taken once from the address. */
  #needFromAddress = new URLSearchParams(location.hash.slice(1)).get('need') ?? undefined;
  readonly #typing = new Debounce(this, typingPause);
  readonly #focus = new FocusAfterUpdate(this);
  readonly #dialog = new ModalDialog();
  /** The needs signed up for with an e-mail address: their receipt tells of the personal link. */
  readonly #withEmail = new Set<string>();
  /** The offer of help: stored once however often it is retried, with a proof of work. */
  readonly #response = new CitizenWrite<VolunteerResponseReceipt>(this, {
    challenge: (volunteerNeedId) => {
      if (this.connection.status !== 'ready') return undefined;
      return this.connection.client.GET('/volunteer-needs/{volunteerNeedId}/challenge', { params: { path: { volunteerNeedId } } });
    },
    failure: (error) => {
      const problem = shiftProblem(error);
      const need = this.openNeed;
      if (problem && need) {
        void this.#shiftsTaken(need, problem, error);
        return undefined;
      }
      const fields = fieldErrorsFrom(error);
      if (fields) {
        this.errors = fields;
        return undefined;
      }
      return this.#notSent(error);
    },
  });

  constructor() {
    super();
    this.filters = noFilters;
    this.draft = emptyDraft;
    this.errors = {};
  }

  readonly #needs = this.fetchTask({
    args: () => [this.#query] as const,
    fetch: (hub, [query], signal) => collect(paginate(hub, '/volunteer-needs', { params: { query: { ...query, limit: 100 } }, signal })),
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => collect(paginate(hub, '/municipalities', { params: { query: { limit: 100 } }, signal })),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { q, municipality, urgent, remote, sort } = this.filters;
    const fixedMunicipalities = valuesOf(this.municipality);
    this.#query = {
      q: q.trim() || undefined,
      municipality: fixedMunicipalities.length ? fixedMunicipalities : valuesOf(municipality),
      organization: valuesOf(this.organization),
      urgent: urgent || undefined,
      remote: remote || undefined,
      sort,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const needs = this.#needs.value;
    if (needs && this.#needFromAddress) {
      const wanted = needs.find((item) => item.id === this.#needFromAddress);
      this.#needFromAddress = undefined;
      if (wanted && takesResponses(wanted)) void this.#openForm(wanted);
    }
  }

  protected override render() {
    const need = this.openNeed;
    const context = {
      format: this.format,
      locale: this.locale,
      hubUrl: this.hubAddress,
      municipalityNames: new Map((this.#municipalities.value ?? []).map(({ id, name }) => [id, name])),
      help: (chosen: VolunteerNeed) => void this.#openForm(chosen),
    };
    return html`
      ${this.#filterControls()}
      ${this.#needs.render({
        skeleton: () => needSkeleton(skeletonText),
        complete: (needs) => html`<ul part="list" class="needs">
          ${needs.map((item) => needCard(item, context))}
        </ul>`,
        emptyText: msg('Gerade wird hier keine Hilfe gesucht. Schauen Sie bald wieder vorbei!'),
      })}
      ${this.#dialog.render({
        heading: need ? html`${msg('Ich helfe mit')}: ${isolated(need.title)}` : '',
        content: need
          ? this.#response.sent(need.id)
            ? confirmation(need, this.#response.result(need.id), {
                withEmail: this.#withEmail.has(need.id),
                format: this.format,
                locale: this.locale,
              })
            : this.#form(need)
          : nothing,
      })}
    `;
  }

  #filterControls(): TemplateResult {
    const set = (change: Partial<Filters>) => {
      this.#typing.cancel();
      this.filters = { ...this.filters, ...change };
    };
    const checked = (event: Event) => (event.target as HTMLInputElement).checked;
    return html`<div part="filters" class="filters" role="search" aria-label=${msg('Einsätze filtern')}>
      <label class="field">
        <span>${msg('Suche')}</span>
        <input
          part="search"
          type="search"
          .value=${this.filters.q}
          @input=${(event: Event) => {
            const q = (event.target as HTMLInputElement).value;
            this.#typing.run(() => set({ q }));
          }}
        />
      </label>
      ${
        this.municipality?.trim()
          ? nothing
          : html`<label class="field">
            <span>${msg('Ort')}</span>
            <select part="filter" @change=${(event: Event) => set({ municipality: (event.target as HTMLSelectElement).value })}>
              <option value="">${msg('Alle Orte')}</option>
              ${(this.#municipalities.value ?? []).map(({ id, name }) => html`<option value=${id} ?selected=${id === this.filters.municipality} dir="auto">${name}</option>`)}
            </select>
          </label>`
      }
      <label class="field">
        <span>${msg('Reihenfolge')}</span>
        <select part="filter" @change=${(event: Event) => set({ sort: (event.target as HTMLSelectElement).value as Filters['sort'] })}>
          <option value="date">${msg('Nach Datum')}</option>
          <option value="urgency" ?selected=${this.filters.sort === 'urgency'}>${msg('Dringende zuerst')}</option>
        </select>
      </label>
      <label class="check"><input part="filter" type="checkbox" .checked=${this.filters.urgent} @change=${(event: Event) => set({ urgent: checked(event) })} />${msg('Nur dringende')}</label>
      <label class="check"><input part="filter" type="checkbox" .checked=${this.filters.remote} @change=${(event: Event) => set({ remote: checked(event) })} />${msg('Von zu Hause aus')}</label>
    </div>`;
  }

  #form(need: VolunteerNeed): TemplateResult {
    return responseForm(
      {
        need,
        draft: this.draft,
        errors: this.errors,
        failure: this.#response.failure,
        sending: this.#response.sending,
        conflict: this.conflict,
        format: this.format,
        locale: this.locale,
        change: (name, value) => {
          this.draft = { ...this.draft, [name]: value };
          // A corrected field loses its message; the others keep theirs until the next send.
          if (name in this.errors) this.errors = { ...this.errors, [name]: undefined };
        },
        submit: (event) => void this.#send(event, need),
        begin: () => this.#response.prepare(need.id),
      },
      () => this.shadowRoot,
    );
  }

  async #openForm(need: VolunteerNeed): Promise<void> {
    if (this.openNeed?.id !== need.id) {
      // Another need: the same person, so what they typed stays; the form's messages and the
      // choice of shifts (of the other need) go.
      this.#response.use(need.id);
      this.errors = {};
      this.conflict = undefined;
      this.draft = { ...this.draft, shiftIds: [] };
    }
    this.openNeed = need;
    await this.updateComplete;
    this.#dialog.open();
  }

  async #send(event: SubmitEvent, need: VolunteerNeed): Promise<void> {
    event.preventDefault();
    if (this.#response.sending || this.connection.status !== 'ready') return;
    this.errors = checkDraft(this.draft, need);
    this.#response.failure = undefined;
    this.conflict = undefined;
    if (Object.values(this.errors).some(Boolean)) {
      this.#focusAnswer();
      return;
    }
    const client = this.connection.client;
    const { name, email, phone, message, shiftIds, honeypot } = this.draft;
    const sent = await this.#response.send(need.id, ({ idempotencyKey, proof }) =>
      client.POST('/volunteer-needs/{volunteerNeedId}/responses', {
        params: { path: { volunteerNeedId: need.id }, header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          name: name.trim(),
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(message.trim() ? { message: message.trim() } : {}),
          ...(need.shifts.length ? { shiftIds } : {}),
          consent: { accepted: true, privacyNoticeVersion: need.privacyNotice!.version },
          proof: proof!,
          ...(honeypot ? { honeypot } : {}),
        },
      }),
    );
    if (sent) {
      if (email.trim()) this.#withEmail.add(need.id);
      this.draft = emptyDraft;
      emit(this, 'sr-volunteer-response', { volunteerNeedId: need.id });
    }
    // Once the answer is on screen: the confirmation replaces the form and its focused button.
    this.#focusAnswer();
  }

  /**
   * A chosen shift filled up (or started, or was cancelled) before the sign-up arrived: the need
   * is read afresh, the lost shifts are unchecked and shown as they are, the next ones with room
   * offered (the first chosen), and the next send is a new sign-up (new key and proof). All else
   * typed stays.
   */
  async #shiftsTaken(need: VolunteerNeed, problem: ShiftProblem, error: unknown): Promise<void> {
    const fresh = await this.#readNeed(need.id);
    if (this.openNeed?.id !== need.id) return;
    const { shifts, conflict, chosen } = resolveConflict((fresh ?? need).shifts, this.draft.shiftIds, problem);
    if (conflict.lost.length === 0) {
      // Neither the Hub nor a fresh read names the shift: said as any failure.
      this.#response.failure = this.#notSent(error);
    } else {
      this.openNeed = { ...(fresh ?? need), shifts };
      this.draft = { ...this.draft, shiftIds: chosen };
      this.conflict = conflict;
    }
    this.#response.renew();
    this.#focusAnswer();
  }

  /** A failure the board has no words of its own for: what was typed stays, and what to do. */
  #notSent(error: unknown): WriteFailure {
    return notSentFailure(errorMessage(error, this.format), msg('Ihre Nachricht wurde nicht gesendet.'), msg('Ihre Angaben sind noch da.'));
  }

  async #readNeed(volunteerNeedId: string): Promise<VolunteerNeed | undefined> {
    if (this.connection.status !== 'ready') return undefined;
    try {
      return await this.connection.client.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId } } });
    } catch {
      return undefined;
    }
  }

  /** The focus goes to what answers the send: the thanks, or what to correct. */
  #focusAnswer(): void {
    this.#focus.request('[part~="confirmation"], [part~="error-summary"], [part~="send-error"], [part~="shift-conflict"]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-volunteer-board': SrVolunteerBoard;
  }
  interface GlobalEventHandlersEventMap {
    'sr-volunteer-response': CustomEvent<VolunteerResponseDetail>;
  }
}

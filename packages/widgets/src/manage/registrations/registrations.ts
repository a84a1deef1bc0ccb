import { msg, str } from '@lit/localize';
import { paginate, type Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { collect } from '../../core/collect.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, labelledField } from '../shared/form.js';
import { kindChoices } from '../shared/labels.js';
import { ManageElement } from '../shared/manage-element.js';
import { allMunicipalities } from '../shared/municipalities.js';

type Registration = Schema<'OrganizationRegistration'>;
type Field = 'reason';

/**
 * For region admins: the organizations that registered and wait for a decision, with what they
 * entered and who applied; approve, or reject with a reason the applicant gets by e-mail.
 */
export class SrManageRegistrations extends ManageElement {
  static override properties: PropertyDeclarations = {
    rejecting: { state: true },
    reason: { state: true },
    decided: { state: true },
  };

  /** The registration whose rejection is being written. */
  declare private rejecting: string | undefined;
  declare private reason: string;
  /** What was decided here last, said in a status line. */
  declare private decided: string | undefined;

  readonly #form = new FormController<Field>(this, { fields: ['reason'], format: () => this.format });
  readonly #focus = new FocusAfterUpdate(this);
  #reload = 0;

  readonly #registrations = this.fetchTask({
    args: () => [this.#reload] as const,
    fetch: (hub, _args, signal) =>
      collect(paginate(hub, '/organization-registrations', { params: { query: { status: 'pending', limit: 100 } }, signal })),
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
  });

  constructor() {
    super();
    this.reason = '';
  }

  protected override render(): TemplateResult {
    return html`<h3 id="registrations-heading" tabindex="-1">${msg('Registrierungen, die auf Freigabe warten')}</h3>
      <div role="status">${this.decided ? html`<p class="message">${this.decided}</p>` : nothing}</div>
      ${this.#registrations.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
        emptyText: msg('Keine Registrierung wartet auf eine Entscheidung.'),
        complete: (items) => html`<ul class="list" aria-labelledby="registrations-heading">
          ${items.map((item) => this.#registration(item))}
        </ul>`,
      })}`;
  }

  #registration(registration: Registration): TemplateResult {
    const { organization, applicant } = registration;
    const municipality =
      this.#municipalities.value?.find(({ id }) => id === organization.municipalityId)?.name ?? organization.municipalityId;
    const kind = kindChoices().find(([value]) => value === organization.kind)?.[1] ?? organization.kind;
    const link = (url: string | null) => (url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${url}</a>` : '–');
    return html`<li class="card">
      <h4 class="card-title" dir="auto">${organization.name}</h4>
      <dl class="details">
        <dt>${msg('Art')}</dt>
        <dd>${kind}</dd>
        <dt>${msg('Ort')}</dt>
        <dd dir="auto">${municipality ?? '–'}</dd>
        <dt>${msg('E-Mail')}</dt>
        <dd>${organization.email ?? '–'}</dd>
        <dt>${msg('Telefon')}</dt>
        <dd>${organization.phone ?? '–'}</dd>
        <dt>${msg('Website')}</dt>
        <dd>${link(organization.website)}</dd>
        <dt>${msg('Datenschutzhinweise')}</dt>
        <dd>${link(organization.privacyPolicyUrl)}</dd>
        <dt>${msg('Registriert von')}</dt>
        <dd>${applicant ? html`<bdi>${applicant.displayName}</bdi> (${applicant.email})` : '–'}</dd>
        <dt>${msg('Registriert am')}</dt>
        <dd>${this.format.dateTime(new Date(registration.registeredAt))}</dd>
      </dl>
      ${this.rejecting === organization.id ? this.#rejectForm(organization) : this.#decisionButtons(organization)}
    </li>`;
  }

  #decisionButtons(organization: Registration['organization']): TemplateResult {
    return html`<div class="actions">
      <button class="button primary" type="button" aria-disabled=${this.#form.sending ? 'true' : 'false'} @click=${() => void this.#decide(organization, 'approve')}>
        ${msg('Freigeben')}
      </button>
      <button class="button danger" type="button" @click=${() => this.#startRejecting(organization.id)}>${msg('Ablehnen …')}</button>
    </div>
    ${this.#form.failureMessage()}`;
  }

  #rejectForm(organization: Registration['organization']): TemplateResult {
    const labels = { reason: msg('Begründung') };
    return html`<form class="form" novalidate @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void this.#decide(organization, 'reject');
    }}>
      ${this.#form.summary(labels)}
      ${labelledField(
        this.#form,
        'reason',
        labels.reason,
        { hint: msg('Die Organisation bekommt sie per E-Mail.'), required: true },
        ({ invalid, describedBy, required }) => html`<textarea
          id="reason"
          rows="3"
          maxlength="1000"
          aria-required=${required}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${this.reason}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
            this.#form.changed('reason');
          }}
        ></textarea>`,
      )}
      ${this.#form.failureMessage()}
      <div class="actions">
        ${this.#form.submitButton(msg('Ablehnung senden'))}
        <button class="button" type="button" @click=${() => (this.rejecting = undefined)}>${msg('Abbrechen')}</button>
      </div>
    </form>`;
  }

  #startRejecting(organizationId: string): void {
    this.#form.reset();
    this.rejecting = organizationId;
    this.#focus.request('#reason');
  }

  async #decide(organization: Registration['organization'], decision: 'approve' | 'reject'): Promise<void> {
    const reason = this.reason.trim();
    const decided = await this.#form.submit(
      () => (decision === 'reject' && !reason ? { reason: msg('Bitte schreiben Sie, warum Sie ablehnen.') } : {}),
      () =>
        this.client.POST('/organization-registrations/{organizationId}/decision', {
          params: { path: { organizationId: organization.id } },
          body: decision === 'reject' ? { decision, reason } : { decision },
        }),
    );
    if (!decided) return;
    this.decided =
      decision === 'approve'
        ? msg(str`„${organization.name}“ ist freigegeben.`)
        : msg(str`„${organization.name}“ ist abgelehnt; die Begründung geht per E-Mail an die Organisation.`);
    this.rejecting = undefined;
    this.reason = '';
    this.#reload++;
    this.#focus.request('#registrations-heading');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-registrations': SrManageRegistrations;
  }
}

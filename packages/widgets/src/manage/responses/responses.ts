import { msg, str } from '@lit/localize';
import { pages, type HubClient, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { isHubError } from '../../core/errors.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, selectField } from '../shared/form.js';
import { roleLabel } from '../shared/labels.js';
import { ManageElement } from '../shared/manage-element.js';
import { membershipIn, organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import { shiftWhen } from '../shifts/shift-when.js';
import { contactDetails } from './contact-details.js';
import { responsePage, responsesQuery } from './response-pages.js';
import { saveFile } from './save-file.js';

type VolunteerResponse = Schema<'VolunteerResponse'>;
type ResponsePage = Schema<'VolunteerResponsePage'>;
type VolunteerNeed = Schema<'VolunteerNeed'>;
type ResponseStatus = Schema<'VolunteerResponseStatus'>;

/** Every need of the organization, whatever its status: responses to a closed one still wait for an answer. */
async function allNeeds(hub: HubClient, organization: string, signal: AbortSignal): Promise<VolunteerNeed[]> {
  const needs: VolunteerNeed[] = [];
  const query = { organization: [organization], status: ['open', 'filled', 'expired', 'closed'] as VolunteerNeed['status'][], limit: 100 };
  for await (const page of pages(hub, '/volunteer-needs', { params: { query }, signal })) needs.push(...page.items);
  return needs;
}

/**
 * The volunteer responses inbox of an organization, for its coordinators and owners: who answered
 * which need, newest first, with their contact, message and when the Hub deletes them; accept one
 * (it then counts for the need) or decline it, each with an optional message the Hub e-mails to the
 * volunteer, or take the decision back; delete one now when the volunteer asks; narrow to one need
 * or one status; download them as CSV for a spreadsheet. Personal data: nothing of it is kept in
 * the browser beyond the screen.
 */
export class SrManageResponses extends ManageElement {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: false },
    me: { attribute: false },
    need: { state: true },
    status: { state: true },
    messages: { state: true },
    confirmingDelete: { state: true },
    older: { state: true },
    changing: { state: true },
    done: { state: true },
    refused: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .badge.accepted {
        border-color: var(--_color-success, var(--_color-primary));
        font-weight: 700;
      }
      .badge.declined {
        border-style: dashed;
      }
      .decision textarea {
        min-block-size: 4rem;
      }
      .said {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .details a {
        overflow-wrap: anywhere;
      }
      .shifts {
        margin: 0;
        padding-inline-start: var(--_space-4);
      }
    `,
  ];

  /** The organization's id or slug, from the address. */
  declare organizationId: string;
  declare me: Me | undefined;
  /** The need whose responses are shown; empty for all. */
  declare private need: string;
  /** The status of the responses shown; empty for all. */
  declare private status: ResponseStatus | '';
  /** The words to each volunteer typed so far, by response: kept through a refusal. */
  declare private messages: ReadonlyMap<string, string>;
  /** The response whose deletion waits for a yes. */
  declare private confirmingDelete: string | undefined;
  /** Older pages loaded on request below the first, and where the next one starts (`null`: no more). */
  declare private older: { items: VolunteerResponse[]; nextCursor: string | null } | undefined;
  /** The response being decided on or deleted; the decision form's field errors are its. */
  declare private changing: string | undefined;
  declare private done: string | undefined;
  /** The Hub refused the list: the person's role may not read responses. */
  declare private refused: boolean;

  /** Responses as the Hub answered a change to them, newer than the list loaded before. */
  readonly #changed = new Map<string, VolunteerResponse>();
  /** Responses deleted since the list loaded. */
  readonly #deleted = new Set<string>();
  /** The response the decision form's last answer (a field error at the message) is about. */
  #decided: string | undefined;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #filter = new FormController<'need' | 'status'>(this, { fields: ['need', 'status'], format: () => this.format });
  readonly #decision = new FormController<'message'>(this, { fields: ['message'], format: () => this.format });
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format });

  readonly #needs = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) => allNeeds(hub, organizationId, signal),
    isEmpty: () => false,
  });

  readonly #responses = this.fetchTask({
    args: () => [this.organizationId, this.need, this.status] as const,
    fetch: async (hub, [organizationId, need, status], signal): Promise<ResponsePage> => {
      this.refused = false;
      this.older = undefined;
      try {
        return await responsePage(hub, organizationId, { need, status }, undefined, signal);
      } catch (error) {
        // The Hub decides who reads responses; the screen then says why, as no retry helps.
        this.refused = isHubError(error) && error.status === 403;
        throw error;
      }
    },
    isEmpty: ({ items }) => items.length === 0,
    // Another need's responses are other people: the old list never stands in for them.
    keepForOtherArgs: false,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.need = '';
    this.status = '';
    this.messages = new Map();
    this.refused = false;
  }

  protected override render(): TemplateResult {
    const header = organizationHeader(this.me, this.organizationId, 'responses', msg('Rückmeldungen'));
    if (this.refused) return html`${header}${this.#refusal()}`;
    return html`${header}
      <p class="lead">${msg('Wer sich auf Ihre Aufrufe gemeldet hat, neueste zuerst. Nutzen Sie diese persönlichen Angaben nur für den Einsatz; der Hub löscht sie nach Ablauf der Frist von selbst.')}</p>
      <div class="toolbar">
        ${this.#needs.render({
          skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
          complete: (needs) => this.#needFilter(needs),
        })}
        ${this.#statusFilter()}
        <button class="button" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#download()}>
          ${msg('Als CSV-Datei herunterladen')}
        </button>
      </div>
      <div role="status" id="inbox-status" tabindex="-1">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
      ${this.#action.failureMessage()}
      ${this.#responses.render({
        skeleton: () => html`<p>${skeletonText('50ch')}</p><p>${skeletonText('50ch')}</p>`,
        emptyText: this.status
          ? msg('Keine Rückmeldungen mit diesem Stand.')
          : this.need
            ? msg('Auf diesen Aufruf hat sich noch niemand gemeldet.')
            : msg('Noch keine Rückmeldungen. Sobald sich jemand auf einen Aufruf Ihrer Organisation meldet, steht es hier.'),
        complete: (first) => {
          const items = [...first.items, ...(this.older?.items ?? [])].filter((response) => !this.#deleted.has(response.id));
          const next = this.older ? this.older.nextCursor : first.nextCursor;
          return html`<ul class="list" aria-label=${msg('Rückmeldungen, neueste zuerst')}>
              ${items.map((response) => this.#response(this.#changed.get(response.id) ?? response))}
            </ul>
            ${
              next
                ? html`<p>
                  <button class="button" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#loadOlder(next)}>
                    ${msg('Ältere Rückmeldungen anzeigen')}
                  </button>
                </p>`
                : nothing
            }`;
        },
      })}`;
  }

  #refusal(): TemplateResult {
    const role = membershipIn(this.me, this.organizationId)?.role;
    return html`<div class="message danger" role="alert">
      <p><strong>${msg('Rückmeldungen von Freiwilligen sehen nur Mitglieder mit der Rolle Koordination oder Verwaltung.')}</strong></p>
      ${role ? html`<p>${msg(str`Ihre Rolle in dieser Organisation: ${roleLabel(role)}.`)}</p>` : nothing}
      <p>${msg('Wenn Sie die Rückmeldungen bearbeiten sollen, bitten Sie eine Person mit der Rolle Verwaltung, Ihnen die Rolle Koordination zu geben.')}</p>
    </div>`;
  }

  #needFilter(needs: VolunteerNeed[]): TemplateResult {
    // A need that no longer takes volunteers says so: its responses may still wait for an answer.
    const ended: Partial<Record<VolunteerNeed['status'], string>> = {
      filled: msg('besetzt'),
      expired: msg('abgelaufen'),
      closed: msg('beendet'),
    };
    const choices = needs.map((need) => {
      const status = ended[need.status];
      return [need.id, status ? `${need.title} (${status})` : need.title] as const;
    });
    return selectField(this.#filter, 'need', msg('Aufruf'), this.need, choices, this.#chooseNeed, {
      placeholder: msg('Alle Aufrufe'),
    });
  }

  readonly #chooseNeed = (need: string) => {
    this.need = need;
    this.done = undefined;
  };

  #statusFilter(): TemplateResult {
    const choices = [
      ['new', msg('neu')],
      ['accepted', msg('angenommen')],
      ['declined', msg('abgelehnt')],
    ] as const;
    return selectField(this.#filter, 'status', msg('Stand'), this.status, choices, this.#chooseStatus, { placeholder: msg('Alle') });
  }

  readonly #chooseStatus = (status: string) => {
    this.status = status as ResponseStatus | '';
    this.done = undefined;
  };

  #badge(status: ResponseStatus): TemplateResult {
    if (status === 'accepted') return html`<span class="badge accepted">${msg('angenommen')}</span>`;
    if (status === 'declined') return html`<span class="badge declined">${msg('abgelehnt')}</span>`;
    return html`<span class="badge">${msg('neu')}</span>`;
  }

  #response(response: VolunteerResponse): TemplateResult {
    const nameId = `response-${response.id}`;
    return html`<li class="card" data-response=${response.id}>
      <div class="card-head">
        <h2 id=${nameId} dir="auto" tabindex="-1">${response.name}</h2>
        ${this.#badge(response.status)}
      </div>
      <dl class="details">
        <dt>${msg('Aufruf')}</dt>
        <dd dir="auto">${response.needTitle}</dd>
        ${response.shifts.length ? this.#shifts(response) : nothing}
        ${contactDetails(response)}
        <dt>${msg('Eingegangen')}</dt>
        <dd>${this.format.dateTime(new Date(response.receivedAt))}</dd>
        ${
          response.decidedAt
            ? html`<dt>${response.status === 'accepted' ? msg('Angenommen') : msg('Abgelehnt')}</dt>
              <dd>${this.format.dateTime(new Date(response.decidedAt))}</dd>`
            : nothing
        }
        <dt>${msg('Löschung')}</dt>
        <dd>
          ${
            response.deleteAfter
              ? msg(str`wird am ${this.format.calendarDate(response.deleteAfter)} gelöscht`)
              : msg('bleibt gespeichert, solange der Aufruf läuft')
          }
        </dd>
      </dl>
      ${this.#decisionForm(response, nameId)} ${this.#deletion(response, nameId)}
    </li>`;
  }

  /** The shifts the person signed up for, each with its label and whether they withdrew or were there. */
  #shifts(response: VolunteerResponse): TemplateResult {
    return html`<dt>${msg('Schichten')}</dt>
      <dd>
        <ul class="shifts">
          ${response.shifts.map(
            (shift) => html`<li>
              ${shiftWhen(this.format, shift)}${shift.label ? html` · <span dir="auto">${shift.label}</span>` : nothing}
              ${shift.status === 'withdrawn' ? html` · <strong>${msg('abgemeldet')}</strong>` : nothing}
              ${shift.attended === true ? html` · ${msg('war da')}` : nothing}
            </li>`,
          )}
        </ul>
      </dd>`;
  }

  /** The next page below the list; the focus goes to its first response, where reading goes on. */
  async #loadOlder(cursor: string): Promise<void> {
    const page = await this.#action.submit(
      () => ({}),
      () => responsePage(this.client, this.organizationId, { need: this.need, status: this.status }, cursor),
    );
    if (!page) return;
    this.older = { items: [...(this.older?.items ?? []), ...page.items], nextCursor: page.nextCursor };
    if (page.items[0]) this.#focus.request(`#response-${page.items[0].id}`);
  }

  /**
   * Accept, decline or take back, with the words to the volunteer: the Hub e-mails them with the
   * decision. Without an e-mail address there is nobody to write to, and the form says so.
   */
  #decisionForm(response: VolunteerResponse, nameId: string): TemplateResult {
    const id = `message-${response.id}`;
    const error = this.#decided === response.id ? this.#decision.errors.message : undefined;
    const busy = this.changing === response.id ? 'true' : 'false';
    const choices: [ResponseStatus, string, string][] = [
      ['accepted', msg('Annehmen'), 'primary'],
      ['declined', msg('Ablehnen'), ''],
      ['new', msg('Entscheidung zurücknehmen'), ''],
    ];
    const message = response.email
      ? html`<div class="field">
          <label for=${id}>${msg('Nachricht an die Person (freiwillig)')}</label>
          <span class="hint" id="${id}-hint">${msg(str`Geht mit der Entscheidung per E-Mail an ${response.email}; Antworten kommen an die Adresse Ihrer Organisation. Der Hub speichert die Nachricht nicht.`)}</span>
          ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
          <textarea
            id=${id}
            maxlength="2000"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
            .value=${this.messages.get(response.id) ?? ''}
            @input=${(event: Event) => {
              this.messages = new Map(this.messages).set(response.id, (event.target as HTMLTextAreaElement).value);
              this.#decision.changed('message');
            }}
          ></textarea>
        </div>`
      : html`<p class="hint">${msg('Keine E-Mail-Adresse angegeben: Geben Sie der Person bitte telefonisch Bescheid.')}</p>`;
    return html`<div class="decision">
      ${message}
      ${this.changing === response.id || this.#decided === response.id ? this.#decision.failureMessage() : nothing}
      <div class="actions">
        ${choices
          .filter(([status]) => status !== response.status)
          .map(
            ([status, label, kind]) => html`<button
              class="button ${kind}"
              type="button"
              aria-describedby=${nameId}
              aria-disabled=${busy}
              @click=${() => void this.#decide(response, status)}
            >
              ${label}
            </button>`,
          )}
      </div>
    </div>`;
  }

  #deletion(response: VolunteerResponse, nameId: string): TemplateResult {
    if (this.confirmingDelete !== response.id) {
      return html`<p>
        <button class="button danger" type="button" id="delete-${response.id}" aria-describedby=${nameId} @click=${() => {
          this.confirmingDelete = response.id;
          this.#focus.request(`#delete-question-${response.id}`);
        }}>${msg('Jetzt löschen')}</button>
      </p>`;
    }
    return html`<div class="message danger" role="group" aria-labelledby="delete-question-${response.id}">
      <p id="delete-question-${response.id}" tabindex="-1">
        <strong>${msg(str`Die Rückmeldung von ${response.name} jetzt löschen?`)}</strong>
        ${msg('Zum Beispiel, weil die Person darum gebeten hat. Alle ihre Angaben sind dann sofort gelöscht; das lässt sich nicht rückgängig machen.')}
      </p>
      ${this.changing === response.id ? this.#action.failureMessage() : nothing}
      <div class="actions">
        <button class="button danger" type="button" aria-disabled=${this.changing === response.id ? 'true' : 'false'} @click=${() => void this.#delete(response)}>
          ${msg('Ja, jetzt löschen')}
        </button>
        <button class="button" type="button" @click=${() => {
          this.confirmingDelete = undefined;
          this.#focus.request(`#delete-${response.id}`);
        }}>${msg('Abbrechen')}</button>
      </div>
    </div>`;
  }

  async #decide(response: VolunteerResponse, status: ResponseStatus): Promise<void> {
    if (this.changing) return;
    this.changing = response.id;
    this.#decided = response.id;
    this.done = undefined;
    const message = this.messages.get(response.id)?.trim() ?? '';
    const updated = await this.#decision.submit(
      () => ({}),
      () =>
        this.client.PATCH('/organizations/{organizationId}/volunteer-responses/{volunteerResponseId}', {
          params: { path: { organizationId: this.organizationId, volunteerResponseId: response.id } },
          body: message ? { status, message } : { status },
        }),
    );
    this.changing = undefined;
    if (!updated) {
      // The field error is at this response's message; the summary of the form is not shown.
      if (this.#decision.errors.message) this.#focus.request(`#message-${response.id}`);
      return;
    }
    this.#changed.set(updated.id, updated);
    const messages = new Map(this.messages);
    messages.delete(updated.id);
    this.messages = messages;
    const sent = message ? ` ${msg('Die Nachricht geht per E-Mail an die Person.')}` : '';
    const said = {
      accepted: msg(str`${updated.name} ist angenommen und zählt für „${updated.needTitle}“.`),
      declined: msg(str`${updated.name} ist abgelehnt.`),
      new: msg(str`Die Entscheidung über ${updated.name} ist zurückgenommen.`),
    }[updated.status];
    this.done = `${said}${sent}`;
  }

  async #delete(response: VolunteerResponse): Promise<void> {
    if (this.changing) return;
    this.changing = response.id;
    this.done = undefined;
    const deleted = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/organizations/{organizationId}/volunteer-responses/{volunteerResponseId}', {
          params: { path: { organizationId: this.organizationId, volunteerResponseId: response.id } },
        });
        return true;
      },
    );
    this.changing = undefined;
    if (!deleted) return;
    this.#deleted.add(response.id);
    this.confirmingDelete = undefined;
    this.done = msg(str`Die Rückmeldung von ${response.name} ist gelöscht.`);
    this.#focus.request('#inbox-status');
  }

  /** All responses of the filter as CSV (the contract's `Accept: text/csv`, no pages), saved as a file. */
  async #download(): Promise<void> {
    this.done = undefined;
    const csv = await this.#action.submit(
      () => ({}),
      () =>
        this.client.GET('/organizations/{organizationId}/volunteer-responses', {
          params: { path: { organizationId: this.organizationId }, query: responsesQuery({ need: this.need, status: this.status }) },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
    );
    if (csv === undefined) return;
    const slug = membershipIn(this.me, this.organizationId)?.organization.slug ?? this.organizationId;
    saveFile(`rueckmeldungen-${slug}-${this.format.day(new Date())}.csv`, 'text/csv;charset=utf-8', csv);
    this.done = msg('Die CSV-Datei ist heruntergeladen.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-responses': SrManageResponses;
  }
}

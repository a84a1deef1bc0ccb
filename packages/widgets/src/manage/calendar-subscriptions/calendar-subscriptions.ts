import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { css, html, nothing, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ErrorMessage } from '../../core/errors.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { organizationHeader } from '../shared/organization-nav.js';
import { isProblem } from '../shared/problems.js';
import type { Me } from '../shared/session-events.js';
import { importSummary, subscriptionFailure, subscriptionStatus } from './subscription-texts.js';

type Subscription = Schema<'CalendarSubscription'>;

function alreadySubscribed(error: unknown): ErrorMessage | undefined {
  if (!isProblem(error, 'conflict')) return undefined;
  return {
    title: msg('Diesen Kalender hat Ihre Organisation schon abonniert.'),
    detail: msg('Sie finden ihn in der Liste oben; dort können Sie ihn auch sofort abrufen.'),
    canRetry: false,
  };
}

/** `webcal://` is how many websites link a feed; the Hub fetches it over https. */
const fetchableUrl = (typed: string): string => typed.trim().replace(/^webcals?:\/\//i, 'https://');

/**
 * An organization's calendar subscriptions: the iCalendar feeds (its website's, its Nextcloud's)
 * the Hub imports every hour, each with the result of its last fetch and, when that failed, why
 * and which lines; subscribe to another, fetch one now, end one (its events go with it).
 */
export class SrManageCalendarSubscriptions extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    url: { state: true },
    ending: { state: true },
    done: { state: true },
  };

  static override styles: CSSResultGroup = [
    ManageElement.styles,
    css`
      .url {
        overflow-wrap: anywhere;
      }
      .message ul {
        overflow-wrap: anywhere;
      }
      /* A card's paragraphs sit close; in a failure each says something else. */
      .card .message > * + * {
        margin-block-start: var(--_space-2);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  /** The address being typed in the form. */
  declare private url: string;
  /** The subscription whose end waits for confirmation. */
  declare private ending: string | undefined;
  /** What the last action did, said in the status line. */
  declare private done: TemplateResult | string | undefined;

  #reload = 0;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #form = new FormController<'url'>(this, { fields: ['url'], format: () => this.format, explain: alreadySubscribed });
  /** Fetching now and ending: their failure shows above the list. */
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format });

  readonly #subscriptions = this.fetchTask({
    args: () => [this.organizationId, this.#reload] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/calendar-subscriptions', { params: { path: { organizationId } }, signal }),
    isEmpty: ({ items }) => items.length === 0,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.url = '';
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'calendar-subscriptions', msg('Kalender-Abos'))}
      <p class="lead">
        ${msg(
          'Führt Ihre Organisation ihren Kalender schon woanders, z. B. auf der eigenen Website oder in Nextcloud? Abonnieren Sie ihn hier: Der Hub übernimmt die Termine und schaut jede Stunde nach Änderungen. Ändern Sie die Termine dann weiter in Ihrem Kalender.',
        )}
      </p>
      <div role="status" class="status">${this.done ? html`<div class="message" tabindex="-1" data-done>${this.done}</div>` : nothing}</div>
      ${this.#action.failureMessage()}
      ${this.#subscriptions.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('30ch')}</p>`,
        emptyText: msg('Ihre Organisation hat noch keinen Kalender abonniert.'),
        complete: ({ items }) =>
          html`<ul class="list" aria-label=${msg('Abonnierte Kalender')}>${items.map((item) => this.#subscription(item))}</ul>`,
      })}
      <h2 id="subscribe-heading">${msg('Kalender abonnieren')}</h2>
      ${this.#subscribeForm()}`;
  }

  #subscription(item: Subscription): TemplateResult {
    const never = msg('noch nie');
    const when = (moment: string | null, otherwise: string) => (moment ? this.format.dateTime(new Date(moment)) : otherwise);
    return html`<li class="card" data-subscription=${item.id}>
      <h3 class="url" id="url-${item.id}">${item.url}</h3>
      <p><span class="badge">${subscriptionStatus(item.status)}</span></p>
      <dl class="details">
        <dt>${msg('Zuletzt abgerufen')}</dt>
        <dd>${when(item.lastCheckedAt, never)}</dd>
        <dt>${msg('Zuletzt geändert')}</dt>
        <dd>${when(item.lastChangedAt, msg('noch keine Änderung'))}</dd>
        <dt>${msg('Letzte Übernahme')}</dt>
        <dd>${item.lastResult ? importSummary(item.lastResult) : msg('noch keine')}</dd>
        <dt>${msg('Nächster Abruf')}</dt>
        <dd>${when(item.nextCheckAt, never)}</dd>
      </dl>
      ${item.lastError ? this.#failure(item.lastError) : nothing}
      <div class="actions">
        <button class="button" type="button" aria-describedby="url-${item.id}" @click=${() => void this.#refresh(item)}>
          ${msg('Jetzt abrufen')}
        </button>
        ${
          this.ending === item.id
            ? html`<span id="confirm-${item.id}">
                  ${msg('Abo wirklich beenden? Alle Termine, die aus diesem Kalender übernommen wurden, werden gelöscht.')}
                </span>
                <button class="button danger" type="button" aria-describedby="confirm-${item.id}" @click=${() => void this.#end(item)}>
                  ${msg('Ja, Abo beenden')}
                </button>
                <button class="button" type="button" @click=${() => this.#cancelEnding(item.id)}>${msg('Abbrechen')}</button>`
            : html`<button
                class="button danger"
                type="button"
                data-end=${item.id}
                aria-describedby="url-${item.id}"
                @click=${() => this.#askEnding(item.id)}
              >
                ${msg('Abo beenden')}
              </button>`
        }
      </div>
    </li>`;
  }

  #failure(error: NonNullable<Subscription['lastError']>): TemplateResult {
    return html`<div class="message danger">
      <p><strong>${subscriptionFailure(error.kind)}</strong></p>
      <p>${msg('Es wurde nichts geändert: Die Termine bleiben, wie sie nach dem letzten erfolgreichen Abruf waren.')}</p>
      <p>${msg('Meldung des Abrufs:')} <span lang="en">${error.detail}</span></p>
      ${
        error.lines.length > 0
          ? html`<ul aria-label=${msg('Fehlerhafte Zeilen')}>
              ${error.lines.map(({ line, reason }) => html`<li>${msg(str`Zeile ${line}:`)} <span lang="en">${reason}</span></li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #subscribeForm(): TemplateResult {
    const labels = { url: msg('Adresse des Kalenders') };
    return html`<form class="form" novalidate aria-labelledby="subscribe-heading" @submit=${this.#subscribe}>
      ${this.#form.summary(labels)}
      ${textField(this.#form, 'url', labels.url, this.url, (value) => (this.url = value), {
        type: 'url',
        required: true,
        maxlength: 2000,
        hint: msg(
          'Die Adresse der Kalenderdatei (iCalendar, .ics), beginnend mit https:// oder webcal://. In Nextcloud: im Kalender beim Kalender auf „…“ → „Link teilen“ → „Abonnement-Link kopieren“. Auf einer Website heißt der Link oft „Kalender abonnieren“, „iCal“ oder „ICS“.',
        ),
      })}
      ${this.#form.failureMessage()}
      <div class="actions">${this.#form.submitButton(msg('Abonnieren'), msg('Wird abgerufen …'))}</div>
    </form>`;
  }

  #askEnding(id: string): void {
    this.ending = id;
    this.#focus.request(`#confirm-${id} ~ .button.danger`);
  }

  #cancelEnding(id: string): void {
    this.ending = undefined;
    this.#focus.request(`[data-end="${id}"]`);
  }

  /** Says what happened, loads the list again and moves the focus to the message. */
  #said(done: TemplateResult | string): void {
    this.done = done;
    this.#reload++;
    this.#focus.request('[data-done]');
  }

  /** What a fetch did, in words: what it imported, or why it changed nothing. */
  #outcome(item: Subscription, first: boolean): TemplateResult {
    if (item.lastError) {
      return html`<p>
        <strong>${first ? msg('Das Abo ist angelegt, aber der erste Abruf hat nicht geklappt:') : msg('Der Abruf hat nicht geklappt:')}</strong>
        ${subscriptionFailure(item.lastError.kind)}
      </p>
      <p>${msg('Die Einzelheiten stehen beim Kalender in der Liste.')}</p>`;
    }
    return html`<p>
      ${first ? msg('Kalender abonniert.') : msg('Kalender abgerufen.')}
      ${item.lastResult ? importSummary(item.lastResult) : nothing}
    </p>`;
  }

  readonly #subscribe = async (event: SubmitEvent) => {
    event.preventDefault();
    const url = fetchableUrl(this.url);
    this.done = undefined;
    const created = await this.#form.submit(
      () => ({
        url: !url
          ? msg('Bitte geben Sie die Adresse des Kalenders an.')
          : !/^https?:\/\/[^/\s]+\.[^/\s]/i.test(url)
            ? msg('Bitte geben Sie eine vollständige Adresse an, die mit https:// oder webcal:// beginnt.')
            : undefined,
      }),
      () =>
        this.client.POST('/organizations/{organizationId}/calendar-subscriptions', {
          params: { path: { organizationId: this.organizationId } },
          body: { url },
        }),
    );
    if (!created) return;
    this.url = '';
    this.#said(this.#outcome(created, true));
  };

  async #refresh(item: Subscription): Promise<void> {
    this.done = undefined;
    const refreshed = await this.#action.submit(
      () => ({}),
      () =>
        this.client.POST('/organizations/{organizationId}/calendar-subscriptions/{subscriptionId}/refresh', {
          params: { path: { organizationId: this.organizationId, subscriptionId: item.id } },
        }),
    );
    if (refreshed) this.#said(this.#outcome(refreshed, false));
  }

  async #end(item: Subscription): Promise<void> {
    this.ending = undefined;
    this.done = undefined;
    const ended = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/organizations/{organizationId}/calendar-subscriptions/{subscriptionId}', {
          params: { path: { organizationId: this.organizationId, subscriptionId: item.id } },
        });
        return true;
      },
    );
    if (ended) this.#said(msg(str`Das Abo von ${item.url} ist beendet; seine Termine wurden gelöscht.`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-calendar-subscriptions': SrManageCalendarSubscriptions;
  }
}

import { msg } from '@lit/localize';
import { pages, type HubClient, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { skeletonText } from '../../core/states.js';
import { fullTimeText } from '../../event-calendar/occurrences.js';
import { toWallClock } from '../poll/wall-clock.js';
import { organizationAttribute } from '../shared/embed-link.js';
import { FormController, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath, organizationPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import { programmeLink } from '../shared/print-link.js';
import type { Me } from '../shared/session-events.js';
import { nextOccurrences, occurrenceRange } from './occurrences.js';

type StoredEvent = Schema<'Event'>;
type Occurrence = Schema<'EventOccurrence'>;
type Shown = 'upcoming' | 'past' | 'drafts';

/** Every stored event of the organization, drafts included (the session may write them). */
async function allEvents(hub: HubClient, organizationId: string, signal: AbortSignal): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  const init = { params: { path: { organizationId }, query: { limit: 100 } }, signal };
  for await (const page of pages(hub, '/organizations/{organizationId}/events', init)) events.push(...page.items);
  return events;
}

interface Listed {
  event: StoredEvent;
  /** Its next occurrence in the coming year that is not cancelled, if any. */
  next: Occurrence | undefined;
}

/**
 * The organization's events: the coming ones by their next date, the past ones, the drafts;
 * found by title; each with its next date and its repeat in the words the calendar uses.
 */
export class SrManageEvents extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    shown: { state: true },
    query: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .card h2 a {
        overflow-wrap: break-word;
        hyphens: auto;
      }
      ul.start {
        margin-block-end: var(--_space-4);
      }
      /* The chosen group is marked like the current tab, not by colour alone. */
      .button[aria-pressed='true'] {
        font-weight: 700;
        box-shadow: inset 0 -4px 0 var(--_color-primary);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  declare private shown: Shown;
  declare private query: string;

  readonly #search = new FormController<'query'>(this, { fields: ['query'], format: () => this.format });

  readonly #events = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: async (hub, [organizationId], signal): Promise<Listed[]> => {
      const [events, next] = await Promise.all([
        allEvents(hub, organizationId, signal),
        nextOccurrences(hub, organizationId, occurrenceRange(this.format), signal),
      ]);
      return events.map((event) => ({ event, next: next.get(event.id) }));
    },
    isEmpty: () => false,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.shown = 'upcoming';
    this.query = '';
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'events', msg('Termine'))}
      <ul class="actions links start">
        <li><a class="button primary" href=${itemPath(this.organizationId, 'event')}>${msg('Neuer Termin')}</a></li>
        <li><a href=${organizationPath(this.organizationId, 'calendar-subscriptions')}>${msg('Kalender-Abos: Termine aus Ihrem Kalender übernehmen')}</a></li>
        <li><a href="/docs#tag/Events/operation/importCalendar">${msg('Eine Kalenderdatei (ICS) einmalig importieren')}</a></li>
        <li>${programmeLink(organizationAttribute(this.me, this.organizationId), toWallClock(new Date().toISOString(), this.resolveTimeZone()).slice(0, 7))}</li>
      </ul>
      <div class="toolbar">
        <div class="actions" role="group" aria-label=${msg('Welche Termine')}>
          ${(
            [
              ['upcoming', msg('Anstehend')],
              ['past', msg('Vergangen')],
              ['drafts', msg('Entwürfe')],
            ] as const
          ).map(
            ([shown, label]) =>
              html`<button class="button" type="button" aria-pressed=${this.shown === shown ? 'true' : 'false'} @click=${() => (this.shown = shown)}>
                ${label}
              </button>`,
          )}
        </div>
        ${textField(this.#search, 'query', msg('Titel suchen'), this.query, (query) => (this.query = query), { type: 'search' })}
      </div>
      ${this.#events.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('40ch')}</p>`,
        complete: (listed) => this.#list(listed),
      })}`;
  }

  #list(listed: Listed[]): TemplateResult {
    const query = this.query.trim().toLocaleLowerCase(this.locale);
    const found = listed.filter(({ event }) => event.title.toLocaleLowerCase(this.locale).includes(query));
    // Coming: a next date within the year the list looks at, or a start beyond it.
    const upcoming = ({ event, next }: Listed) => next !== undefined || event.start.slice(0, 10) > occurrenceRange(this.format).to;
    const shown = {
      upcoming: found.filter((item) => item.event.published && upcoming(item)).sort((a, b) => startOf(a).localeCompare(startOf(b))),
      past: found.filter((item) => item.event.published && !upcoming(item)).sort((a, b) => b.event.start.localeCompare(a.event.start)),
      drafts: found.filter((item) => !item.event.published),
    }[this.shown];
    if (shown.length === 0) {
      const empty = query
        ? msg('Kein Termin mit diesem Titel.')
        : { upcoming: msg('Keine anstehenden Termine.'), past: msg('Keine vergangenen Termine.'), drafts: msg('Keine Entwürfe.') }[
            this.shown
          ];
      return html`<p role="status">${empty}</p>`;
    }
    return html`<ul class="list" aria-label=${msg('Termine')}>
      ${shown.map((item) => this.#row(item))}
    </ul>`;
  }

  #row({ event, next }: Listed): TemplateResult {
    const summary = event.recurrence?.summary[this.locale];
    return html`<li class="card" data-event=${event.id}>
      <div class="card-head">
        <h2><a href=${itemPath(this.organizationId, 'event', event.id)} dir="auto">${event.title}</a></h2>
        <span>
          ${event.published ? nothing : html`<span class="badge">${msg('Entwurf')}</span>`}
          ${event.status === 'cancelled' ? html`<span class="badge">${msg('Abgesagt')}</span>` : nothing}
          ${event.imported ? html`<span class="badge">${msg('Importiert')}</span>` : nothing}
        </span>
      </div>
      <p>${next ? msg(html`Nächster Termin: ${fullTimeText(next, this.format)}`) : this.#firstDate(event)}</p>
      ${summary ? html`<p>${summary}</p>` : nothing}
    </li>`;
  }

  /** An event without a coming date: when it was (or starts, beyond the year looked at). */
  #firstDate(event: StoredEvent): string {
    const day = this.format.calendarDate(event.start.slice(0, 10), { dateStyle: 'full' });
    return event.allDay ? day : `${day}, ${event.start.slice(11, 16)}`;
  }
}

/** Where a coming event sorts: its next date, else its start. */
const startOf = ({ event, next }: Listed): string => next?.start ?? event.start;

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-events': SrManageEvents;
  }
}

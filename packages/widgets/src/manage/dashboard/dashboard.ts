import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { skeletonText } from '../../core/states.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath, organizationPath } from '../shared/navigation.js';
import { managesResponses, membershipIn, organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import { needAttention, needsVerifying, pollAttention } from './attention.js';

/** One thing to look at: what it is, why, and the screen that deals with it. */
interface Attention {
  title: string;
  why: string;
  href: string;
}

/**
 * An organization's overview: per area what is public now and what needs attention — new
 * volunteer responses, needs that are full or end this week, polls opening or closing this week,
 * help offers not confirmed for a year, calendar subscriptions that failed — each one click from
 * its screen. Every area loads on its own: one that fails says so with a retry, the others show.
 */
export class SrManageDashboard extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .areas {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: var(--_space-4);
      }
      /* Areas side by side share a row's height: their lines stay at the top. */
      .area {
        align-content: start;
      }
      .area h2 {
        margin-block: 0 var(--_space-2);
        font-size: 1.15em;
      }
      .attention {
        margin: var(--_space-2) 0 0;
        padding: 0;
        list-style: none;
      }
      .attention li {
        padding: var(--_space-2) 0;
        border-block-start: 1px solid var(--_color-divider);
      }
      .attention a {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .why {
        display: block;
        color: var(--_color-text-muted);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;

  readonly #responses = this.fetchTask({
    args: () => [this.organizationId] as const,
    // The list also comes as CSV; asked without Accept: text/csv, it is the JSON page.
    fetch: async (hub, [organizationId], signal) =>
      (await hub.GET('/organizations/{organizationId}/volunteer-responses', {
        params: { path: { organizationId }, query: { status: ['new'], limit: 100 } },
        signal,
      })) as Schema<'VolunteerResponsePage'>,
    isEmpty: () => false,
  });

  readonly #needs = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/volunteer-needs', { params: { path: { organizationId }, query: { limit: 100 } }, signal }),
    isEmpty: () => false,
  });

  readonly #polls = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/polls', { params: { query: { organization: [organizationId], limit: 100 } }, signal }),
    isEmpty: () => false,
  });

  readonly #offers = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/help-offers', { params: { path: { organizationId }, query: { limit: 100 } }, signal }),
    isEmpty: () => false,
  });

  readonly #events = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/events', { params: { path: { organizationId }, query: { limit: 100 } }, signal }),
    isEmpty: () => false,
  });

  readonly #subscriptions = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/calendar-subscriptions', { params: { path: { organizationId } }, signal }),
    isEmpty: () => false,
  });

  constructor() {
    super();
    this.organizationId = '';
  }

  protected override render(): TemplateResult {
    const mayReadResponses = managesResponses(membershipIn(this.me, this.organizationId)?.role);
    return html`${organizationHeader(this.me, this.organizationId, 'dashboard', msg('Übersicht'))}
      <p class="lead">${msg('Was jetzt öffentlich ist und was Ihre Aufmerksamkeit braucht.')}</p>
      <div class="areas">
        ${mayReadResponses ? this.#area('responses', msg('Rückmeldungen von Freiwilligen'), this.#responses, (page) => this.#responsesArea(page)) : nothing}
        ${this.#area('volunteer-needs', msg('Ehrenamt'), this.#needs, (page) => this.#needsArea(page.items))}
        ${this.#area('polls', msg('Umfragen'), this.#polls, (page) => this.#pollsArea(page.items))}
        ${this.#area('help-offers', msg('Hilfsangebote'), this.#offers, (page) => this.#offersArea(page.items))}
        ${this.#area('events', msg('Termine'), this.#events, (page) => this.#eventsArea(page.items))}
        ${this.#area('calendar-subscriptions', msg('Kalender-Abos'), this.#subscriptions, (list) => this.#subscriptionsArea(list.items))}
      </div>`;
  }

  /** One area: its heading and, once loaded, its content; a failure stays inside the area, with a retry. */
  #area<Value>(
    id: string,
    title: string,
    task: { render: (view: { skeleton: () => TemplateResult; complete: (value: Value) => unknown }) => unknown },
    content: (value: Value) => TemplateResult,
  ): TemplateResult {
    return html`<section class="card area" aria-labelledby="${id}-heading" data-area=${id}>
      <h2 id="${id}-heading">${title}</h2>
      ${task.render({ skeleton: () => html`<p>${skeletonText('24ch')}</p><p>${skeletonText('32ch')}</p>`, complete: content })}
    </section>`;
  }

  #attentionList(items: Attention[], allFine: string): TemplateResult {
    if (items.length === 0) return html`<p>${allFine}</p>`;
    return html`<p><strong>${msg('Braucht Aufmerksamkeit:')}</strong></p>
      <ul class="attention">
        ${items.map(({ title, why, href }) => html`<li><a href=${href} dir="auto">${title}</a><span class="why">${why}</span></li>`)}
      </ul>`;
  }

  #listLink(screen: 'volunteer-needs' | 'polls' | 'help-offers' | 'events' | 'calendar-subscriptions', label: string): TemplateResult {
    return html`<p><a href=${organizationPath(this.organizationId, screen)}>${label}</a></p>`;
  }

  #responsesArea(page: Schema<'VolunteerResponsePage'>): TemplateResult {
    const count = page.items.length;
    const more = page.nextCursor !== null;
    const text =
      count === 0
        ? msg('Keine neuen Rückmeldungen.')
        : count === 1
          ? msg('1 neue Rückmeldung wartet auf Ihre Antwort.')
          : more
            ? msg(str`Mehr als ${count} neue Rückmeldungen warten auf Ihre Antwort.`)
            : msg(str`${count} neue Rückmeldungen warten auf Ihre Antwort.`);
    return html`<p>${text}</p>
      <p><a href=${organizationPath(this.organizationId, 'responses')}>${msg('Zu den Rückmeldungen')}</a></p>`;
  }

  #needsArea(needs: Schema<'VolunteerNeed'>[]): TemplateResult {
    const now = Date.now();
    const open = needs.filter((need) => need.published && need.status === 'open').length;
    const attention = needs.flatMap((need): Attention[] => {
      const why = needAttention(need, now);
      if (!why) return [];
      const text = why === 'full' ? msg('Alle Plätze sind vergeben.') : msg(str`Endet am ${this.format.date(new Date(need.endsAt!))}.`);
      return [{ title: need.title, why: text, href: itemPath(this.organizationId, 'volunteer-need', need.id) }];
    });
    return html`<p>${open === 1 ? msg('1 Gesuch nimmt Rückmeldungen an.') : msg(str`${open} Gesuche nehmen Rückmeldungen an.`)}</p>
      ${this.#attentionList(attention, msg('Kein Gesuch ist voll oder endet in den nächsten 7 Tagen.'))}
      ${this.#listLink('volunteer-needs', msg('Alle Gesuche'))}`;
  }

  #pollsArea(polls: Schema<'Poll'>[]): TemplateResult {
    const now = Date.now();
    const running = polls.filter((poll) => poll.status === 'open').length;
    const attention = polls.flatMap((poll): Attention[] => {
      const why = pollAttention(poll, now);
      if (!why) return [];
      const text =
        why === 'opens'
          ? msg(str`Öffnet am ${this.format.dateTime(new Date(poll.opensAt))} Uhr.`)
          : msg(str`Schließt am ${this.format.dateTime(new Date(poll.closesAt))} Uhr.`);
      return [{ title: poll.question, why: text, href: itemPath(this.organizationId, 'poll', poll.id) }];
    });
    return html`<p>${running === 1 ? msg('1 Umfrage läuft gerade.') : msg(str`${running} Umfragen laufen gerade.`)}</p>
      ${this.#attentionList(attention, msg('Keine Umfrage öffnet oder schließt in den nächsten 7 Tagen.'))}
      ${this.#listLink('polls', msg('Alle Umfragen'))}`;
  }

  #offersArea(offers: Schema<'HelpOffer'>[]): TemplateResult {
    const now = Date.now();
    const published = offers.filter((offer) => offer.published).length;
    const attention = offers
      .filter((offer) => needsVerifying(offer, now))
      .map((offer) => ({
        title: offer.name,
        why: offer.assuredDate
          ? msg(str`Zuletzt geprüft am ${this.format.date(new Date(offer.assuredDate))}: bitte Angaben prüfen.`)
          : msg('Noch nie als geprüft markiert: bitte Angaben prüfen.'),
        href: itemPath(this.organizationId, 'help-offer', offer.id),
      }));
    return html`<p>${published === 1 ? msg('1 Hilfsangebot ist öffentlich.') : msg(str`${published} Hilfsangebote sind öffentlich.`)}</p>
      ${this.#attentionList(attention, msg('Alle Angebote wurden in den letzten 12 Monaten geprüft.'))}
      ${this.#listLink('help-offers', msg('Alle Hilfsangebote'))}`;
  }

  #eventsArea(events: Schema<'Event'>[]): TemplateResult {
    const published = events.filter((event) => event.published).length;
    const drafts = events.length - published;
    return html`<p>${published === 1 ? msg('1 Termin ist öffentlich.') : msg(str`${published} Termine sind öffentlich.`)}</p>
      ${drafts > 0 ? html`<p>${drafts === 1 ? msg('1 Entwurf ist noch nicht veröffentlicht.') : msg(str`${drafts} Entwürfe sind noch nicht veröffentlicht.`)}</p>` : nothing}
      ${this.#listLink('events', msg('Alle Termine'))}`;
  }

  #subscriptionsArea(subscriptions: Schema<'CalendarSubscription'>[]): TemplateResult {
    const failed = subscriptions
      .filter((subscription) => subscription.status === 'failed')
      .map((subscription) => ({
        title: subscription.url,
        why: msg('Der letzte Abruf ist fehlgeschlagen; die Termine bleiben, wie sie waren.'),
        href: organizationPath(this.organizationId, 'calendar-subscriptions'),
      }));
    const allFine =
      subscriptions.length === 0 ? msg('Sie haben keine Kalender abonniert.') : msg('Alle Abos wurden zuletzt fehlerfrei abgerufen.');
    return html`${this.#attentionList(failed, allFine)} ${this.#listLink('calendar-subscriptions', msg('Alle Kalender-Abos'))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-dashboard': SrManageDashboard;
  }
}

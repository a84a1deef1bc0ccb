import { msg, str } from '@lit/localize';
import { paginate, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { collect } from '../../core/collect.js';
import { skeletonText } from '../../core/states.js';
import { verificationLine } from '../help-offer/verification.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath } from '../shared/navigation.js';
import { helpGuideLink } from '../shared/print-link.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

type HelpOffer = Schema<'HelpOffer'>;

/**
 * An organization's help offers, drafts included, by name: whether each is published, when its
 * details were last checked (a warning after twelve months), whether it is open now; each links
 * to its form, and "Neues Angebot" to an empty one.
 */
export class SrManageHelpOffers extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .card h2 a {
        overflow-wrap: anywhere;
      }
      .badge.draft {
        border-style: dashed;
      }
      .stale {
        font-weight: 600;
        color: var(--_color-danger);
      }
    `,
  ];

  declare me: Me | undefined;
  /** The organization's id or slug, from the address. */
  declare organizationId: string;

  readonly #offers = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      collect(
        paginate(hub, '/organizations/{organizationId}/help-offers', {
          params: { path: { organizationId }, query: { limit: 100 } },
          signal,
        }),
      ),
    keepForOtherArgs: false,
  });

  /** The organization, for the printed help guide of its municipality. */
  readonly #organization = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) => hub.GET('/organizations/{organizationId}', { params: { path: { organizationId } }, signal }),
  });

  constructor() {
    super();
    this.organizationId = '';
  }

  protected override render(): TemplateResult {
    const municipality = this.#organization.value?.municipalityId;
    return html`${organizationHeader(this.me, this.organizationId, 'help-offers', msg('Hilfsangebote'))}
      <p class="lead">${msg('Ihre Angebote im Hilfefinder. Halten Sie Öffnungszeiten und Kontakt aktuell und bestätigen Sie mindestens einmal im Jahr, dass alles stimmt.')}</p>
      <p><a class="button primary" href=${itemPath(this.organizationId, 'help-offer')}>${msg('Neues Angebot')}</a></p>
      ${municipality ? html`<p>${helpGuideLink(municipality)}</p>` : nothing}
      ${this.#offers.render({
        skeleton: () => html`<p>${skeletonText('50ch')}</p><p>${skeletonText('50ch')}</p>`,
        emptyText: msg('Noch keine Hilfsangebote. Legen Sie mit „Neues Angebot“ das erste an.'),
        complete: (offers) => html`<ul class="list" aria-label=${msg('Hilfsangebote nach Name')}>
          ${offers.map((offer) => this.#offer(offer))}
        </ul>`,
      })}`;
  }

  #offer(offer: HelpOffer): TemplateResult {
    const verified = verificationLine(offer.assuredDate, this.format);
    return html`<li class="card" data-offer=${offer.id}>
      <div class="card-head">
        <h2 dir="auto"><a href=${itemPath(this.organizationId, 'help-offer', offer.id)}>${offer.name}</a></h2>
        ${offer.published ? html`<span class="badge">${msg('veröffentlicht')}</span>` : html`<span class="badge draft">${msg('Entwurf')}</span>`}
      </div>
      <p class=${verified.stale ? 'stale' : ''}>${verified.stale ? html`<span aria-hidden="true">⚠ </span>` : nothing}${verified.text}</p>
      <p>${this.#openNow(offer)}</p>
    </li>`;
  }

  #openNow(offer: HelpOffer): string {
    if (offer.openingHours.alwaysOpen) return msg('Rund um die Uhr erreichbar.');
    if (offer.openNow === null) return msg('Keine Öffnungszeiten angegeben.');
    const now = offer.openNow ? msg('Jetzt geöffnet.') : msg('Jetzt geschlossen.');
    const today = offer.hoursToday.map(({ opensAt, closesAt }) => `${opensAt}–${closesAt}`).join(', ');
    if (today) return `${now} ${msg(str`Heute ${today}\u00a0Uhr.`)}`;
    // Open with no period today: in one of yesterday's that runs past midnight.
    return offer.openNow ? now : `${now} ${msg('Heute geschlossen.')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-help-offers': SrManageHelpOffers;
  }
}

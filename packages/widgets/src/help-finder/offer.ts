import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { isolated, isolatedList } from '../core/bidi.js';
import { easyReadSummary } from '../core/easy-read.js';
import type { Formats } from '../core/format.js';
import { mailHref, telHref } from './crisis.js';
import { audienceNames, costNames, languageName } from './strings.js';

export type HelpOffer = Schema<'HelpOfferHit'>;
type OpeningHours = Schema<'OpeningHours'>;

export interface OfferContext {
  format: Formats;
  locale: string;
  topicNames: Map<string, string>;
  openDetails(offer: HelpOffer): void;
}

/** Cards say what an offer is about in a few lines; the details have the rest. */
const teaserLength = 180;

function teaser(text: string): string {
  if (text.length <= teaserLength) return text;
  const cut = text.slice(0, teaserLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') + 1 || teaserLength).trimEnd()} …`;
}

const periods = (hours: { opensAt: string; closesAt: string }[]) =>
  hours.map(({ opensAt, closesAt }) => `${opensAt}–${closesAt}`).join(', ');

/** Open now, with today's hours: what someone needs to know before calling or going there. */
function openBadge(offer: HelpOffer): TemplateResult | typeof nothing {
  if (offer.openingHours.alwaysOpen) return html`<span class="badge open">${msg('Rund um die Uhr erreichbar')}</span>`;
  if (offer.openNow === null) return nothing;
  const today = periods(offer.hoursToday);
  if (offer.openNow) return html`<span class="badge open">${msg(str`Jetzt geöffnet · heute ${today}\u00a0Uhr`)}</span>`;
  return html`<span class="badge">${today ? msg(str`Geschlossen · heute ${today}\u00a0Uhr`) : msg('Heute geschlossen')}</span>`;
}

function badges(offer: HelpOffer, context: OfferContext): TemplateResult {
  const { distanceKm } = offer;
  return html`<p class="badges">
    ${openBadge(offer)}
    ${distanceKm === null ? nothing : html`<span class="badge">${msg(str`${context.format.number(distanceKm, { maximumFractionDigits: 1 })} km entfernt`)}</span>`}
    ${offer.cost === 'free' ? html`<span class="badge">${costNames().free}</span>` : nothing}
    ${offer.anonymous ? html`<span class="badge">${msg('Anonym möglich')}</span>` : nothing}
    ${offer.isExample ? html`<span class="badge example">${msg('Beispieldaten')}</span>` : nothing}
  </p>`;
}

/**
 * Ways to get in touch, as large links. Each is named by its visible text ("Anrufen 0931 …")
 * and described by the offer's heading, so a list of links still says whose number it is.
 */
function contactActions(offer: HelpOffer, headingId: string, details: unknown = nothing): TemplateResult {
  const phone = offer.phones[0];
  return html`<div class="actions">
    ${
      phone
        ? html`<a part="button contact call" class="button primary" href=${telHref(phone.number)} aria-describedby=${headingId}>${msg('Anrufen')} ${phone.number}</a>`
        : nothing
    }
    ${
      offer.email
        ? html`<a part="button contact" class="button" href=${mailHref(offer.email)} aria-describedby=${headingId}>${msg('E-Mail schreiben')}</a>`
        : nothing
    }
    ${
      offer.chatUrl
        ? html`<a part="button contact" class="button" href=${offer.chatUrl} target="_blank" rel="noopener" aria-describedby=${headingId}>${msg('Chat')}</a>`
        : nothing
    }
    ${
      offer.url
        ? html`<a part="button contact" class="button" href=${offer.url} target="_blank" rel="noopener" aria-describedby=${headingId}>${msg('Website')}</a>`
        : nothing
    }
    ${details}
  </div>`;
}

const topicNames = (offer: HelpOffer, context: OfferContext) => offer.topics.map((id) => context.topicNames.get(id) ?? id);

export function offerCard(offer: HelpOffer, context: OfferContext): TemplateResult {
  const headingId = `offer-${offer.id}`;
  const topics = topicNames(offer, context);
  return html`<li part="item offer" class="offer ${offer.crisis ? 'crisis-offer' : ''}">
    <h3 id=${headingId} part="offer-name" class="offer-name" dir="auto">${offer.name}</h3>
    <p class="organization" dir="auto">${offer.organization.name}</p>
    ${badges(offer, context)}
    <p dir="auto">${teaser(offer.description)}</p>
    ${topics.length ? html`<p class="topics">${isolatedList(topics, ' · ')}</p>` : nothing}
    ${contactActions(
      offer,
      headingId,
      html`<button type="button" part="button details-button" class="button link" aria-describedby=${headingId} @click=${() => context.openDetails(offer)}>
        ${msg('Alle Details')}
      </button>`,
    )}
  </li>`;
}

/** Placeholder cards with the card's layout, so nothing moves when the offers arrive. */
export function offerSkeleton(skeletonText: (width: string) => TemplateResult): TemplateResult {
  return html`<ul class="offers">
    ${[1, 2, 3].map(
      () => html`<li class="offer">
        <h3 class="offer-name">${skeletonText('50%')}</h3>
        <p>${skeletonText('30%')}</p>
        <p>${skeletonText('90%')} ${skeletonText('70%')}</p>
      </li>`,
    )}
  </ul>`;
}

function weekdayNames(locale: string): Record<string, string> {
  // 1 January 2024 was a Monday.
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return Object.fromEntries(
    ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((day, index) => [day, format.format(Date.UTC(2024, 0, 1 + index))]),
  );
}

function openingHours(hours: OpeningHours, context: OfferContext): unknown {
  if (hours.alwaysOpen) return msg('Rund um die Uhr, an jedem Tag');
  const days = weekdayNames(context.locale);
  const lines = [
    ...hours.schedules.map((schedule) => `${schedule.byDay.map((day) => days[day]).join(', ')}: ${schedule.opensAt}–${schedule.closesAt}`),
    hours.description ? isolated(hours.description) : '',
    hours.schedules.length && !hours.openOnPublicHolidays ? msg('An Feiertagen geschlossen.') : '',
  ].filter(Boolean);
  return lines.map((line, index) => html`${index ? html`<br />` : nothing}${line}`);
}

const fact = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;

/** The widget's words and the Hub's (isolated) in one fact, as sentences. */
const sentences = (ours: string, theirs: string | null | undefined) =>
  [ours, theirs ? isolated(theirs) : ''].filter(Boolean).map((part, index) => html`${index ? '. ' : ''}${part}`);

/** Everything about an offer, for its dialog. */
export function offerDetails(offer: HelpOffer, context: OfferContext): TemplateResult {
  const audiences = audienceNames();
  const yes = msg('Ja');
  const headingId = `details-${offer.id}`;
  return html`<p id=${headingId} class="organization" dir="auto">${offer.organization.name}</p>
    ${badges(offer, context)}
    ${easyReadSummary(context.locale, offer.easyReadSummary, 3)}
    <p class="description" dir="auto">${offer.description}</p>
    ${contactActions(offer, headingId)}
    <dl part="facts" class="facts">
      ${fact(msg('Themen'), isolatedList(topicNames(offer, context), ', '))}
      ${
        offer.audiences.length || offer.eligibilityDescription
          ? fact(msg('Für wen'), sentences(offer.audiences.map((id) => audiences[id]).join(', '), offer.eligibilityDescription))
          : nothing
      }
      ${fact(msg('Sprachen'), offer.languages.map((tag) => languageName(tag, context.locale)).join(', '))}
      ${fact(msg('Kosten'), sentences(costNames()[offer.cost], offer.feesDescription))}
      ${offer.anonymous ? fact(msg('Anonym möglich'), yes) : nothing}
      ${
        offer.barrierFree || offer.accessibility
          ? fact(msg('Barrierefreiheit'), sentences(offer.barrierFree ? msg('Barrierefreier Zugang') : '', offer.accessibility))
          : nothing
      }
      ${fact(msg('Erreichbar'), openingHours(offer.openingHours, context))}
      ${
        offer.locations.length
          ? fact(
              msg('Wo'),
              offer.locations.map(
                (place) =>
                  html`${isolatedList(
                    [place.name, place.address].filter((text): text is string => Boolean(text)),
                    ', ',
                  )}<br />`,
              ),
            )
          : nothing
      }
      ${offer.walkIn ? fact(msg('Offene Sprechstunde'), msg('Sie können ohne Termin vorbeikommen.')) : nothing}
      ${
        offer.phones.length
          ? fact(
              msg('Telefon'),
              offer.phones.map(
                (phone) =>
                  html`<a href=${telHref(phone.number)}>${phone.number}</a>${phone.description ? html` (${isolated(phone.description)})` : ''}<br />`,
              ),
            )
          : nothing
      }
      ${offer.email ? fact(msg('E-Mail'), html`<a href=${mailHref(offer.email)}>${offer.email}</a>`) : nothing}
      ${offer.assuredDate ? fact(msg('Stand'), context.format.calendarDate(offer.assuredDate)) : nothing}
    </dl>
    ${offer.isExample ? html`<p class="example-note">${msg('Beispieldaten: Dieses Angebot ist erfunden und dient nur zur Vorführung.')}</p>` : nothing}`;
}

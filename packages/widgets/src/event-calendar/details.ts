import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from '../core/format.js';
import { contentLanguage, type Locale } from '../core/i18n.js';
import { printLink } from '../core/print-link.js';
import { fullTimeText, type Occurrence } from './occurrences.js';
import { cancelledText } from './strings.js';

export interface DetailsContext {
  format: Formats;
  locale: Locale;
  /** Category names by id, once loaded. */
  categoryNames: Map<string, string>;
  /** The Hub's address for the event's `.ics` file and notice; `undefined` when unknown (an injected client). */
  hubUrl: string | undefined;
  /** Links to subscribe to the calendar as filtered; shared with the calendar's own footer. */
  subscribe: TemplateResult | typeof nothing;
}

/** The price in words, "frei", or nothing when the organizer did not say. */
function priceText({ isFree, price }: Occurrence): string | undefined {
  if (price) return price;
  if (isFree === null) return undefined;
  return isFree ? msg('frei', { desc: 'Eintritt: frei' }) : msg('kostenpflichtig', { desc: 'Eintritt: kostenpflichtig' });
}

/** Links into a page must be web addresses, never `javascript:`; the Hub checks, and so does the widget. */
const isWebAddress = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/**
 * Everything about one occurrence: when (and how it recurs, in the Hub's words), where, who,
 * price, accessibility, the description, and links to keep it: the event as an `.ics` file,
 * this occurrence as a printed notice, and the filtered calendar as a subscription.
 */
export function eventDetails(occurrence: Occurrence, context: DetailsContext): TemplateResult {
  const { location, recurrence } = occurrence;
  const price = priceText(occurrence);
  const categories = occurrence.categories.map((id) => context.categoryNames.get(id)).filter(Boolean);
  const fact = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
  // The occurrence's date as the Hub counts it: `start` is in the event's own local time, or a date.
  const day = occurrence.start.slice(0, 10);
  return html`<div class="details">
    ${occurrence.status === 'cancelled' ? html`<p class="badge cancelled-note">${cancelledText()}</p>` : nothing}
    <dl part="facts" class="facts">
      ${fact(msg('Wann'), fullTimeText(occurrence, context.format))}
      ${recurrence ? fact(msg('Wiederholung'), recurrence.summary[contentLanguage(context.locale)]) : nothing}
      ${location ? fact(msg('Ort'), html`${location.name}${location.address ? html`<br />${location.address}` : nothing}`) : nothing}
      ${fact(msg('Veranstalter'), occurrence.organizer.name)}
      ${price ? fact(msg('Eintritt'), price) : nothing}
      ${occurrence.accessibility ? fact(msg('Barrierefreiheit'), occurrence.accessibility) : nothing}
      ${categories.length > 0 ? fact(msg('Kategorien'), categories.join(', ')) : nothing}
    </dl>
    ${occurrence.description ? html`<p class="description">${occurrence.description}</p>` : nothing}
    <p class="actions">
      ${
        context.hubUrl
          ? html`<a part="button add-to-calendar" class="button primary" href="${context.hubUrl}/events/${occurrence.eventId}.ics">
            ${recurrence ? msg('Terminreihe zum Kalender hinzufügen') : msg('Zum Kalender hinzufügen')}
          </a>`
          : nothing
      }
      ${isWebAddress(occurrence.link) ? html`<a part="button link" class="button" href=${occurrence.link}>${msg('Weitere Informationen')}</a>` : nothing}
    </p>
    ${printLink(context.hubUrl, `events/${occurrence.eventId}?date=${day}`)}
    ${context.subscribe}
    ${occurrence.isExample ? html`<p class="example">${msg('Beispieldaten')}</p>` : nothing}
  </div>`;
}

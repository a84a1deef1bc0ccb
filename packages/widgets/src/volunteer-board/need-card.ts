import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { isolated, isolatedList } from '../core/bidi.js';
import { easyReadSummary } from '../core/easy-read.js';
import type { Formats } from '../core/format.js';
import { printLink } from '../core/print-link.js';
import { shiftSummary } from './shifts.js';

export type VolunteerNeed = Schema<'VolunteerNeed'>;

/** When help is needed, in words: one moment, a span, from a day on, or ongoing. */
export function needWhen(need: VolunteerNeed, format: Formats): string {
  const { startsAt, endsAt } = need;
  const long: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' };
  if (startsAt && endsAt) return format.dateRange(new Date(startsAt), new Date(endsAt), long);
  if (startsAt) return msg(str`ab ${format.date(new Date(startsAt), long)}`);
  if (endsAt) return msg(str`bis ${format.date(new Date(endsAt), long)}`);
  return msg('Laufend, nach Absprache');
}

function stillNeeded(need: VolunteerNeed): string {
  if (need.status === 'filled' || need.peopleStillNeeded === 0) return msg('Alle Plätze sind besetzt');
  return need.peopleStillNeeded === 1 ? msg('Noch 1 Person gesucht') : msg(str`Noch ${need.peopleStillNeeded} Personen gesucht`);
}

export interface CardContext {
  format: Formats;
  locale: string;
  /** The Hub's address, for each need's printed notice; `undefined` when unknown (an injected client). */
  hubUrl: string | undefined;
  /** Names of municipalities by slug: where a need without a place is. */
  municipalityNames: Map<string, string>;
  /** Opens the form to offer help for this need. */
  help(need: VolunteerNeed, opener: HTMLElement): void;
}

/** Whether "Ich helfe mit" is offered: the need is open and its organization has a privacy notice. */
export const takesResponses = (need: VolunteerNeed) => need.status === 'open' && need.privacyNotice !== null;

export function needCard(need: VolunteerNeed, context: CardContext): TemplateResult {
  const headingId = `need-${need.id}`;
  const canHelp = takesResponses(need);
  const municipality = need.municipalityId ? context.municipalityNames.get(need.municipalityId) : undefined;
  const place = (need.place ? [need.place.name, need.place.address] : [municipality]).filter((text): text is string => Boolean(text));
  const where = [place.length ? isolatedList(place, ', ') : '', need.remote ? msg('auch von zu Hause aus möglich') : ''].filter(
    (part) => part !== '',
  );
  return html`<li part="item need" class="need ${need.urgent ? 'urgent' : ''}">
    <p class="badges">
      ${need.urgent ? html`<span part="urgent" class="badge urgent-badge">${msg('Dringend')}</span>` : nothing}
      <span part="places" class="badge">${need.shifts.length ? shiftSummary(need) : stillNeeded(need)}</span>
      ${need.isExample ? html`<span class="badge example">${msg('Beispieldaten')}</span>` : nothing}
    </p>
    <h3 id=${headingId} part="need-title" class="need-title" dir="auto">${need.title}</h3>
    <p class="organization" dir="auto">${need.organization.name}</p>
    <dl class="facts">
      <dt>${msg('Wann')}</dt>
      <dd>${needWhen(need, context.format)}${need.timeCommitment ? html`<br />${msg('Zeitaufwand:')} ${isolated(need.timeCommitment)}` : nothing}</dd>
      <dt>${msg('Wo')}</dt>
      <dd>${where.length ? where.map((part, index) => html`${index ? ' · ' : ''}${part}`) : msg('Nach Absprache')}</dd>
      ${need.skills.length ? html`<dt>${msg('Gut zu können')}</dt><dd>${isolatedList(need.skills, ', ')}</dd>` : nothing}
      ${need.contactRole ? html`<dt>${msg('Ansprechperson')}</dt><dd dir="auto">${need.contactRole}</dd>` : nothing}
    </dl>
    ${easyReadSummary(context.locale, need.easyReadSummary, 4)}
    <p class="description" dir="auto">${need.description}</p>
    ${
      canHelp
        ? html`<button
          type="button"
          part="button help-button"
          class="button primary"
          aria-describedby=${headingId}
          @click=${(event: Event) => context.help(need, event.currentTarget as HTMLElement)}
        >
          ${msg('Ich helfe mit')}
        </button>`
        : html`<p class="note">${need.status === 'open' ? msg('Anmeldungen sind hier gerade nicht möglich.') : nothing}</p>`
    }
    ${printLink(context.hubUrl, `volunteer-needs/${need.id}`, headingId)}
  </li>`;
}

export function needSkeleton(skeletonText: (width: string) => TemplateResult): TemplateResult {
  return html`<ul class="needs">
    ${[1, 2, 3].map(
      () => html`<li class="need">
        <p>${skeletonText('30%')}</p>
        <h3 class="need-title">${skeletonText('60%')}</h3>
        <p>${skeletonText('40%')}</p>
        <p>${skeletonText('90%')}</p>
      </li>`,
    )}
  </ul>`;
}

import { msg } from '@lit/localize';
import { paginate, type HubClient } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { collect } from '../core/collect.js';
import { contentLanguage, type Locale } from '../core/i18n.js';

/** The filters of `GET /events` and `/events.ics`: several values of one filter mean "any of them". */
export interface Filters {
  category: string[];
  municipality: string[];
  organization: string[];
  q: string[];
}

export type FilterName = keyof Filters;

/** The filters a reader picks from a list. */
export type ChoiceFilter = Exclude<FilterName, 'q'>;

export const filterNames: FilterName[] = ['category', 'municipality', 'organization', 'q'];

/** The values of an attribute: `municipality="hoechberg eibelstadt"`, commas allowed too. */
const valuesOf = (value: string): string[] => value.split(/[\s,]+/).filter(Boolean);

/** The filters in force: those the page fixed with attributes, else what the reader picked. */
export function filtersInForce(fixed: Record<FilterName, string | undefined>, chosen: Record<FilterName, string>): Filters {
  const value = (name: FilterName) => fixed[name]?.trim() || chosen[name];
  return {
    category: valuesOf(value('category')),
    municipality: valuesOf(value('municipality')),
    organization: valuesOf(value('organization')),
    // Search words stay together.
    q: [value('q')].filter(Boolean),
  };
}

/** The filters in use, as query parameters: those of `GET /events` and of the feed links. */
export function activeFilters(filters: Filters): Partial<Record<FilterName, string[]>> {
  return Object.fromEntries(filterNames.filter((name) => filters[name].length > 0).map((name) => [name, filters[name]]));
}

/**
 * Links to subscribe to the calendar with the filters in use. `webcal:` opens the subscription
 * dialog of Apple Calendar, Outlook and Thunderbird; Google Calendar and Outlook on the web
 * want the `https:` address pasted ("add calendar from URL").
 */
export function subscribeLinks(hubUrl: string | undefined, filters: Filters): TemplateResult | typeof nothing {
  if (!hubUrl) return nothing;
  const query = new URLSearchParams(
    Object.entries(activeFilters(filters)).flatMap(([name, values]) => values.map((value) => [name, value])),
  ).toString();
  const feed = `${hubUrl}/events.ics${query ? `?${query}` : ''}`;
  return html`<p part="subscribe" class="subscribe">
    <a part="button subscribe-button" class="button" href=${feed.replace(/^https?:/, 'webcal:')}>${msg('Kalender abonnieren')}</a>
    <a part="feed-link" href=${feed}>${msg('Adresse für Google Kalender und Outlook')}</a>
  </p>`;
}

interface Choice {
  id: string;
  name: string;
}

/** What readers may pick from, by filter. */
export type Choices = Record<ChoiceFilter, Choice[]>;

/** The categories, municipalities and organizations to choose from, with names in `locale`. */
export async function loadChoices(hub: HubClient, locale: Locale, signal: AbortSignal): Promise<Choices> {
  const [categories, municipalities, organizations] = await Promise.all([
    hub.GET('/event-categories', { signal }),
    collect(paginate(hub, '/municipalities', { params: { query: { limit: 100 } }, signal })),
    collect(paginate(hub, '/organizations', { params: { query: { limit: 100 } }, signal })),
  ]);
  return {
    category: categories.items.map(({ id, name }) => ({ id, name: name[contentLanguage(locale)] })),
    municipality: municipalities,
    organization: organizations,
  };
}

export interface FilterContext {
  /** The reader's picks. */
  chosen: Record<FilterName, string>;
  /** Filters set by the page's attributes: fixed, so their controls are left out. */
  preset: Set<FilterName>;
  choices: Choices | undefined;
  change(name: FilterName, value: string): void;
  /** Typing in the search field: applied after a pause. */
  type(value: string): void;
  /** Shown at once; in narrow containers the filters wait behind "Filter" so the events come first. */
  open: boolean;
}

/** The search field and a list for each filter the page did not fix. */
export function filterControls(context: FilterContext): TemplateResult | typeof nothing {
  if (filterNames.every((name) => context.preset.has(name))) return nothing;
  const inUse = filterNames.filter((name) => context.chosen[name]).length;
  const lists: [ChoiceFilter, string, string][] = [
    ['category', msg('Kategorie'), msg('Alle Kategorien')],
    ['municipality', msg('Ort'), msg('Alle Orte')],
    ['organization', msg('Veranstalter'), msg('Alle Veranstalter')],
  ];
  return html`<details part="filters" class="filters" ?open=${context.open}>
    <summary>${msg('Filter')}${inUse > 0 ? ` (${inUse})` : ''}</summary>
    <div class="fields" role="search" aria-label=${msg('Termine filtern')}>
      ${context.preset.has('q') ? nothing : searchField(context)}
      ${lists.map(([name, label, all]) => (context.preset.has(name) ? nothing : choiceField(name, label, all, context)))}
    </div>
  </details>`;
}

function searchField(context: FilterContext): TemplateResult {
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return html`<label class="field">
    <span>${msg('Suche')}</span>
    <input
      part="search"
      type="search"
      .value=${context.chosen.q}
      @input=${(event: Event) => context.type(value(event))}
      @change=${(event: Event) => context.change('q', value(event))}
    />
  </label>`;
}

function choiceField(name: ChoiceFilter, label: string, all: string, context: FilterContext): TemplateResult {
  return html`<label class="field">
    <span>${label}</span>
    <select part="filter" name=${name} @change=${(event: Event) => context.change(name, (event.target as HTMLSelectElement).value)}>
      <option value="">${all}</option>
      ${context.choices?.[name].map(({ id, name: choice }) => html`<option value=${id} ?selected=${id === context.chosen[name]}>${choice}</option>`)}
    </select>
  </label>`;
}

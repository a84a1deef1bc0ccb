import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { contentLanguage, type Locale } from '../core/i18n.js';
import { filtersInUse, type ChoiceName, type Choices } from './search.js';
import { audienceNames, filterLanguages, languageName } from './strings.js';

export type HelpTopic = Schema<'HelpTopic'>;

interface Named {
  id: string;
  name: string;
}

export interface ControlsContext {
  choices: Choices;
  locale: Locale;
  topics: HelpTopic[];
  municipalities: Named[];
  /** Counts of the current result by topic, to show next to each chip. */
  topicCounts: Map<string, number>;
  filtersOpen: boolean;
  /** What went wrong asking for the position, if it did. */
  nearProblem: string;
  choose<K extends ChoiceName>(name: K, value: Choices[K]): void;
  /** Typing in the search field: applied after a pause. */
  type(value: string): void;
  findNearMe(): void;
}

export function searchForm(context: ControlsContext): TemplateResult {
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return html`<form
    part="search-form"
    class="search"
    role="search"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
      context.choose('q', input.value);
    }}
  >
    <label for="q" class="search-label">${msg('Wobei suchen Sie Unterstützung?')}</label>
    <div class="search-row">
      <input
        id="q"
        name="q"
        part="search"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        aria-describedby="q-hint"
        .value=${context.choices.q}
        @input=${(event: Event) => context.type(value(event))}
      />
      <button part="button search-button" class="button primary" type="submit">${msg('Suchen')}</button>
    </div>
    <p id="q-hint" class="hint">${msg('In eigenen Worten, z. B. „Schulden“, „allein“, „Trauer“ oder „Sucht Angehörige“.')}</p>
  </form>`;
}

/** The top-level topics as toggle buttons; with one chosen, its subtopics too. */
export function topicChips(context: ControlsContext): TemplateResult | typeof nothing {
  if (context.topics.length === 0) return nothing;
  const chosen = context.topics.find((topic) => topic.id === context.choices.topic);
  const parentId = chosen?.parentId ?? chosen?.id;
  const shown = context.topics.filter((topic) => topic.parentId === null || topic.parentId === parentId);
  return html`<div part="topics" class="chips" role="group" aria-label=${msg('Themen')}>
    ${shown.map((topic) => {
      const pressed = topic.id === context.choices.topic;
      const count = context.topicCounts.get(topic.id);
      return html`<button
        type="button"
        part="chip"
        class="chip ${topic.parentId ? 'child' : ''}"
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${() => context.choose('topic', pressed ? (topic.parentId ?? '') : topic.id)}
      >
        <bdi>${topic.name[contentLanguage(context.locale)]}</bdi>${count ? html` <span class="count">${count}</span>` : nothing}
      </button>`;
    })}
  </div>`;
}

function select(
  name: 'audience' | 'language' | 'municipality' | 'cost',
  label: string,
  options: Named[],
  context: ControlsContext,
): TemplateResult {
  return html`<label class="field">
    <span>${label}</span>
    <select part="filter" id=${name} @change=${(event: Event) => context.choose(name, (event.target as HTMLSelectElement).value)}>
      <option value="">${msg('Alle')}</option>
      ${options.map(({ id, name: text }) => html`<option value=${id} ?selected=${id === context.choices[name]} dir="auto">${text}</option>`)}
    </select>
  </label>`;
}

function checkbox(name: 'anonymous' | 'barrierFree' | 'openNow', label: string, context: ControlsContext): TemplateResult {
  return html`<label class="check">
    <input part="filter" type="checkbox" .checked=${context.choices[name]} @change=${(event: Event) => context.choose(name, (event.target as HTMLInputElement).checked)} />
    ${label}
  </label>`;
}

/** Who, which language, where, what it may cost, and how to reach it. */
export function filterPanel(context: ControlsContext): TemplateResult {
  const inUse = filtersInUse(context.choices);
  const audiences = Object.entries(audienceNames()).map(([id, name]) => ({ id, name }));
  const languages = ['de', ...filterLanguages].map((id) => ({ id, name: languageName(id, context.locale) }));
  const costs = [
    { id: 'free', name: msg('Nur kostenlose') },
    { id: 'low', name: msg('Kostenlos oder geringer Eigenanteil') },
  ];
  return html`<details part="filters" class="filters" ?open=${context.filtersOpen}>
    <summary>${msg('Filter')}${inUse ? ` (${inUse})` : ''}</summary>
    <div class="fields">
      ${select('audience', msg('Für wen'), audiences, context)}
      ${select('language', msg('Sprache'), languages, context)}
      ${select('cost', msg('Kosten'), costs, context)}
      ${select('municipality', msg('Wohnort'), context.municipalities, context)}
      <div class="checks">
        ${checkbox('openNow', msg('Jetzt geöffnet'), context)} ${checkbox('anonymous', msg('Anonym möglich'), context)}
        ${checkbox('barrierFree', msg('Barrierefreier Zugang'), context)}
      </div>
      <div class="near">
        ${
          context.choices.near
            ? html`<p>${msg('Sortiert nach Entfernung zu Ihrem Standort.')}</p>
              <button part="button near-button" class="button" type="button" @click=${() => context.choose('near', '')}>
                ${msg('Standort nicht mehr verwenden')}
              </button>`
            : html`<button part="button near-button" class="button" type="button" @click=${() => context.findNearMe()}>${msg('In meiner Nähe')}</button>
              <p class="hint">${msg('Ihr Standort wird nur für diese Suche verwendet, auf etwa 100 m gerundet.')}</p>`
        }
        ${context.nearProblem ? html`<p part="near-problem" class="problem" role="alert">${context.nearProblem}</p>` : nothing}
      </div>
    </div>
  </details>`;
}

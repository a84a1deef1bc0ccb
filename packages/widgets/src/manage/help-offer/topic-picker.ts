import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { labelledField, type FormController } from '../shared/form.js';
import { maxTopics, type TopicId } from './offer-draft.js';

type HelpTopic = Schema<'HelpTopic'>;

export interface TopicPickerContext {
  form: FormController<string>;
  topics: readonly HelpTopic[];
  chosen: readonly TopicId[];
  /** What is typed in the search field. */
  query: string;
  locale: string;
  search: (query: string) => void;
  choose: (topics: TopicId[], focus?: string) => void;
}

/** Lower case without accents and umlaut dots, so "sucht" finds "Süchte" and "ubersch" finds "Überschuldung". */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** A topic's name in the page's language, its parent's in front ("Sucht › Alkohol"). */
export function topicLabel(topics: readonly HelpTopic[], topic: HelpTopic, locale: string): string {
  const name = (item: HelpTopic) => (locale.startsWith('en') ? item.name.en : item.name.de);
  const parent = topic.parentId ? topics.find((item) => item.id === topic.parentId) : undefined;
  return parent ? `${name(parent)} › ${name(topic)}` : name(topic);
}

/** The topics whose name, parent's name or synonyms contain every word typed. */
function matching(context: TopicPickerContext): HelpTopic[] {
  const words = folded(context.query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...context.topics];
  return context.topics.filter((topic) => {
    const text = folded([topicLabel(context.topics, topic, context.locale), topic.name.de, topic.name.en, ...topic.synonyms].join(' '));
    return words.every((word) => text.includes(word));
  });
}

/**
 * Topics from the taxonomy with a search: typing narrows the checkboxes to the topics whose
 * names or everyday words match; the chosen ones stand above as buttons that remove them. At the
 * contract's maximum the others cannot be ticked.
 */
export function topicPicker(context: TopicPickerContext): TemplateResult {
  const { form, chosen } = context;
  const found = matching(context);
  const full = chosen.length >= maxTopics;
  const label = (id: TopicId) => {
    const topic = context.topics.find((item) => item.id === id);
    return topic ? topicLabel(context.topics, topic, context.locale) : id;
  };
  const toggle = (id: TopicId, on: boolean) => {
    context.choose(on ? [...chosen, id] : chosen.filter((topic) => topic !== id));
    form.changed('topics');
  };
  return html`<div class="topics">
    ${labelledField(
      form,
      'topics',
      msg('Themen'),
      { required: true, hint: msg(str`Tippen Sie, um zu suchen, z. B. „Sucht“ oder „Trauer“. Bis zu ${maxTopics} Themen.`) },
      ({ invalid, describedBy }) => html`<input
        id="topics"
        type="search"
        autocomplete="off"
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        aria-controls="topic-choices"
        .value=${context.query}
        @input=${(event: Event) => context.search((event.target as HTMLInputElement).value)}
      />`,
    )}
    ${
      chosen.length
        ? html`<ul class="actions chips" aria-label=${msg('Gewählte Themen')}>
          ${chosen.map(
            (id, index) =>
              html`<li>
                <button
                  class="button chip"
                  type="button"
                  aria-label=${msg(str`${label(id)} entfernen`)}
                  @click=${() =>
                    context.choose(
                      chosen.filter((topic) => topic !== id),
                      chosen.length > 1 ? `.chips li:nth-child(${Math.min(index + 1, chosen.length - 1)}) button` : '#topics',
                    )}
                >
                  ${label(id)} <span aria-hidden="true">×</span>
                </button>
              </li>`,
          )}
        </ul>`
        : nothing
    }
    <p class="hint" role="status">
      ${full ? msg(str`${maxTopics} Themen gewählt: das ist die Höchstzahl.`) : context.query ? msg(str`${found.length} Themen passen.`) : nothing}
    </p>
    <fieldset id="topic-choices" class="topic-choices">
      <legend class="visually-hidden">${msg('Themen zur Auswahl')}</legend>
      ${found.map((topic) => {
        const on = chosen.includes(topic.id);
        return html`<div class="choice ${topic.parentId ? 'child' : ''}">
          <input
            type="checkbox"
            id="topic-${topic.id}"
            .checked=${on}
            ?disabled=${full && !on}
            @change=${(event: Event) => toggle(topic.id, (event.target as HTMLInputElement).checked)}
          />
          <label for="topic-${topic.id}">${topicLabel(context.topics, topic, context.locale)}</label>
        </div>`;
      })}
    </fieldset>
  </div>`;
}

import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { contentLanguage, type Locale } from '../core/i18n.js';
import type { HelpTopic } from './controls.js';
import type { Choices } from './search.js';

/** The answers of the guided mode so far, one per question: for whom, what about, how urgent. */
export type Answers = string[];

interface Option {
  value: string;
  label: string;
}

/** Who the help is for, and the audience filter each answer sets. */
const forWhom = (): (Option & { audience: string })[] => [
  { value: 'self', label: msg('Für mich'), audience: '' },
  { value: 'child', label: msg('Für mein Kind oder eine junge Person'), audience: 'children youth' },
  { value: 'relative', label: msg('Für einen Menschen, der mir nahesteht'), audience: 'relatives' },
  { value: 'senior', label: msg('Für einen älteren Menschen'), audience: 'seniors' },
];

const urgencies = (): Option[] => [
  { value: 'acute', label: msg('Sofort: Ich bin in Gefahr oder denke daran, mir etwas anzutun') },
  { value: 'today', label: msg('Heute noch') },
  { value: 'later', label: msg('In den nächsten Tagen') },
];

/** What the answers mean for the search; `urgent` when someone said they are in danger. */
export function answersToChoices([who, topic, urgency]: Answers): { choices: Partial<Choices>; urgent: boolean } {
  return {
    choices: {
      audience: forWhom().find((option) => option.value === who)?.audience ?? '',
      topic: topic ?? '',
      openNow: urgency === 'today',
    },
    urgent: urgency === 'acute',
  };
}

export interface GuidedContext {
  answers: Answers;
  topics: HelpTopic[];
  locale: Locale;
  answer(step: number, value: string): void;
  back(): void;
  /** Leaves the questions for the free search. */
  skip(): void;
}

/** The current question of the three, as a fieldset of radio buttons. */
export function guidedStep(context: GuidedContext): TemplateResult {
  const step = context.answers.length;
  const topics: Option[] = [
    ...context.topics
      .filter((topic) => topic.parentId === null)
      .map((topic) => ({ value: topic.id, label: topic.name[contentLanguage(context.locale)] })),
    { value: '', label: msg('Ich weiß es nicht genau') },
  ];
  const questions: [string, Option[]][] = [
    [msg('Für wen suchen Sie Hilfe?'), forWhom()],
    [msg('Worum geht es?'), topics],
    [msg('Wie dringend ist es?'), urgencies()],
  ];
  const [legend, options] = questions[step]!;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = new FormData(event.target as HTMLFormElement).get('answer');
    if (typeof chosen === 'string') context.answer(step, chosen);
  };
  return html`<form part="guided" class="guided" @submit=${submit}>
    <fieldset>
      <legend tabindex="-1" class="guided-question">
        <span class="step">${msg(str`Frage ${step + 1} von 3`)}</span> ${legend}
      </legend>
      ${options.map(
        (option) => html`<label class="check answer">
          <input type="radio" name="answer" value=${option.value} required />
          <bdi>${option.label}</bdi>
        </label>`,
      )}
    </fieldset>
    <div class="guided-actions">
      ${step > 0 ? html`<button part="button" class="button" type="button" @click=${() => context.back()}>${msg('Zurück')}</button>` : nothing}
      <button part="button" class="button primary" type="submit">${step === 2 ? msg('Angebote zeigen') : msg('Weiter')}</button>
      <button part="button" class="button link" type="button" @click=${() => context.skip()}>${msg('Selbst suchen')}</button>
    </div>
  </form>`;
}

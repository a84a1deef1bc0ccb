import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Formats } from '../../core/format.js';
import { easyReadSummaryField, easyReadSummaryLabel } from '../shared/easy-read-summary.js';
import { choiceField, FormController, selectField, textField, type FieldErrors } from '../shared/form.js';
import { fromWallClock, toWallClock } from './wall-clock.js';

type Poll = Schema<'Poll'>;
type PollInput = Schema<'PollInput'>;
type Municipality = Schema<'Municipality'>;

export type PollField =
  | 'question'
  | 'description'
  | 'easyReadSummary'
  | 'municipalityId'
  | 'options'
  | 'kind'
  | 'maxChoices'
  | 'opensAt'
  | 'closesAt'
  | 'participation'
  | 'resultsVisibility';

const fields: readonly PollField[] = [
  'question',
  'description',
  'easyReadSummary',
  'municipalityId',
  'options',
  'kind',
  'maxChoices',
  'opensAt',
  'closesAt',
  'participation',
  'resultsVisibility',
];

/** The contract's limits (PollFields). */
const limits = { question: 300, description: 5000, options: 20, label: 200, optionDescription: 1000 } as const;

interface OptionDraft {
  /** Keeps a row (and the focus in it) with its option when the order changes. */
  key: number;
  label: string;
  description: string;
}

/** The form as typed: strings as the inputs hold them, so nothing typed is ever changed or lost. */
interface PollDraft {
  question: string;
  description: string;
  easyReadSummary: string;
  municipalityId: string;
  kind: Schema<'PollKind'>;
  maxChoices: string;
  options: OptionDraft[];
  opensAt: string;
  closesAt: string;
  participation: Schema<'PollParticipation'>;
  resultsVisibility: Schema<'PollResultsVisibility'>;
}

/** What the Hub lets change of a saved poll (its updatePoll rules), so the form offers only that. */
export interface PollLocks {
  /** Votes or tallies exist: question, options, kind, maxChoices and participation are fixed. */
  counted: boolean;
  /** The poll has opened: its opening moment is fixed. */
  opened: boolean;
  /** The poll has ended: its closing moment is fixed too. */
  ended: boolean;
}

const noLocks: PollLocks = { counted: false, opened: false, ended: false };

/**
 * The poll's form: question, description, municipality, options (add, remove, reorder), single
 * or multiple choice, the opening window on the region's clocks, participation and results
 * visibility, each explained; its checks say the contract's rules at their fields before sending.
 */
export class PollEditor {
  draft: PollDraft;
  readonly form: FormController<PollField>;
  #nextKey = 0;
  /** The window of the poll last loaded, to send unchanged as stored (see `#instant`). */
  #loadedWindow: { opensAt: string; closesAt: string } | undefined;
  readonly #host: ReactiveElement;
  readonly #timeZone: () => string;
  readonly #format: () => Formats;

  /** `onStale` shows the poll as stored now, after someone else saved it since it was loaded (412). */
  constructor(host: ReactiveElement, format: () => Formats, timeZone: () => string, onStale: () => void) {
    this.#host = host;
    this.#timeZone = timeZone;
    this.#format = format;
    // `/options/2/label` is the options' field: a pointer's first segment names the field.
    this.form = new FormController<PollField>(host, { fields, format, onStale });
    this.draft = this.#emptyDraft();
  }

  /** A new poll: two empty options, open from tomorrow 08:00 for four weeks until 18:00. */
  #emptyDraft(): PollDraft {
    const tomorrow = toWallClock(new Date(Date.now() + 86_400_000).toISOString(), this.#timeZone()).slice(0, 10);
    const fourWeeks = toWallClock(new Date(Date.now() + 29 * 86_400_000).toISOString(), this.#timeZone()).slice(0, 10);
    return {
      question: '',
      description: '',
      easyReadSummary: '',
      municipalityId: '',
      kind: 'single',
      maxChoices: '2',
      options: [this.#option(), this.#option()],
      opensAt: `${tomorrow}T08:00`,
      closesAt: `${fourWeeks}T18:00`,
      participation: 'open',
      resultsVisibility: 'always',
    };
  }

  #option(label = '', description = ''): OptionDraft {
    return { key: this.#nextKey++, label, description };
  }

  /** Shows `poll` in the form, e.g. after it was loaded or saved. */
  load(poll: Poll): void {
    const zone = this.#timeZone();
    this.#loadedWindow = { opensAt: poll.opensAt, closesAt: poll.closesAt };
    this.draft = {
      question: poll.question,
      description: poll.description ?? '',
      easyReadSummary: poll.easyReadSummary ?? '',
      municipalityId: poll.municipalityId ?? '',
      kind: poll.kind,
      maxChoices: String(poll.kind === 'multiple' ? poll.maxChoices : 2),
      options: poll.options.map((option) => this.#option(option.label, option.description ?? '')),
      opensAt: toWallClock(poll.opensAt, zone),
      closesAt: toWallClock(poll.closesAt, zone),
      participation: poll.participation,
      resultsVisibility: poll.resultsVisibility,
    };
    this.form.reset();
  }

  #set(field: PollField, change: Partial<PollDraft>): void {
    this.draft = { ...this.draft, ...change };
    this.form.changed(field);
    this.#host.requestUpdate();
  }

  #setOption(key: number, change: Partial<OptionDraft>): void {
    this.#set('options', { options: this.draft.options.map((option) => (option.key === key ? { ...option, ...change } : option)) });
  }

  #move(index: number, by: -1 | 1): void {
    const options = [...this.draft.options];
    const [moved] = options.splice(index, 1);
    options.splice(index + by, 0, moved!);
    this.#set('options', { options });
  }

  /** The contract's rules in words, at their fields, before anything is sent. */
  check(): FieldErrors<PollField> {
    const { draft } = this;
    const errors: FieldErrors<PollField> = {};
    if (draft.question.trim().length < 3) errors.question = msg('Bitte geben Sie die Frage ein (mindestens 3 Zeichen).');
    const labels = draft.options.map((option) => option.label.trim().toLocaleLowerCase());
    const blanks = labels.flatMap((label, index) => (label === '' ? [index + 1] : []));
    const repeated = labels.findIndex((label, index) => label !== '' && labels.indexOf(label) !== index);
    if (draft.options.length < 2) errors.options = msg('Eine Umfrage braucht mindestens zwei Antworten.');
    else if (draft.options.length > limits.options) {
      errors.options = msg(
        str`Höchstens ${limits.options} Antworten sind möglich; bitte entfernen Sie ${draft.options.length - limits.options}.`,
      );
    } else if (blanks.length === 1) errors.options = msg(str`Antwort ${blanks[0]} hat noch keinen Text.`);
    else if (blanks.length > 1) errors.options = msg(str`Antworten ${blanks.join(', ')} haben noch keinen Text.`);
    else if (repeated >= 0) errors.options = msg(str`Antwort ${repeated + 1} steht schon einmal in der Liste.`);
    const most = Number(draft.maxChoices);
    if (draft.kind === 'multiple' && !(Number.isInteger(most) && most >= 2 && most <= draft.options.length)) {
      errors.maxChoices = msg(str`Bitte eine Zahl von 2 bis ${draft.options.length} (der Zahl der Antworten).`);
    }
    const opens = fromWallClock(draft.opensAt, this.#timeZone());
    const closes = fromWallClock(draft.closesAt, this.#timeZone());
    if (!opens) errors.opensAt = msg('Bitte geben Sie Datum und Uhrzeit an.');
    if (!closes) errors.closesAt = msg('Bitte geben Sie Datum und Uhrzeit an.');
    else if (opens && Date.parse(closes) <= Date.parse(opens)) errors.closesAt = msg('Das Ende muss nach dem Beginn liegen.');
    return errors;
  }

  /**
   * A window field as an instant. Left as loaded, it is the stored instant itself: the field shows
   * minutes, but a poll made through the API may open at 08:15:27, and the Hub refuses any other
   * start for a poll that has opened (any other end for one that has closed).
   */
  #instant(field: 'opensAt' | 'closesAt'): string {
    const zone = this.#timeZone();
    const loaded = this.#loadedWindow?.[field];
    if (loaded && toWallClock(loaded, zone) === this.draft[field]) return loaded;
    return fromWallClock(this.draft[field], zone)!;
  }

  /** The draft as the Hub takes it (only after `check` passed). */
  body(): PollInput {
    const { draft } = this;
    return {
      question: draft.question.trim(),
      description: draft.description.trim() || null,
      easyReadSummary: draft.easyReadSummary.trim() || null,
      municipalityId: draft.municipalityId || null,
      kind: draft.kind,
      maxChoices: draft.kind === 'multiple' ? Number(draft.maxChoices) : 1,
      options: draft.options.map((option) => ({ label: option.label.trim(), description: option.description.trim() || null })),
      opensAt: this.#instant('opensAt'),
      closesAt: this.#instant('closesAt'),
      participation: draft.participation,
      resultsVisibility: draft.resultsVisibility,
    };
  }

  /** The error summary's names of the fields. */
  labels(): Record<PollField, string> {
    return {
      question: msg('Frage'),
      description: msg('Beschreibung'),
      easyReadSummary: easyReadSummaryLabel(),
      municipalityId: msg('Gemeinde'),
      options: msg('Antworten'),
      kind: msg('Art der Abstimmung'),
      maxChoices: msg('Höchstens wählbar'),
      opensAt: msg('Beginn'),
      closesAt: msg('Ende'),
      participation: msg('Teilnahme'),
      resultsVisibility: msg('Ergebnisse'),
    };
  }

  /** The form's fields; what `locks` fixes is shown as text with the reason. */
  render(municipalities: readonly Municipality[], locks: PollLocks = noLocks): TemplateResult {
    const { draft, form } = this;
    const set = (field: PollField, key: keyof PollDraft) => (value: string) => this.#set(field, { [key]: value });
    return html`
      ${
        locks.counted
          ? html`<p class="message">${msg('Es wurde schon abgestimmt oder gezählt: Frage, Antworten und Art der Teilnahme bleiben deshalb, wie sie sind.')}</p>
            <dl class="details">
              <dt>${msg('Frage')}</dt>
              <dd dir="auto">${draft.question}</dd>
              <dt>${msg('Antworten')}</dt>
              <dd><ol>${draft.options.map((option) => html`<li dir="auto">${option.label}</li>`)}</ol></dd>
            </dl>`
          : textField(form, 'question', msg('Frage'), draft.question, set('question', 'question'), {
              required: true,
              maxlength: limits.question,
              hint: msg('So, wie sie über der Abstimmung steht, z. B. „Wie soll der Dorfplatz künftig genutzt werden?“'),
            })
      }
      <div class="field">
        <label for="description">${msg('Beschreibung (freiwillig)')}</label>
        <span id="description-hint" class="hint">${msg('Worum es geht und was mit dem Ergebnis geschieht.')}</span>
        ${form.errors.description ? html`<span id="description-error" class="field-error">${form.errors.description}</span>` : nothing}
        <textarea
          id="description"
          rows="4"
          maxlength=${limits.description}
          aria-invalid=${form.errors.description ? 'true' : 'false'}
          aria-describedby="description-hint ${form.errors.description ? 'description-error' : ''}"
          .value=${draft.description}
          @input=${(event: Event) => set('description', 'description')((event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${easyReadSummaryField(form, draft.easyReadSummary, set('easyReadSummary', 'easyReadSummary'))}
      ${selectField(
        form,
        'municipalityId',
        msg('Gemeinde'),
        draft.municipalityId,
        municipalities.map((municipality) => [municipality.id, municipality.name] as const),
        set('municipalityId', 'municipalityId'),
        { placeholder: msg('Ganze Region'), hint: msg('Wessen Bürgerinnen und Bürger gefragt sind.') },
      )}
      ${locks.counted ? nothing : this.#options()}
      ${
        locks.counted
          ? nothing
          : html`${choiceField(
              form,
              'kind',
              msg('Art der Abstimmung'),
              draft.kind,
              [
                ['single', msg('Eine Antwort'), msg('Jede Person wählt genau eine Antwort.')],
                ['multiple', msg('Mehrere Antworten'), msg('Jede Person wählt bis zu so viele Antworten, wie Sie unten angeben.')],
              ],
              (kind) => this.#set('kind', { kind: kind as PollDraft['kind'] }),
            )}
            ${
              draft.kind === 'multiple'
                ? textField(form, 'maxChoices', msg('Höchstens wählbar'), draft.maxChoices, set('maxChoices', 'maxChoices'), {
                    type: 'number',
                    required: true,
                    hint: msg(str`Eine Zahl von 2 bis ${draft.options.length}.`),
                  })
                : nothing
            }`
      }
      ${this.#window(locks)}
      ${
        locks.counted
          ? nothing
          : choiceField(
              form,
              'participation',
              msg('Teilnahme'),
              draft.participation,
              [
                [
                  'open',
                  msg('Offen für alle'),
                  msg(
                    'Jede Person kann online abstimmen, ohne Konto. Der Browser rechnet kurz, damit niemand massenhaft abstimmen kann; eine zweite Stimme derselben Person lässt sich aber nicht ausschließen.',
                  ),
                ],
                [
                  'codes',
                  msg('Nur mit Teilnahmecode'),
                  msg(
                    'Sie erzeugen Codes, verschicken sie per Post, und jeder Code zählt genau eine Stimme. Richtig, wenn jede Person nur einmal abstimmen darf.',
                  ),
                ],
              ],
              (participation) => this.#set('participation', { participation: participation as PollDraft['participation'] }),
            )
      }
      ${choiceField(
        form,
        'resultsVisibility',
        msg('Wann die Öffentlichkeit die Ergebnisse sieht'),
        draft.resultsVisibility,
        [
          ['always', msg('Immer'), msg('Jede Person sieht den Zwischenstand schon während der Abstimmung.')],
          [
            'after-voting',
            msg('Nach der eigenen Stimme'),
            msg('Wer abgestimmt hat, sieht den Zwischenstand; alle anderen erst das Ergebnis nach dem Ende.'),
          ],
          ['after-closing', msg('Erst nach dem Ende'), msg('Bis zum Ende sieht niemand Zahlen. Ihre Organisation sieht sie hier immer.')],
        ],
        (visibility) => this.#set('resultsVisibility', { resultsVisibility: visibility as PollDraft['resultsVisibility'] }),
      )}
    `;
  }

  #options(): TemplateResult {
    const { draft, form } = this;
    const error = form.errors.options;
    const count = draft.options.length;
    // A blank option is what the message is about; other problems concern the list as a whole.
    const anyBlank = draft.options.some((option) => option.label.trim() === '');
    return html`<fieldset id="options" class="field" tabindex="-1" aria-describedby="options-hint ${error ? 'options-error' : ''}">
      <legend>${msg('Antworten')} *</legend>
      <span id="options-hint" class="hint">${msg(str`Mindestens 2, höchstens ${limits.options}, in der Reihenfolge, in der sie erscheinen. Jetzt: ${count}.`)}</span>
      ${error ? html`<span id="options-error" class="field-error">${error}</span>` : nothing}
      <ol class="options">
        ${repeat(
          draft.options,
          (option) => option.key,
          (option, index) => html`<li class="card option-row">
            <div class="field">
              <label for="option-${option.key}">${msg(str`Antwort ${index + 1}`)}</label>
              <input
                id="option-${option.key}"
                maxlength=${limits.label}
                aria-invalid=${error && (option.label.trim() === '' || !anyBlank) ? 'true' : 'false'}
                .value=${option.label}
                @input=${(event: Event) => this.#setOption(option.key, { label: (event.target as HTMLInputElement).value })}
              />
            </div>
            <div class="field">
              <label for="option-${option.key}-description">${msg(str`Erläuterung zu Antwort ${index + 1} (freiwillig)`)}</label>
              <input
                id="option-${option.key}-description"
                maxlength=${limits.optionDescription}
                .value=${option.description}
                @input=${(event: Event) => this.#setOption(option.key, { description: (event.target as HTMLInputElement).value })}
              />
            </div>
            <div class="actions">
              ${index > 0 ? html`<button class="button" type="button" @click=${() => this.#move(index, -1)}>${msg(str`Antwort ${index + 1} nach oben`)}</button>` : nothing}
              ${index < count - 1 ? html`<button class="button" type="button" @click=${() => this.#move(index, 1)}>${msg(str`Antwort ${index + 1} nach unten`)}</button>` : nothing}
              <button class="button danger" type="button" @click=${() => this.#set('options', { options: draft.options.filter(({ key }) => key !== option.key) })}>
                ${msg(str`Antwort ${index + 1} entfernen`)}
              </button>
            </div>
          </li>`,
        )}
      </ol>
      <p><button class="button" type="button" @click=${() => this.#set('options', { options: [...draft.options, this.#option()] })}>${msg('Antwort hinzufügen')}</button></p>
    </fieldset>`;
  }

  #window(locks: PollLocks): TemplateResult {
    const { draft, form } = this;
    const hint = msg('Uhrzeit in Deutschland (Europe/Berlin).');
    const fixed = (label: string, value: string) =>
      html`<p><strong>${label}:</strong> ${this.#format().date(new Date(fromWallClock(value, this.#timeZone())!), { dateStyle: 'long', timeStyle: 'short' })}</p>`;
    return html`<fieldset class="form">
      <legend>${msg('Zeitraum der Abstimmung')}</legend>
      ${
        locks.opened
          ? fixed(msg('Beginn'), draft.opensAt)
          : textField(form, 'opensAt', msg('Beginn'), draft.opensAt, (value) => this.#set('opensAt', { opensAt: value }), {
              type: 'datetime-local',
              required: true,
              hint,
            })
      }
      ${
        locks.ended
          ? fixed(msg('Ende'), draft.closesAt)
          : textField(form, 'closesAt', msg('Ende'), draft.closesAt, (value) => this.#set('closesAt', { closesAt: value }), {
              type: 'datetime-local',
              required: true,
              hint: msg('Bis dahin kann abgestimmt werden; Sie können die Umfrage auch vorher beenden.'),
            })
      }
    </fieldset>`;
  }
}

import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Formats } from '../../core/format.js';
import { choiceField, FormController, textField, type FieldErrors } from '../shared/form.js';

type Poll = Schema<'Poll'>;
type PollTally = Schema<'PollTally'>;
type TallySnapshot = Schema<'PollTallySnapshot'>;
type TallyInput = Schema<'PollTallyInput'>;

export type TallyField = 'channel' | 'place' | 'date' | 'counts' | 'participants' | 'note';

interface TallyDraft {
  channel: Schema<'PollTallyChannel'>;
  place: string;
  date: string;
  /** Per option id, as typed. */
  counts: Record<string, string>;
  participants: string;
  note: string;
}

const wholeNumber = (value: string) => /^\s*-?\d+\s*$/.test(value);

/**
 * The form for a count from a meeting or from postal ballots ("Bürgerversammlung Randersacker,
 * 12. März: 41 / 17 / 3"): channel, place, day, a count per option, participants and a note. The
 * same form corrects a recorded tally; the Hub keeps the earlier version in its history.
 */
export class TallyEditor {
  draft: TallyDraft = { channel: 'in-person', place: '', date: '', counts: {}, participants: '', note: '' };
  /** The tally being corrected; `undefined` for a new one. */
  editing: PollTally | undefined;
  readonly form: FormController<TallyField>;
  readonly #host: ReactiveElement;
  readonly #format: () => Formats;

  /** `onStale` shows the tallies as stored now, after someone else corrected this one meanwhile (412). */
  constructor(host: ReactiveElement, format: () => Formats, onStale: () => void) {
    this.#host = host;
    this.#format = format;
    this.form = new FormController<TallyField>(host, {
      fields: ['channel', 'place', 'date', 'counts', 'participants', 'note'],
      format,
      onStale,
    });
  }

  /**
   * The tally under correction as stored now: the next save replaces that version knowingly, and
   * what was typed stays.
   */
  overtaken(current: PollTally): void {
    this.editing = current;
    this.#host.requestUpdate();
  }

  /** An empty form for a new tally of today. */
  start(): void {
    this.editing = undefined;
    this.draft = { channel: 'in-person', place: '', date: this.#format().day(new Date()), counts: {}, participants: '', note: '' };
    this.form.reset();
  }

  /** The form filled with `tally`, to correct it. */
  edit(tally: PollTally): void {
    this.editing = tally;
    this.draft = {
      channel: tally.channel,
      place: tally.place,
      date: tally.date,
      counts: Object.fromEntries(tally.counts.map(({ optionId, count }) => [optionId, String(count)])),
      participants: String(tally.participants),
      note: tally.note ?? '',
    };
    this.form.reset();
  }

  #set(field: TallyField, change: Partial<TallyDraft>): void {
    this.draft = { ...this.draft, ...change };
    this.form.changed(field);
    this.#host.requestUpdate();
  }

  check(poll: Poll): FieldErrors<TallyField> {
    const { draft } = this;
    const errors: FieldErrors<TallyField> = {};
    if (!draft.place.trim()) errors.place = msg('Bitte geben Sie an, wo gezählt wurde, z. B. „Bürgerversammlung Randersacker“.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = msg('Bitte geben Sie den Tag an.');
    const counts = poll.options.map((option) => draft.counts[option.id] ?? '');
    if (counts.some((count) => count.trim() !== '' && !wholeNumber(count))) errors.counts = msg('Bitte nur ganze Zahlen eintragen.');
    else if (counts.some((count) => Number(count) < 0)) errors.counts = msg('Eine Zahl von Stimmen kann nicht negativ sein.');
    else if (counts.every((count) => count.trim() === '')) errors.counts = msg('Bitte tragen Sie die Stimmen ein (0 für keine).');
    if (draft.participants.trim() !== '' && !(wholeNumber(draft.participants) && Number(draft.participants) >= 0)) {
      errors.participants = msg('Bitte eine ganze Zahl ab 0.');
    } else if (poll.kind === 'multiple' && draft.participants.trim() === '') {
      errors.participants = msg('Bei mehreren Antworten je Person zählen die Stimmen nicht die Menschen: Wie viele haben teilgenommen?');
    }
    return errors;
  }

  /** The draft as the Hub takes it (after `check`); options left empty count 0. */
  body(poll: Poll): TallyInput {
    const { draft } = this;
    const participants = draft.participants.trim();
    return {
      channel: draft.channel,
      place: draft.place.trim(),
      date: draft.date,
      counts: poll.options.map((option) => ({ optionId: option.id, count: Number(draft.counts[option.id] || 0) })),
      ...(participants === '' ? {} : { participants: Number(participants) }),
      note: draft.note.trim() || null,
    };
  }

  labels(): Record<TallyField, string> {
    return {
      channel: msg('Art der Zählung'),
      place: msg('Ort oder Anlass'),
      date: msg('Tag'),
      counts: msg('Stimmen'),
      participants: msg('Teilnehmende'),
      note: msg('Anmerkung'),
    };
  }

  render(poll: Poll): TemplateResult {
    const { draft, form } = this;
    const countsError = form.errors.counts;
    return html`${choiceField(
      form,
      'channel',
      msg('Art der Zählung'),
      draft.channel,
      [
        ['in-person', msg('Vor Ort'), msg('Stimmzettel oder Handzeichen einer Versammlung.')],
        ['postal', msg('Per Post'), msg('Ein Stapel ausgezählter Briefe.')],
      ],
      (channel) => this.#set('channel', { channel: channel as TallyDraft['channel'] }),
    )}
      ${textField(form, 'place', msg('Ort oder Anlass'), draft.place, (place) => this.#set('place', { place }), {
        required: true,
        maxlength: 200,
        hint: msg('Z. B. „Bürgerversammlung Randersacker“ oder „Briefwahl, 1. Stapel“.'),
      })}
      ${textField(form, 'date', msg('Tag'), draft.date, (date) => this.#set('date', { date }), { type: 'date', required: true })}
      <fieldset class="field" aria-describedby=${countsError ? 'counts-error' : nothing}>
        <legend>${msg('Stimmen je Antwort')} *</legend>
        ${countsError ? html`<span id="counts-error" class="field-error">${countsError}</span>` : nothing}
        <div class="counts">
          ${poll.options.map(
            (option, index) => html`<div class="field">
              <label for=${index === 0 ? 'counts' : `count-${option.id}`} dir="auto">${option.label}</label>
              <input
                id=${index === 0 ? 'counts' : `count-${option.id}`}
                type="number"
                inputmode="numeric"
                aria-invalid=${countsError ? 'true' : 'false'}
                .value=${draft.counts[option.id] ?? ''}
                @input=${(event: Event) =>
                  this.#set('counts', { counts: { ...draft.counts, [option.id]: (event.target as HTMLInputElement).value } })}
              />
            </div>`,
          )}
        </div>
      </fieldset>
      ${textField(
        form,
        'participants',
        msg('Teilnehmende'),
        draft.participants,
        (participants) => this.#set('participants', { participants }),
        {
          type: 'number',
          required: poll.kind === 'multiple',
          hint:
            poll.kind === 'single'
              ? msg('Wie viele Menschen abgestimmt haben; leer gelassen die Summe der Stimmen.')
              : msg('Wie viele Menschen abgestimmt haben (jede Person kann mehrere Antworten wählen).'),
        },
      )}
      ${textField(form, 'note', msg('Anmerkung (freiwillig)'), draft.note, (note) => this.#set('note', { note }), {
        maxlength: 2000,
        hint: msg('Z. B. wer gezählt hat, oder warum nachgezählt wurde.'),
      })}`;
  }
}

/** "Vor Ort" / "Per Post". */
export const channelLabel = (channel: Schema<'PollTallyChannel'>): string => (channel === 'in-person' ? msg('Vor Ort') : msg('Per Post'));

/** One version of a tally in words: "41 / 17 / 3 (Ja / Nein / Enthaltung), 61 Teilnehmende". */
export function tallyLine(poll: Poll, tally: TallySnapshot, format: Formats): string {
  const counts = poll.options.map((option) => format.number(tally.counts.find(({ optionId }) => optionId === option.id)?.count ?? 0));
  return msg(str`${counts.join(' / ')}, ${format.number(tally.participants)} Teilnehmende`);
}

/** The recorded tallies, oldest first, each with "Korrigieren" and its history of versions. */
export function tallyList(poll: Poll, tallies: readonly PollTally[], format: Formats, onEdit: (tally: PollTally) => void): TemplateResult {
  if (tallies.length === 0) return html`<p>${msg('Noch keine Zählung eingetragen.')}</p>`;
  return html`<p class="lead">${msg(str`Reihenfolge der Stimmen: ${poll.options.map((option) => option.label).join(' / ')}.`)}</p>
    <ul class="list" aria-label=${msg('Eingetragene Zählungen')}>
      ${tallies.map(
        (tally) => html`<li class="card" data-tally=${tally.id}>
          <h4 id="tally-${tally.id}" dir="auto">${tally.place}, ${format.calendarDate(tally.date, { dateStyle: 'long' })}</h4>
          <p>${channelLabel(tally.channel)}: ${tallyLine(poll, tally, format)}</p>
          ${tally.note ? html`<p class="said" dir="auto">${tally.note}</p>` : nothing}
          ${
            tally.history.length > 1
              ? html`<details>
                <summary>${msg(str`Verlauf: ${tally.history.length} Fassungen`)}</summary>
                <ol>
                  ${tally.history.map(
                    (version) => html`<li>
                      ${msg(str`Fassung ${version.revision} vom ${format.dateTime(new Date(version.changedAt))}`)}:
                      ${channelLabel(version.tally.channel)}, <bdi>${version.tally.place}</bdi>,
                      ${format.calendarDate(version.tally.date)}: ${tallyLine(poll, version.tally, format)}${
                        version.tally.note ? html` – <bdi>${version.tally.note}</bdi>` : nothing
                      }
                    </li>`,
                  )}
                </ol>
              </details>`
              : nothing
          }
          <div class="actions">
            <button class="button" type="button" aria-describedby="tally-${tally.id}" @click=${() => onEdit(tally)}>${msg('Korrigieren')}</button>
          </div>
        </li>`,
      )}
    </ul>`;
}

import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { labelledField, textField, type FormController } from '../shared/form.js';
import {
  emptyException,
  emptyPeriod,
  endsNextDay,
  hoursSummary,
  periodLabel,
  weekdays,
  weekdayShort,
  type ExceptionDraft,
  type HoursDraft,
  type PeriodDraft,
  type Weekday,
} from './opening-hours.js';

/** What the editor needs from the form around it. */
export interface HoursEditorContext {
  form: FormController<string>;
  hours: HoursDraft;
  /** The hours changed; `focus` is a selector of what to focus after the update (a new line). */
  change: (hours: HoursDraft, focus?: string) => void;
  /** A calendar day in the person's words (`2026-12-24` → `24.12.2026`). */
  dateLabel: (day: string) => string;
}

const replaced = <T>(list: readonly T[], index: number, item: T): T[] => list.map((old, at) => (at === index ? item : old));
const without = <T>(list: readonly T[], index: number): T[] => list.filter((_, at) => at !== index);

/** A time input with its label, hint and error; `24:00` is entered as `00:00` (see opening-hours.ts). */
function timeField(
  context: HoursEditorContext,
  name: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  hint?: string,
): TemplateResult {
  return labelledField(
    context.form,
    name,
    label,
    { hint, required: true },
    ({ invalid, describedBy }) => html`<input
      id=${name}
      type="time"
      step="300"
      aria-required="true"
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${value}
      @input=${(event: Event) => {
        onInput((event.target as HTMLInputElement).value);
        context.form.changed(name);
      }}
    />`,
  );
}

/** The weekdays of a period as checkboxes (the first has the id the error summary links to). */
function dayChoices(context: HoursEditorContext, index: number, period: PeriodDraft, set: (period: PeriodDraft) => void): TemplateResult {
  const name = `periods-${index}-days`;
  const error = context.form.errors[name];
  const toggle = (day: Weekday, on: boolean) => {
    set({ ...period, days: on ? [...period.days, day] : period.days.filter((chosen) => chosen !== day) });
    context.form.changed(name);
  };
  return html`<fieldset class="field" aria-describedby=${error ? `${name}-error` : nothing}>
    <legend>${msg('Wochentage')} *</legend>
    ${error ? html`<span id="${name}-error" class="field-error">${error}</span>` : nothing}
    <div class="days">
      ${weekdays.map((day, at) => {
        const id = at === 0 ? name : `${name}-${day}`;
        return html`<span class="day">
          <input type="checkbox" id=${id} .checked=${period.days.includes(day)} @change=${(event: Event) => toggle(day, (event.target as HTMLInputElement).checked)} />
          <label for=${id}>${weekdayShort(day)}</label>
        </span>`;
      })}
    </div>
  </fieldset>`;
}

function periodLine(context: HoursEditorContext, period: PeriodDraft, index: number): TemplateResult {
  const { hours } = context;
  const set = (changed: PeriodDraft) => context.change({ ...hours, periods: replaced(hours.periods, index, changed) });
  // The line's own words ("Mi 09:00–12:00") tell two lines of one day apart, also in the remove button's name.
  const title = periodLabel(period) || msg(str`Zeitraum ${index + 1}`);
  const nextDay = endsNextDay(period.opensAt, period.closesAt);
  return html`<li class="card hours-line">
    <fieldset>
      <legend>${title}</legend>
      ${dayChoices(context, index, period, set)}
      <div class="times">
        ${timeField(context, `periods-${index}-opensAt`, msg('öffnet um'), period.opensAt, (opensAt) => set({ ...period, opensAt }))}
        ${timeField(
          context,
          `periods-${index}-closesAt`,
          msg('schließt um'),
          period.closesAt,
          (closesAt) => set({ ...period, closesAt }),
          nextDay ? msg('am folgenden Tag') : msg('00:00 = Mitternacht'),
        )}
      </div>
      <button
        class="button"
        type="button"
        @click=${() => context.change({ ...hours, periods: without(hours.periods, index) }, '#add-period')}
      >
        ${msg(str`Zeitraum „${title}“ entfernen`)}
      </button>
    </fieldset>
  </li>`;
}

function exceptionLine(context: HoursEditorContext, exception: ExceptionDraft, index: number): TemplateResult {
  const { hours, form } = context;
  const set = (changed: ExceptionDraft) => context.change({ ...hours, exceptions: replaced(hours.exceptions, index, changed) });
  const kind = `exceptions-${index}-kind`;
  // Named by its date once it has one: the lines and their remove buttons are told apart by it.
  const title = /^\d{4}-\d{2}-\d{2}$/.test(exception.date)
    ? msg(str`Ausnahme am ${context.dateLabel(exception.date)}`)
    : msg(str`Ausnahme ${index + 1}`);
  return html`<li class="card hours-line">
    <fieldset>
      <legend>${title}</legend>
      ${labelledField(
        form,
        `exceptions-${index}-date`,
        msg('Datum'),
        { required: true },
        ({ invalid, describedBy }) => html`<input
          id="exceptions-${index}-date"
          type="date"
          aria-required="true"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${exception.date}
          @input=${(event: Event) => {
            set({ ...exception, date: (event.target as HTMLInputElement).value });
            form.changed(`exceptions-${index}-date`);
          }}
        />`,
      )}
      <fieldset class="field">
        <legend>${msg('An diesem Tag')}</legend>
        <div class="choice">
          <input type="radio" id="${kind}-closed" name=${kind} .checked=${exception.closed} @change=${() => set({ ...exception, closed: true })} />
          <label for="${kind}-closed">${msg('geschlossen')}</label>
        </div>
        <div class="choice">
          <input type="radio" id="${kind}-open" name=${kind} .checked=${!exception.closed} @change=${() => set({ ...exception, closed: false })} />
          <label for="${kind}-open">${msg('zu anderen Zeiten geöffnet')}</label>
        </div>
      </fieldset>
      ${
        exception.closed
          ? nothing
          : html`<div class="times">
            ${timeField(context, `exceptions-${index}-opensAt`, msg('öffnet um'), exception.opensAt, (opensAt) => set({ ...exception, opensAt }))}
            ${timeField(
              context,
              `exceptions-${index}-closesAt`,
              msg('schließt um'),
              exception.closesAt,
              (closesAt) => set({ ...exception, closesAt }),
              endsNextDay(exception.opensAt, exception.closesAt) ? msg('am folgenden Tag') : undefined,
            )}
          </div>`
      }
      ${textField(
        form,
        `exceptions-${index}-description`,
        msg('Hinweis'),
        exception.description,
        (description) => set({ ...exception, description }),
        {
          hint: msg('z. B. „Betriebsausflug“ oder „Heiligabend nur vormittags“'),
          maxlength: 200,
        },
      )}
      <button class="button" type="button" @click=${() => context.change({ ...hours, exceptions: without(hours.exceptions, index) }, '#add-exception')}>
        ${msg(str`${title} entfernen`)}
      </button>
    </fieldset>
  </li>`;
}

/** Lines as a list; none: no empty list with its spacing. */
export const lines = (items: TemplateResult[]): TemplateResult | typeof nothing =>
  items.length ? html`<ul class="list">${items}</ul>` : nothing;

/**
 * The opening-hours editor: around the clock, or weekly lines of weekdays with one period each
 * (several lines give several periods a day; a line closing before it opens ends the next day),
 * the public-holiday rule, and dated exceptions (closed, or other hours).
 */
export function hoursEditor(context: HoursEditorContext): TemplateResult {
  const { hours, form } = context;
  const summary = hoursSummary(hours);
  return html`<fieldset class="form">
    <legend><h2>${msg('Öffnungszeiten')}</h2></legend>
    <p class="hint" id="hours-summary" aria-live="polite">
      ${summary ? msg(str`So steht es im Hilfefinder: ${summary}`) : msg('Noch keine Öffnungszeiten angegeben.')}
    </p>
    <div class="choice">
      <input
        type="checkbox"
        id="alwaysOpen"
        .checked=${hours.alwaysOpen}
        @change=${(event: Event) => context.change({ ...hours, alwaysOpen: (event.target as HTMLInputElement).checked })}
      />
      <label for="alwaysOpen">${msg('Rund um die Uhr erreichbar (24/7)')}</label>
    </div>
    ${
      hours.alwaysOpen
        ? nothing
        : html`<p class="hint">${msg('Eine Zeile je Zeitraum. Mehrere Zeiträume am Tag: mehrere Zeilen, z. B. Mo–Fr 9–12 und Di, Do 14–18.')}</p>
          ${lines(hours.periods.map((period, index) => periodLine(context, period, index)))}
          <p>
            <button
              class="button"
              type="button"
              id="add-period"
              @click=${() => context.change({ ...hours, periods: [...hours.periods, emptyPeriod()] }, `#periods-${hours.periods.length}-days`)}
            >
              ${msg('Zeitraum hinzufügen')}
            </button>
          </p>
          <div class="choice">
            <input
              type="checkbox"
              id="openOnPublicHolidays"
              aria-describedby="openOnPublicHolidays-hint"
              .checked=${hours.openOnPublicHolidays}
              @change=${(event: Event) => context.change({ ...hours, openOnPublicHolidays: (event.target as HTMLInputElement).checked })}
            />
            <label for="openOnPublicHolidays">${msg('An Feiertagen geöffnet')}</label>
            <span class="hint" id="openOnPublicHolidays-hint">${msg('Sonst geschlossen an bayerischen Feiertagen.')}</span>
          </div>`
    }
    <h3>${msg('Ausnahmen')}</h3>
    <p class="hint">${msg('Tage, an denen es anders ist: geschlossen oder zu anderen Zeiten. Eine Ausnahme gilt auch an Feiertagen.')}</p>
    ${lines(hours.exceptions.map((exception, index) => exceptionLine(context, exception, index)))}
    <p>
      <button
        class="button"
        type="button"
        id="add-exception"
        @click=${() => context.change({ ...hours, exceptions: [...hours.exceptions, emptyException()] }, `#exceptions-${hours.exceptions.length}-date`)}
      >
        ${msg('Ausnahme hinzufügen')}
      </button>
    </p>
    ${textField(
      form,
      'hoursDescription',
      msg('Öffnungszeiten in Worten (freiwillig)'),
      hours.description,
      (description) => context.change({ ...hours, description }),
      {
        hint: msg('z. B. „Termine nach Vereinbarung“'),
        maxlength: 500,
      },
    )}
  </fieldset>`;
}

import { msg, str } from '@lit/localize';
import { versionOf, type HubClient, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { skeletonText } from '../../core/states.js';
import '../../event-calendar/define.js';
import { fullTimeText } from '../../event-calendar/occurrences.js';
import { occurrenceRange, occurrencesOf } from '../events/occurrences.js';
import { FormController, labelledField, selectField, textField } from '../shared/form.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { ManageElement } from '../shared/manage-element.js';
import { deleteQuestion } from '../shared/delete-question.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { DraftPreview } from '../shared/draft-preview.js';
import { embedLink, organizationAttribute } from '../shared/embed-link.js';
import { printLink } from '../shared/print-link.js';
import { itemPath, navigate, organizationPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import {
  bodyOf,
  checkDraft,
  draftOf,
  draftRule,
  emptyDraft,
  eventFields,
  fieldOfPointer,
  type EventDraft,
  type EventField,
} from './event-draft.js';
import { answerCalendar, firstShownDay, previewWindow, type EventPreviewRequest, type PreviewedEvent } from './event-preview.js';
import {
  defaultRepeat,
  weekdayCodes,
  type Frequency,
  type Repeat,
  type RepeatEnd,
  type Weekday,
  type WeekOfMonth,
} from './recurrence-rule.js';

type StoredEvent = Schema<'Event'>;
type Occurrence = Schema<'EventOccurrence'>;

/** How many coming dates the editor sees, each to cancel on its own. */
const shownOccurrences = 8;

interface Choices {
  municipalities: Schema<'Municipality'>[];
  categories: Schema<'EventCategory'>[];
}

async function choices(hub: HubClient, signal: AbortSignal): Promise<Choices> {
  const [categories, municipalities] = await Promise.all([hub.GET('/event-categories', { signal }), allMunicipalities(hub, signal)]);
  return { municipalities, categories: categories.items };
}

/**
 * One event of an organization, new or stored: what, when (all-day, several days), the repeat as
 * people say it with days left out or moved, where, and the rest; saved as a draft or published.
 * A stored event also shows its coming dates, each to cancel or restore, the calendar as citizens
 * see it, and a way to delete it. Every change names the version it started from (If-Match).
 */
export class SrManageEvent extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    itemId: { attribute: false },
    draft: { state: true },
    event: { state: true },
    done: { state: true },
    overtaken: { state: true },
    confirmingDelete: { state: true },
    skipDay: { state: true },
    move: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .when {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-4);
      }
      .when .field {
        flex: 1 1 9rem;
      }
      .check {
        display: flex;
        gap: var(--_space-2);
        align-items: center;
        min-block-size: 2.75rem;
      }
      .check input {
        inline-size: 1.25rem;
        block-size: 1.25rem;
        margin: 0;
        accent-color: var(--_color-primary);
      }
      .check label {
        font-weight: 400;
      }
      .weekdays {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space-4);
      }
      .sub {
        display: grid;
        gap: var(--_space-3);
        padding-inline-start: var(--_space-3);
        border-inline-start: 3px solid var(--_color-divider);
      }
      .said {
        font-weight: 600;
      }
      .occurrences li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-3);
        align-items: center;
        justify-content: space-between;
      }
      .preview {
        margin-block-start: var(--_space-5);
      }
      input[type='number'] {
        max-inline-size: 8rem;
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  /** The item to edit; `undefined` for a new one. */
  declare itemId: string | undefined;
  declare private draft: EventDraft;
  /** The event as the Hub last answered it (with its version); `undefined` while new. */
  declare private event: StoredEvent | undefined;
  declare private done: string | undefined;
  /** The version someone else saved while this form was open, loaded on request after a 412. */
  declare private overtaken: StoredEvent | undefined;
  declare private confirmingDelete: boolean;
  declare private skipDay: string;
  declare private move: { from: string; date: string; startTime: string; endTime: string };

  readonly #form = new FormController<EventField>(this, {
    fields: eventFields,
    format: () => this.format,
    fieldOf: fieldOfPointer,
    onStale: () => void this.#loadCurrent(true),
  });
  /** Changes outside the form (a date cancelled, the event deleted): on a 412 the current version is loaded to try again. */
  readonly #focus = new FocusAfterUpdate(this);
  readonly #action = new FormController<never>(this, {
    fields: [],
    format: () => this.format,
    onStale: () => void this.#loadCurrent(false),
  });
  /** The id whose stored state the draft was filled from: a reload never overwrites what was typed. */
  #filledFrom: string | undefined;
  /**
   * The draft was complete once (a stored event always was): from then on the preview follows
   * every state, and says when one is incomplete; before, a new event's form shows why it waits.
   */
  #completeOnce = false;

  readonly #choices = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => choices(hub, signal),
    isEmpty: () => false,
  });

  readonly #stored = this.fetchTask({
    args: () => [this.itemId] as const,
    fetch: async (hub, [eventId], signal): Promise<StoredEvent | null> => {
      if (eventId === undefined) {
        this.#fill(undefined);
        return null;
      }
      // Just created here: the answer of the save is the stored event, with its version.
      const event = this.event?.id === eventId ? this.event : await hub.GET('/events/{eventId}', { params: { path: { eventId } }, signal });
      this.#fill(event);
      return event;
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  readonly #occurrences = this.fetchTask({
    args: () => [this.organizationId, this.event?.id, this.event?.updatedAt, this.event?.published] as const,
    fetch: async (hub, [organizationId, eventId, , published], signal): Promise<Occurrence[]> =>
      eventId && published ? occurrencesOf(hub, organizationId, eventId, occurrenceRange(this.format), shownOccurrences, signal) : [],
    isEmpty: () => false,
  });

  /** The calendar as citizens will see it, with what is typed now: saved or not, draft or not. */
  readonly #preview = new DraftPreview(this, {
    task: (options) => this.fetchTask(options),
    input: () => this.#previewRequest(),
    load: async (hub, request: EventPreviewRequest, signal): Promise<PreviewedEvent> => ({
      request,
      preview: await this.#askPreview(hub, request, signal),
    }),
    answer: (previewed, request) => answerCalendar(previewed, request, (other) => this.#askPreview(this.client, other)),
    hubUrl: () => this.hubUrl ?? location.origin,
    locale: () => this.locale,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.draft = emptyDraft('');
    this.confirmingDelete = false;
    this.skipDay = '';
    this.move = { from: '', date: '', startTime: '', endTime: '' };
  }

  #fill(event: StoredEvent | undefined): void {
    const id = event?.id ?? 'new';
    if (this.#filledFrom === id) return;
    this.#filledFrom = id;
    this.event = event;
    this.draft = event ? draftOf(event) : emptyDraft(this.format.day(new Date()));
    this.#completeOnce = event !== undefined;
    this.#form.reset();
  }

  /** The preview's request: the draft as a save sends it, replacing the stored event if there is one. */
  #previewRequest(): EventPreviewRequest | undefined {
    if (this.#filledFrom === undefined) return undefined;
    this.#completeOnce ||= Object.keys(checkDraft(this.draft)).length === 0;
    if (!this.#completeOnce) return undefined;
    const event = this.event;
    // Published: the preview is what the website would show once it is.
    return { event: bodyOf(this.draft, true, event), replaces: event?.id, ...previewWindow(this.format) };
  }

  #askPreview(hub: HubClient, body: EventPreviewRequest, signal?: AbortSignal) {
    return hub.POST('/organizations/{organizationId}/events/preview', {
      params: { path: { organizationId: this.organizationId } },
      body,
      signal,
    });
  }

  /**
   * The event as stored now, after someone else changed it: the next change names its version.
   * What was typed stays; `compare` shows the stored version beside it, to keep or to take over.
   */
  async #loadCurrent(compare: boolean): Promise<void> {
    const event = this.event;
    if (!event) return;
    try {
      const current = await this.client.GET('/events/{eventId}', { params: { path: { eventId: event.id } } });
      this.event = current;
      this.overtaken = compare ? current : undefined;
      this.#action.reset();
      if (!compare) this.done = msg('Die aktuelle Fassung ist geladen. Bitte versuchen Sie es noch einmal.');
    } catch (error) {
      this.noticeSignedOut(error);
    }
  }

  #overtakenMessage(current: StoredEvent): TemplateResult {
    const adopt = () => {
      this.draft = draftOf(current);
      this.overtaken = undefined;
      this.#form.reset();
    };
    return html`<div class="message" role="status">
      <h2>${msg('Die aktuelle Fassung')}</h2>
      <p><strong dir="auto">${current.title}</strong>${current.recurrence ? html`, ${current.recurrence.summary[this.locale]}` : nothing}</p>
      <p>${msg('Die nächsten Termine unten zeigen diese Fassung. „Veröffentlichen“ oder „Als Entwurf speichern“ ersetzt sie durch Ihre Eingaben.')}</p>
      <p><button class="button" type="button" @click=${adopt}>${msg('Meine Eingaben verwerfen und die aktuelle Fassung übernehmen')}</button></p>
    </div>`;
  }

  protected override render(): TemplateResult {
    const title = this.itemId === undefined ? msg('Neuer Termin') : msg('Termin bearbeiten');
    return html`${organizationHeader(this.me, this.organizationId, 'events', title)}
      <p><a href=${organizationPath(this.organizationId, 'events')}>← ${msg('Alle Termine')}</a></p>
      ${this.#stored.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p><p>${skeletonText('40ch')}</p>`,
        complete: () => this.#page(),
      })}`;
  }

  #page(): TemplateResult {
    const event = this.event;
    return html`<div role="status">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
      ${event && !event.published ? html`<p class="message">${msg('Dieser Termin ist ein Entwurf: Auf der Website erscheint er erst, wenn Sie ihn veröffentlichen.')}</p>` : nothing}
      ${event?.imported ? html`<p class="message">${msg('Dieser Termin kommt aus einem Kalender-Import. Der nächste Import überschreibt Ihre Änderungen.')}</p>` : nothing}
      ${this.#action.failureMessage()} ${this.#editForm()} ${event ? this.#occurrenceList(event) : nothing} ${this.#previewSection(event)}
      ${event ? this.#deletion(event) : nothing}`;
  }

  #editForm(): TemplateResult {
    const d = this.draft;
    const labels: Record<EventField, string> = {
      title: msg('Titel'),
      description: msg('Beschreibung'),
      start: msg('Beginn'),
      end: msg('Ende'),
      repeat: msg('Wiederholung'),
      weekdays: msg('Wochentage'),
      until: msg('Wiederholen bis'),
      count: msg('Anzahl der Termine'),
      skipped: msg('Ausgelassene Termine'),
      moves: msg('Verschobene Termine'),
      locationName: msg('Ort'),
      address: msg('Adresse'),
      municipality: msg('Gemeinde'),
      categories: msg('Kategorien'),
      price: msg('Preis'),
      accessibility: msg('Barrierefreiheit'),
      link: msg('Link'),
    };
    const set = (changes: Partial<EventDraft>) => (this.draft = { ...this.draft, ...changes });
    return html`<form class="form" novalidate @submit=${this.#save}>
      ${this.#form.summary(labels)} ${this.overtaken ? this.#overtakenMessage(this.overtaken) : nothing}
      ${textField(this.#form, 'title', labels.title, d.title, (title) => set({ title }), { required: true, maxlength: 200 })}
      ${labelledField(
        this.#form,
        'description',
        labels.description,
        {},
        ({ invalid, describedBy }) =>
          html`<textarea id="description" rows="4" maxlength="5000" aria-invalid=${invalid} aria-describedby=${describedBy} .value=${d.description}
            @input=${(e: InputEvent) => {
              set({ description: (e.target as HTMLTextAreaElement).value });
              this.#form.changed('description');
            }}></textarea>`,
      )}
      <fieldset class="form">
        <legend><h2>${msg('Wann')}</h2></legend>
        ${this.#check('allDay', msg('ganztägig'), d.allDay, (allDay) => this.#edit({ allDay }, 'start'))}
        ${this.#check('multiDay', msg('mehrtägig'), d.multiDay, (multiDay) => this.#edit({ multiDay, endDate: multiDay ? d.endDate || d.startDate : d.startDate }, 'end'))}
        ${this.#when(
          'start',
          labels.start,
          d.startDate,
          d.startTime,
          true,
          (startDate) => this.#startDateChanged(startDate),
          (startTime) => set({ startTime }),
        )}
        ${
          d.multiDay || !d.allDay
            ? this.#when(
                'end',
                labels.end,
                d.endDate,
                d.endTime,
                d.multiDay,
                (endDate) => set({ endDate }),
                (endTime) => set({ endTime }),
              )
            : nothing
        }
      </fieldset>
      ${this.#repeatFields(labels)}
      <fieldset class="form">
        <legend><h2>${msg('Wo')}</h2></legend>
        ${textField(this.#form, 'locationName', labels.locationName, d.locationName, (locationName) => set({ locationName }), {
          hint: msg('z. B. Pfarrheim St. Laurentius'),
          maxlength: 200,
        })}
        ${textField(this.#form, 'address', labels.address, d.address, (address) => set({ address }), { maxlength: 300, autocomplete: 'street-address' })}
        ${this.#choices.render({
          skeleton: () => html`<p>${skeletonText('20ch')}</p>`,
          complete: ({ municipalities }) =>
            selectField(
              this.#form,
              'municipality',
              labels.municipality,
              d.municipality,
              municipalities.map(({ id, name }) => [id, name] as const),
              (municipality) => set({ municipality }),
              {
                placeholder: msg('– keine Angabe –'),
              },
            ),
        })}
      </fieldset>
      <fieldset class="form">
        <legend><h2>${msg('Weitere Angaben')}</h2></legend>
        ${this.#categoryFields(labels.categories)} ${this.#costFields(labels.price)}
        ${textField(this.#form, 'accessibility', labels.accessibility, d.accessibility, (accessibility) => set({ accessibility }), {
          hint: msg('z. B. stufenloser Zugang über den Hof, Induktionsschleife'),
          maxlength: 1000,
        })}
        ${textField(this.#form, 'link', labels.link, d.link, (link) => set({ link }), { type: 'url', hint: msg('Eine Seite mit mehr zum Termin, z. B. https://…'), maxlength: 500 })}
      </fieldset>
      ${this.#form.failureMessage()}
      <div class="actions">
        <button class="button primary" type="submit" data-publish="true" aria-disabled=${this.#form.sending ? 'true' : 'false'}>
          ${this.#form.sending ? msg('Wird gespeichert …') : this.event?.published ? msg('Änderungen veröffentlichen') : msg('Veröffentlichen')}
        </button>
        <button class="button" type="submit" data-publish="false" aria-disabled=${this.#form.sending ? 'true' : 'false'}>
          ${this.event?.published ? msg('Als Entwurf speichern (von der Website nehmen)') : msg('Als Entwurf speichern')}
        </button>
      </div>
    </form>`;
  }

  /** A change made with a control that is no text field: the form is unsaved, and `field`'s message goes. */
  #edit(changes: Partial<EventDraft>, field: EventField): void {
    this.draft = { ...this.draft, ...changes };
    this.#form.changed(field);
  }

  /** A checkbox with its label beside it. */
  #check(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void, describedBy?: string): TemplateResult {
    return html`<div class="check">
      <input type="checkbox" id=${id} .checked=${checked} aria-describedby=${describedBy ?? nothing} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
      <label for=${id}>${label}</label>
    </div>`;
  }

  /** Date and time of the start or the end, in a group; the first shown input carries the field's id (the summary links to it). */
  #when(
    name: 'start' | 'end',
    legend: string,
    date: string,
    time: string,
    showDate: boolean,
    onDate: (value: string) => void,
    onTime: (value: string) => void,
  ): TemplateResult {
    const error = this.#form.errors[name];
    const showTime = !this.draft.allDay;
    const control = (id: string, type: string, label: string, value: string, onInput: (value: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type=${type} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing} .value=${value}
          @input=${(e: Event) => {
            onInput((e.target as HTMLInputElement).value);
            this.#form.changed(name);
          }} />
      </div>`;
    return html`<fieldset>
      <legend>${legend}${name === 'start' ? ' *' : ''}</legend>
      ${error ? html`<span id="${name}-error" class="field-error">${error}</span>` : nothing}
      <div class="when">
        ${showDate ? control(name, 'date', msg('Datum'), date, onDate) : nothing}
        ${showTime ? control(showDate ? `${name}-time` : name, 'time', msg('Uhrzeit'), time, onTime) : nothing}
      </div>
    </fieldset>`;
  }

  /** A new start date: a repeat not chosen yet follows its weekday and date. */
  #startDateChanged(startDate: string): void {
    const d = this.draft;
    const repeat =
      d.repeat.frequency === 'none' && startDate
        ? { ...defaultRepeat(startDate), ends: d.repeat.ends, until: d.repeat.until, count: d.repeat.count }
        : d.repeat;
    this.draft = { ...d, startDate, endDate: d.multiDay && d.endDate >= startDate ? d.endDate : startDate, repeat };
  }

  #setRepeat(changes: Partial<Repeat>, field: EventField): void {
    this.draft = { ...this.draft, repeat: { ...this.draft.repeat, ...changes }, keptRule: undefined };
    this.#form.changed(field);
  }

  #repeatFields(labels: Record<EventField, string>): TemplateResult {
    const d = this.draft;
    const r = d.repeat;
    const savedSummary = this.event?.recurrence?.summary[this.locale];
    const unsaved = this.event !== undefined && draftRule(d) !== (this.event.recurrence?.rule ?? null);
    const frequencies: [Frequency, string][] = [
      ['none', msg('Keine Wiederholung')],
      ['weekly', msg('Jede Woche oder alle paar Wochen, an bestimmten Tagen')],
      ['monthly-weekday', msg('Jeden Monat an einem Wochentag (z. B. jeden 2. Dienstag)')],
      ['monthly-day', msg('Jeden Monat am selben Tag (z. B. am 15.)')],
      ['yearly', msg('Jedes Jahr am selben Tag')],
    ];
    const unit = { none: '', weekly: msg('Wochen'), 'monthly-weekday': msg('Monate'), 'monthly-day': msg('Monate'), yearly: msg('Jahre') }[
      r.frequency
    ];
    return html`<fieldset class="form">
      <legend><h2>${labels.repeat}</h2></legend>
      ${
        savedSummary
          ? html`<p>${msg('So steht es im Kalender:')} <span class="said">${savedSummary}</span>${unsaved ? html` ${msg('(gespeicherter Stand; nach dem Speichern steht hier die neue Wiederholung)')}` : nothing}</p>`
          : nothing
      }
      ${
        d.keptRule !== undefined
          ? html`<p class="message">${msg('Diese Wiederholung wurde anderswo festgelegt und bleibt so, bis Sie hier eine andere wählen:')} <code>${d.keptRule}</code></p>`
          : nothing
      }
      ${selectField(
        this.#form,
        'repeat',
        msg('Wiederholt sich'),
        d.keptRule !== undefined ? '' : r.frequency,
        frequencies,
        (frequency) => this.#setRepeat({ frequency: frequency as Frequency }, 'repeat'),
        d.keptRule !== undefined ? { placeholder: msg('– wie festgelegt –') } : {},
      )}
      ${
        r.frequency !== 'none' && d.keptRule === undefined
          ? html`<div class="sub">
            ${this.#numberField('interval', msg(str`Alle wie viele ${unit}?`), r.interval, (interval) => this.#setRepeat({ interval }, 'repeat'), msg('1 heißt: jede(n)'), 'repeat')}
            ${r.frequency === 'weekly' ? this.#weekdayFields(labels.weekdays) : nothing}
            ${r.frequency === 'monthly-weekday' ? this.#weekOfMonthFields() : nothing}
            ${r.frequency === 'monthly-day' ? this.#numberField('monthDay', msg('Am wievielten Tag des Monats?'), r.monthDay, (monthDay) => this.#setRepeat({ monthDay }, 'repeat'), undefined, 'repeat') : nothing}
            ${this.#endFields(labels)}
          </div>`
          : nothing
      }
      ${draftRule(d) !== null || d.rdates.length > 0 ? this.#exceptionFields(labels) : nothing}
    </fieldset>`;
  }

  #numberField(
    id: string,
    label: string,
    value: number,
    onInput: (value: number) => void,
    hint: string | undefined,
    field: EventField,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<span id="${id}-hint" class="hint">${hint}</span>` : nothing}
      <input id=${id} type="number" inputmode="numeric" min="1" .value=${String(value)} aria-describedby=${hint ? `${id}-hint` : nothing}
        @input=${(e: Event) => {
          onInput(Number((e.target as HTMLInputElement).value));
          this.#form.changed(field);
        }} />
    </div>`;
  }

  #weekdayFields(legend: string): TemplateResult {
    const error = this.#form.errors.weekdays;
    const days = this.draft.repeat.weekdays;
    return html`<fieldset aria-describedby=${error ? 'weekdays-error' : nothing}>
      <legend>${legend}</legend>
      ${error ? html`<span id="weekdays-error" class="field-error">${error}</span>` : nothing}
      <div class="weekdays">
        ${weekdayCodes.map((code, index) =>
          this.#check(index === 0 ? 'weekdays' : `weekday-${code}`, this.#weekdayName(code), days.includes(code), (checked) =>
            this.#setRepeat({ weekdays: checked ? [...days, code] : days.filter((day) => day !== code) }, 'weekdays'),
          ),
        )}
      </div>
    </fieldset>`;
  }

  #weekdayName(code: Weekday): string {
    // 2026-11-02 is a Monday.
    return new Intl.DateTimeFormat(this.locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 10, 2 + weekdayCodes.indexOf(code))),
    );
  }

  #weekOfMonthFields(): TemplateResult {
    const r = this.draft.repeat;
    const weeks: [string, string][] = [
      ['1', msg('ersten')],
      ['2', msg('zweiten')],
      ['3', msg('dritten')],
      ['4', msg('vierten')],
      ['5', msg('fünften')],
      ['-1', msg('letzten')],
    ];
    return html`<div class="when">
      ${this.#plainSelect('week-of-month', msg('Am'), String(r.weekOfMonth), weeks, (week) => this.#setRepeat({ weekOfMonth: Number(week) as WeekOfMonth }, 'repeat'))}
      ${this.#plainSelect(
        'weekday',
        msg('Wochentag im Monat'),
        r.weekday,
        weekdayCodes.map((code) => [code, this.#weekdayName(code)]),
        (weekday) => this.#setRepeat({ weekday: weekday as Weekday }, 'repeat'),
      )}
    </div>`;
  }

  /** A select of a repeat's detail: its problems are the repeat's, said at the repeat's field. */
  #plainSelect(id: string, label: string, value: string, options: [string, string][], onChange: (value: string) => void): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map(([option, text]) => html`<option value=${option} ?selected=${option === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  #endFields(labels: Record<EventField, string>): TemplateResult {
    const r = this.draft.repeat;
    const ends: [RepeatEnd, string][] = [
      ['never', msg('ohne Ende')],
      ['until', msg('bis zu einem Datum')],
      ['count', msg('nach einer Anzahl von Terminen')],
    ];
    return html`<fieldset>
      <legend>${msg('Endet')}</legend>
      ${ends.map(
        ([end, label]) => html`<div class="check">
          <input type="radio" name="ends" id="ends-${end}" .checked=${r.ends === end} @change=${() => this.#setRepeat({ ends: end }, 'until')} />
          <label for="ends-${end}">${label}</label>
        </div>`,
      )}
      ${r.ends === 'until' ? textField(this.#form, 'until', labels.until, r.until, (until) => this.#setRepeat({ until }, 'until'), { type: 'date' }) : nothing}
      ${
        r.ends === 'count'
          ? labelledField(
              this.#form,
              'count',
              labels.count,
              { hint: msg('Der erste Termin zählt mit.') },
              ({ invalid, describedBy }) =>
                html`<input id="count" type="number" inputmode="numeric" min="1" aria-invalid=${invalid} aria-describedby=${describedBy} .value=${String(r.count)}
              @input=${(e: Event) => this.#setRepeat({ count: Number((e.target as HTMLInputElement).value) }, 'count')} />`,
            )
          : nothing
      }
    </fieldset>`;
  }

  /** Days left out and days moved: each added with its own small form, listed with a way to take it back. */
  #exceptionFields(labels: Record<EventField, string>): TemplateResult {
    const d = this.draft;
    const dayText = (day: string) => this.format.calendarDate(day, { dateStyle: 'full' });
    const addSkip = () => {
      if (!this.skipDay || d.skipped.includes(this.skipDay)) return;
      this.draft = { ...d, skipped: [...d.skipped, this.skipDay].sort() };
      this.skipDay = '';
      this.#form.changed('skipped');
    };
    const addMove = () => {
      if (!this.move.from || !this.move.date) return;
      this.draft = { ...d, moves: [...d.moves.filter((move) => move.from !== this.move.from), { ...this.move }] };
      this.move = { from: '', date: '', startTime: '', endTime: '' };
      this.#form.changed('moves');
    };
    const setMove = (changes: Partial<SrManageEvent['move']>) => (this.move = { ...this.move, ...changes });
    return html`<div class="sub">
      <h3>${msg('Ausnahmen')}</h3>
      ${textField(this.#form, 'skipped', msg('Einen Termin auslassen'), this.skipDay, (skipDay) => (this.skipDay = skipDay), {
        type: 'date',
        hint: msg('Der Tag, an dem der Termin ausfällt, z. B. in den Ferien.'),
      })}
      <p><button class="button" type="button" @click=${addSkip}>${msg('Diesen Tag auslassen')}</button></p>
      ${
        d.skipped.length
          ? html`<ul class="list" aria-label=${labels.skipped}>
            ${d.skipped.map(
              (day) => html`<li class="actions">
                <span>${dayText(day)}</span>
                <button class="button" type="button" aria-label=${msg(str`${dayText(day)} wieder aufnehmen`)}
                  @click=${() => this.#edit({ skipped: this.draft.skipped.filter((skipped) => skipped !== day) }, 'skipped')}>
                  ${msg('Wieder aufnehmen')}
                </button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${textField(this.#form, 'moves', msg('Einen Termin verschieben: welcher Tag?'), this.move.from, (from) => setMove({ from }), { type: 'date' })}
      <div class="when">
        <div class="field"><label for="move-date">${msg('Neuer Tag')}</label><input id="move-date" type="date" .value=${this.move.date} @input=${(e: Event) => setMove({ date: (e.target as HTMLInputElement).value })} /></div>
        ${
          d.allDay
            ? nothing
            : html`<div class="field"><label for="move-start">${msg('Neuer Beginn')}</label><input id="move-start" type="time" .value=${this.move.startTime} @input=${(e: Event) => setMove({ startTime: (e.target as HTMLInputElement).value })} /></div>
              <div class="field"><label for="move-end">${msg('Neues Ende')}</label><input id="move-end" type="time" .value=${this.move.endTime} @input=${(e: Event) => setMove({ endTime: (e.target as HTMLInputElement).value })} /></div>`
        }
      </div>
      <p><button class="button" type="button" @click=${addMove}>${msg('Verschiebung hinzufügen')}</button></p>
      ${
        d.moves.length
          ? html`<ul class="list" aria-label=${labels.moves}>
            ${d.moves.map(
              (move) => html`<li class="actions">
                <span>${dayText(move.from)} → ${dayText(move.date)}${move.startTime ? `, ${move.startTime}` : ''}</span>
                <button class="button" type="button" aria-label=${msg(str`Verschiebung vom ${dayText(move.from)} zurücknehmen`)}
                  @click=${() => this.#edit({ moves: this.draft.moves.filter((other) => other !== move) }, 'moves')}>
                  ${msg('Zurücknehmen')}
                </button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }

  #categoryFields(legend: string): TemplateResult {
    const error = this.#form.errors.categories;
    const chosen = this.draft.categories;
    return html`<fieldset aria-describedby=${error ? 'categories-error' : nothing}>
      <legend>${legend}</legend>
      ${error ? html`<span id="categories-error" class="field-error">${error}</span>` : nothing}
      ${this.#choices.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
        complete: ({ categories }) =>
          html`<div class="weekdays">
            ${categories.map(({ id, name }, index) =>
              this.#check(index === 0 ? 'categories' : `category-${id}`, name[this.locale], chosen.includes(id), (checked) => {
                this.draft = { ...this.draft, categories: checked ? [...chosen, id] : chosen.filter((other) => other !== id) };
                this.#form.changed('categories');
              }),
            )}
          </div>`,
      })}
    </fieldset>`;
  }

  #costFields(label: string): TemplateResult {
    const d = this.draft;
    const costs: [EventDraft['cost'], string][] = [
      ['', msg('keine Angabe')],
      ['free', msg('Eintritt frei')],
      ['paid', msg('kostet etwas')],
    ];
    return html`<fieldset>
      <legend>${msg('Eintritt')}</legend>
      ${costs.map(
        ([cost, text]) => html`<div class="check">
          <input type="radio" name="cost" id="cost-${cost || 'unknown'}" .checked=${d.cost === cost} @change=${() => this.#edit({ cost }, 'price')} />
          <label for="cost-${cost || 'unknown'}">${text}</label>
        </div>`,
      )}
      ${d.cost === 'paid' ? textField(this.#form, 'price', label, d.price, (price) => (this.draft = { ...this.draft, price }), { hint: msg('z. B. 8 €, ermäßigt 5 €'), maxlength: 200 }) : nothing}
    </fieldset>`;
  }

  /** A day to leave out or a move typed but not yet added counts as added: nothing typed is dropped. */
  #takePendingExceptions(): void {
    const d = this.draft;
    if (draftRule(d) === null && d.rdates.length === 0) return;
    const skipped = this.skipDay && !d.skipped.includes(this.skipDay) ? [...d.skipped, this.skipDay].sort() : d.skipped;
    const moves =
      this.move.from && this.move.date ? [...d.moves.filter((move) => move.from !== this.move.from), { ...this.move }] : d.moves;
    this.draft = { ...d, skipped, moves };
    this.skipDay = '';
    if (moves !== d.moves) this.move = { from: '', date: '', startTime: '', endTime: '' };
  }

  readonly #save = async (submitEvent: SubmitEvent): Promise<void> => {
    submitEvent.preventDefault();
    const published = submitEvent.submitter?.dataset['publish'] !== 'false';
    this.done = undefined;
    this.#takePendingExceptions();
    const existing = this.event;
    const body = bodyOf(this.draft, published, existing);
    const saved = await this.#form.submit(
      () => checkDraft(this.draft),
      () =>
        existing
          ? this.client.PATCH('/events/{eventId}', {
              params: { path: { eventId: existing.id }, header: { 'If-Match': versionOf(existing) } },
              body,
            })
          : this.client.POST('/organizations/{organizationId}/events', { params: { path: { organizationId: this.organizationId } }, body }),
    );
    if (!saved) return;
    this.event = saved;
    this.overtaken = undefined;
    this.#filledFrom = saved.id;
    this.draft = draftOf(saved);
    this.done = saved.published
      ? msg('Gespeichert und veröffentlicht.')
      : msg('Als Entwurf gespeichert. Auf der Website erscheint er noch nicht.');
    if (!existing) navigate(itemPath(this.organizationId, 'event', saved.id), { replace: true });
  };

  #occurrenceList(event: StoredEvent): TemplateResult {
    if (!event.published) return html``;
    return html`<section aria-labelledby="occurrences-heading">
      <h2 id="occurrences-heading">${msg('Die nächsten Termine')}</h2>
      ${this.#occurrences.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        complete: (occurrences) =>
          occurrences.length === 0
            ? html`<p>${msg('Im kommenden Jahr keine Termine.')}</p>`
            : html`<ul class="list occurrences">
                ${occurrences.map((occurrence, index) => this.#occurrence(event, occurrence, index))}
              </ul>`,
      })}
    </section>`;
  }

  #occurrence(event: StoredEvent, occurrence: Occurrence, index: number): TemplateResult {
    const cancelled = occurrence.status === 'cancelled';
    const id = occurrence.recurrenceId;
    return html`<li class="card" data-occurrence=${id ?? ''}>
      <span id="occurrence-${index}">${fullTimeText(occurrence, this.format)} ${cancelled ? html`<span class="badge">${msg('abgesagt')}</span>` : nothing}</span>
      ${
        id === null || event.status === 'cancelled'
          ? nothing
          : html`<button class="button ${cancelled ? '' : 'danger'}" type="button" aria-describedby="occurrence-${index}"
            aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#setCancelled(event, id, !cancelled)}>
            ${cancelled ? msg('Absage zurücknehmen') : msg('Diesen Termin absagen')}
          </button>`
      }
    </li>`;
  }

  /** Cancels one occurrence (an override with status cancelled) or restores it; the rest of the event stays as stored. */
  async #setCancelled(event: StoredEvent, recurrenceId: string, cancelled: boolean): Promise<void> {
    this.done = undefined;
    const others = event.overrides.filter((override) => override.recurrenceId !== recurrenceId);
    const current = event.overrides.find((override) => override.recurrenceId === recurrenceId);
    const changed = current
      ? { ...current, status: cancelled ? ('cancelled' as const) : ('scheduled' as const) }
      : { recurrenceId, status: 'cancelled' as const };
    const overrides = [...others, ...(changed.status === 'scheduled' && Object.keys(changed).length === 2 ? [] : [changed])];
    const saved = await this.#action.submit(
      () => ({}),
      () =>
        this.client.PATCH('/events/{eventId}', {
          params: { path: { eventId: event.id }, header: { 'If-Match': versionOf(event) } },
          body: { overrides },
        }),
    );
    if (!saved) return;
    // Only the overrides changed: what was typed in the form stays.
    this.event = saved;
    this.done = cancelled ? msg('Der Termin ist abgesagt; der Kalender zeigt ihn als „Abgesagt“.') : msg('Die Absage ist zurückgenommen.');
  }

  #previewSection(event: StoredEvent | undefined): TemplateResult {
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('So sieht der Termin auf der Website aus')}</h2>
      <p class="lead">
        ${msg('Die Vorschau zeigt Ihre Eingaben, auch ungespeicherte.')}
        ${event?.published ? nothing : msg('Auf der Website erscheint der Termin erst, wenn Sie ihn veröffentlichen.')}
      </p>
      ${this.#preview.render(
        (previewed) =>
          html`<sr-event-calendar organization=${this.organizationId} date=${firstShownDay(previewed, this.format)} view="list"></sr-event-calendar>`,
        msg('Die Vorschau erscheint, sobald Titel, Beginn und Ende angegeben sind.'),
      )}
      ${event ? embedLink('event-calendar', { organization: organizationAttribute(this.me, this.organizationId), q: event.title }) : nothing}
      ${event?.published ? printLink('events', event.id) : nothing}
    </section>`;
  }

  #deletion(event: StoredEvent): TemplateResult {
    return html`<section aria-labelledby="delete-heading">
      <h2 id="delete-heading">${msg('Termin löschen')}</h2>
      ${deleteQuestion({
        asking: this.confirmingDelete,
        setAsking: (asking) => (this.confirmingDelete = asking),
        label: msg('Termin löschen …'),
        question: msg(str`„${event.title}“ mit allen Terminen endgültig löschen?`),
        action: this.#action,
        focus: this.#focus,
        remove: () => void this.#delete(event),
      })}
    </section>`;
  }

  async #delete(event: StoredEvent): Promise<void> {
    const deleted = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/events/{eventId}', {
          params: { path: { eventId: event.id }, header: { 'If-Match': versionOf(event) } },
        });
        return true;
      },
    );
    this.confirmingDelete = false;
    if (!deleted) return;
    // Whatever was typed belonged to the deleted event: leaving asks nothing.
    this.#form.reset();
    navigate(organizationPath(this.organizationId, 'events'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-event': SrManageEvent;
  }
}

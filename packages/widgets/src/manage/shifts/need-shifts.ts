import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { FormController, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { isProblem } from '../shared/problems.js';
import {
  newShiftDraft,
  shiftDraftFrom,
  shiftFieldOf,
  shiftFields,
  shiftInputFrom,
  shiftPatchFrom,
  shiftProblems,
  type ShiftDraft,
  type ShiftField,
} from './shift-draft.js';
import { rosterPath, shiftWhen } from './shift-when.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;
type VolunteerShift = Schema<'VolunteerShift'>;

/**
 * The shifts of a saved need, for its organization: each with its time, label, "2 von 4 belegt"
 * and status, and the way to its roster; adding one shift or a weekly series, changing a shift's
 * time, places or label, cancelling it (everyone on it is mailed) or opening it again, and
 * deleting one nobody signed up for. One shift is edited at a time; what is typed stays through
 * every refusal, and the Hub's field errors are said at their fields.
 */
export class SrManageNeedShifts extends ManageElement {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: false },
    need: { attribute: false },
    editing: { state: true },
    draft: { state: true },
    confirmingCancel: { state: true },
    done: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      :host {
        display: block;
        margin-block: var(--_space-5);
      }
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space-4);
      }
      .times .field {
        flex: 1 1 8rem;
      }
      .choice input[type='checkbox'] {
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      .badge.cancelled {
        border-style: dashed;
      }
    `,
  ];

  declare organizationId: string;
  declare need: VolunteerNeed | undefined;
  /** The shift whose form is open: `'new'` for adding one, else its id. */
  declare private editing: string | undefined;
  declare private draft: ShiftDraft;
  /** The shift whose cancellation waits for a yes. */
  declare private confirmingCancel: string | undefined;
  declare private done: string | undefined;

  readonly #form = new FormController<ShiftField>(this, { fields: shiftFields, format: () => this.format, fieldOf: shiftFieldOf });
  readonly #action = new FormController<never>(this, {
    fields: [],
    format: () => this.format,
    // The Hub keeps a shift with sign-ups: it is cancelled instead, so the people on it are told.
    explain: (error) =>
      isProblem(error, 'conflict')
        ? {
            title: msg('Für diese Schicht hat sich schon jemand eingetragen.'),
            detail: msg('Sagen Sie die Schicht stattdessen ab: dann erfahren alle Eingetragenen davon.'),
            canRetry: false,
          }
        : undefined,
  });
  readonly #focus = new FocusAfterUpdate(this);

  readonly #shifts = this.fetchTask({
    args: () => [this.need?.id] as const,
    fetch: async (hub, [needId], signal): Promise<VolunteerShift[]> =>
      needId
        ? (await hub.GET('/volunteer-needs/{volunteerNeedId}/shifts', { params: { path: { volunteerNeedId: needId } }, signal })).items
        : [],
    isEmpty: (shifts) => shifts.length === 0,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.draft = newShiftDraft();
  }

  protected override render(): TemplateResult {
    return html`<section aria-labelledby="shifts-heading">
      <h2 id="shifts-heading">${msg('Schichten')}</h2>
      <p class="hint">
        ${msg('Ohne Schichten melden sich Freiwillige für das ganze Gesuch. Mit Schichten wählen sie eine oder mehrere, und jede Schicht nimmt nur so viele Personen an, wie sie Plätze hat.')}
      </p>
      <div role="status" id="shifts-status" tabindex="-1">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
      ${this.confirmingCancel ? nothing : this.#action.failureMessage()}
      ${this.#shifts.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        emptyText: msg('Noch keine Schichten.'),
        complete: (shifts) => html`<ul class="list" aria-label=${msg('Schichten, nach Beginn')}>
          ${shifts.map((shift) => this.#shift(shift))}
        </ul>`,
      })}
      ${
        this.editing === 'new'
          ? this.#editor(undefined)
          : html`<p><button class="button" type="button" id="add-shift" @click=${() => this.#open(undefined)}>${msg('Schicht hinzufügen')}</button></p>`
      }
    </section>`;
  }

  #status(shift: VolunteerShift): TemplateResult {
    const labels: Record<VolunteerShift['status'], string> = {
      open: msg('offen'),
      full: msg('voll'),
      past: msg('vorbei'),
      cancelled: msg('abgesagt'),
    };
    return html`<span class="badge ${shift.status}">${labels[shift.status]}</span>`;
  }

  #shift(shift: VolunteerShift): TemplateResult {
    const nameId = `shift-${shift.id}`;
    const cancelled = shift.status === 'cancelled';
    return html`<li class="card" data-shift=${shift.id}>
      <div class="card-head">
        <h3 id=${nameId} tabindex="-1">${shiftWhen(this.format, shift)}</h3>
        ${this.#status(shift)}
      </div>
      <p>
        ${shift.label ? html`<strong dir="auto">${shift.label}</strong> · ` : nothing}
        ${msg(str`${shift.placesTaken} von ${shift.capacity} belegt`)}
      </p>
      ${
        this.editing === shift.id
          ? this.#editor(shift)
          : html`<div class="actions">
            <a class="button" href=${rosterPath(this.organizationId, shift.volunteerNeedId, shift.id)} aria-describedby=${nameId}>${msg('Eingetragene')}</a>
            <button class="button" type="button" id="edit-${shift.id}" aria-describedby=${nameId} @click=${() => this.#open(shift)}>${msg('Ändern')}</button>
            ${
              cancelled
                ? html`<button class="button" type="button" aria-describedby=${nameId} aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#setCancelled(shift, false)}>
                  ${msg('Wieder öffnen')}
                </button>`
                : html`<button class="button danger" type="button" id="cancel-${shift.id}" aria-describedby=${nameId} @click=${() => this.#askCancel(shift)}>
                  ${msg('Absagen')}
                </button>`
            }
            ${
              shift.placesTaken === 0
                ? html`<button class="button danger" type="button" aria-describedby=${nameId} aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#delete(shift)}>
                  ${msg('Löschen')}
                </button>`
                : nothing
            }
          </div>`
      }
      ${this.confirmingCancel === shift.id ? this.#cancelQuestion(shift) : nothing}
    </li>`;
  }

  #cancelQuestion(shift: VolunteerShift): TemplateResult {
    return html`<div class="message danger" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question" tabindex="-1">
        <strong>${msg(str`Die Schicht am ${shiftWhen(this.format, shift)} absagen?`)}</strong>
        ${msg('Alle Eingetragenen bekommen eine E-Mail, und ihre Erinnerungen entfallen. Die Eintragungen bleiben; Sie können die Schicht wieder öffnen.')}
      </p>
      ${this.#action.failureMessage()}
      <div class="actions">
        <button class="button danger" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#setCancelled(shift, true)}>
          ${msg('Ja, absagen')}
        </button>
        <button class="button" type="button" @click=${() => {
          this.confirmingCancel = undefined;
          this.#focus.request(`#cancel-${shift.id}`);
        }}>${msg('Nicht absagen')}</button>
      </div>
    </div>`;
  }

  #labels(): Record<ShiftField, string> {
    return {
      day: msg('Tag'),
      from: msg('Von'),
      to: msg('Bis'),
      capacity: msg('Plätze'),
      label: msg('Bezeichnung'),
      weekly: msg('Jede Woche'),
      until: msg('Bis einschließlich'),
    };
  }

  /** The form of a new shift (`shift` undefined) or of a saved one. */
  #editor(shift: VolunteerShift | undefined): TemplateResult {
    const draft = this.draft;
    const edit = (changes: Partial<ShiftDraft>) => {
      this.draft = { ...this.draft, ...changes };
      this.done = undefined;
    };
    return html`<form class="form" novalidate aria-label=${shift ? msg('Schicht ändern') : msg('Neue Schicht')} @submit=${(
      event: Event,
    ) => {
      event.preventDefault();
      void this.#save(shift);
    }}>
      ${shift ? nothing : html`<h3>${msg('Neue Schicht')}</h3>`} ${this.#form.summary(this.#labels())}
      ${textField(this.#form, 'day', msg('Tag'), draft.day, (day) => edit({ day }), { type: 'date', required: true })}
      <div class="times">
        ${textField(this.#form, 'from', msg('Von'), draft.from, (from) => edit({ from }), { type: 'time', required: true })}
        ${textField(this.#form, 'to', msg('Bis'), draft.to, (to) => edit({ to }), { type: 'time', required: true })}
      </div>
      <p class="hint">${msg('Endet die Schicht nach Mitternacht, gilt „Bis“ für den nächsten Tag.')}</p>
      ${textField(this.#form, 'capacity', msg('Plätze'), draft.capacity, (capacity) => edit({ capacity }), {
        type: 'number',
        required: true,
        hint: shift
          ? msg('Nicht weniger, als schon belegt sind: Eintragungen werden nie gelöscht.')
          : msg('So viele Personen braucht die Schicht.'),
      })}
      ${textField(this.#form, 'label', msg('Bezeichnung (freiwillig)'), draft.label, (label) => edit({ label }), {
        maxlength: 100,
        hint: msg('z. B. „Bar“, „Aufbau“ oder „Fahrdienst“'),
      })}
      ${shift ? (shift.placesTaken > 0 ? html`<p class="hint">${msg('Ändern Sie die Zeit, bekommen alle Eingetragenen eine E-Mail mit der neuen Zeit.')}</p>` : nothing) : this.#repeat(draft, edit)}
      ${this.#form.failureMessage()}
      <div class="actions">
        ${this.#form.submitButton(shift ? msg('Schicht speichern') : draft.weekly ? msg('Schichten anlegen') : msg('Schicht anlegen'), msg('Wird gespeichert …'))}
        <button class="button" type="button" @click=${() => this.#close(shift)}>${msg('Abbrechen')}</button>
      </div>
    </form>`;
  }

  /** A new shift every week on its weekday, up to a last day: a series of shifts, each with its own places. */
  #repeat(draft: ShiftDraft, edit: (changes: Partial<ShiftDraft>) => void): TemplateResult {
    return html`<div class="choice">
        <input
          type="checkbox"
          id="weekly"
          aria-describedby="weekly-hint"
          .checked=${draft.weekly}
          @change=${(event: Event) => {
            edit({ weekly: (event.target as HTMLInputElement).checked });
            this.#form.changed('weekly');
          }}
        />
        <label for="weekly">${msg('Jede Woche wiederholen')}</label>
        <span class="hint" id="weekly-hint">${msg('Am selben Wochentag zur selben Zeit; jede Schicht hat ihre eigenen Plätze.')}</span>
      </div>
      ${draft.weekly ? textField(this.#form, 'until', msg('Bis einschließlich'), draft.until, (until) => edit({ until }), { type: 'date', required: true }) : nothing}`;
  }

  #open(shift: VolunteerShift | undefined): void {
    this.editing = shift?.id ?? 'new';
    this.draft = shift ? shiftDraftFrom(shift) : newShiftDraft();
    this.confirmingCancel = undefined;
    this.done = undefined;
    this.#form.reset();
    this.#focus.request('#day');
  }

  #close(shift: VolunteerShift | undefined): void {
    this.editing = undefined;
    this.#form.reset();
    this.#focus.request(shift ? `#edit-${shift.id}` : '#add-shift');
  }

  #askCancel(shift: VolunteerShift): void {
    this.confirmingCancel = shift.id;
    this.done = undefined;
    this.#action.reset();
    this.#focus.request('#cancel-question');
  }

  /** The list anew from the Hub (places taken change with every sign-up), and the need's screen told. */
  #changed(done: string, focus: string): void {
    this.done = done;
    void this.#shifts.run();
    emit(this, 'sr-manage-shifts-changed', undefined);
    this.#focus.request(focus);
  }

  async #save(shift: VolunteerShift | undefined): Promise<void> {
    const need = this.need;
    if (!need) return;
    const draft = this.draft;
    const saved = await this.#form.submit(
      () => shiftProblems(draft),
      async () => {
        if (!shift) {
          const made = await this.client.POST('/volunteer-needs/{volunteerNeedId}/shifts', {
            params: { path: { volunteerNeedId: need.id } },
            body: shiftInputFrom(draft),
          });
          return made.items.length;
        }
        const patch = shiftPatchFrom(draft, shift);
        // Nothing changed: nothing to send (the contract asks for at least one field).
        if (Object.keys(patch).length > 0) {
          await this.client.PATCH('/volunteer-needs/{volunteerNeedId}/shifts/{volunteerShiftId}', {
            params: { path: { volunteerNeedId: need.id, volunteerShiftId: shift.id } },
            body: patch,
          });
        }
        return 1;
      },
    );
    if (saved === undefined) return;
    this.editing = undefined;
    this.#changed(
      shift
        ? msg('Die Schicht ist gespeichert.')
        : saved === 1
          ? msg('Die Schicht ist angelegt.')
          : msg(str`${saved} Schichten sind angelegt.`),
      '#shifts-status',
    );
  }

  async #setCancelled(shift: VolunteerShift, cancelled: boolean): Promise<void> {
    const saved = await this.#action.submit(
      () => ({}),
      () =>
        this.client.PATCH('/volunteer-needs/{volunteerNeedId}/shifts/{volunteerShiftId}', {
          params: { path: { volunteerNeedId: shift.volunteerNeedId, volunteerShiftId: shift.id } },
          body: { cancelled },
        }),
    );
    if (!saved) return;
    this.confirmingCancel = undefined;
    this.#changed(
      cancelled ? msg('Die Schicht ist abgesagt. Alle Eingetragenen bekommen eine E-Mail.') : msg('Die Schicht ist wieder offen.'),
      '#shifts-status',
    );
  }

  async #delete(shift: VolunteerShift): Promise<void> {
    this.confirmingCancel = undefined;
    const deleted = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/volunteer-needs/{volunteerNeedId}/shifts/{volunteerShiftId}', {
          params: { path: { volunteerNeedId: shift.volunteerNeedId, volunteerShiftId: shift.id } },
        });
        return true;
      },
    );
    if (deleted) this.#changed(msg('Die Schicht ist gelöscht.'), '#shifts-status');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-need-shifts': SrManageNeedShifts;
  }
  interface GlobalEventHandlersEventMap {
    /** A shift of the need was added, changed or deleted: the need's places changed with it. */
    'sr-manage-shifts-changed': CustomEvent<undefined>;
  }
}

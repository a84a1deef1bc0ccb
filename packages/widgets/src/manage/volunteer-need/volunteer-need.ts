import { msg, str } from '@lit/localize';
import { versionOf, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import '../../volunteer-board/define.js';
import { easyReadSummaryField, easyReadSummaryLabel } from '../shared/easy-read-summary.js';
import { FormController, labelledField, publishedField, selectField, textAreaField, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { deleteQuestion } from '../shared/delete-question.js';
import { DraftPreview } from '../shared/draft-preview.js';
import { embedLink, organizationAttribute } from '../shared/embed-link.js';
import { printLink } from '../shared/print-link.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { itemPath, navigate, organizationPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import {
  needDraftFrom,
  needFieldOf,
  needFields,
  needInputFrom,
  needProblems,
  newNeedDraft,
  type NeedDraft,
  type NeedField,
} from './need-draft.js';
import { answerBoard } from './need-preview.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;

/** Whether the form's own checks pass, which ask more than the Hub's (a need with a time has a start and an end). */
const complete = (draft: NeedDraft) => !Object.values(needProblems(draft)).some(Boolean);

/**
 * A volunteer need of an organization, new or to edit: what the help is, how many people, the
 * skills that help (chips), when (or ongoing), where (a place, a municipality, or from home), how
 * urgent, how much time, who answers; a draft or published; closing, reopening and deleting after a
 * question; every change with `If-Match`. Beside it the real volunteer board showing what a save
 * would make of the fields as typed (draft or not, saved or not).
 */
export class SrManageVolunteerNeed extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    itemId: { attribute: false },
    draft: { state: true },
    need: { state: true },
    confirmingDelete: { state: true },
    done: { state: true },
    current: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .editor {
        display: grid;
        gap: var(--_space-5);
      }
      @media (min-width: 72rem) {
        .editor {
          grid-template-columns: minmax(0, 38rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      .form textarea {
        min-block-size: 6rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2);
        padding: 0;
        margin: var(--_space-2) 0 0;
        list-style: none;
      }
      .chip {
        overflow-wrap: anywhere;
      }
      .adding {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2);
        align-items: end;
      }
      .adding input {
        flex: 1 1 12rem;
        min-inline-size: 0;
      }
      .choice input[type='checkbox'] {
        inline-size: 1.25rem;
        block-size: 1.25rem;
        accent-color: var(--_color-primary);
      }
      .preview {
        display: grid;
        gap: var(--_space-3);
        min-inline-size: 0;
      }
      .preview h2 {
        margin: 0;
      }
    `,
  ];

  declare me: Me | undefined;
  /** The organization's id or slug, from the address. */
  declare organizationId: string;
  /** The item to edit; `undefined` for a new one. */
  declare itemId: string | undefined;
  /** What the form shows and the person types, kept through every refusal. */
  declare private draft: NeedDraft | undefined;
  /** The need as last saved or loaded (its version for `If-Match`); `undefined` while new. */
  declare private need: VolunteerNeed | undefined;
  declare private confirmingDelete: boolean;
  declare private done: string | undefined;
  /** After a 412: the need as someone else saved it meanwhile. */
  declare private current: VolunteerNeed | undefined;

  readonly #form = new FormController<NeedField>(this, {
    fields: needFields,
    format: () => this.format,
    fieldOf: needFieldOf,
    onStale: () => void this.#showCurrent(),
  });
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format, onStale: () => void this.#showCurrent() });
  readonly #focus = new FocusAfterUpdate(this);

  readonly #loaded = this.fetchTask({
    args: () => [this.itemId] as const,
    fetch: async (hub, [itemId], signal): Promise<VolunteerNeed | null> => {
      if (itemId === undefined) {
        this.#show(undefined);
        return null;
      }
      // Saved just now (a new need's address replaced): the answer of the save is the newest.
      if (this.need?.id === itemId) return this.need;
      const need = await hub.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId: itemId } }, signal });
      this.#show(need);
      return need;
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
    isEmpty: () => false,
  });

  readonly #preview = new DraftPreview(this, {
    task: (options) => this.fetchTask(options),
    // The body a save would send, once the save would send it.
    input: () => (this.draft && complete(this.draft) ? { need: needInputFrom(this.draft), replaces: this.need?.id } : undefined),
    load: (hub, body, signal) =>
      hub.POST('/organizations/{organizationId}/volunteer-needs/preview', {
        params: { path: { organizationId: this.organizationId } },
        body,
        signal,
      }),
    answer: answerBoard,
    hubUrl: () => this.hubUrl ?? location.origin,
    locale: () => this.locale,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.confirmingDelete = false;
  }

  /** The form for `need` (or a new one), forgetting the messages about what was shown before. */
  #show(need: VolunteerNeed | undefined): void {
    this.need = need;
    this.draft = need ? needDraftFrom(need) : newNeedDraft();
    this.confirmingDelete = false;
    this.current = undefined;
    this.#form.reset();
  }

  #edit(changes: Partial<NeedDraft>, focus?: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...changes };
    for (const key of Object.keys(changes)) if (key !== 'skill') this.#form.changed(key as NeedField);
    this.done = undefined;
    if (focus) this.#focus.request(focus);
  }

  protected override render(): TemplateResult {
    const title = this.itemId === undefined ? msg('Neues Gesuch') : (this.need?.title ?? msg('Gesuch'));
    return html`${organizationHeader(this.me, this.organizationId, 'volunteer-needs', title)}
      <p><a href=${organizationPath(this.organizationId, 'volunteer-needs')}>← ${msg('Alle Gesuche')}</a></p>
      ${this.#loaded.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('60ch')}</p>`,
        complete: () => (this.draft ? this.#editor(this.draft) : nothing),
      })}`;
  }

  #editor(draft: NeedDraft): TemplateResult {
    return html`<div class="editor">
      <div>
        <div role="status">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
        ${this.need ? this.#lifecycle(this.need) : nothing} ${this.#form.summary(this.#labels())}
        <form class="form" novalidate @submit=${(event: Event) => {
          event.preventDefault();
          void this.#save();
        }}>
          ${this.#what(draft)} ${this.#when(draft)} ${this.#where(draft)} ${this.#contact(draft)} ${this.#signUps(draft)}
          ${publishedField(this.#form, draft.published, msg('Auf der Ehrenamtsbörse für alle sichtbar; Freiwillige können sich melden.'), (published) => this.#edit({ published }))}
          ${this.#form.failureMessage()} ${this.current ? this.#currentVersion(this.current) : nothing}
          <div class="actions">${this.#form.submitButton(msg('Speichern'), msg('Wird gespeichert …'))}</div>
        </form>
        ${this.need ? this.#shifts(this.need) : nothing} ${this.need ? this.#deletion(this.need) : nothing}
      </div>
      ${this.#previewSection(draft)}
    </div>`;
  }

  #labels(): Record<NeedField, string> {
    return {
      title: msg('Titel'),
      description: msg('Beschreibung'),
      easyReadSummary: easyReadSummaryLabel(),
      peopleNeeded: msg('Wie viele Personen'),
      skills: msg('Was hilft'),
      ongoing: msg('Zeitraum'),
      startsAt: msg('Beginn'),
      endsAt: msg('Ende'),
      timeCommitment: msg('Zeitaufwand'),
      remote: msg('Von zu Hause'),
      placeName: msg('Ort'),
      placeAddress: msg('Adresse'),
      municipalityId: msg('Gemeinde'),
      urgent: msg('Dringend'),
      contactRole: msg('Ansprechperson'),
      approvalRequired: msg('Nach Rücksprache'),
      reminderHours: msg('Erinnerung'),
      published: msg('Sichtbarkeit'),
    };
  }

  #check(name: 'remote' | 'urgent' | 'ongoing' | 'approvalRequired', label: string, hint: string, checked: boolean): TemplateResult {
    const error = this.#form.errors[name];
    return html`<div class="choice">
      <input
        type="checkbox"
        id=${name}
        aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        .checked=${checked}
        @change=${(event: Event) => this.#edit({ [name]: (event.target as HTMLInputElement).checked })}
      />
      <label for=${name}>${label}</label>
      <span class="hint" id="${name}-hint">${hint}</span>
      ${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  #what(draft: NeedDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Wobei Sie Hilfe suchen')}</h2></legend>
      ${textField(this.#form, 'title', msg('Titel'), draft.title, (title) => this.#edit({ title }), {
        required: true,
        maxlength: 200,
        hint: msg('z. B. „Helferinnen und Helfer für den Kinderflohmarkt“'),
      })}
      ${textAreaField(this.#form, 'description', msg('Beschreibung'), draft.description, (description) => this.#edit({ description }), {
        required: true,
        maxlength: 5000,
        hint: msg('Was ist zu tun, und was erwartet die Freiwilligen?'),
      })}
      ${easyReadSummaryField(this.#form, draft.easyReadSummary, (easyReadSummary) => this.#edit({ easyReadSummary }))}
      ${textField(
        this.#form,
        'peopleNeeded',
        msg('Wie viele Personen suchen Sie?'),
        draft.peopleNeeded,
        (peopleNeeded) => this.#edit({ peopleNeeded }),
        {
          required: true,
          type: 'number',
          hint: msg('Angenommene Rückmeldungen zählen davon ab; ist niemand mehr nötig, gilt das Gesuch als besetzt.'),
        },
      )}
      ${this.#skills(draft)}
      ${this.#check('urgent', msg('Dringend'), msg('Die Ehrenamtsbörse zeigt dringende Gesuche zuerst.'), draft.urgent)}
    </fieldset>`;
  }

  #skills(draft: NeedDraft): TemplateResult {
    const add = () => {
      const skill = draft.skill.trim();
      if (!skill) return;
      const known = draft.skills.some((chosen) => chosen.toLocaleLowerCase() === skill.toLocaleLowerCase());
      this.#edit({ skills: known ? draft.skills : [...draft.skills, skill], skill: '' }, '#skills');
    };
    return html`${labelledField(
      this.#form,
      'skills',
      msg('Was hilft (freiwillig)'),
      { hint: msg('Fähigkeiten in Worten, bis zu 10, z. B. „Führerschein“ oder „Kochen“.') },
      ({ invalid, describedBy }) => html`<div class="adding">
        <input
          id="skills"
          maxlength="60"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${draft.skill}
          @input=${(event: Event) => this.#edit({ skill: (event.target as HTMLInputElement).value })}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button class="button" type="button" aria-disabled=${draft.skills.length >= 10 ? 'true' : 'false'} @click=${() => (draft.skills.length < 10 ? add() : undefined)}>
          ${msg('Hinzufügen')}
        </button>
      </div>`,
    )}
      ${
        draft.skills.length
          ? html`<ul class="chips" aria-label=${msg('Gewählte Fähigkeiten')}>
            ${draft.skills.map(
              (skill, index) => html`<li class="chip badge">
                ${skill}
                <button class="button" type="button" aria-label=${msg(str`${skill} entfernen`)} @click=${() => this.#edit({ skills: draft.skills.filter((_, at) => at !== index) }, '#skills')}>
                  ×
                </button>
              </li>`,
            )}
          </ul>`
          : nothing
      }`;
  }

  #when(draft: NeedDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Wann')}</h2></legend>
      ${this.#check('ongoing', msg('Laufend, ohne festen Termin'), msg('z. B. „jeden Dienstag Hausaufgabenhilfe“: das Gesuch bleibt, bis Sie es beenden.'), draft.ongoing)}
      ${
        draft.ongoing
          ? nothing
          : html`${textField(this.#form, 'startsAt', msg('Beginn'), draft.startsAt, (startsAt) => this.#edit({ startsAt }), {
              type: 'datetime-local',
              required: true,
            })}
            ${textField(this.#form, 'endsAt', msg('Ende'), draft.endsAt, (endsAt) => this.#edit({ endsAt }), {
              type: 'datetime-local',
              required: true,
              hint: msg('Danach nimmt das Gesuch keine Rückmeldungen mehr an.'),
            })}`
      }
      ${textField(
        this.#form,
        'timeCommitment',
        msg('Zeitaufwand (freiwillig)'),
        draft.timeCommitment,
        (timeCommitment) => this.#edit({ timeCommitment }),
        {
          maxlength: 200,
          hint: msg('z. B. „3 Stunden“ oder „2 Stunden pro Woche“'),
        },
      )}
    </fieldset>`;
  }

  #where(draft: NeedDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Wo')}</h2></legend>
      ${this.#check('remote', msg('Auch von zu Hause möglich'), msg('Per Telefon oder Computer.'), draft.remote)}
      ${textField(this.#form, 'placeName', msg('Ort (freiwillig)'), draft.placeName, (placeName) => this.#edit({ placeName }), {
        maxlength: 200,
        hint: msg('z. B. „Turnhalle am Main“'),
      })}
      ${textField(
        this.#form,
        'placeAddress',
        msg('Adresse (freiwillig)'),
        draft.placeAddress,
        (placeAddress) => this.#edit({ placeAddress }),
        {
          maxlength: 300,
          autocomplete: 'street-address',
          hint: msg('Straße, Postleitzahl und Ort'),
        },
      )}
      ${this.#municipalities.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
        complete: (municipalities) =>
          selectField(
            this.#form,
            'municipalityId',
            msg('Gemeinde'),
            draft.municipalityId,
            municipalities.map((item) => [item.id, item.name] as const),
            (municipalityId) => this.#edit({ municipalityId }),
            { placeholder: msg('– ganze Region –'), hint: msg('Danach filtert die Ehrenamtsbörse.') },
          ),
      })}
    </fieldset>`;
  }

  #contact(draft: NeedDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Ansprechperson')}</h2></legend>
      ${textField(
        this.#form,
        'contactRole',
        msg('Wer antwortet (freiwillig)'),
        draft.contactRole,
        (contactRole) => this.#edit({ contactRole }),
        {
          maxlength: 200,
          hint: msg('Eine Rolle, kein Name, z. B. „Jugendleitung“ oder „Vorstand“.'),
        },
      )}
    </fieldset>`;
  }

  /** How a sign-up goes on: whether the coordinator decides first, and when volunteers are reminded of their shift. */
  #signUps(draft: NeedDraft): TemplateResult {
    const hours: [string, string][] = [
      ['0', msg('keine')],
      ['2', msg('2 Stunden vorher')],
      ['24', msg('24 Stunden vorher')],
      ['48', msg('48 Stunden vorher')],
    ];
    // A time set through the API stays a choice, so saving the form never changes it unasked.
    if (!hours.some(([value]) => value === draft.reminderHours))
      hours.push([draft.reminderHours, msg(str`${draft.reminderHours} Stunden vorher`)]);
    return html`<fieldset class="form">
      <legend><h2>${msg('Anmeldung')}</h2></legend>
      ${this.#check(
        'approvalRequired',
        msg('Nach Rücksprache'),
        msg(
          'Sie entscheiden über jede Anmeldung, bevor sie gilt, z. B. bei Arbeit mit Kindern. Bis dahin hält die Person ihren Platz und erfährt, dass sie auf Ihre Zusage wartet.',
        ),
        draft.approvalRequired,
      )}
      ${selectField(
        this.#form,
        'reminderHours',
        msg('Erinnerung'),
        draft.reminderHours,
        hours,
        (reminderHours) => this.#edit({ reminderHours }),
        {
          hint: msg('Eine E-Mail an alle Eingetragenen vor ihrer Schicht, mit Kalendereintrag und dem Link zum Abmelden.'),
        },
      )}
    </fieldset>`;
  }

  /** The need's shifts, once it is saved: each with its places, and the way to its roster. */
  #shifts(need: VolunteerNeed): TemplateResult {
    return html`<sr-manage-need-shifts
      hub-url=${this.hubUrl ?? nothing}
      .organizationId=${this.organizationId}
      .need=${need}
      @sr-manage-shifts-changed=${() => void this.#shiftsChanged(need)}
    ></sr-manage-need-shifts>`;
  }

  /** Where the need stands, and closing or reopening it (what is typed in the form stays). */
  #lifecycle(need: VolunteerNeed): TemplateResult {
    const states: Record<VolunteerNeed['status'], string> = {
      open: msg('Offen: Freiwillige können sich melden.'),
      filled: msg('Besetzt: alle gesuchten Personen sind angenommen.'),
      expired: msg('Abgelaufen: das Ende ist vorbei.'),
      closed: msg('Beendet: es nimmt keine Rückmeldungen mehr an.'),
    };
    const closed = need.status === 'closed';
    return html`<div class="message">
      <p>${need.published ? states[need.status] : msg('Entwurf: nur für Ihre Organisation sichtbar.')}</p>
      <p>${
        need.shifts.length
          ? msg(str`Noch ${need.peopleStillNeeded} Plätze in den kommenden Schichten frei.`)
          : msg(str`Noch ${need.peopleStillNeeded} von ${need.peopleNeeded} Personen gesucht.`)
      }
        <a href=${organizationPath(this.organizationId, 'responses')}>${msg('Rückmeldungen ansehen')}</a></p>
      ${this.#action.failureMessage()}
      <button class="button" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#setClosed(need, !closed)}>
        ${closed ? msg('Wieder öffnen') : msg('Gesuch beenden')}
      </button>
    </div>`;
  }

  #deletion(need: VolunteerNeed): TemplateResult {
    return deleteQuestion({
      asking: this.confirmingDelete,
      setAsking: (asking) => (this.confirmingDelete = asking),
      label: msg('Gesuch löschen'),
      question: msg(str`„${need.title}“ wirklich löschen?`),
      detail: msg('Auch alle Rückmeldungen dazu werden gelöscht. Das lässt sich nicht rückgängig machen; „Gesuch beenden“ behält sie.'),
      action: this.#action,
      focus: this.#focus,
      remove: () => void this.#delete(need),
    });
  }

  /** The real volunteer board showing what a save would make of the fields as typed now. */
  #previewSection(draft: NeedDraft): TemplateResult {
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Vorschau auf der Ehrenamtsbörse')}</h2>
      <p class="hint">
        ${msg('So erscheint das Gesuch auf der Ehrenamtsbörse, mit Ihren Eingaben – auch ungespeichert.')}
        ${draft.published ? nothing : msg('Als Entwurf ist es dort erst zu sehen, wenn Sie es veröffentlichen.')}
        ${complete(draft) || !this.need ? nothing : msg('Solange eine nötige Angabe fehlt oder nicht passt, bleibt der letzte vollständige Stand stehen.')}
        ${msg('„Ich helfe mit“ lässt sich ausprobieren; aus der Vorschau wird nichts gesendet.')}
      </p>
      ${this.#preview.render(
        () => html`<sr-volunteer-board></sr-volunteer-board>`,
        msg('Die Vorschau erscheint, sobald Titel, Beschreibung, die Zahl der Personen und der Zeitraum angegeben sind.'),
      )}
      ${this.need ? embedLink('volunteer-board', { organization: organizationAttribute(this.me, this.organizationId) }) : nothing}
      ${this.need?.published ? printLink('volunteer-needs', this.need.id) : nothing}
    </section>`;
  }

  #currentVersion(current: VolunteerNeed): TemplateResult {
    return html`<section class="message" aria-labelledby="current-heading" tabindex="-1" data-current>
      <h2 id="current-heading">${msg('Die aktuelle Fassung')}</h2>
      <p>${msg(str`Titel jetzt: „${current.title}“, ${current.peopleNeeded} Personen gesucht.`)}</p>
      <p>${msg('„Speichern“ ersetzt diese Fassung durch Ihre Eingaben.')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#show(current)}>${msg('Meine Eingaben verwerfen und die aktuelle Fassung übernehmen')}</button>
      </div>
    </section>`;
  }

  /** Shifts make the need's places: its numbers (and version) anew, the form as typed, the board again. */
  async #shiftsChanged(need: VolunteerNeed): Promise<void> {
    try {
      const current = await this.client.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId: need.id } } });
      if (this.need?.id === current.id) this.need = current;
    } catch (error) {
      // The numbers stay as they were; the shift itself is saved, and the next load shows them.
      this.noticeSignedOut(error);
    }
    this.#preview.refresh();
  }

  async #showCurrent(): Promise<void> {
    const need = this.need;
    if (!need) return;
    const current = await this.#action.submit(
      () => ({}),
      () => this.client.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId: need.id } } }),
    );
    if (!current) return;
    this.need = current;
    this.current = current;
    this.#focus.request('[data-current]');
  }

  async #save(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const body = needInputFrom(draft);
    const need = this.need;
    const saved = await this.#form.submit(
      () => needProblems(draft),
      () =>
        need
          ? this.client.PATCH('/volunteer-needs/{volunteerNeedId}', {
              params: { path: { volunteerNeedId: need.id }, header: { 'If-Match': versionOf(need) } },
              body,
            })
          : this.client.POST('/organizations/{organizationId}/volunteer-needs', {
              params: { path: { organizationId: this.organizationId } },
              body,
            }),
    );
    if (!saved) return;
    this.#show(saved);
    this.done = saved.published ? msg('Gespeichert und veröffentlicht.') : msg('Als Entwurf gespeichert.');
    if (!need) navigate(itemPath(this.organizationId, 'volunteer-need', saved.id), { replace: true });
  }

  async #setClosed(need: VolunteerNeed, close: boolean): Promise<void> {
    const saved = await this.#action.submit(
      () => ({}),
      () =>
        this.client.PATCH('/volunteer-needs/{volunteerNeedId}', {
          params: { path: { volunteerNeedId: need.id }, header: { 'If-Match': versionOf(need) } },
          body: { status: close ? 'closed' : 'open' },
        }),
    );
    if (!saved) return;
    this.need = saved;
    // The fields are the same, the status is not: the board shows it closed or open again.
    this.#preview.refresh();
    this.done = close ? msg('Das Gesuch ist beendet.') : msg('Das Gesuch ist wieder offen.');
  }

  async #delete(need: VolunteerNeed): Promise<void> {
    const deleted = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/volunteer-needs/{volunteerNeedId}', {
          params: { path: { volunteerNeedId: need.id }, header: { 'If-Match': versionOf(need) } },
        });
        return true;
      },
    );
    if (deleted) navigate(organizationPath(this.organizationId, 'volunteer-needs'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-volunteer-need': SrManageVolunteerNeed;
  }
}

import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { errorMessage } from '../../core/errors.js';
import { skeletonText } from '../../core/states.js';
import { FormController, textAreaField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import { printPageLink } from '../shared/print-link.js';
import type { Me } from '../shared/session-events.js';
import { contactDetails } from '../responses/contact-details.js';
import { saveFile } from '../responses/save-file.js';
import { regionTimeZone } from '../volunteer-need/need-draft.js';
import { toWallClock } from '../poll/wall-clock.js';
import { shiftWhen } from './shift-when.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;
type VolunteerShift = Schema<'VolunteerShift'>;
type VolunteerSignup = Schema<'VolunteerSignup'>;

interface Roster {
  need: VolunteerNeed;
  shift: VolunteerShift;
  signups: VolunteerSignup[];
}

/** A period of a certificate of hours, `YYYY-MM-DD` each, as typed. */
interface Period {
  from: string;
  to: string;
}

/**
 * The roster of one shift, for the organization's coordinators and owners (every read is in the
 * audit log): who signed up, how to reach them and where each stands; "war da" marked with one tap
 * on the day (a phone in the hand), said back when the Hub refuses and set back as it was; a
 * message to everyone on the shift by e-mail; the roster as CSV and as a sign-in sheet to print;
 * and a certificate of hours per person for a period, while the hours are kept.
 */
export class SrManageShiftRoster extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    needId: { attribute: false },
    shiftId: { attribute: false },
    attended: { state: true },
    marking: { state: true },
    markFailures: { state: true },
    message: { state: true },
    sent: { state: true },
    periods: { state: true },
    done: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .attendance {
        inline-size: 100%;
        min-block-size: 3.5rem;
        font-size: 1.1em;
      }
      @media (min-width: 40rem) {
        .attendance {
          inline-size: auto;
          min-inline-size: 12rem;
        }
      }
      .attendance[aria-pressed='true'] {
        color: var(--_color-on-primary);
        background: var(--_color-primary);
      }
      .mark {
        display: inline-block;
        inline-size: 1.25em;
        block-size: 1.25em;
        border: 2px solid currentColor;
        border-radius: 0.25em;
        line-height: 1;
      }
      .badge.withdrawn {
        border-style: dashed;
      }
      .details a {
        overflow-wrap: anywhere;
      }
      .said {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .certificate summary {
        display: flex;
        align-items: center;
        gap: var(--_space-2);
        min-block-size: 2.75rem;
        font-weight: 600;
        color: var(--_color-primary);
        cursor: pointer;
      }
      /* The marker a flex summary loses: it says the line opens something. */
      .certificate summary::before {
        content: '▸';
      }
      .certificate[open] summary::before {
        content: '▾';
      }
      .period {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space-4);
        align-items: end;
      }
      .period .field {
        flex: 1 1 9rem;
      }
      section {
        margin-block: var(--_space-5);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  declare needId: string;
  declare shiftId: string;
  /** "War da" as marked on this screen since it loaded, by sign-up: newer than the list. */
  declare private attended: ReadonlyMap<string, boolean | null>;
  /** Sign-ups whose mark is on its way to the Hub. */
  declare private marking: ReadonlySet<string>;
  /** Why a mark did not reach the Hub, by sign-up. */
  declare private markFailures: ReadonlyMap<string, string>;
  declare private message: string;
  /** What the last message reached: e-mails sent and people to call. */
  declare private sent: Schema<'VolunteerShiftMessageReceipt'> | undefined;
  /** The period of each person's certificate, as typed. */
  declare private periods: ReadonlyMap<string, Period>;
  declare private done: string | undefined;

  readonly #messageForm = new FormController<'message'>(this, { fields: ['message'], format: () => this.format });
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format });

  readonly #roster = this.fetchTask({
    args: () => [this.organizationId, this.needId, this.shiftId] as const,
    fetch: async (hub, [organizationId, needId, shiftId], signal): Promise<Roster> => {
      const [need, shifts, signups] = await Promise.all([
        hub.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId: needId } }, signal }),
        hub.GET('/volunteer-needs/{volunteerNeedId}/shifts', { params: { path: { volunteerNeedId: needId } }, signal }),
        hub.GET('/organizations/{organizationId}/volunteer-shifts/{volunteerShiftId}/signups', {
          params: { path: { organizationId, volunteerShiftId: shiftId } },
          signal,
        }) as Promise<Schema<'VolunteerSignupList'>>,
      ]);
      const shift = shifts.items.find(({ id }) => id === shiftId);
      if (!shift) throw new Error(msg('Diese Schicht gibt es nicht (mehr).'));
      // Loaded anew: the Hub's marks are the current ones.
      this.attended = new Map();
      return { need, shift, signups: signups.items };
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.needId = '';
    this.shiftId = '';
    this.attended = new Map();
    this.marking = new Set();
    this.markFailures = new Map();
    this.message = '';
    this.periods = new Map();
  }

  protected override render(): TemplateResult {
    const roster = this.#roster.value;
    const title = roster ? (roster.shift.label ?? msg('Schicht')) : msg('Schicht');
    return html`${organizationHeader(this.me, this.organizationId, 'volunteer-needs', title)}
      <p><a href=${itemPath(this.organizationId, 'volunteer-need', this.needId)}>← ${roster ? msg(str`Zum Gesuch „${roster.need.title}“`) : msg('Zum Gesuch')}</a></p>
      ${this.#roster.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('60ch')}</p>`,
        complete: (loaded) => this.#content(loaded),
      })}`;
  }

  #content({ need, shift, signups }: Roster): TemplateResult {
    const active = signups.filter((signup) => signup.status === 'active' && signup.responseStatus !== 'declined');
    const started = Date.parse(shift.startsAt) <= Date.now();
    return html`<p class="lead">
        <strong>${shiftWhen(this.format, shift)}</strong> · <span dir="auto">${need.title}</span><br />
        ${msg(str`${shift.placesTaken} von ${shift.capacity} belegt`)}${shift.status === 'cancelled' ? html` · <strong>${msg('abgesagt')}</strong>` : nothing}
      </p>
      <div role="status" id="roster-status" tabindex="-1">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">${msg(str`Eingetragen (${active.length})`)}</h2>
        ${started ? nothing : html`<p class="hint">${msg('„War da“ lässt sich ab Beginn der Schicht eintragen.')}</p>`}
        <p class="hint">${msg('Die Stunden bleiben bis 90 Tage nach Ende des Gesuchs gespeichert; stellen Sie Nachweise vorher aus.')}</p>
        ${
          signups.length
            ? html`<ul class="list" aria-label=${msg('Eingetragene, nach Zeitpunkt der Anmeldung')}>
              ${signups.map((signup) => this.#person(signup, shift, started))}
            </ul>`
            : html`<p>${msg('Noch hat sich niemand eingetragen.')}</p>`
        }
      </section>
      ${this.#messageSection()}
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">${msg('Listen')}</h2>
        ${this.#action.failureMessage()}
        <ul class="actions links">
          <li>
            <button class="button" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#download(shift)}>
              ${msg('Als CSV herunterladen')}
            </button>
          </li>
          <li>${printPageLink(`/print/volunteer-shifts/${encodeURIComponent(shift.id)}/sign-in-sheet`, msg('Anmeldeliste drucken'))}</li>
        </ul>
      </section>`;
  }

  #status(signup: VolunteerSignup): TemplateResult {
    if (signup.status === 'withdrawn') return html`<span class="badge withdrawn">${msg('abgemeldet')}</span>`;
    if (signup.responseStatus === 'declined') return html`<span class="badge withdrawn">${msg('abgelehnt')}</span>`;
    if (signup.responseStatus === 'new') return html`<span class="badge">${msg('wartet auf Zusage')}</span>`;
    return html`<span class="badge">${msg('eingetragen')}</span>`;
  }

  #person(signup: VolunteerSignup, shift: VolunteerShift, started: boolean): TemplateResult {
    const nameId = `person-${signup.id}`;
    const on = signup.status === 'active' && signup.responseStatus !== 'declined';
    return html`<li class="card" data-signup=${signup.id}>
      <div class="card-head">
        <h3 id=${nameId} dir="auto">${signup.name}</h3>
        ${this.#status(signup)}
      </div>
      <dl class="details">
        ${contactDetails(signup)}
        <dt>${msg('Eingetragen am')}</dt>
        <dd>${this.format.dateTime(new Date(signup.signedUpAt))}</dd>
      </dl>
      ${on && started ? this.#attendance(signup, nameId) : nothing} ${on ? this.#certificate(signup, shift, nameId) : nothing}
    </li>`;
  }

  /** One tap marks "war da" and the next takes it back; a refusal is said here and the mark set back. */
  #attendance(signup: VolunteerSignup, nameId: string): TemplateResult {
    const attended = this.attended.has(signup.id) ? this.attended.get(signup.id) : signup.attended;
    const failure = this.markFailures.get(signup.id);
    const errorId = `mark-error-${signup.id}`;
    return html`<div>
      ${failure ? html`<p class="field-error" id=${errorId} role="alert">${failure}</p>` : nothing}
      <button
        class="button attendance"
        type="button"
        aria-pressed=${attended === true ? 'true' : 'false'}
        aria-describedby="${nameId}${failure ? ` ${errorId}` : ''}"
        aria-disabled=${this.marking.has(signup.id) ? 'true' : 'false'}
        @click=${() => void this.#mark(signup, attended === true ? null : true)}
      >
        <span class="mark" aria-hidden="true">${attended === true ? '✓' : ''}</span> ${msg('War da')}
      </button>
    </div>`;
  }

  async #mark(signup: VolunteerSignup, attended: boolean | null): Promise<void> {
    if (this.marking.has(signup.id)) return;
    const before = this.attended.has(signup.id) ? this.attended.get(signup.id)! : signup.attended;
    const failures = new Map(this.markFailures);
    failures.delete(signup.id);
    this.markFailures = failures;
    this.attended = new Map(this.attended).set(signup.id, attended);
    this.marking = new Set(this.marking).add(signup.id);
    try {
      const saved = await this.client.PATCH('/organizations/{organizationId}/volunteer-signups/{volunteerSignupId}', {
        params: { path: { organizationId: this.organizationId, volunteerSignupId: signup.id } },
        body: { attended },
      });
      this.attended = new Map(this.attended).set(signup.id, saved.attended);
    } catch (error) {
      this.noticeSignedOut(error);
      this.attended = new Map(this.attended).set(signup.id, before);
      const { title, detail } = errorMessage(error, this.format);
      this.markFailures = new Map(this.markFailures).set(signup.id, `${msg('Nicht gespeichert:')} ${title} ${detail}`);
    } finally {
      const marking = new Set(this.marking);
      marking.delete(signup.id);
      this.marking = marking;
    }
  }

  /** A certificate of hours for this person and a period: the Hub's print view in a new tab. */
  #certificate(signup: VolunteerSignup, shift: VolunteerShift, nameId: string): TemplateResult {
    const day = toWallClock(shift.startsAt, regionTimeZone).slice(0, 10);
    const period = this.periods.get(signup.id) ?? { from: `${day.slice(0, 4)}-01-01`, to: day };
    const set = (changes: Partial<Period>) => (this.periods = new Map(this.periods).set(signup.id, { ...period, ...changes }));
    const query = new URLSearchParams({ from: period.from, to: period.to }).toString();
    const complete = period.from !== '' && period.to !== '' && period.from <= period.to;
    return html`<details class="certificate">
      <summary aria-describedby=${nameId}>${msg('Nachweis ausstellen')}</summary>
      <div class="period">
        <div class="field">
          <label for="from-${signup.id}">${msg('Stunden vom')}</label>
          <input id="from-${signup.id}" type="date" .value=${period.from} @input=${(event: Event) => set({ from: (event.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="to-${signup.id}">${msg('bis')}</label>
          <input id="to-${signup.id}" type="date" .value=${period.to} @input=${(event: Event) => set({ to: (event.target as HTMLInputElement).value })} />
        </div>
      </div>
      <p>
        ${
          complete
            ? printPageLink(
                `/print/volunteer-certificates/${encodeURIComponent(signup.id)}?${query}`,
                msg(str`Nachweis für ${signup.name} öffnen`),
              )
            : html`<span class="field-error">${msg('Bitte geben Sie einen Zeitraum an, dessen Ende nicht vor dem Anfang liegt.')}</span>`
        }
      </p>
    </details>`;
  }

  #messageSection(): TemplateResult {
    return html`<section aria-labelledby="message-heading">
      <h2 id="message-heading">${msg('Nachricht an alle')}</h2>
      <form class="form" novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.#send();
      }}>
        ${this.#messageForm.summary({ message: msg('Nachricht') })}
        ${textAreaField(
          this.#messageForm,
          'message',
          msg('Nachricht'),
          this.message,
          (message) => {
            this.message = message;
            this.sent = undefined;
          },
          {
            required: true,
            maxlength: 2000,
            hint: msg(
              'Geht per E-Mail an alle Eingetragenen, die eine E-Mail-Adresse angegeben haben; Antworten kommen an die Adresse Ihrer Organisation. Der Hub speichert die Nachricht nicht.',
            ),
          },
        )}
        ${this.#messageForm.failureMessage()}
        <div role="status">${this.sent ? html`<p class="message" data-sent>${this.#sentText(this.sent)}</p>` : nothing}</div>
        <div class="actions">${this.#messageForm.submitButton(msg('Nachricht senden'))}</div>
      </form>
    </section>`;
  }

  #sentText({ sent, withoutEmail }: Schema<'VolunteerShiftMessageReceipt'>): string {
    const to = sent === 1 ? msg('An 1 Person gesendet.') : msg(str`An ${sent} Personen gesendet.`);
    return withoutEmail ? `${to} ${msg(str`${withoutEmail} ohne E-Mail: bitte anrufen.`)}` : to;
  }

  async #send(): Promise<void> {
    const message = this.message.trim();
    const receipt = await this.#messageForm.submit(
      () => ({ message: message ? undefined : msg('Bitte schreiben Sie eine Nachricht.') }),
      () =>
        this.client.POST('/organizations/{organizationId}/volunteer-shifts/{volunteerShiftId}/messages', {
          params: { path: { organizationId: this.organizationId, volunteerShiftId: this.shiftId } },
          body: { message },
        }),
    );
    if (!receipt) return;
    this.message = '';
    this.sent = receipt;
  }

  /** The roster as the Hub writes it for spreadsheets (`Accept: text/csv`), saved as a file. */
  async #download(shift: VolunteerShift): Promise<void> {
    this.done = undefined;
    const csv = await this.#action.submit(
      () => ({}),
      () =>
        this.client.GET('/organizations/{organizationId}/volunteer-shifts/{volunteerShiftId}/signups', {
          params: { path: { organizationId: this.organizationId, volunteerShiftId: shift.id } },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
    );
    if (csv === undefined) return;
    const day = toWallClock(shift.startsAt, regionTimeZone).slice(0, 10);
    saveFile(`schicht-${day}.csv`, 'text/csv;charset=utf-8', csv);
    this.done = msg('Die CSV-Datei ist heruntergeladen.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-shift-roster': SrManageShiftRoster;
  }
}

import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { isolated } from '../core/bidi.js';
import { isHubError } from '../core/errors.js';
import type { Formats } from '../core/format.js';
import type { VolunteerNeed } from './need-card.js';

export type VolunteerShift = Schema<'VolunteerShift'>;
export type VolunteerResponseReceipt = Schema<'VolunteerResponseReceipt'>;

/**
 * When a shift is, in words: "Sa., 12. Juni, 16–19 Uhr". German leaves out ":00" when both ends
 * are on the hour of one day ("Uhr" says it is a time); English keeps the minutes, as "16 – 19"
 * would not read as times.
 */
export function shiftWhen(shift: VolunteerShift, format: Formats, locale: string): string {
  const start = new Date(shift.startsAt);
  const end = new Date(shift.endsAt);
  const onTheHour =
    /^de\b/.test(locale) && format.day(start) === format.day(end) && [start, end].every((time) => format.time(time).endsWith(':00'));
  return format.dateRange(start, end, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    ...(onTheHour ? {} : { minute: '2-digit' }),
  });
}

/** A shift as the volunteer recognises it: when, and what for ("Bar"), the organization's words isolated. */
export function shiftName(shift: VolunteerShift, format: Formats, locale: string): TemplateResult {
  return html`${shiftWhen(shift, format, locale)}${shift.label ? html` · ${isolated(shift.label)}` : nothing}`;
}

/** The card's line for a need with shifts: "3 Schichten · noch 5 Plätze frei". */
export function shiftSummary(need: VolunteerNeed): string {
  const upcoming = need.shifts.filter((shift) => shift.status === 'open' || shift.status === 'full').length;
  const free = need.status === 'filled' ? 0 : need.peopleStillNeeded;
  const shifts = upcoming === 1 ? msg('1 Schicht') : msg(str`${upcoming} Schichten`);
  const places = free === 0 ? msg('alle Plätze besetzt') : free === 1 ? msg('noch 1 Platz frei') : msg(str`noch ${free} Plätze frei`);
  return `${shifts} · ${places}`;
}

/** A shift's places, or why it takes no sign-up. */
function placesText(shift: VolunteerShift): string {
  switch (shift.status) {
    case 'full':
      return msg('voll');
    case 'past':
      return msg('hat schon begonnen');
    case 'cancelled':
      return msg('abgesagt');
    default:
      return msg(str`noch ${shift.placesFree} von ${shift.capacity} frei`);
  }
}

/**
 * The Hub refused a sign-up because of a chosen shift: `full` (no place left; `shiftId` names it
 * and `alternatives` the next shifts with room) or `not-open` (started or cancelled; the contract
 * promises no `shiftId` for it, so a fresh read of the need tells which).
 */
export interface ShiftProblem {
  kind: 'full' | 'not-open';
  shiftId?: string | undefined;
  alternatives?: string[] | undefined;
}

export function shiftProblem(error: unknown): ShiftProblem | undefined {
  if (!isHubError(error)) return undefined;
  const kind = error.type.endsWith('/shift-full') ? 'full' : error.type.endsWith('/shift-not-open') ? 'not-open' : undefined;
  if (!kind) return undefined;
  const { shiftId, alternatives } = (error.problem ?? {}) as Omit<ShiftProblem, 'kind'>;
  return { kind, shiftId, alternatives };
}

/** What changed under the volunteer's choice: the chosen shifts lost, and the shifts offered instead. */
export interface ShiftConflict {
  lost: VolunteerShift[];
  alternatives: string[];
}

/**
 * The need's shifts after the Hub refused `chosen` (`shifts`: read afresh when that worked), and
 * the choice to offer instead: the lost ones out, the first alternative in. The shift the Hub
 * named is taken as refused whatever the read says (the read may have raced the refusal, or failed).
 */
export function resolveConflict(
  shifts: VolunteerShift[],
  chosen: string[],
  problem: ShiftProblem,
): { shifts: VolunteerShift[]; conflict: ShiftConflict; chosen: string[] } {
  const refused = (shift: VolunteerShift): VolunteerShift['status'] =>
    problem.kind === 'full' ? 'full' : Date.parse(shift.startsAt) <= Date.now() ? 'past' : 'cancelled';
  const current = shifts.map((shift) =>
    shift.id === problem.shiftId && shift.status === 'open' ? { ...shift, status: refused(shift), placesFree: 0 } : shift,
  );
  const lost = current.filter((shift) => chosen.includes(shift.id) && shift.status !== 'open');
  const kept = chosen.filter((id) => !lost.some((shift) => shift.id === id));
  const open = (id: string) => current.some((shift) => shift.id === id && shift.status === 'open');
  // The Hub's alternatives when it gave them (soonest first), else the next open shifts here.
  const offered = problem.alternatives ?? current.filter((shift) => shift.status === 'open').map((shift) => shift.id);
  const alternatives = offered.filter((id) => open(id) && !kept.includes(id)).slice(0, 3);
  return { shifts: current, conflict: { lost, alternatives }, chosen: alternatives[0] ? [...kept, alternatives[0]] : kept };
}

export interface ShiftChoiceContext {
  shifts: VolunteerShift[];
  chosen: string[];
  /** Shifts offered after a conflict: highlighted. */
  suggested: string[];
  error: string | undefined;
  format: Formats;
  locale: string;
  choose(shiftId: string, checked: boolean): void;
}

/**
 * "Schichten wählen": one checkbox per shift, its places read out as its description; shifts
 * without a place shown too, disabled, with the reason.
 */
export function shiftChoices(context: ShiftChoiceContext): TemplateResult {
  const { error } = context;
  return html`<fieldset id="shiftIds" part="shifts" class="shifts" aria-describedby=${error ? 'shiftIds-error' : 'shiftIds-hint'}>
    <legend>${msg('Schichten wählen')} *</legend>
    <span id="shiftIds-hint" class="hint">${msg('Sie können eine oder mehrere wählen.')}</span>
    ${error ? html`<span id="shiftIds-error" class="field-error">${error}</span>` : nothing}
    <ul class="shift-list">
      ${context.shifts.map((shift) => {
        const suggested = context.suggested.includes(shift.id);
        const disabled = shift.status !== 'open';
        return html`<li part="shift${suggested ? ' suggested' : ''}" class="shift ${suggested ? 'suggested' : ''}">
          <input
            id="shift-${shift.id}"
            type="checkbox"
            name="shift"
            value=${shift.id}
            ?disabled=${disabled}
            aria-describedby="places-${shift.id}"
            .checked=${!disabled && context.chosen.includes(shift.id)}
            @change=${(event: Event) => context.choose(shift.id, (event.target as HTMLInputElement).checked)}
          />
          <label for="shift-${shift.id}">${shiftName(shift, context.format, context.locale)}</label>
          <span id="places-${shift.id}" class="places">${suggested ? html`<strong>${msg('Vorschlag')}</strong> · ` : nothing}${placesText(shift)}</span>
        </li>`;
      })}
    </ul>
  </fieldset>`;
}

/** Why the chosen shifts were not taken, and what the form did about it. Focused, read out at once. */
export function conflictNotice(conflict: ShiftConflict, format: Formats, locale: string): TemplateResult {
  const why = (shift: VolunteerShift) => {
    const name = shiftName(shift, format, locale);
    if (shift.status === 'cancelled') return msg(html`Leider wurde die Schicht „${name}“ abgesagt.`);
    if (shift.status === 'past') return msg(html`Leider hat die Schicht „${name}“ schon begonnen.`);
    return msg(html`Leider ist die Schicht „${name}“ gerade voll geworden.`);
  };
  return html`<div part="shift-conflict" class="send-error" role="alert" tabindex="-1">
    ${conflict.lost.map((shift) => html`<p><strong>${why(shift)}</strong></p>`)}
    <p>
      ${conflict.alternatives.length ? msg('Noch frei: die Schichten mit „Vorschlag“. Die erste davon ist schon ausgewählt.') : nothing}
      ${msg('Ihre Angaben sind noch da. Bitte prüfen Sie Ihre Auswahl und senden Sie erneut.')}
    </p>
  </div>`;
}

/** After signing up for shifts: in or waiting, for which shifts, and where to change them. */
export function signupReceipt(receipt: VolunteerResponseReceipt, withEmail: boolean, format: Formats, locale: string): TemplateResult {
  const confirmed = receipt.status === 'confirmed';
  return html`<p><strong>${confirmed ? msg('Sie sind eingetragen für:') : msg('Ihre Anmeldung wartet auf die Zusage der Organisation. Sie haben sich gemeldet für:')}</strong></p>
    <ul part="receipt-shifts">
      ${receipt.shifts.map((shift) => html`<li>${shiftName(shift, format, locale)}</li>`)}
    </ul>
    ${
      withEmail
        ? html`<p>${msg('Sie bekommen eine E-Mail mit Ihrem Link „Meine Einsätze“: dort können Sie absagen oder einen anderen Termin wählen.')}</p>`
        : nothing
    }`;
}

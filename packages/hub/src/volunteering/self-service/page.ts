import { html, type Html } from '../../http/html.js';
import type { SignupRow } from './queries.js';
import { placeOf, shiftTitle, shiftWhen, stateOf, stateWords, type Language } from './wording.js';

/** The HTML of "Meine Einsätze": the volunteer's sign-ups and what they can do with each. */

/** What the page says after a form was sent (`?status=…`). */
export type StatusLine = 'withdrawn' | 'moved' | 'full' | 'not-open' | 'gone';

export const statusLines: readonly StatusLine[] = ['withdrawn', 'moved', 'full', 'not-open', 'gone'];

/** A shift a sign-up could move to. */
export interface OpenShift {
  id: string;
  starts_at: Date;
  ends_at: Date;
  label: string | null;
}

const texts = {
  de: {
    title: 'Meine Einsätze',
    intro: (name: string) => `Guten Tag ${name}, hier sehen Sie Ihre Schichten und können sie ändern.`,
    none: 'Sie sind für keine Schicht eingetragen.',
    when: 'Wann',
    where: 'Wo',
    organization: 'Organisation',
    state: 'Stand',
    calendar: 'In meinen Kalender',
    move: 'Anderen Termin wählen',
    moveTo: 'Neuer Termin',
    moveButton: 'Zu diesem Termin wechseln',
    noOther: 'Es gibt gerade keinen anderen Termin mit freiem Platz.',
    withdraw: 'Absagen',
    withdrawHint: 'Ihr Platz wird sofort frei, und die Organisation erfährt es.',
    status: {
      withdrawn: 'Sie haben abgesagt. Die Organisation weiß Bescheid.',
      moved: 'Ihr Termin ist geändert. Die Organisation weiß Bescheid.',
      full: 'Leider ist dieser Termin gerade voll geworden. Bitte wählen Sie einen anderen.',
      'not-open': 'Dieser Termin nimmt keine Anmeldungen mehr an. Bitte wählen Sie einen anderen.',
      gone: 'Diese Schicht lässt sich nicht mehr ändern.',
    },
    private: 'Dieser Link ist persönlich: bitte geben Sie ihn nicht weiter.',
    invalidTitle: 'Dieser Link gilt nicht (mehr)',
    invalid:
      'Vielleicht ist er unvollständig kopiert, oder Ihre Angaben wurden nach dem Ende des Einsatzes gelöscht. Jede Mail zu Ihren Schichten enthält einen neuen Link.',
  },
  en: {
    title: 'My shifts',
    intro: (name: string) => `Hello ${name}, here are your shifts, and you can change them.`,
    none: 'You are not signed up for any shift.',
    when: 'When',
    where: 'Where',
    organization: 'Organization',
    state: 'Status',
    calendar: 'Add to my calendar',
    move: 'Choose another time',
    moveTo: 'New time',
    moveButton: 'Change to this time',
    noOther: 'There is no other time with a free place just now.',
    withdraw: 'Withdraw',
    withdrawHint: 'Your place is free at once, and the organization is told.',
    status: {
      withdrawn: 'You have withdrawn. The organization has been told.',
      moved: 'Your time has changed. The organization has been told.',
      full: 'Sorry, this time has just become full. Please choose another one.',
      'not-open': 'This time takes no sign-ups any more. Please choose another one.',
      gone: 'This shift can no longer be changed.',
    },
    private: 'This link is personal: please do not pass it on.',
    invalidTitle: 'This link is not valid (any more)',
    invalid:
      'It may have been copied incompletely, or your details were deleted after the shifts ended. Every mail about your shifts has a new link.',
  },
} as const;

function document(lang: Language, title: string, body: Html): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/einsaetze.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.markup;
}

function moveForm(row: SignupRow, base: string, others: readonly OpenShift[], lang: Language): Html {
  const text = texts[lang];
  if (others.length === 0) return html`<p class="note">${text.noOther}</p>`;
  const fieldId = `move-${row.id}`;
  return html`<form method="post" action="${base}/signups/${row.id}/move">
<label for="${fieldId}">${text.moveTo}</label>
<select id="${fieldId}" name="shiftId">
${others.map((shift) => html`<option value="${shift.id}">${shiftWhen(shift, lang)}${shift.label ? ` · ${shift.label}` : ''}</option>`)}
</select>
<button type="submit" class="secondary">${text.moveButton}</button>
</form>`;
}

function signupItem(row: SignupRow, base: string, others: readonly OpenShift[], lang: Language, now: Date, open: boolean): Html {
  const text = texts[lang];
  const state = stateOf(row);
  const place = placeOf(row);
  const changeable = (state === 'on' || state === 'waiting') && row.starts_at > now;
  const headingId = `signup-${row.id}`;
  return html`<li class="signup">
<article aria-labelledby="${headingId}">
<h2 id="${headingId}">${shiftTitle(row)}</h2>
<dl>
<dt>${text.when}</dt><dd><time datetime="${row.starts_at.toISOString()}">${shiftWhen(row, lang)}</time></dd>
${place ? html`<dt>${text.where}</dt><dd>${place}</dd>` : ''}
<dt>${text.organization}</dt><dd>${row.organization_name}</dd>
<dt>${text.state}</dt><dd><span class="state state-${state}">${stateWords[lang][state]}</span></dd>
</dl>
${
  changeable
    ? html`<div class="actions">
<a class="button" href="${base}/einsaetze.ics">${text.calendar}</a>
<details${open ? html` open` : ''}><summary>${text.move}</summary>${moveForm(row, base, others, lang)}</details>
<form method="post" action="${base}/signups/${row.id}/withdraw">
<button type="submit" class="withdraw" aria-describedby="withdraw-hint-${row.id}">${text.withdraw}</button>
<p class="note" id="withdraw-hint-${row.id}">${text.withdrawHint}</p>
</form>
</div>`
    : ''
}
</article>
</li>`;
}

export interface SelfServicePage {
  lang: Language;
  /** `/einsaetze/<token>`: the forms post below it. */
  base: string;
  rows: readonly SignupRow[];
  /** Per need, the shifts a sign-up of it could move to (its own excluded per sign-up). */
  openShifts: ReadonlyMap<string, readonly OpenShift[]>;
  status: StatusLine | undefined;
  /** The sign-up the status line is about: its choice of other times is shown open. */
  about: string | undefined;
  now: Date;
}

export function selfServicePage({ lang, base, rows, openShifts, status, about, now }: SelfServicePage): string {
  const text = texts[lang];
  const problem = status === 'full' || status === 'not-open' || status === 'gone';
  const items = rows.map((row) =>
    signupItem(
      row,
      base,
      (openShifts.get(row.need_id) ?? []).filter(
        (shift) => shift.id !== row.shift_id && !rows.some((other) => other.shift_id === shift.id && other.status === 'active'),
      ),
      lang,
      now,
      problem && row.id === about,
    ),
  );
  return document(
    lang,
    text.title,
    html`<h1>${text.title}</h1>
${status ? html`<p class="status-line${problem ? ' problem' : ''}" role="status">${text.status[status]}</p>` : ''}
<p>${text.intro(rows[0]?.name ?? '')}</p>
${rows.length === 0 ? html`<p>${text.none}</p>` : html`<ul class="signups">${items}</ul>`}
<p class="note">${text.private}</p>`,
  );
}

/** The answer to an unknown, forged or expired link. */
export function invalidLinkPage(lang: Language): string {
  const text = texts[lang];
  return document(lang, text.invalidTitle, html`<h1>${text.invalidTitle}</h1><p>${text.invalid}</p>`);
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { html } from '../http/html.js';
import { fact, lines } from './facts.js';
import { printLanguage, sendPrintPage, type PrintLanguage } from './page.js';
import { assertManagesVolunteers, auditRosterRead, found, signedInReader } from './roster-access.js';
import { findShiftOfNeed, shiftRoster } from './shift-queries.js';
import { shiftWhen } from './shift-times.js';

/**
 * The sign-in sheet of a shift (`GET /print/volunteer-shifts/{shiftId}/sign-in-sheet`): the
 * people on it by name with their phone, a box for "war da" and a column to sign, and empty rows
 * for those who come without signing up. The coordinator ticks the boxes on the day and marks
 * attendance in the workspace from it; the certificates of hours count that.
 */

/** At least this many empty rows for people who come without signing up, more when places are free. */
const WALK_IN_ROWS = 3;

const labels = {
  de: {
    title: 'Anwesenheitsliste',
    when: 'Wann',
    shift: 'Schicht',
    where: 'Wo',
    places: 'Plätze',
    taken: (held: number, capacity: number) => `${held} von ${capacity} belegt`,
    cancelled: 'Diese Schicht ist abgesagt.',
    number: 'Nr.',
    name: 'Name',
    phone: 'Telefon',
    present: 'war da',
    signature: 'Unterschrift',
    pending: 'wartet auf Zusage',
    nobody: 'Noch niemand angemeldet.',
    note: 'Vertraulich: personenbezogene Daten. Nach dem Eintragen der Anwesenheit vernichten.',
  },
  en: {
    title: 'Sign-in sheet',
    when: 'When',
    shift: 'Shift',
    where: 'Where',
    places: 'Places',
    taken: (held: number, capacity: number) => `${held} of ${capacity} taken`,
    cancelled: 'This shift is cancelled.',
    number: 'No.',
    name: 'Name',
    phone: 'Phone',
    present: 'present',
    signature: 'Signature',
    pending: 'awaiting confirmation',
    nobody: 'Nobody has signed up yet.',
    note: 'Confidential: personal data. Destroy once attendance is recorded.',
  },
} as const satisfies Record<PrintLanguage, unknown>;

type SheetRequest = FastifyRequest<{ Params: { shiftId: string } }>;

async function signInSheet(db: Kysely<Database>, request: SheetRequest) {
  const person = await signedInReader(db, request);
  const shift = await found(request.params.shiftId, 'volunteer shift', (id) => findShiftOfNeed(db, id));
  assertManagesVolunteers(person, shift.organization_id);
  await auditRosterRead(db, {
    person,
    organizationId: shift.organization_id,
    action: 'printVolunteerSignInSheet',
    resource: { type: 'volunteer-shift', id: shift.id },
  });
  const roster = await shiftRoster(db, shift.id);
  const lang = printLanguage(request);
  const words = labels[lang];
  const walkIns = Math.max(WALK_IN_ROWS, shift.capacity - roster.length);
  const row = (number: number, name?: string, phone?: string | null, pending?: boolean) =>
    html`<tr><td class="number">${number}</td><td>${name}${pending ? html`<br><span class="pending">${words.pending}</span>` : ''}</td><td class="nowrap">${phone ?? ''}</td><td class="box-cell"><span class="box" aria-hidden="true"></span></td><td class="signature"></td></tr>`;
  const body = html`<h2 class="item-title">${shift.need_title}</h2>
${shift.cancelled_at === null ? '' : html`<p class="ended">${words.cancelled}</p>`}
<dl class="facts">
${fact(words.when, shiftWhen(shift.starts_at, shift.ends_at, lang))}
${fact(words.shift, shift.label ?? undefined)}
${fact(words.where, lines([shift.place_name, shift.place_address, shift.place_address ? undefined : shift.municipality_name]))}
${fact(words.places, words.taken(roster.length, shift.capacity))}
</dl>
${roster.length === 0 ? html`<p>${words.nobody}</p>` : ''}
<table class="roster">
<thead><tr><th scope="col" class="number">${words.number}</th><th scope="col">${words.name}</th><th scope="col">${words.phone}</th><th scope="col" class="box-cell">${words.present}</th><th scope="col" class="signature">${words.signature}</th></tr></thead>
<tbody>
${roster.map((entry, index) => row(index + 1, entry.name, entry.phone, shift.approval_required && entry.response_status === 'new'))}
${Array.from({ length: walkIns }, (_, index) => row(roster.length + index + 1))}
</tbody>
</table>
<p class="confidential">${words.note}</p>`;
  return { lang, title: words.title, organization: shift.organization_name, body };
}

export function registerSignInSheet(scope: FastifyInstance, db: Kysely<Database>): void {
  scope.get('/print/volunteer-shifts/:shiftId/sign-in-sheet', async (request: SheetRequest, reply) =>
    sendPrintPage(reply, await signInSheet(db, request)),
  );
}

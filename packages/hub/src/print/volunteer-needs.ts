import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isUuid } from '../auth/resource-owners.js';
import { now } from '../clock.js';
import type { Database } from '../db/schema.js';
import { html } from '../http/html.js';
import { ProblemError } from '../http/problems.js';
import { findOrganization, selectMunicipalityNames } from '../orgs/queries.js';
import { needStatus, type NeedStatus } from '../volunteering/model.js';
import { findNeed, type NeedRow } from '../volunteering/queries.js';
import { exampleNote, fact, lines, paragraphs } from './facts.js';
import { printDate, printLanguage, printTime, sendPrintPage, type PrintLanguage } from './page.js';
import type { PrintOptions } from './register.js';
import type { ShiftRow } from '../volunteering/shifts/model.js';
import { upcomingShifts } from './shift-queries.js';
import { shiftWhen } from './shift-times.js';
import { shortUrl } from './short-links.js';

/**
 * The notice of a volunteer need (`/print/volunteer-needs/{needId}`): "Wir suchen Helferinnen und
 * Helfer" with what, when, where and how many, and how to get in touch — the organization's phone
 * and e-mail as its public profile shows them, and the QR code to the volunteer board. Nothing to
 * tear off: the phone is printed large enough to note down. A need with shifts lists the coming
 * ones with their free places: the notice is the poster to sign up on site, by its QR code.
 */

/** Shifts listed on the one page; the board behind the QR code has them all. */
const LISTED_SHIFTS = 6;

const labels = {
  de: {
    title: 'Wir suchen Helferinnen und Helfer',
    urgent: 'Dringend',
    what: 'Fähigkeiten',
    when: 'Wann',
    time: 'Zeitaufwand',
    where: 'Wo',
    howMany: 'Wie viele',
    contact: 'Kontakt',
    phone: 'Telefon',
    email: 'E-Mail',
    ongoing: 'laufend, nach Absprache',
    from: 'ab',
    until: 'bis',
    oClock: '\u00a0Uhr',
    remote: 'auch von zu Hause aus möglich',
    shifts: 'Schichten',
    free: (free: number, capacity: number) => (free === 0 ? 'voll' : `noch ${free} von ${capacity} frei`),
    more: (count: number) => `und ${count} weitere ${count === 1 ? 'Schicht' : 'Schichten'}`,
    signUp: 'Anmeldung',
    approval: 'nach Rücksprache: Die Organisation meldet sich, bevor Ihre Anmeldung gilt.',
    people: (still: number, needed: number) =>
      still === needed ? `${needed} ${needed === 1 ? 'Person' : 'Personen'}` : `noch ${still} von ${needed} Personen`,
    ended: {
      filled: 'Alle Plätze sind vergeben. Danke!',
      closed: 'Diese Suche ist beendet.',
      expired: 'Diese Suche ist beendet.',
    },
  },
  en: {
    title: 'Volunteers wanted',
    urgent: 'Urgent',
    what: 'Skills',
    when: 'When',
    time: 'Time',
    where: 'Where',
    howMany: 'How many',
    contact: 'Contact',
    phone: 'Phone',
    email: 'E-mail',
    ongoing: 'ongoing, by arrangement',
    from: 'from',
    until: 'until',
    oClock: '',
    remote: 'also possible from home',
    shifts: 'Shifts',
    free: (free: number, capacity: number) => (free === 0 ? 'full' : `${free} of ${capacity} places free`),
    more: (count: number) => `and ${count} more ${count === 1 ? 'shift' : 'shifts'}`,
    signUp: 'Signing up',
    approval: 'by arrangement: the organization gets in touch before your sign-up counts.',
    people: (still: number, needed: number) =>
      still === needed ? `${needed} ${needed === 1 ? 'person' : 'people'}` : `${still} more of ${needed} people`,
    ended: {
      filled: 'All places are taken. Thank you!',
      closed: 'This search has ended.',
      expired: 'This search has ended.',
    },
  },
} as const;

/** A day and time as printed: "Samstag, 12. Dezember 2026, 10:00". */
const moment = (instant: Date, lang: PrintLanguage) => `${printDate(instant, lang, true)}, ${printTime(instant, lang)}`;

/** When the help is needed: one day with its hours, a span, from or until a day, or ongoing. */
function when(row: NeedRow, lang: PrintLanguage): string {
  const words = labels[lang];
  const { starts_at: start, ends_at: end } = row;
  if (start && end) {
    const sameDay = printDate(start, lang) === printDate(end, lang);
    return sameDay
      ? `${moment(start, lang)}\u00a0–\u00a0${printTime(end, lang)}${words.oClock}`
      : `${moment(start, lang)}${words.oClock} – ${moment(end, lang)}${words.oClock}`;
  }
  if (start) return `${words.from} ${moment(start, lang)}${words.oClock}`;
  if (end) return `${words.until} ${moment(end, lang)}${words.oClock}`;
  return words.ongoing;
}

/** The need as the public API shows it: published, of an approved organization; else a 404 like the API's. */
async function publishedNeed(db: Kysely<Database>, needId: string): Promise<NeedRow> {
  const row = isUuid(needId) ? await findNeed(db, needId) : undefined;
  if (!row?.published) throw new ProblemError('not-found', `There is no volunteer need "${needId}".`);
  return row;
}

/** "Sa., 12. Juni, 16–19 Uhr · Bar · noch 2 von 4 frei", the first ones, and how many more. */
function shiftList(shifts: ShiftRow[], lang: PrintLanguage) {
  const words = labels[lang];
  const listed = shifts.slice(0, LISTED_SHIFTS).map((shift) => {
    const free = Math.max(0, shift.capacity - shift.places_taken);
    const label = shift.label ? ` · ${shift.label}` : '';
    return html`<li>${shiftWhen(shift.starts_at, shift.ends_at, lang)}${label} · <span class="nowrap">${words.free(free, shift.capacity)}</span></li>`;
  });
  const more = shifts.length - listed.length;
  return html`<h2>${words.shifts}</h2>
<ul class="dates shifts">${listed}${more > 0 ? html`<li>${words.more(more)}</li>` : ''}</ul>`;
}

async function needNotice(db: Kysely<Database>, options: PrintOptions, request: FastifyRequest<{ Params: { needId: string } }>) {
  const lang = printLanguage(request);
  const words = labels[lang];
  const row = await publishedNeed(db, request.params.needId);
  const organization = await findOrganization(db, row.organization_id);
  const [municipality] = row.municipality_id ? await selectMunicipalityNames(db, [row.municipality_id]) : [];
  const status: NeedStatus = needStatus(row);
  const still = Math.max(0, row.people_needed - row.people_accepted);
  const shifts = await upcomingShifts(db, row.id, now());
  const place = lines([
    row.place_name,
    row.place_address,
    municipality && !row.place_address?.includes(municipality.name) ? municipality.name : undefined,
    row.remote ? words.remote : undefined,
  ]);
  const contact = lines([
    row.organization_name,
    row.contact_role,
    organization?.phone ? html`${words.phone}: <span class="phone">${organization.phone}</span>` : undefined,
    organization?.email ? html`${words.email}: <span class="nowrap">${organization.email}</span>` : undefined,
  ]);
  const body = html`<h2 class="item-title">${row.urgent && status === 'open' ? html`<span class="urgent">${words.urgent}:</span> ` : ''}${row.title}</h2>
${status === 'open' ? '' : html`<p class="ended">${words.ended[status]}</p>`}
${paragraphs(row.description)}
<dl class="facts">
${fact(words.what, row.skills.length > 0 ? row.skills.join(', ') : undefined)}
${shifts.length > 0 && !row.starts_at && !row.ends_at ? undefined : fact(words.when, when(row, lang))}
${fact(words.time, row.time_commitment ?? undefined)}
${fact(words.where, place)}
${shifts.length > 0 ? undefined : fact(words.howMany, words.people(still, row.people_needed))}
${row.approval_required ? fact(words.signUp, words.approval) : undefined}
${fact(words.contact, contact)}
</dl>
${status === 'open' && shifts.length > 0 ? shiftList(shifts, lang) : ''}
${exampleNote(row.is_example, lang)}`;
  return {
    lang,
    title: words.title,
    organization: row.organization_name,
    body,
    link: await shortUrl(db, options.publicUrl, 'need', row.id),
  };
}

export function registerNeedPrints(app: FastifyInstance, db: Kysely<Database>, options: PrintOptions): void {
  app.get('/print/volunteer-needs/:needId', async (request: FastifyRequest<{ Params: { needId: string } }>, reply) =>
    sendPrintPage(reply, await needNotice(db, options, request)),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { now } from '../clock.js';
import type { Database } from '../db/schema.js';
import { html } from '../http/html.js';
import { fieldError, invalidQuery, type FieldError } from '../http/problems.js';
import { lines } from './facts.js';
import { printDate, printLanguage, printTimeZone, sendPrintPage, type PrintLanguage } from './page.js';
import type { PrintOptions } from './register.js';
import { assertManagesVolunteers, auditRosterRead, found, signedInReader } from './roster-access.js';
import { attendedShifts, findSignupPerson } from './shift-queries.js';
import { printHours, shiftHours, tenthsOfHours } from './shift-times.js';

/**
 * The certificate of hours (`GET /print/volunteer-certificates/{signupId}?from=…&to=…`), the
 * "Ehrenamtsnachweis" clubs wrote by hand: the organization, the person, the period, each shift
 * the person was marked present at in it with its hours, the total, and a line to sign. The
 * person is the sign-up's response — and every response to the organization's needs from the same
 * e-mail address, so someone who signed up for several needs gets one certificate.
 */

/** A certificate covers at most this many years (e.g. the three a volunteer card asks about). */
const MAX_YEARS = 3;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const labels = {
  de: {
    title: 'Nachweis über ehrenamtliche Tätigkeit',
    confirms: (name: string, organization: string, from: string, to: string) =>
      html`Hiermit bestätigt ${organization}, dass <strong>${name}</strong> im Zeitraum vom ${from} bis zum ${to} die folgenden ehrenamtlichen Einsätze geleistet hat:`,
    date: 'Datum',
    time: 'Zeit',
    activity: 'Einsatz',
    hours: 'Stunden',
    total: 'Insgesamt',
    totalHours: (hours: string) => `${hours} Stunden`,
    none: 'In diesem Zeitraum ist keine Teilnahme eingetragen.',
    basis: 'Die Angaben beruhen auf der Anwesenheitsliste der Organisation.',
    placeAndDate: 'Ort, Datum',
    signature: (organization: string) => `Unterschrift für ${organization}`,
    retention: (days: number) =>
      `Stunden werden gespeichert bis ${days} Tage nach Ende des Gesuchs; danach ist dieser Ausdruck der Nachweis.`,
  },
  en: {
    title: 'Certificate of voluntary work',
    confirms: (name: string, organization: string, from: string, to: string) =>
      html`${organization} confirms that <strong>${name}</strong> did the following voluntary work between ${from} and ${to}:`,
    date: 'Date',
    time: 'Time',
    activity: 'Activity',
    hours: 'Hours',
    total: 'Total',
    totalHours: (hours: string) => `${hours} hours`,
    none: 'No attendance is recorded in this period.',
    basis: "The figures are taken from the organization's attendance records.",
    placeAndDate: 'Place, date',
    signature: (organization: string) => `Signature for ${organization}`,
    retention: (days: number) => `Hours are kept until ${days} days after the need ended; after that, this printout is the record.`,
  },
} as const satisfies Record<PrintLanguage, unknown>;

type CertificateRequest = FastifyRequest<{ Params: { signupId: string }; Querystring: Record<string, unknown> }>;

/** A real calendar day `YYYY-MM-DD` (not 30 February). */
function isDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** `from` and `to`, both days, in order, at most `MAX_YEARS` apart; a 400 naming each wrong one. */
function period(query: Record<string, unknown>): { from: string; to: string } {
  const { from, to } = query;
  const errors: FieldError[] = [];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isDay(value)) errors.push(fieldError(`/${name}`, value === undefined ? 'required' : 'not-a-date', 'must be a date (YYYY-MM-DD)'));
  }
  if (errors.length === 0) {
    const [start, end] = [from as string, to as string];
    const limit = `${Number(start.slice(0, 4)) + MAX_YEARS}${start.slice(4)}`;
    if (end < start) errors.push(fieldError('/to', 'before-from', 'must not be before from'));
    else if (end >= limit) errors.push(fieldError('/to', 'period-too-long', `must be less than ${MAX_YEARS} years after from`, MAX_YEARS));
  }
  if (errors.length > 0) throw invalidQuery(errors);
  return { from: from as string, to: to as string };
}

/** A shift's day in the table, short so the activity has the room: "07.11.2026"; in English "2026-11-07", read the same everywhere. */
const tableDate = (instant: Date, lang: PrintLanguage) =>
  new Intl.DateTimeFormat(lang === 'de' ? 'de' : 'en-CA', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: printTimeZone,
  }).format(instant);

/** A day `YYYY-MM-DD` as printed ("1. November 2026", never broken after the day): noon UTC is that day in Berlin too. */
const day = (value: string, lang: PrintLanguage) => printDate(new Date(`${value}T12:00:00Z`), lang).replace(/^(\d+\.) /, '$1\u00a0');

async function certificate(db: Kysely<Database>, options: PrintOptions, request: CertificateRequest) {
  const reader = await signedInReader(db, request);
  const person = await found(request.params.signupId, 'volunteer sign-up', (id) => findSignupPerson(db, id));
  assertManagesVolunteers(reader, person.organization_id);
  const { from, to } = period(request.query);
  await auditRosterRead(db, {
    person: reader,
    organizationId: person.organization_id,
    action: 'printVolunteerCertificate',
    resource: { type: 'volunteer-signup', id: request.params.signupId },
  });
  const attended = await attendedShifts(
    db,
    { organizationId: person.organization_id, responseId: person.response_id, email: person.email },
    from,
    to,
  );
  // One person signed up twice for a shift (two responses with one address) was there once.
  const shifts = [...new Map(attended.map((shift) => [shift.id, shift])).values()];
  const lang = printLanguage(request);
  const words = labels[lang];
  const tenths = shifts.map((shift) => tenthsOfHours(shift.starts_at, shift.ends_at));
  const total = tenths.reduce((sum, value) => sum + value, 0);
  const organization = person.organization_name;
  const body = html`<p class="certificate-issuer">${lines([
    html`<strong>${organization}</strong>`,
    person.municipality_name,
    person.organization_email,
    person.organization_phone,
    person.organization_website,
  ])}</p>
<p>${words.confirms(person.name, organization, day(from, lang), day(to, lang))}</p>
${
  shifts.length === 0
    ? html`<p class="ended">${words.none}</p>`
    : html`<table class="hours">
<thead><tr><th scope="col">${words.date}</th><th scope="col">${words.time}</th><th scope="col">${words.activity}</th><th scope="col" class="number">${words.hours}</th></tr></thead>
<tbody>
${shifts.map(
  (shift, index) =>
    html`<tr><td class="nowrap">${tableDate(shift.starts_at, lang)}</td><td class="nowrap">${shiftHours(shift.starts_at, shift.ends_at, lang)}</td><td>${shift.need_title}${shift.label ? ` · ${shift.label}` : ''}</td><td class="number">${printHours(tenths[index]!, lang)}</td></tr>`,
)}
</tbody>
<tfoot><tr><th scope="row" colspan="3">${words.total}</th><td class="number">${words.totalHours(printHours(total, lang))}</td></tr></tfoot>
</table>`
}
<p>${words.basis}</p>
<div class="signing">
<p><span class="fill-in">${person.municipality_name ? `${person.municipality_name}, ${printDate(now(), lang)}` : ''}</span>${words.placeAndDate}</p>
<p><span class="fill-in"></span>${words.signature(organization)}</p>
</div>
<p class="retention">${words.retention(options.volunteerRetentionDays)}</p>`;
  return { lang, title: words.title, organization, body };
}

export function registerCertificate(scope: FastifyInstance, db: Kysely<Database>, options: PrintOptions): void {
  scope.get('/print/volunteer-certificates/:signupId', async (request: CertificateRequest, reply) =>
    sendPrintPage(reply, await certificate(db, options, request)),
  );
}

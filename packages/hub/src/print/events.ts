import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isUuid, resolveOwner } from '../auth/resource-owners.js';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { html, type Html } from '../http/html.js';
import { fieldError, invalidQuery, ProblemError } from '../http/problems.js';
import { toOccurrences, type EventRow } from '../events/model.js';
import { expandEvent, findOccurrences, parseRange, type Range } from '../events/occurrences.js';
import { findEvent, type EventFilters } from '../events/queries.js';
import { formatLocal, today } from '../events/recurrence.js';
import { knownMunicipalities, type KnownMunicipalities } from '../orgs/lookups.js';
import { findMunicipality, findOrganization } from '../orgs/queries.js';
import { fact, paragraphs } from './facts.js';
import { printDate, printLanguage, printTime, printTimeZone, sendPrintPage, type PrintLanguage } from './page.js';
import type { PrintOptions } from './register.js';
import { shortUrl } from './short-links.js';

/**
 * Event notices: one event for a notice board (`/print/events/{eventId}`, `?date=` for one of its
 * dates), and a month's programme of an organization or a municipality (`/print/events?…&month=`),
 * one entry per date. Dates come from the calendar's own expansion, as the API lists them.
 */

type Occurrence = Schemas['EventOccurrence'];

/** Upcoming dates a notice of a recurring event lists. */
const UPCOMING_DATES = 6;

const labels = {
  de: {
    when: 'Wann',
    repeats: 'Wie oft',
    where: 'Wo',
    accessibility: 'Barrierefreiheit',
    price: 'Eintritt',
    free: 'frei',
    organizer: 'Veranstalter',
    cancelled: 'Abgesagt',
    cancelledDate: 'fällt aus',
    upcoming: 'Die nächsten Termine',
    oClock: ' Uhr',
    allDay: 'ganztägig',
    programme: (month: string) => `Veranstaltungen im ${month}`,
    empty: 'In diesem Monat sind keine Veranstaltungen eingetragen.',
  },
  en: {
    when: 'When',
    repeats: 'How often',
    where: 'Where',
    accessibility: 'Accessibility',
    price: 'Admission',
    free: 'free',
    organizer: 'Organizer',
    cancelled: 'Cancelled',
    cancelledDate: 'cancelled',
    upcoming: 'Upcoming dates',
    oClock: '',
    allDay: 'all day',
    programme: (month: string) => `Events in ${month}`,
    empty: 'No events are listed for this month.',
  },
} as const;

/** A local date (`YYYY-MM-DD`) as an instant at its noon, which is that day in Berlin too. */
const dayInstant = (day: string) => new Date(`${day}T12:00:00Z`);

/** A range of times, e.g. "19:30 – 21:00 Uhr"; `endDay` when it ends on another day. */
function times(start: Date, end: Date, lang: PrintLanguage, endDay: string | undefined): string {
  return `${printTime(start, lang)} – ${endDay ? `${endDay}, ` : ''}${printTime(end, lang)}${labels[lang].oClock}`;
}

/** Its first and (when it lasts longer) last day, as `day(date)` writes a day, and its times or "ganztägig". */
function dayAndTimes(occurrence: Occurrence, lang: PrintLanguage, day: (instant: Date) => string): [string[], string] {
  if (occurrence.allDay) {
    const [first, last] = [occurrence.start.slice(0, 10), occurrence.end.slice(0, 10)];
    return [last > first ? [day(dayInstant(first)), day(dayInstant(last))] : [day(dayInstant(first))], labels[lang].allDay];
  }
  const [start, end] = [new Date(occurrence.start), new Date(occurrence.end)];
  const endDay = day(end) === day(start) ? undefined : day(end);
  return [[day(start)], times(start, end, lang, endDay)];
}

/** Days one under the other, a dash after the first: a long date never breaks inside itself. */
const dayLines = (days: string[]) => days.map((line, index) => html`${index > 0 ? html` –<br>` : ''}${line}`);

/** "Mittwoch, 16. Dezember 2026, 19:30 – 21:00 Uhr": a date in one line. */
function when(occurrence: Occurrence, lang: PrintLanguage): string {
  const [days, hours] = dayAndTimes(occurrence, lang, (instant) => printDate(instant, lang, true));
  return occurrence.allDay ? days.join(' – ') : `${days[0]}, ${hours}`;
}

/** The date of a notice: the day (or first and last day), and the time under it. */
function whenOnNotice(occurrence: Occurrence, lang: PrintLanguage): Html {
  const [days, hours] = dayAndTimes(occurrence, lang, (instant) => printDate(instant, lang, true));
  return occurrence.allDay ? html`${dayLines(days)}` : html`${days[0]}<br>${hours}`;
}

/** The date of a programme entry (the month is in the heading): "Dienstag, 8.12.", the time under it. */
function whenInProgramme(occurrence: Occurrence, lang: PrintLanguage): Html {
  const day = (instant: Date) =>
    new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: printTimeZone }).format(instant);
  const [days, hours] = dayAndTimes(occurrence, lang, day);
  return html`<strong>${dayLines(days)}</strong><br>${hours}`;
}

function price(occurrence: Occurrence, lang: PrintLanguage): string | undefined {
  return occurrence.price ?? (occurrence.isFree ? labels[lang].free : undefined);
}

/** The place as a reader looks for it: name, address, and the municipality where the address does not say it. */
function placeLines(occurrence: Occurrence, municipalities: KnownMunicipalities): string[] | undefined {
  const location = occurrence.location;
  if (!location) return undefined;
  const municipality = municipalities.get(location.municipalityId ?? '');
  const town = municipality && !location.address?.includes(municipality) ? municipality : undefined;
  return [location.name, location.address, town].filter((line): line is string => Boolean(line));
}

function municipalityNames(db: Kysely<Database>, occurrences: readonly Occurrence[]): Promise<KnownMunicipalities> {
  return knownMunicipalities(db, [
    ...new Set(occurrences.map((item) => item.location?.municipalityId).filter((id): id is string => Boolean(id))),
  ]);
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const notFound = (what: string) => new ProblemError('not-found', `There is no ${what}.`);

/** The published event, or a 404 as the public API answers for a draft. */
async function publishedEvent(db: Kysely<Database>, eventId: string): Promise<EventRow> {
  const row = isUuid(eventId) ? await findEvent(db, eventId) : undefined;
  if (!row?.published) throw notFound(`event "${eventId}"`);
  return row;
}

/** The day after `day` (`YYYY-MM-DD`). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function singleQueryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidQuery([fieldError(`/${name}`, 'not-repeatable', 'may be given once')]);
  return value;
}

async function eventNotice(
  db: Kysely<Database>,
  options: PrintOptions,
  request: FastifyRequest<{ Params: { eventId: string } }>,
  reply: FastifyReply,
) {
  const lang = printLanguage(request);
  const words = labels[lang];
  const row = await publishedEvent(db, request.params.eventId);
  const date = singleQueryValue(request, 'date');
  if (date !== undefined && !DAY.test(date)) {
    throw invalidQuery(
      [fieldError('/date', 'not-a-date', 'must be a date (YYYY-MM-DD)')],
      `"date" must be a date (YYYY-MM-DD), not "${date}".`,
    );
  }
  const recurs = row.rrule !== null || row.rdates.length > 0;
  // One date: the asked one; otherwise the coming ones (the whole event when it does not recur).
  const range: Range = date ? parseRange(date, nextDay(date)) : parseRange(formatLocal(today()), undefined);
  const expanded = expandEvent(row, range);
  const occurrences = toOccurrences(row, recurs && !date ? expanded.slice(0, UPCOMING_DATES) : expanded.slice(0, 1));
  if (date && occurrences.length === 0) throw notFound(`date ${date} of the event "${row.id}"`);
  // A single event that is over still prints as it was.
  const shown = occurrences[0] ?? toOccurrences(row, expandEvent(row, parseRange(row.start_local.slice(0, 10), undefined)).slice(0, 1))[0];
  if (!shown) throw notFound(`date of the event "${row.id}"`);
  const municipalities = await municipalityNames(db, [shown]);
  const listDates = recurs && !date;

  const body = html`${shown.status === 'cancelled' ? html`<p class="cancelled">${words.cancelled}</p>` : ''}
<dl class="facts">
${fact(words.when, listDates ? undefined : whenOnNotice(shown, lang))}
${fact(words.repeats, recurs ? shown.recurrence?.summary[lang] : undefined)}
${fact(
  words.where,
  placeLines(shown, municipalities)?.map((line, index) => html`${index > 0 ? html`<br>` : ''}${line}`),
)}
${fact(words.price, price(shown, lang))}
${fact(words.accessibility, shown.accessibility ?? undefined)}
</dl>
${paragraphs(listDates ? row.description : shown.description)}
${
  listDates && occurrences.length > 0
    ? html`<h2>${words.upcoming}</h2>
<ul class="dates">${occurrences.map((item) => html`<li>${when(item, lang)}${item.status === 'cancelled' ? html` – <strong>${words.cancelledDate}</strong>` : ''}</li>`)}</ul>`
    : ''
}`;

  return sendPrintPage(reply, {
    lang,
    title: listDates ? row.title : shown.title,
    organization: row.organizer_name,
    body,
    link: await shortUrl(db, options.publicUrl, 'event', row.id, date),
  });
}

interface ProgrammeOwner {
  name: string;
  filters: EventFilters;
  /** The calendar page's parameters that show the same events. */
  calendar: Record<string, string>;
}

/** Whose programme: an approved organization (UUID or slug) or a municipality (id or official key). */
async function programmeOwner(db: Kysely<Database>, request: FastifyRequest): Promise<ProgrammeOwner> {
  const organization = singleQueryValue(request, 'organization');
  const municipality = singleQueryValue(request, 'municipality');
  if ((organization === undefined) === (municipality === undefined)) {
    throw invalidQuery(
      [fieldError('', 'organization-or-municipality', 'needs either organization or municipality')],
      'Give either "organization" or "municipality".',
    );
  }
  if (organization !== undefined) {
    const params = { organizationId: organization };
    await resolveOwner(db, params);
    const found = await findOrganization(db, params.organizationId);
    if (!found) throw notFound(`organization "${organization}"`);
    return { name: found.name, filters: { organization: [found.id] }, calendar: { organization: found.slug } };
  }
  const found = await findMunicipality(db, municipality!);
  if (!found) throw notFound(`municipality "${municipality}"`);
  return { name: found.name, filters: { municipality: [found.id] }, calendar: { municipality: found.id } };
}

async function monthProgramme(db: Kysely<Database>, options: PrintOptions, request: FastifyRequest, reply: FastifyReply) {
  const lang = printLanguage(request);
  const words = labels[lang];
  const month = singleQueryValue(request, 'month');
  const match = MONTH.exec(month ?? '');
  if (!match) {
    throw invalidQuery(
      [fieldError('/month', month === undefined ? 'required' : 'not-a-month', 'must be a month (YYYY-MM)')],
      `"month" must be a month (YYYY-MM)${month === undefined ? '' : `, not "${month}"`}.`,
    );
  }
  const owner = await programmeOwner(db, request);
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  const found = await findOccurrences(db, owner.filters, parseRange(`${month}-01`, `${next}-01`));
  const occurrences = found.flatMap(({ row, occurrence }) => toOccurrences(row, [occurrence]));
  const municipalities = await municipalityNames(db, occurrences);
  const monthName = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayInstant(`${month}-01`));
  const byOrganization = owner.filters.organization !== undefined;

  const items = occurrences.map(
    (item) => html`<li class="item programme-entry">
<p class="when">${whenInProgramme(item, lang)}${item.status === 'cancelled' ? html`<br><strong>${words.cancelled}</strong>` : ''}</p>
<div>
<h3>${item.title}</h3>
<dl class="facts-inline">
${fact(words.where, placeLines(item, municipalities)?.join(', '))}
${fact(words.repeats, item.recurrence?.summary[lang])}
${fact(words.price, price(item, lang))}
${fact(words.accessibility, item.accessibility ?? undefined)}
${byOrganization ? undefined : fact(words.organizer, item.organizer.name)}
</dl>
</div>
</li>`,
  );
  return sendPrintPage(reply, {
    lang,
    title: words.programme(monthName),
    organization: owner.name,
    body: items.length > 0 ? html`<ul class="items">${items}</ul>` : html`<p>${words.empty}</p>`,
    // The calendar opens on a month by default: the address stays short enough to type.
    link: `${options.publicUrl}/w/event-calendar?${new URLSearchParams({ date: `${month}-01`, ...owner.calendar }).toString()}`,
  });
}

export function registerEventPrints(app: FastifyInstance, db: Kysely<Database>, options: PrintOptions): void {
  app.get('/print/events/:eventId', (request: FastifyRequest<{ Params: { eventId: string } }>, reply) =>
    eventNotice(db, options, request, reply),
  );
  app.get('/print/events', (request, reply) => monthProgramme(db, options, request, reply));
}

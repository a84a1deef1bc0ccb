import type { Schemas } from '../../http/api.js';
import { sortKey } from '../../http/text.js';
import { municipalityIn } from '../../events/ics-import.js';
import type { KnownMunicipalities } from '../../orgs/lookups.js';
import { COST_OPTIONS, SCHEDULE_NOTES } from '../hsds/mapping.js';
import { FLAGS_TAXONOMY } from '../hsds/ids.js';
import { type HsdsAttribute, type HsdsLocation, type HsdsSchedule, type HsdsService, type HsdsTerm, text } from './dataset.js';
import { taxonomyName, topicOfTerm } from './topic-mapping.js';

/**
 * One HSDS service as the Hub's help offer (`HelpOfferInput`), before the Hub's own checks: the
 * import validates it exactly as a body sent to `createHelpOffer` (import.ts). What the Hub's own
 * HSDS export writes (opendata/hsds/mapping.ts: its schedule notes and cost options) reads back
 * as it was, so a round trip gives the same HSDS. What HSDS has no field for (audiences,
 * anonymous, barrier-free, crisis, walk-in, chat) the Hub's export leaves out, and an import
 * takes the defaults of a new offer.
 */

/** A term no topic was found for, as the report lists it. */
export interface UnmappedTerm {
  taxonomy: string;
  code: string;
  name: string;
}

export interface MappedService {
  /** The service's HSDS id as sent ('' when it has none). */
  id: string;
  name: string;
  /** Why the service is left out (it is not active). */
  skipped?: string;
  input: Schemas['HelpOfferInput'];
  unmappedTerms: UnmappedTerm[];
}

/** The objects of a list member (a dataset may hold anything where HSDS says objects). */
const list = <T>(value: T[] | null | undefined): T[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type Weekday = (typeof weekdays)[number];

/** `byday` as HSDS writes it (`MO,WE`), or as a list; unknown days are left for the schema to refuse. */
function days(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((day) => String(day).trim().toUpperCase()).filter((day) => day !== '');
}

/** HSDS times are `HH:MM` or `HH:MM:SS`; the Hub's are `HH:MM`, with `24:00` for the end of the day. */
function clock(value: unknown): string | undefined {
  const time = text(value);
  if (!time) return undefined;
  if (/^(23:59:59|24:00(:00)?)$/.test(time)) return '24:00';
  return /^\d{2}:\d{2}(:\d{2})?$/.test(time) ? time.slice(0, 5) : time;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Open around the clock: every day from 00:00 to the end of the day. */
function aroundTheClock(schedule: HsdsSchedule): boolean {
  const byDay = days(schedule.byday);
  const closes = clock(schedule.closes_at);
  return weekdays.every((day) => byDay.includes(day)) && clock(schedule.opens_at) === '00:00' && (closes === '24:00' || closes === '00:00');
}

/** A schedule for one day that differs from the weekly hours (no weekdays, valid on that day only). */
function exceptionDate(schedule: HsdsSchedule): string | undefined {
  const from = schedule.valid_from;
  return days(schedule.byday).length === 0 && isDate(from) && (text(schedule.valid_to) ?? from) === from ? from : undefined;
}

/**
 * The service's schedules as opening hours. A schedule repeated for each of its places counts
 * once; a schedule's description without times is the hours in words.
 */
function openingHours(schedules: HsdsSchedule[]): Schemas['OpeningHoursInput'] {
  const weekly = new Map<string, Schemas['HelpSchedule']>();
  const exceptions = new Map<string, Schemas['HelpScheduleException']>();
  const descriptions = new Set<string>();
  let alwaysOpen = false;
  let openOnPublicHolidays = false;
  for (const schedule of schedules) {
    const description = text(schedule.description);
    const byDay = days(schedule.byday);
    const opensAt = clock(schedule.opens_at);
    const closesAt = clock(schedule.closes_at);
    const date = exceptionDate(schedule);
    if (date) {
      // Open at these times that day, or closed without them.
      const exception = { date, opensAt: opensAt ?? null, closesAt: closesAt ?? null, description: description ?? null };
      exceptions.set(JSON.stringify(exception), exception);
      continue;
    }
    if (description) descriptions.add(description);
    if (text(schedule.notes) === SCHEDULE_NOTES.openOnHolidays) openOnPublicHolidays = true;
    if (aroundTheClock(schedule)) alwaysOpen = true;
    else if (byDay.length > 0 && opensAt && closesAt) {
      const period = { byDay: byDay as Weekday[], opensAt, closesAt };
      weekly.set(JSON.stringify(period), period);
    }
  }
  return {
    alwaysOpen,
    schedules: [...weekly.values()],
    openOnPublicHolidays,
    exceptions: [...exceptions.values()],
    description: descriptions.size > 0 ? [...descriptions].join('\n') : null,
  };
}

/**
 * "Marktplatz 1, 97204 Höchberg" from HSDS's address lines, postcode and city. Without a postcode
 * the lines are the whole address: the Hub's export writes an address it cannot split so.
 */
function addressText(location: HsdsLocation): string | null {
  const addresses = list(location.addresses);
  const address = addresses.find((entry) => text(entry.address_type) !== 'postal') ?? addresses[0];
  if (!address) return null;
  const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
  const postalCode = text(address.postal_code);
  const place = postalCode ? [postalCode, text(address.city)].filter(Boolean).join(' ') : undefined;
  return [street, place].filter(Boolean).join(', ') || null;
}

function coordinate(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The municipality of a place: its city, or a municipality's name in its address. */
function municipalityOf(location: HsdsLocation, address: string | null, municipalities: KnownMunicipalities): string | null {
  const city = list(location.addresses)
    .map((entry) => text(entry.city))
    .find(Boolean);
  if (city) {
    const folded = sortKey(city);
    for (const [id, name] of municipalities) if (sortKey(name) === folded) return id;
  }
  return address ? municipalityIn(address, municipalities, null) : null;
}

function location(place: HsdsLocation, municipalities: KnownMunicipalities): Schemas['HelpLocation'] {
  const address = addressText(place);
  const lat = coordinate(place.latitude);
  const lon = coordinate(place.longitude);
  return {
    name: text(place.name) ?? null,
    address,
    municipalityId: municipalityOf(place, address, municipalities),
    coordinates: lat !== undefined && lon !== undefined ? { lat, lon } : null,
  };
}

/** An attribute's term as nested, or as named by its id only. */
const termOf = (attribute: HsdsAttribute): HsdsTerm =>
  typeof attribute.taxonomy_term === 'object' && attribute.taxonomy_term !== null
    ? attribute.taxonomy_term
    : { id: attribute.taxonomy_term_id };

const costs = new Map(Object.entries(COST_OPTIONS).map(([cost, option]) => [option, cost as Schemas['HelpCost']]));

/** The cost: an option as the Hub's export names it, else free unless an option has an amount. */
function cost(service: HsdsService): Schemas['HelpCost'] {
  const options = list(service.cost_options);
  const named = options.map((option) => costs.get(text(option.option) ?? '')).find(Boolean);
  if (named) return named;
  return options.some((option) => (coordinate(option.amount) ?? 0) > 0) ? 'fee' : 'free';
}

/** Maps one service; the caller checks the result as the API checks a new offer. */
export function fromHsds(service: HsdsService, municipalities: KnownMunicipalities): MappedService {
  const id = typeof service.id === 'string' ? service.id : '';
  const name = text(service.name) ?? '';
  const topics: Schemas['HelpTopicId'][] = [];
  const unmappedTerms: UnmappedTerm[] = [];
  for (const term of list(service.attributes).map(termOf)) {
    const taxonomy = taxonomyName(term);
    // The Hub's flags (example data) belong to its organizations, not to an offer.
    if (taxonomy === FLAGS_TAXONOMY) continue;
    const topic = topicOfTerm(term);
    if (topic && !topics.includes(topic)) topics.push(topic);
    if (!topic) {
      const unnamed = text(term.taxonomy_id) ?? '(no taxonomy)';
      unmappedTerms.push({ taxonomy: taxonomy ?? unnamed, code: text(term.code) ?? '', name: text(term.name) ?? '' });
    }
  }
  const places = list(service.service_at_locations)
    .map((entry) => entry.location)
    .filter((place): place is HsdsLocation => typeof place === 'object' && place !== null && text(place.location_type) !== 'virtual');
  const locations = places.map((place) => location(place, municipalities));
  const schedules = [
    ...list(service.schedules),
    ...list(service.service_at_locations).flatMap((entry) => [...list(entry.schedules), ...list(entry.location?.schedules)]),
  ];
  const accessibility = [
    ...new Set(places.flatMap((place) => list(place.accessibility).map((entry) => text(entry.description) ?? text(entry.details)))),
  ].filter(Boolean);
  const languages = list(service.languages)
    .map((language) => text(language.code))
    .filter((code): code is string => Boolean(code));
  const input: Schemas['HelpOfferInput'] = {
    name,
    description: text(service.description) ?? '',
    topics,
    eligibilityDescription: text(service.eligibility_description) ?? null,
    languages: [...new Set(languages)],
    cost: cost(service),
    feesDescription: text(service.fees_description) ?? null,
    accessibility: accessibility.length > 0 ? accessibility.join('\n') : null,
    serviceArea: locations.some((place) => place.municipalityId) ? 'local' : 'region',
    url: text(service.url) ?? null,
    email: text(service.email) ?? null,
    phones: list(service.phones).flatMap((phone) => {
      const number = text(phone.number);
      return number ? [{ number, description: text(phone.description) ?? null }] : [];
    }),
    locations,
    openingHours: openingHours(schedules),
    assuredDate: text(service.assured_date) ?? null,
    published: true,
  };
  const status = text(service.status) ?? 'active';
  const skipped = status === 'active' ? undefined : `its status is "${status}", not "active"`;
  return { id, name, ...(skipped ? { skipped } : {}), input, unmappedTerms };
}

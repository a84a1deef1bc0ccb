import type { Schemas } from '../../http/api.js';
import { sortKey } from '../../http/text.js';
import { municipalityIn } from '../../events/ics-import.js';
import type { KnownMunicipalities } from '../../orgs/lookups.js';
import type { HsdsAttribute, HsdsLocation, HsdsSchedule, HsdsService, HsdsTerm } from './dataset.js';
import { HUB_TOPIC_TAXONOMY, taxonomyName, topicOfTerm } from './topic-mapping.js';

/**
 * One HSDS service as the Hub's help offer (`HelpOfferInput`), before the Hub's own checks: the
 * import validates it exactly as a body sent to `createHelpOffer` (import.ts).
 *
 * What HSDS has no field for, the Hub's export writes as terms of its taxonomy
 * `smart-region-flags` (anonymous, barrier-free, crisis, walk-in, audiences, service area,
 * public holidays, cost), and this reads them back, so that a round trip keeps them.
 */

export const HUB_FLAG_TAXONOMY = 'smart-region-flags';

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

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const list = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : []);

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
function openingHours(schedules: HsdsSchedule[], flags: Set<string>): Schemas['OpeningHoursInput'] {
  const weekly = new Map<string, Schemas['HelpSchedule']>();
  const exceptions = new Map<string, Schemas['HelpScheduleException']>();
  const descriptions = new Set<string>();
  let alwaysOpen = flags.has('always-open');
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
    if (aroundTheClock(schedule)) alwaysOpen = true;
    else if (byDay.length > 0 && opensAt && closesAt) {
      const period = { byDay: byDay as Weekday[], opensAt, closesAt };
      weekly.set(JSON.stringify(period), period);
    }
  }
  return {
    alwaysOpen,
    schedules: alwaysOpen ? [] : [...weekly.values()],
    openOnPublicHolidays: flags.has('open-on-public-holidays'),
    exceptions: [...exceptions.values()],
    description: descriptions.size > 0 ? [...descriptions].join('\n') : null,
  };
}

/** "Marktplatz 1, 97204 Höchberg" from HSDS's address lines, postcode and city. */
function addressText(location: HsdsLocation): string | null {
  const addresses = list(location.addresses);
  const address = addresses.find((entry) => text(entry.address_type) !== 'postal') ?? addresses[0];
  if (!address) return null;
  const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
  const place = [text(address.postal_code), text(address.city)].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || null;
}

function coordinate(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The municipality of a place: its identifier (the Hub's slug), its city, or a name in its address. */
function municipalityOf(location: HsdsLocation, address: string | null, municipalities: KnownMunicipalities): string | null {
  const identifier = text(location.external_identifier);
  if (identifier && municipalities.has(identifier)) return identifier;
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

const termOf = (attribute: HsdsAttribute): HsdsTerm => attribute.taxonomy_term ?? { id: attribute.taxonomy_term_id };

const audiences: readonly Schemas['HelpAudience'][] = ['children', 'youth', 'adults', 'seniors', 'families', 'relatives', 'women', 'men'];
const serviceAreas: readonly Schemas['HelpServiceArea'][] = ['local', 'region', 'nationwide'];
const costs: readonly Schemas['HelpCost'][] = ['free', 'low', 'fee'];

/** A flag with a value (`audience:women`, `service-area:region`) among the service's flags. */
function valued<T extends string>(flags: Set<string>, name: string, values: readonly T[]): T[] {
  return values.filter((value) => flags.has(`${name}:${value}`));
}

function cost(service: HsdsService, flags: Set<string>): Schemas['HelpCost'] {
  const [flagged] = valued(flags, 'cost', costs);
  if (flagged) return flagged;
  const amounts = list(service.cost_options)
    .map((option) => coordinate(option.amount))
    .filter((amount) => amount !== undefined);
  return amounts.some((amount) => amount > 0) ? 'fee' : 'free';
}

/** Maps one service; the caller checks the result as the API checks a new offer. */
export function fromHsds(service: HsdsService, municipalities: KnownMunicipalities): MappedService {
  const id = typeof service.id === 'string' ? service.id : '';
  const name = text(service.name) ?? '';
  const flags = new Set<string>();
  const topics: Schemas['HelpTopicId'][] = [];
  const unmappedTerms: UnmappedTerm[] = [];
  for (const term of list(service.attributes).map(termOf)) {
    const taxonomy = taxonomyName(term);
    const code = text(term.code) ?? '';
    if (taxonomy === HUB_FLAG_TAXONOMY) {
      flags.add(code);
      continue;
    }
    const topic = topicOfTerm(term);
    if (topic && !topics.includes(topic)) topics.push(topic);
    if (!topic)
      unmappedTerms.push({ taxonomy: taxonomy ?? (text(term.taxonomy_id) || HUB_TOPIC_TAXONOMY), code, name: text(term.name) ?? '' });
  }
  const places = list(service.service_at_locations)
    .map((entry) => entry.location)
    .filter((place): place is HsdsLocation => Boolean(place) && text(place!.location_type) !== 'virtual');
  const locations = places.map((place) => location(place, municipalities));
  const schedules = [
    ...list(service.schedules),
    ...list(service.service_at_locations).flatMap((entry) => [...list(entry.schedules), ...list(entry.location?.schedules)]),
  ];
  const accessibility = [
    ...new Set(places.flatMap((place) => list(place.accessibility).map((entry) => text(entry.description) ?? text(entry.details)))),
  ].filter(Boolean);
  const [area] = valued(flags, 'service-area', serviceAreas);
  const input: Schemas['HelpOfferInput'] = {
    name,
    description: text(service.description) ?? '',
    topics,
    audiences: valued(flags, 'audience', audiences),
    eligibilityDescription: text(service.eligibility_description) ?? null,
    languages: [
      ...new Set(
        list(service.languages)
          .map((language) => text(language.code))
          .filter((code): code is string => Boolean(code)),
      ),
    ],
    cost: cost(service, flags),
    feesDescription: text(service.fees_description) ?? null,
    anonymous: flags.has('anonymous'),
    barrierFree: flags.has('barrier-free'),
    accessibility: accessibility.length > 0 ? accessibility.join('\n') : null,
    crisis: flags.has('crisis'),
    serviceArea: area ?? (locations.some((place) => place.municipalityId) ? 'local' : 'region'),
    url: text(service.url) ?? null,
    email: text(service.email) ?? null,
    phones: list(service.phones).flatMap((phone) => {
      const number = text(phone.number);
      return number ? [{ number, description: text(phone.description) ?? null }] : [];
    }),
    chatUrl: null,
    walkIn: flags.has('walk-in'),
    locations,
    openingHours: openingHours(schedules, flags),
    assuredDate: text(service.assured_date) ?? null,
    published: true,
  };
  if (input.languages!.length === 0) delete input.languages;
  const status = text(service.status) ?? 'active';
  const skipped = status === 'active' ? undefined : `its status is "${status}", not "active"`;
  return { id, name, ...(skipped ? { skipped } : {}), input, unmappedTerms };
}

import type { Schemas } from '../http/api.js';

/*
 * Occurrences as schema.org `Event` items, for search engines and open-data reusers: the one
 * mapping, served at `GET /events.jsonld` and written into pages by the calendar widget's `seo`
 * output. It follows Google's Event structured data: `name`, `startDate` and `location` always,
 * `eventStatus`, `organizer`, `offers` where the Hub knows them, never a null or empty member.
 */

type Occurrence = Schemas['EventOccurrence'];

const schema = 'https://schema.org/';

/** What the mapping knows beyond an occurrence: names of places and what organizers publish of themselves. */
export interface SchemaOrgContext {
  /** The region's municipalities' names by id. */
  municipalities: ReadonlyMap<string, string>;
  /** Each organizer's website and home municipality, by organization id. */
  organizers: ReadonlyMap<string, { website: string | null; municipalityId: string | null }>;
}

const isWebAddress = (text: string | null | undefined): text is string => !!text && /^https?:\/\//i.test(text);

/**
 * "Kirchplatz 2, 97236 Randersacker" as a PostalAddress; text that does not end in a German
 * postcode and place stays whole, and the place's municipality names the locality then.
 */
function postalAddress(text: string | null | undefined, municipality: string | undefined) {
  const match = text ? /^(.*?),?\s*(\d{5})\s+([^,]+)$/.exec(text.trim()) : null;
  const parts = match
    ? { streetAddress: match[1] || undefined, postalCode: match[2], addressLocality: match[3] }
    : { streetAddress: text?.trim() || undefined, addressLocality: municipality };
  return { '@type': 'PostalAddress', ...parts, addressCountry: 'DE' };
}

/**
 * Where it takes place. Google requires a location, and every event in the Hub happens in the
 * region, in person: an event without a place is placed in its organizer's municipality (a
 * locality, no street, no coordinates, so nothing more precise than the Hub knows). Not a
 * `VirtualLocation`: that would claim an online event with an address to join it, which the Hub
 * never has. An organizer without a municipality leaves the location out rather than guess.
 */
function location(item: Occurrence, context: SchemaOrgContext) {
  const place = item.location;
  if (place) {
    const { coordinates } = place;
    return {
      '@type': 'Place',
      name: place.name,
      address: postalAddress(place.address, context.municipalities.get(place.municipalityId ?? '')),
      geo: coordinates ? { '@type': 'GeoCoordinates', latitude: coordinates.lat, longitude: coordinates.lon } : undefined,
    };
  }
  const home = context.municipalities.get(context.organizers.get(item.organizer.organizationId)?.municipalityId ?? '');
  return home ? { '@type': 'Place', name: home, address: postalAddress(null, home) } : undefined;
}

/** The Offer: a stated price as its description (it is free text), or free admission at 0 €. */
function offer({ isFree, price }: Occurrence, url: string | undefined) {
  if (price) return { '@type': 'Offer', description: price, url };
  return isFree ? { '@type': 'Offer', price: 0, priceCurrency: 'EUR', url } : undefined;
}

/**
 * Cancelled, moved to another time (an occurrence of a series whose start is not its original
 * one: `previousStartDate` names that, in the event's wall-clock time), or as planned.
 */
function status(item: Occurrence) {
  if (item.status === 'cancelled') return { eventStatus: `${schema}EventCancelled` };
  const moved = item.recurrenceId !== null && !item.start.startsWith(item.recurrenceId);
  return moved
    ? { eventStatus: `${schema}EventRescheduled`, previousStartDate: item.recurrenceId }
    : { eventStatus: `${schema}EventScheduled` };
}

/** Members without a value left out, at every depth: JSON-LD has no use for nulls. */
function withoutEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmpty) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, member]) => member !== undefined && member !== null);
  return Object.fromEntries(entries.map(([key, member]) => [key, withoutEmpty(member)])) as T;
}

/**
 * One `Event`: times as the Hub sends them (with the offset in force, or dates for all-day
 * events), status, place, organizer with its website, admission, and the event's own link as
 * `url` when it has one (the calendar widget puts its page there otherwise).
 */
export function schemaOrgEvent(item: Occurrence, context: SchemaOrgContext): Record<string, unknown> {
  const url = isWebAddress(item.link) ? item.link : undefined;
  const website = context.organizers.get(item.organizer.organizationId)?.website;
  return withoutEmpty({
    '@type': 'Event',
    name: item.title,
    description: item.description || undefined,
    startDate: item.start,
    endDate: item.end,
    ...status(item),
    eventAttendanceMode: `${schema}OfflineEventAttendanceMode`,
    location: location(item, context),
    organizer: { '@type': 'Organization', name: item.organizer.name, url: isWebAddress(website) ? website : undefined },
    isAccessibleForFree: item.isFree,
    offers: offer(item, url),
    url,
  });
}

/** The occurrences as one JSON-LD document: `{ "@context": "https://schema.org", "@graph": [...] }`. */
export function schemaOrgEventGraph(items: readonly Occurrence[], context: SchemaOrgContext): Schemas['SchemaOrgEventGraph'] {
  return {
    '@context': 'https://schema.org',
    '@graph': items.map((item) => schemaOrgEvent(item, context)) as Schemas['SchemaOrgEventGraph']['@graph'],
  };
}

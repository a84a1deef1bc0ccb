import type { Schemas } from '../../http/api.js';
import { helpTopics, type HelpTopicId } from '../../help/topics.js';
import {
  EXAMPLE_DATA_CODE,
  EXAMPLE_DATA_TERM_ID,
  FLAGS_TAXONOMY,
  HELP_TOPICS_TAXONOMY,
  partId,
  taxonomyId,
  topicTermId,
  type HsdsTaxonomyName,
} from './ids.js';

/*
 * The Hub's public data as HSDS 3.0 objects: one function per object, from the shapes the Hub's
 * own API answers (`HelpOffer`, `Organization`). The HSDS import reads these objects back, so what
 * each function writes where is documented and kept stable: notes and option names below are the
 * exact texts an import can recognise. Absent values are left out (HSDS types are not nullable).
 */

/** An HSDS object: its id and its fields. */
export type HsdsObject = { id: string } & Record<string, unknown>;

export interface MappingContext {
  /** Where people reach the Hub (`PUBLIC_URL`), for `uri` members. */
  publicUrl: string;
  /** Municipality names by id: the city of an address the Hub could not split. */
  municipalityNames: ReadonlyMap<string, string>;
}

/** Leaves out members that are null or undefined. */
function present(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

function hsds(object: HsdsObject): HsdsObject {
  return present(object) as HsdsObject;
}

/* Taxonomies and terms */

const taxonomyDescriptions: Record<HsdsTaxonomyName, string> = {
  [HELP_TOPICS_TAXONOMY]:
    'Hilfethemen des Smart-Region-Hubs in zwei Ebenen (der Code eines Begriffs ist die Themen-ID des Hubs) – help topics of the Smart Region Hub.',
  [FLAGS_TAXONOMY]: 'Kennzeichen der Daten des Smart-Region-Hubs, z. B. Beispieldaten – flags on the Smart Region Hub’s data.',
};

export function hsdsTaxonomy(taxonomy: HsdsTaxonomyName, publicUrl: string): HsdsObject {
  return hsds({
    id: taxonomyId(taxonomy),
    name: taxonomy,
    description: taxonomyDescriptions[taxonomy],
    uri: taxonomy === HELP_TOPICS_TAXONOMY ? `${publicUrl}/help-topics` : undefined,
  });
}

/** Both of the Hub's taxonomies, topics first. */
export function hsdsTaxonomies(publicUrl: string): HsdsObject[] {
  return [hsdsTaxonomy(HELP_TOPICS_TAXONOMY, publicUrl), hsdsTaxonomy(FLAGS_TAXONOMY, publicUrl)];
}

/** A help topic as a term: `code` the topic id, `name` its German name, `parent_id` its parent topic's term. */
export function hsdsTopicTerm(topic: Schemas['HelpTopic']): HsdsObject {
  return hsds({
    id: topicTermId(topic.id),
    code: topic.id,
    name: topic.name.de,
    description: `Hilfethema „${topic.name.de}“ (English: ${topic.name.en})`,
    parent_id: topic.parentId ? topicTermId(topic.parentId) : undefined,
    taxonomy: HELP_TOPICS_TAXONOMY,
    taxonomy_id: taxonomyId(HELP_TOPICS_TAXONOMY),
    language: 'de',
  });
}

/** The flag on example data (invented entries of example organizations, "Beispieldaten"). */
export const exampleDataTerm: HsdsObject = {
  id: EXAMPLE_DATA_TERM_ID,
  code: EXAMPLE_DATA_CODE,
  name: 'Beispieldaten',
  description: 'Erfundene Beispieldaten zur Vorführung, kein echtes Angebot – example data, not a real entry.',
  taxonomy: FLAGS_TAXONOMY,
  taxonomy_id: taxonomyId(FLAGS_TAXONOMY),
  language: 'de',
};

/** Every term: the help topics (parents before their children), then the flag. */
export function hsdsTaxonomyTerms(): HsdsObject[] {
  return [...helpTopics.map(hsdsTopicTerm), exampleDataTerm];
}

const topicsById = new Map(helpTopics.map((topic) => [topic.id, topic]));

/** An attribute linking a service or organization to a term. */
function hsdsAttribute(owner: { id: string; entity: 'service' | 'organization' }, position: number, term: HsdsObject): HsdsObject {
  return {
    id: partId(owner.id, 'attribute', position),
    link_id: owner.id,
    link_entity: owner.entity,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  };
}

/** The terms of an entry: its topics, then the example flag. */
function attributes(owner: { id: string; entity: 'service' | 'organization' }, topics: readonly HelpTopicId[], isExample: boolean) {
  const terms = topics.map((topic) => hsdsTopicTerm(topicsById.get(topic)!));
  if (isExample) terms.push(exampleDataTerm);
  return terms.length > 0 ? terms.map((term, position) => hsdsAttribute(owner, position, term)) : undefined;
}

/* Organizations */

/**
 * An approved organization: its published contact fields only (name, description, e-mail,
 * website, phone), `uri` its entry in the Hub's API, the example flag as an attribute. `services`
 * (id, name, status) where given: its published offers.
 */
export function hsdsOrganization(
  organization: Schemas['Organization'],
  context: Pick<MappingContext, 'publicUrl'>,
  services?: readonly { id: string; name: string }[],
): HsdsObject {
  const owner = { id: organization.id, entity: 'organization' } as const;
  return hsds({
    id: organization.id,
    name: organization.name,
    // Required by HSDS; an organization without one has an empty one.
    description: organization.description ?? '',
    email: organization.email,
    website: organization.website,
    uri: `${context.publicUrl}/organizations/${organization.id}`,
    phones: organization.phone
      ? [{ id: partId(organization.id, 'phone', 0), organization_id: organization.id, number: organization.phone }]
      : undefined,
    attributes: attributes(owner, [], organization.isExample),
    services: services?.map((service) => ({ id: service.id, name: service.name, status: 'active', organization_id: organization.id })),
  });
}

/* Schedules */

/**
 * The `notes` of the schedules, which say what HSDS has no field for. Times are the region's wall
 * clock (Europe/Berlin) in `HH:MM`, without an offset: a fixed offset would be wrong for half of
 * the year (HSDS's `timezone` is a number of hours).
 */
export const SCHEDULE_NOTES = {
  /** A weekly period of an offer closed on Bavarian public holidays (the Hub's default). */
  closedOnHolidays: 'Ortszeit Europe/Berlin. An gesetzlichen Feiertagen in Bayern geschlossen.',
  /** A weekly period of an offer also open on public holidays. */
  openOnHolidays: 'Ortszeit Europe/Berlin. Auch an gesetzlichen Feiertagen geöffnet.',
  /** Open around the clock (`alwaysOpen`): every day 00:00–24:00. */
  alwaysOpen: 'Rund um die Uhr erreichbar, auch an Feiertagen.',
  /** A day with other hours than the weekly ones (`valid_from` = `valid_to` = the day). */
  otherHours: 'Ortszeit Europe/Berlin. An diesem Tag gelten nur diese Zeiten.',
  /** A day closed (an exception without times). */
  closedDay: 'An diesem Tag geschlossen.',
} as const;

const everyDay = 'MO,TU,WE,TH,FR,SA,SU';

/**
 * The opening hours as HSDS schedules, in this order: around the clock (one weekly schedule of
 * every day 00:00–24:00), each weekly period (`freq` WEEKLY, `byday`, `opens_at`, `closes_at`; a
 * `closes_at` at or before `opens_at` is on the next day), each exception (a one-day schedule:
 * `valid_from` = `valid_to` = `dtstart` = the day, times when open). The free-text description is
 * the `description` of the around-the-clock and weekly schedules, or of a schedule of its own
 * when there are none.
 */
export function hsdsSchedules(offer: Pick<Schemas['HelpOffer'], 'id' | 'openingHours'>): HsdsObject[] | undefined {
  const hours = offer.openingHours;
  const description = hours.description ?? undefined;
  const recurring: Record<string, unknown>[] = [];
  if (hours.alwaysOpen) {
    recurring.push({
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: everyDay,
      opens_at: '00:00',
      closes_at: '24:00',
      description,
      notes: SCHEDULE_NOTES.alwaysOpen,
    });
  }
  for (const schedule of hours.schedules) {
    recurring.push({
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: schedule.byDay.join(','),
      opens_at: schedule.opensAt,
      closes_at: schedule.closesAt,
      description,
      notes: hours.openOnPublicHolidays ? SCHEDULE_NOTES.openOnHolidays : SCHEDULE_NOTES.closedOnHolidays,
    });
  }
  const days = hours.exceptions.map((exception) => ({
    valid_from: exception.date,
    valid_to: exception.date,
    dtstart: exception.date,
    opens_at: exception.opensAt,
    closes_at: exception.closesAt,
    description: exception.description,
    notes: exception.opensAt ? SCHEDULE_NOTES.otherHours : SCHEDULE_NOTES.closedDay,
  }));
  const own = recurring.length === 0 && description ? [{ description }] : [];
  const schedules = [...recurring, ...own, ...days];
  if (schedules.length === 0) return undefined;
  return schedules.map((schedule, position) => hsds({ id: partId(offer.id, 'schedule', position), service_id: offer.id, ...schedule }));
}

/* Locations */

/** The state of the region's municipalities (whose public holidays the Hub knows). */
const STATE = 'Bayern';

/** "Domstraße 10, 97070 Würzburg" → street, postcode and place, as the contract asks addresses to be written. */
const germanAddress = /^(?<street>.+),\s*(?<postalCode>\d{5})\s+(?<city>[^,]+)$/;

function hsdsAddress(id: string, locationId: string, location: Schemas['HelpLocation'], context: MappingContext): HsdsObject | undefined {
  if (!location.address) return undefined;
  const parts = germanAddress.exec(location.address)?.groups;
  return {
    id,
    location_id: locationId,
    address_1: parts?.['street'] ?? location.address,
    city: parts?.['city'] ?? (location.municipalityId ? context.municipalityNames.get(location.municipalityId) : undefined) ?? '',
    state_province: STATE,
    postal_code: parts?.['postalCode'] ?? '',
    country: 'DE',
    address_type: 'physical',
  };
}

/**
 * The `position`th place of an offer as a `service_at_location` with its physical `location`
 * (name, coordinates, address). Without `service`: `hsdsServiceAtLocation` adds it.
 */
export function hsdsPlace(offer: Pick<Schemas['HelpOffer'], 'id' | 'locations'>, position: number, context: MappingContext): HsdsObject {
  const place = offer.locations[position]!;
  const locationId = partId(offer.id, 'location', position);
  const address = hsdsAddress(partId(offer.id, 'address', position), locationId, place, context);
  return {
    id: partId(offer.id, 'service_at_location', position),
    service_id: offer.id,
    location_id: locationId,
    location: hsds({
      id: locationId,
      location_type: 'physical',
      name: place.name,
      latitude: place.coordinates?.lat,
      longitude: place.coordinates?.lon,
      addresses: address ? [address] : undefined,
    }),
  };
}

/* Services */

/** The `option` of an offer's cost option, by its `cost`. */
export const COST_OPTIONS: Record<Schemas['HelpCost'], string> = {
  free: 'kostenlos',
  low: 'geringer Eigenanteil',
  fee: 'kostenpflichtig',
};

const languageNames = new Intl.DisplayNames(['de'], { type: 'language', fallback: 'code' });

/**
 * A published offer as an HSDS `service`, fully nested: its organization, phones, schedules,
 * places (`service_at_locations`), languages (BCP 47 `code`, German `name`), one cost option
 * (`option` from `COST_OPTIONS`; amount 0 when free, the fees text otherwise), and as attributes its
 * topics (terms of `smart-region-help-topics`) and, for example data, the `example-data` flag.
 */
export function hsdsService(offer: Schemas['HelpOffer'], organization: Schemas['Organization'], context: MappingContext): HsdsObject {
  const { id } = offer;
  return hsds({
    id,
    organization_id: offer.organization.id,
    name: offer.name,
    description: offer.description,
    url: offer.url,
    email: offer.email,
    status: 'active',
    fees_description: offer.feesDescription,
    eligibility_description: offer.eligibilityDescription,
    assured_date: offer.assuredDate,
    last_modified: offer.updatedAt,
    organization: hsdsOrganization(organization, context),
    phones: nonEmpty(
      offer.phones.map((phone, position) =>
        hsds({ id: partId(id, 'phone', position), service_id: id, number: phone.number, description: phone.description }),
      ),
    ),
    schedules: hsdsSchedules(offer),
    service_at_locations: nonEmpty(offer.locations.map((_, position) => hsdsPlace(offer, position, context))),
    languages: nonEmpty(
      offer.languages.map((code, position) => ({
        id: partId(id, 'language', position),
        service_id: id,
        code,
        name: languageNames.of(code),
      })),
    ),
    cost_options: [
      hsds({
        id: partId(id, 'cost_option', 0),
        service_id: id,
        option: COST_OPTIONS[offer.cost],
        currency: 'EUR',
        amount: offer.cost === 'free' ? 0 : undefined,
        amount_description: offer.cost === 'free' ? undefined : offer.feesDescription,
      }),
    ],
    attributes: attributes({ id, entity: 'service' }, offer.topics, offer.isExample),
  });
}

/** The `position`th place of an offer with its whole service (without the service's own places, which would repeat it). */
export function hsdsServiceAtLocation(
  offer: Schemas['HelpOffer'],
  position: number,
  organization: Schemas['Organization'],
  context: MappingContext,
): HsdsObject {
  const { service_at_locations: _places, ...service } = hsdsService(offer, organization, context);
  return { ...hsdsPlace(offer, position, context), service };
}

function nonEmpty<Item>(items: Item[]): Item[] | undefined {
  return items.length > 0 ? items : undefined;
}

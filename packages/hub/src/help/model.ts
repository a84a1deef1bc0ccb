import type { Insertable } from 'kysely';
import type { HelpOfferLocationTable, HelpOfferTable } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { fieldError, type FieldError } from '../http/problems.js';
import { unknownMunicipality, type KnownMunicipalities } from '../orgs/lookups.js';
import { sortKey } from '../http/text.js';
import { checkOpeningHours, fromHoursRows, toHoursRows, type HoursRow } from './opening-hours.js';
import { topicClosure, topicNames, type HelpTopicId } from './topics.js';

/** Everything an organization writes about an offer, defaults filled in. */
export type OfferData = Required<Omit<Schemas['HelpOfferInput'], 'openingHours'>> & {
  openingHours: Required<Schemas['OpeningHoursInput']>;
};

/** Written into the search text, so "Senioren" or "Angehörige" find offers for them. */
const audienceWords: Record<Schemas['HelpAudience'], string> = {
  children: 'Kinder',
  youth: 'Jugendliche junge Menschen',
  adults: 'Erwachsene',
  seniors: 'Senioren Seniorinnen ältere Menschen',
  families: 'Familien Eltern',
  relatives: 'Angehörige',
  women: 'Frauen',
  men: 'Männer',
};

export function completeInput(input: Schemas['HelpOfferInput']): OfferData {
  const hours = input.openingHours ?? {};
  return {
    name: input.name,
    description: input.description,
    easyReadSummary: input.easyReadSummary ?? null,
    topics: input.topics,
    audiences: input.audiences ?? [],
    eligibilityDescription: input.eligibilityDescription ?? null,
    languages: input.languages ?? ['de'],
    cost: input.cost ?? 'free',
    feesDescription: input.feesDescription ?? null,
    anonymous: input.anonymous ?? false,
    barrierFree: input.barrierFree ?? false,
    accessibility: input.accessibility ?? null,
    crisis: input.crisis ?? false,
    serviceArea: input.serviceArea,
    url: input.url ?? null,
    email: input.email ?? null,
    phones: (input.phones ?? []).map((phone) => ({ number: phone.number, description: phone.description ?? null })),
    chatUrl: input.chatUrl ?? null,
    walkIn: input.walkIn ?? false,
    locations: input.locations ?? [],
    openingHours: {
      alwaysOpen: hours.alwaysOpen ?? false,
      schedules: hours.schedules ?? [],
      openOnPublicHolidays: hours.openOnPublicHolidays ?? false,
      exceptions: hours.exceptions ?? [],
      description: hours.description ?? null,
    },
    assuredDate: input.assuredDate ?? null,
    published: input.published ?? true,
  };
}

/** The written fields of a stored offer, so a patch can be applied and checked like a new offer. */
export function dataFromOffer(offer: Schemas['HelpOffer']): OfferData {
  const { id, organization, openNow, hoursToday, isExample, createdAt, updatedAt, ...data } = offer;
  return { ...data, easyReadSummary: data.easyReadSummary ?? null };
}

/** Canonical BCP 47 tags (`DE-de` → `de-DE`), or the index of the first invalid one. */
function canonicalLanguages(languages: string[]): string[] | number {
  const canonical: string[] = [];
  for (const [index, tag] of languages.entries()) {
    try {
      canonical.push(Intl.getCanonicalLocales(tag)[0]!);
    } catch {
      return index;
    }
  }
  return [...new Set(canonical)];
}

/**
 * What the contract's schema cannot say: known municipalities, a place for local offers, crisis
 * services open around the clock, sensible hours, valid language tags. Pointers relative to the body.
 */
export function checkOffer(data: OfferData, municipalities: KnownMunicipalities): { data: OfferData; errors: FieldError[] } {
  const errors: FieldError[] = [];
  data.locations.forEach((location, index) => {
    if (location.municipalityId && !municipalities.has(location.municipalityId)) {
      errors.push(unknownMunicipality(`/locations/${index}/municipalityId`, location.municipalityId));
    }
  });
  if (data.serviceArea === 'local' && !data.locations.some((location) => location.municipalityId)) {
    errors.push(fieldError('/serviceArea', 'local-without-municipality', 'local offers need a place with a municipalityId'));
  }
  if (data.crisis && !data.openingHours.alwaysOpen) {
    errors.push(fieldError('/crisis', 'crisis-not-always-open', 'crisis services must be open around the clock (openingHours.alwaysOpen)'));
  }
  for (const error of checkOpeningHours(data.openingHours)) {
    errors.push({ ...error, pointer: `/openingHours${error.pointer}` });
  }
  const languages = canonicalLanguages(data.languages);
  if (typeof languages === 'number') {
    errors.push(fieldError(`/languages/${languages}`, 'invalid-language-tag', 'is not a valid BCP 47 language tag'));
    return { data, errors };
  }
  return { data: { ...data, languages }, errors };
}

export interface OfferWrite {
  columns: Omit<Insertable<HelpOfferTable>, 'organization_id'>;
  locations: Omit<HelpOfferLocationTable, 'offer_id'>[];
  hours: HoursRow[];
  /** All text of the offer, for the search vocabulary. */
  text: string;
}

/** The names of an offer's topics and audiences and of its organization, searched with weight B. */
export function searchLabels(
  topics: readonly HelpTopicId[],
  audiences: readonly Schemas['HelpAudience'][],
  organizationName: string,
): string {
  return [...topicNames(topicClosure(topics)), ...audiences.map((audience) => audienceWords[audience]), organizationName].join('\n');
}

export function toWrite(data: OfferData, context: { organizationName: string; municipalityNames: KnownMunicipalities }): OfferWrite {
  const labels = searchLabels(data.topics, data.audiences, context.organizationName);
  const details = [
    ...data.locations.flatMap((location) => [
      location.name,
      location.address,
      location.municipalityId ? context.municipalityNames.get(location.municipalityId) : null,
    ]),
    data.eligibilityDescription,
    data.feesDescription,
    data.accessibility,
  ]
    .filter((text): text is string => Boolean(text))
    .join('\n');
  const hours = data.openingHours;
  return {
    columns: {
      name: data.name,
      sort_name: sortKey(data.name),
      description: data.description,
      easy_read_summary: data.easyReadSummary,
      topics: data.topics,
      topic_closure: topicClosure(data.topics),
      audiences: data.audiences,
      eligibility_description: data.eligibilityDescription,
      languages: data.languages,
      cost: data.cost,
      fees_description: data.feesDescription,
      anonymous: data.anonymous,
      barrier_free: data.barrierFree,
      accessibility: data.accessibility,
      crisis: data.crisis,
      service_area: data.serviceArea,
      url: data.url,
      email: data.email,
      phones: JSON.stringify(data.phones),
      chat_url: data.chatUrl,
      walk_in: data.walkIn,
      always_open: hours.alwaysOpen,
      open_on_public_holidays: hours.openOnPublicHolidays,
      hours_description: hours.description,
      assured_date: data.assuredDate,
      published: data.published,
      search_labels: labels,
      search_details: details,
    },
    locations: data.locations.map((location, position) => ({
      position,
      name: location.name ?? null,
      address: location.address ?? null,
      municipality_id: location.municipalityId ?? null,
      lat: location.coordinates?.lat ?? null,
      lon: location.coordinates?.lon ?? null,
    })),
    hours: toHoursRows(hours),
    text: [data.name, data.description, labels, details].join('\n'),
  };
}

/** An offer as read with its organization, places, hours and today's state (see `selectOffers`). */
export interface OfferRow {
  id: string;
  organization_id: string;
  organization_name: string;
  is_example: boolean;
  name: string;
  sort_name: string;
  description: string;
  easy_read_summary: string | null;
  topics: string[];
  audiences: string[];
  eligibility_description: string | null;
  languages: string[];
  cost: Schemas['HelpCost'];
  fees_description: string | null;
  anonymous: boolean;
  barrier_free: boolean;
  accessibility: string | null;
  crisis: boolean;
  service_area: Schemas['HelpServiceArea'];
  url: string | null;
  email: string | null;
  phones: Schemas['HelpPhone'][];
  chat_url: string | null;
  walk_in: boolean;
  always_open: boolean;
  open_on_public_holidays: boolean;
  hours_description: string | null;
  assured: string | null;
  published: boolean;
  created_at: Date;
  updated_at: Date;
  locations: Schemas['HelpOffer']['locations'];
  hours: HoursRow[];
  open_now: boolean | null;
  hours_today: Schemas['HelpPeriod'][];
  /** Metres to the nearest place from the search's `near`; null without one. */
  distance_m: number | null;
}

export function toHelpOffer(row: OfferRow): Schemas['HelpOffer'] {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    name: row.name,
    description: row.description,
    easyReadSummary: row.easy_read_summary,
    topics: row.topics as Schemas['HelpTopicId'][],
    audiences: row.audiences as Schemas['HelpAudience'][],
    eligibilityDescription: row.eligibility_description,
    languages: row.languages,
    cost: row.cost,
    feesDescription: row.fees_description,
    anonymous: row.anonymous,
    barrierFree: row.barrier_free,
    accessibility: row.accessibility,
    crisis: row.crisis,
    serviceArea: row.service_area,
    url: row.url,
    email: row.email,
    phones: row.phones,
    chatUrl: row.chat_url,
    walkIn: row.walk_in,
    locations: row.locations,
    openingHours: fromHoursRows(row.hours, row),
    openNow: row.open_now,
    hoursToday: row.hours_today,
    assuredDate: row.assured,
    published: row.published,
    isExample: row.is_example,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { looksLikeEmail } from '../shared/form.js';
import { hoursDraftFrom, hoursFieldOf, hoursInputFrom, hoursProblems, type HoursDraft } from './opening-hours.js';

type HelpOffer = Schema<'HelpOffer'>;
export type Audience = Schema<'HelpAudience'>;
export type Cost = Schema<'HelpCost'>;
export type ServiceArea = Schema<'HelpServiceArea'>;
export type TopicId = Schema<'HelpTopicId'>;

export interface PhoneDraft {
  number: string;
  description: string;
}

export interface LocationDraft {
  name: string;
  address: string;
  municipalityId: string;
  /** As typed (a comma or a point as the decimal sign); both empty: the municipality's centre. */
  lat: string;
  lon: string;
}

/** A help offer as the form holds it while someone types: every text as typed, nothing lost on a refusal. */
export interface OfferDraft {
  published: boolean;
  name: string;
  description: string;
  easyReadSummary: string;
  topics: TopicId[];
  audiences: Audience[];
  eligibilityDescription: string;
  /** BCP 47 tags, comma-separated as typed ("de, en, tr"). */
  languages: string;
  cost: Cost;
  feesDescription: string;
  anonymous: boolean;
  barrierFree: boolean;
  accessibility: string;
  crisis: boolean;
  serviceArea: ServiceArea;
  url: string;
  email: string;
  phones: PhoneDraft[];
  chatUrl: string;
  walkIn: boolean;
  locations: LocationDraft[];
  hours: HoursDraft;
}

/** The contract's limit on topics per offer. */
export const maxTopics = 10;

export const emptyPhone = (): PhoneDraft => ({ number: '', description: '' });
export const emptyLocation = (): LocationDraft => ({ name: '', address: '', municipalityId: '', lat: '', lon: '' });

/** A new offer: a draft until the organization publishes it. */
export function newOfferDraft(): OfferDraft {
  return {
    published: false,
    name: '',
    description: '',
    easyReadSummary: '',
    topics: [],
    audiences: [],
    eligibilityDescription: '',
    languages: 'de',
    cost: 'free',
    feesDescription: '',
    anonymous: false,
    barrierFree: false,
    accessibility: '',
    crisis: false,
    serviceArea: 'region',
    url: '',
    email: '',
    phones: [emptyPhone()],
    chatUrl: '',
    walkIn: false,
    locations: [],
    hours: hoursDraftFrom(undefined),
  };
}

const coordinate = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function offerDraftFrom(offer: HelpOffer): OfferDraft {
  return {
    published: offer.published,
    name: offer.name,
    description: offer.description,
    easyReadSummary: offer.easyReadSummary ?? '',
    topics: [...offer.topics],
    audiences: [...offer.audiences],
    eligibilityDescription: offer.eligibilityDescription ?? '',
    languages: offer.languages.join(', '),
    cost: offer.cost,
    feesDescription: offer.feesDescription ?? '',
    anonymous: offer.anonymous,
    barrierFree: offer.barrierFree,
    accessibility: offer.accessibility ?? '',
    crisis: offer.crisis,
    serviceArea: offer.serviceArea,
    url: offer.url ?? '',
    email: offer.email ?? '',
    phones: offer.phones.length
      ? offer.phones.map((phone) => ({ number: phone.number, description: phone.description ?? '' }))
      : [emptyPhone()],
    chatUrl: offer.chatUrl ?? '',
    walkIn: offer.walkIn,
    locations: offer.locations.map((location) => ({
      name: location.name ?? '',
      address: location.address ?? '',
      municipalityId: location.municipalityId ?? '',
      lat: coordinate(location.coordinates?.lat),
      lon: coordinate(location.coordinates?.lon),
    })),
    hours: hoursDraftFrom(offer.openingHours),
  };
}

const textOrNull = (value: string): string | null => value.trim() || null;
const decimal = (value: string): number => Number(value.trim().replace(',', '.'));
const languageTags = (value: string): string[] => [...new Set(value.split(/[\s,;]+/).filter(Boolean))];

/** A place's coordinates: as entered, else the centre of its municipality, else none. */
function coordinatesOf(location: LocationDraft, centres: ReadonlyMap<string, Schema<'GeoPoint'>>): Schema<'GeoPoint'> | null {
  if (location.lat.trim() && location.lon.trim()) return { lat: decimal(location.lat), lon: decimal(location.lon) };
  return centres.get(location.municipalityId) ?? null;
}

/**
 * The body of a create or a whole-offer update, from a draft `offerProblems` found nothing wrong
 * with; the live preview sends it as typed, and the Hub's 422 then names what is not complete.
 */
export function offerInputFrom(draft: OfferDraft, centres: ReadonlyMap<string, Schema<'GeoPoint'>>): Schema<'HelpOfferInput'> {
  return {
    published: draft.published,
    name: draft.name.trim(),
    description: draft.description.trim(),
    easyReadSummary: textOrNull(draft.easyReadSummary),
    topics: draft.topics,
    audiences: draft.audiences,
    eligibilityDescription: textOrNull(draft.eligibilityDescription),
    languages: languageTags(draft.languages),
    cost: draft.cost,
    feesDescription: textOrNull(draft.feesDescription),
    anonymous: draft.anonymous,
    barrierFree: draft.barrierFree,
    accessibility: textOrNull(draft.accessibility),
    crisis: draft.crisis,
    serviceArea: draft.serviceArea,
    url: textOrNull(draft.url),
    email: textOrNull(draft.email),
    phones: draft.phones
      .filter((phone) => phone.number.trim())
      .map((phone) => ({ number: phone.number.trim(), description: textOrNull(phone.description) })),
    chatUrl: textOrNull(draft.chatUrl),
    walkIn: draft.walkIn,
    locations: draft.locations.map((location) => ({
      name: textOrNull(location.name),
      address: textOrNull(location.address),
      municipalityId: location.municipalityId || null,
      coordinates: coordinatesOf(location, centres),
    })),
    openingHours: hoursInputFrom(draft.hours),
  };
}

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
};

const inRange = (value: string, limit: number): boolean => {
  const number = decimal(value);
  return value.trim() !== '' && Number.isFinite(number) && Math.abs(number) <= limit;
};

/** What the contract and the Hub's rules refuse, said at each field before anything is sent. */
export function offerProblems(draft: OfferDraft): Record<string, string | undefined> {
  const problems: Record<string, string | undefined> = { ...hoursProblems(draft.hours) };
  if (draft.name.trim().length < 2) problems['name'] = msg('Geben Sie dem Angebot einen Namen (mindestens 2 Zeichen).');
  if (!draft.description.trim()) problems['description'] = msg('Beschreiben Sie kurz, was das Angebot bietet.');
  if (draft.topics.length === 0) problems['topics'] = msg('Wählen Sie mindestens ein Thema.');
  if (draft.topics.length > maxTopics) problems['topics'] = msg(str`Höchstens ${maxTopics} Themen.`);
  const badLanguage = languageTags(draft.languages).find((tag) => !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(tag));
  if (badLanguage) problems['languages'] = msg(str`„${badLanguage}“ ist kein Sprachkürzel (z. B. de, en, tr).`);
  if (draft.email.trim() && !looksLikeEmail(draft.email))
    problems['email'] = msg('Geben Sie eine E-Mail-Adresse wie beratung@beispiel.de an.');
  if (draft.url.trim() && !isHttpUrl(draft.url)) problems['url'] = msg('Geben Sie eine Adresse beginnend mit https:// an.');
  if (draft.chatUrl.trim() && !isHttpUrl(draft.chatUrl)) problems['chatUrl'] = msg('Geben Sie eine Adresse beginnend mit https:// an.');
  draft.phones.forEach((phone, index) => {
    if (phone.number.trim() && !/^\+?[0-9 ()/-]{3,30}$/.test(phone.number.trim())) {
      problems[`phones-${index}-number`] = msg('Nur Ziffern, Leerzeichen, + ( ) / und -, z. B. 0931 123 45.');
    }
  });
  draft.locations.forEach((location, index) => {
    if (!location.name.trim() && !location.address.trim() && !location.municipalityId) {
      problems[`locations-${index}-address`] = msg('Geben Sie eine Adresse oder eine Gemeinde an, oder entfernen Sie den Ort.');
    }
    const lat = location.lat.trim();
    const lon = location.lon.trim();
    if ((lat || lon) && !inRange(lat, 90)) problems[`locations-${index}-lat`] = msg('Breitengrad als Zahl, z. B. 49,7913.');
    if ((lat || lon) && !inRange(lon, 180)) problems[`locations-${index}-lon`] = msg('Längengrad als Zahl, z. B. 9,9534.');
  });
  if (draft.serviceArea === 'local' && !draft.locations.some((location) => location.municipalityId)) {
    problems['serviceArea'] = msg('Ein Angebot vor Ort braucht einen Ort mit Gemeinde.');
  }
  if (draft.crisis && !draft.hours.alwaysOpen)
    problems['crisis'] = msg('Ein Krisendienst ist rund um die Uhr erreichbar: wählen Sie bei den Öffnungszeiten „24/7“.');
  return problems;
}

/** The form's field for a Hub pointer (`/body` taken off), e.g. `/phones/1/number` → `phones-1-number`. */
export function offerFieldOf(pointer: string): string | undefined {
  const [first, index, key] = pointer.split('/').filter(Boolean);
  if (first === 'openingHours') return hoursFieldOf(pointer.slice('/openingHours'.length));
  if (first === 'phones' && index !== undefined) return `phones-${index}-${key === 'description' ? 'description' : 'number'}`;
  if (first === 'locations' && index !== undefined) {
    const field = key === 'coordinates' ? 'lat' : key === 'name' || key === 'municipalityId' ? key : 'address';
    return `locations-${index}-${field}`;
  }
  return first;
}

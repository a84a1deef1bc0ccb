import type { Schema } from '@smart-region/sdk';
import { municipalityPages, type FixtureRoute } from './fixture-client.js';

type HelpOffer = Schema<'HelpOfferHit'>;

/*
 * Offers, topics and emergency numbers for stories of <sr-help-finder>. The emergency numbers
 * are the real ones; the offers are examples, as on the demo Hub.
 */

const topic = (id: string, parentId: string | null, de: string, en: string, crisis = false): Schema<'HelpTopic'> => ({
  id: id as Schema<'HelpTopicId'>,
  parentId: parentId as Schema<'HelpTopicId'> | null,
  name: { de, en },
  synonyms: [],
  crisis,
});

export const helpTopics = [
  topic('seelische-gesundheit', null, 'Seelische Gesundheit', 'Mental health'),
  topic('krise-suizid', 'seelische-gesundheit', 'Krisen & Suizidgedanken', 'Crisis & suicidal thoughts', true),
  topic('depression', 'seelische-gesundheit', 'Depression', 'Depression'),
  topic('sucht', null, 'Sucht', 'Addiction'),
  topic('sucht-alkohol', 'sucht', 'Alkohol', 'Alcohol'),
  topic('geld-wohnen', null, 'Geld, Wohnen & Alltag', 'Money, housing & daily life'),
  topic('schulden', 'geld-wohnen', 'Schulden', 'Debts'),
];

// prettier-ignore
export const emergencyContacts: Schema<'EmergencyContact'>[] = [
  {
    id: 'notruf-112', name: 'Notruf 112', description: 'Feuerwehr und Rettungsdienst bei Lebensgefahr, auch bei akuter Suizidgefahr.',
    category: 'emergency', scope: 'nationwide', area: 'Deutschland', phones: [{ number: '112', description: null }],
    availability: 'Rund um die Uhr, kostenfrei', alwaysOpen: true, free: true, anonymous: false, url: null, audiences: [], topics: [], isExample: false,
  },
  {
    id: 'telefonseelsorge', name: 'TelefonSeelsorge', description: 'Gespräche in Krisen, bei Suizidgedanken, Einsamkeit und Sorgen.',
    category: 'crisis', scope: 'nationwide', area: 'Deutschland', phones: [{ number: '0800 111 0 111', description: null }, { number: '116 123', description: null }],
    availability: 'Rund um die Uhr, kostenfrei', alwaysOpen: true, free: true, anonymous: true, url: 'https://www.telefonseelsorge.de', audiences: [], topics: [], isExample: false,
  },
  {
    id: 'krisendienste-bayern', name: 'Krisendienste Bayern', description: 'Psychosoziale Hilfe in seelischen Krisen; bei Bedarf kommt ein mobiles Team.',
    category: 'crisis', scope: 'regional', area: 'Bayern', phones: [{ number: '0800 655 3000', description: null }],
    availability: 'Rund um die Uhr, kostenfrei', alwaysOpen: true, free: true, anonymous: true, url: 'https://www.krisendienste.bayern', audiences: [], topics: [], isExample: false,
  },
];

// prettier-ignore
const hours = (schedules: Schema<'HelpSchedule'>[], alwaysOpen = false): Schema<'OpeningHours'> => ({
  alwaysOpen, schedules, openOnPublicHolidays: alwaysOpen, exceptions: [], description: null,
});

// prettier-ignore
const offer = (id: number, fields: Partial<HelpOffer> & Pick<HelpOffer, 'name' | 'description' | 'topics'>): HelpOffer => ({
  id: `7c1d2e3f-0000-4000-8000-${String(id).padStart(12, '0')}`,
  organization: { id: '7c1d2e3f-0000-4000-8000-100000000000', name: 'Beratungsstelle Lebenswege Würzburg' },
  audiences: ['adults'], eligibilityDescription: null, languages: ['de'], cost: 'free', feesDescription: null,
  anonymous: false, barrierFree: true, accessibility: null, crisis: false, serviceArea: 'region', url: null, email: null,
  phones: [], chatUrl: null, walkIn: false, locations: [], openingHours: hours([]), openNow: null, hoursToday: [],
  assuredDate: '2026-11-01', published: true, isExample: true, createdAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-01T09:00:00Z', distanceKm: null,
  ...fields,
});

// prettier-ignore
export const helpOffers: HelpOffer[] = [
  offer(1, {
    name: 'Krisendienst Unterfranken', crisis: true, isExample: false, serviceArea: 'region', anonymous: true,
    organization: { id: '7c1d2e3f-0000-4000-8000-200000000000', name: 'Krisendienste Bayern' },
    description: 'Hilfe in seelischen Krisen, bei Suizidgedanken und für Angehörige – am Telefon und, wenn nötig, vor Ort.',
    topics: ['krise-suizid'] as HelpOffer['topics'], phones: [{ number: '0800 655 3000', description: null }],
    url: 'https://www.krisendienste.bayern', openingHours: hours([], true), openNow: true,
  }),
  offer(2, {
    name: 'Psychosoziale Beratung Lebenswege', anonymous: true,
    description: 'Beratung bei seelischen Belastungen, Ängsten und depressiven Verstimmungen. Vertraulich und kostenlos, Termine meist innerhalb einer Woche.',
    topics: ['depression', 'seelische-gesundheit'] as HelpOffer['topics'], phones: [{ number: '0931 0000 101', description: 'Terminvereinbarung' }],
    email: 'beratung@lebenswege.example', url: 'https://lebenswege.example',
    locations: [{ name: 'Beratungsstelle', address: 'Domstraße 10, 97070 Würzburg', municipalityId: 'wuerzburg', coordinates: { lat: 49.7937, lon: 9.9295 } }],
    openingHours: hours([{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '12:00' }, { byDay: ['TU', 'TH'], opensAt: '14:00', closesAt: '18:00' }]),
    openNow: true, hoursToday: [{ opensAt: '09:00', closesAt: '12:00' }], distanceKm: 1.2,
  }),
  offer(3, {
    name: 'Suchtberatung Alkohol und Medikamente', languages: ['de', 'tr', 'ru'],
    organization: { id: '7c1d2e3f-0000-4000-8000-300000000000', name: 'Suchtberatung Mainfranken' },
    description: 'Beratung für Menschen mit Alkohol- oder Medikamentenproblemen und ihre Angehörigen; Vermittlung in Therapie und Selbsthilfe.',
    topics: ['sucht-alkohol'] as HelpOffer['topics'], audiences: ['adults', 'relatives'], phones: [{ number: '0931 0000 301', description: null }],
    locations: [{ name: null, address: 'Bahnhofstraße 5, 97199 Ochsenfurt', municipalityId: 'ochsenfurt', coordinates: { lat: 49.6647, lon: 10.0713 } }],
    openingHours: hours([{ byDay: ['MO', 'WE'], opensAt: '13:00', closesAt: '17:00' }]), openNow: false, hoursToday: [{ opensAt: '13:00', closesAt: '17:00' }], walkIn: true,
  }),
  offer(4, {
    name: 'Schuldnerberatung Würzburg Stadt', cost: 'free', barrierFree: false,
    organization: { id: '7c1d2e3f-0000-4000-8000-400000000000', name: 'Caritas Beispielverband' },
    description: 'Hilfe bei Schulden, Mahnungen und drohender Stromsperre; Begleitung in die Verbraucherinsolvenz.',
    topics: ['schulden'] as HelpOffer['topics'], email: 'schulden@beispiel.example', openingHours: hours([]), openNow: null,
  }),
];

/** The search as the Hub answers it, enough for stories: words, a topic, crisis words. */
export function helpOfferPages(items: HelpOffer[] = helpOffers): FixtureRoute {
  return (query) => {
    const q = (typeof query['q'] === 'string' ? query['q'] : '').toLowerCase();
    const topics = (query['topic'] as string[] | undefined) ?? [];
    const crisisDetected = /suizid|nicht mehr leben|umbringen/.test(q);
    const found = items.filter(
      (item) =>
        (crisisDetected ? item.crisis : !q || `${item.name} ${item.description}`.toLowerCase().includes(q)) &&
        (topics.length === 0 || item.topics.some((id) => topics.some((chosen) => id.startsWith(chosen)))),
    );
    const count = (ids: string[]) =>
      [...new Set(ids)]
        .map((id) => ({ id, count: found.filter((item) => item.topics.includes(id as never)).length }))
        .filter(({ count: n }) => n > 0);
    return {
      items: found,
      nextCursor: null,
      total: found.length,
      crisisDetected,
      facets: { topics: count(found.flatMap((item) => item.topics)), audiences: [] },
    };
  };
}

/** Every route the help finder asks, with `offers` for the search. */
export function helpRoutes(offers: FixtureRoute = helpOfferPages()): Record<string, FixtureRoute> {
  return {
    '/help-offers': offers,
    '/help-topics': () => ({ items: helpTopics, nextCursor: null }),
    '/emergency-contacts': () => ({ items: emergencyContacts, nextCursor: null }),
    '/municipalities': municipalityPages(),
  };
}

import { emergencyContact } from '../emergency-contacts.js';
import { hours, type SeedOffer } from './example-offers.js';

/**
 * The nationwide and Bavarian crisis lines as searchable offers of their real organizations
 * (`isExample: false`), so "Suizid" or "Kummer" find them. Numbers and addresses come from the
 * emergency contacts, so they are written down once.
 */
const phones = (id: string) => emergencyContact(id).phones;
const url = (id: string) => emergencyContact(id).url;

export const realOffers: SeedOffer[] = [
  {
    organization: 'TelefonSeelsorge Deutschland',
    name: 'TelefonSeelsorge',
    description: 'Rund um die Uhr ein offenes Ohr: Gespräche in Krisen, bei Suizidgedanken, Einsamkeit, Trauer, Sorgen in Familie und Partnerschaft. Anonym, kostenfrei und verschwiegen, am Telefon, per Chat und per Mail.',
    topics: ['krise-suizid', 'einsamkeit', 'depression', 'trauer'],
    audiences: ['adults', 'seniors', 'relatives', 'youth'],
    anonymous: true, barrierFree: true, crisis: true,
    serviceArea: 'nationwide',
    url: url('telefonseelsorge'), phones: phones('telefonseelsorge'), chatUrl: 'https://online.telefonseelsorge.de',
    openingHours: { alwaysOpen: true, openOnPublicHolidays: true },
  },
  {
    organization: 'Krisendienste Bayern',
    name: 'Krisendienst Unterfranken',
    description: 'Psychosoziale Krisenhilfe für Menschen in seelischen Notlagen, bei Suizidgedanken und psychiatrischen Krisen, und für ihre Angehörigen. Fachleute am Telefon, bei Bedarf kommt ein mobiles Team vor Ort.',
    topics: ['krise-suizid', 'psychische-erkrankungen', 'depression', 'angst'],
    audiences: ['adults', 'youth', 'relatives'],
    anonymous: true, barrierFree: true, crisis: true,
    serviceArea: 'region',
    url: url('krisendienste-bayern'), phones: phones('krisendienste-bayern'),
    openingHours: { alwaysOpen: true, openOnPublicHolidays: true },
  },
  {
    organization: 'Bundesamt für Familie und zivilgesellschaftliche Aufgaben',
    name: 'Hilfetelefon Gewalt gegen Frauen',
    description: 'Beratung für Frauen, die Gewalt erleben oder erlebt haben: häusliche Gewalt, sexualisierte Gewalt, Stalking. Auch für Angehörige und Fachkräfte. Anonym, kostenfrei, rund um die Uhr, mit Dolmetscherinnen in vielen Sprachen.',
    topics: ['haeusliche-gewalt', 'sexualisierte-gewalt'],
    audiences: ['women', 'relatives'],
    languages: ['de', 'en'],
    anonymous: true, barrierFree: true, crisis: true,
    serviceArea: 'nationwide',
    url: url('hilfetelefon-gewalt-gegen-frauen'), phones: phones('hilfetelefon-gewalt-gegen-frauen'),
    openingHours: { alwaysOpen: true, openOnPublicHolidays: true },
  },
  {
    organization: 'Nummer gegen Kummer e.V.',
    name: 'Kinder- und Jugendtelefon',
    description: 'Für Kinder und Jugendliche mit Kummer, Sorgen und Fragen: Stress zu Hause, Mobbing, Liebeskummer, Gewalt. Anonym und kostenlos.',
    topics: ['familie-erziehung', 'mobbing', 'einsamkeit'],
    audiences: ['children', 'youth'],
    anonymous: true,
    serviceArea: 'nationwide',
    url: url('nummer-gegen-kummer-kinder-jugend'), phones: phones('nummer-gegen-kummer-kinder-jugend'),
    openingHours: { ...hours(['MO-SA', '14:00', '20:00']), description: emergencyContact('nummer-gegen-kummer-kinder-jugend').availability },
  },
  {
    organization: 'Nummer gegen Kummer e.V.',
    name: 'Elterntelefon',
    description: 'Für Mütter, Väter und alle, die Kinder erziehen: Gespräche über Sorgen mit Kindern, Pubertät, Überforderung und Erziehungsfragen. Anonym und kostenlos.',
    topics: ['familie-erziehung'],
    audiences: ['families'],
    anonymous: true,
    serviceArea: 'nationwide',
    url: url('nummer-gegen-kummer-eltern'), phones: phones('nummer-gegen-kummer-eltern'),
    openingHours: { ...hours(['MO-FR', '09:00', '17:00'], ['TU,TH', '17:00', '19:00']), description: emergencyContact('nummer-gegen-kummer-eltern').availability },
  },
];

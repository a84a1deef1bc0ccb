import type { Schemas } from '../http/api.js';

type EmergencyContact = Schemas['EmergencyContact'];

const phone = (number: string, description: string | null = null): Schemas['HelpPhone'] => ({ number, description });

/**
 * Real numbers, shipped with the Hub rather than the demo data: the help finder shows them on
 * every installation, and a person in crisis must never see an invented one. Only numbers that
 * are nationally published and stable are listed; opening times as published by the services
 * (check them when updating this list).
 */
export const emergencyContacts: EmergencyContact[] = [
  {
    id: 'notruf-112',
    name: 'Notruf 112',
    description: 'Feuerwehr und Rettungsdienst bei Lebensgefahr, auch bei akuter Suizidgefahr.',
    category: 'emergency', scope: 'nationwide', area: 'Deutschland und ganz Europa',
    phones: [phone('112')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: false,
    url: null, audiences: [], topics: ['krise-suizid'], isExample: false,
  },
  {
    id: 'polizei-110',
    name: 'Polizei 110',
    description: 'Polizeinotruf bei Gewalt, Bedrohung und Straftaten.',
    category: 'emergency', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('110')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: false,
    url: null, audiences: [], topics: ['haeusliche-gewalt', 'sexualisierte-gewalt'], isExample: false,
  },
  {
    id: 'telefonseelsorge',
    name: 'TelefonSeelsorge',
    description: 'Gespräche in Krisen, bei Suizidgedanken, Einsamkeit und Sorgen, anonym und vertraulich. Auch per Chat und Mail.',
    category: 'crisis', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('0800 111 0 111'), phone('0800 111 0 222'), phone('116 123')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: true,
    url: 'https://www.telefonseelsorge.de', audiences: [], topics: ['krise-suizid', 'einsamkeit', 'depression'], isExample: false,
  },
  {
    id: 'krisendienste-bayern',
    name: 'Krisendienste Bayern',
    description: 'Psychosoziale Hilfe in seelischen Krisen für Betroffene und Angehörige; bei Bedarf kommt ein mobiles Team.',
    category: 'crisis', scope: 'regional', area: 'Bayern',
    phones: [phone('0800 655 3000')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: true,
    url: 'https://www.krisendienste.bayern', audiences: [], topics: ['krise-suizid', 'psychische-erkrankungen'], isExample: false,
  },
  {
    id: 'hilfetelefon-gewalt-gegen-frauen',
    name: 'Hilfetelefon Gewalt gegen Frauen',
    description: 'Beratung für Frauen, die Gewalt erleben, und für Menschen aus ihrem Umfeld, in vielen Sprachen.',
    category: 'crisis', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('116 016')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: true,
    url: 'https://www.hilfetelefon.de', audiences: ['women'], topics: ['haeusliche-gewalt', 'sexualisierte-gewalt'], isExample: false,
  },
  {
    id: 'nummer-gegen-kummer-kinder-jugend',
    name: 'Nummer gegen Kummer: Kinder- und Jugendtelefon',
    description: 'Für Kinder und Jugendliche mit Sorgen, Problemen und Fragen, anonym.',
    category: 'counselling', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('116 111')],
    availability: 'Montag bis Samstag 14 bis 20 Uhr, kostenfrei',
    alwaysOpen: false, free: true, anonymous: true,
    url: 'https://www.nummergegenkummer.de', audiences: ['children', 'youth'], topics: ['familie-erziehung', 'mobbing'], isExample: false,
  },
  {
    id: 'nummer-gegen-kummer-eltern',
    name: 'Nummer gegen Kummer: Elterntelefon',
    description: 'Für Eltern und Erziehende, die Fragen oder Sorgen rund um ihre Kinder haben, anonym.',
    category: 'counselling', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('0800 111 0 550')],
    availability: 'Montag bis Freitag 9 bis 17 Uhr, Dienstag und Donnerstag bis 19 Uhr, kostenfrei',
    alwaysOpen: false, free: true, anonymous: true,
    url: 'https://www.nummergegenkummer.de', audiences: ['families'], topics: ['familie-erziehung'], isExample: false,
  },
  {
    id: 'aerztlicher-bereitschaftsdienst',
    name: 'Ärztlicher Bereitschaftsdienst 116 117',
    description: 'Wenn die Praxen geschlossen sind und es nicht lebensbedrohlich ist.',
    category: 'medical', scope: 'nationwide', area: 'Deutschland',
    phones: [phone('116 117')],
    availability: 'Rund um die Uhr, kostenfrei',
    alwaysOpen: true, free: true, anonymous: false,
    url: 'https://www.116117.de', audiences: [], topics: [], isExample: false,
  },
];

export function emergencyContact(id: string): EmergencyContact {
  const contact = emergencyContacts.find((candidate) => candidate.id === id);
  if (!contact) throw new Error(`No emergency contact "${id}".`);
  return contact;
}

import type { Schema } from '@smart-region/sdk';
import { municipalityPages, type FixtureRoute } from './fixture-client.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;

/* Needs of example clubs for stories and tests of <sr-volunteer-board> (example data). */

const inDays = (days: number, hour: number) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

const need = (id: number, fields: Partial<VolunteerNeed> & Pick<VolunteerNeed, 'title' | 'description'>): VolunteerNeed => ({
  id: `8d3f5b2c-0000-4000-8000-${String(id).padStart(12, '0')}`,
  organization: { organizationId: '3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11', name: 'TSV Ochsenfurt 1862 e.V.' },
  municipalityId: 'ochsenfurt',
  place: null,
  remote: false,
  startsAt: null,
  endsAt: null,
  ongoing: true,
  timeCommitment: null,
  skills: [],
  urgent: false,
  contactRole: null,
  peopleNeeded: 2,
  peopleStillNeeded: 2,
  status: 'open',
  privacyNotice: { url: 'https://tsv-ochsenfurt.example/datenschutz', version: '3b9f0c1d2e4a' },
  approvalRequired: false,
  reminderHours: 24,
  shifts: [],
  published: true,
  isExample: true,
  createdAt: '2026-11-02T09:12:40.000Z',
  updatedAt: '2026-11-02T09:12:40.000Z',
  ...fields,
});

export const sampleNeeds: VolunteerNeed[] = [
  need(1, {
    title: 'Fahrerin oder Fahrer zum Arzttermin',
    description: 'Eine Bewohnerin braucht eine Fahrt zur Augenklinik nach Würzburg und zurück.',
    organization: { organizationId: '4a1c6e3d-5c1e-4b7e-9a39-2d1f0c6e8a12', name: 'Nachbarschaftshilfe Höchberg e.V.' },
    municipalityId: 'hoechberg',
    urgent: true,
    ongoing: false,
    startsAt: inDays(3, 8),
    endsAt: inDays(3, 12),
    skills: ['Führerschein', 'Eigenes Auto'],
    timeCommitment: 'ca. 4 Stunden',
    peopleNeeded: 1,
    peopleStillNeeded: 1,
    contactRole: 'Koordination Fahrdienste',
  }),
  need(2, {
    title: 'Helferinnen und Helfer für den Kinderflohmarkt',
    description: 'Aufbau der Stände, Kuchenverkauf und Abbau in der Turnhalle.',
    place: { name: 'Turnhalle am Main', address: 'Mainufer 4, 97199 Ochsenfurt' },
    ongoing: false,
    startsAt: inDays(12, 7),
    endsAt: inDays(12, 13),
    skills: ['Aufbau', 'Verkauf', 'Backen'],
    timeCommitment: '3 Stunden (Schichten)',
    peopleNeeded: 8,
    peopleStillNeeded: 5,
    contactRole: 'Jugendleitung',
  }),
  need(3, {
    title: 'Vereinszeitung: Texte Korrektur lesen',
    description: 'Vor jeder Ausgabe die Artikel auf Tippfehler lesen, bequem von zu Hause.',
    remote: true,
    skills: ['Rechtschreibung'],
    timeCommitment: '2 Stunden im Monat',
    peopleNeeded: 1,
    peopleStillNeeded: 0,
    status: 'filled',
  }),
];

/** Every route the board asks, with `needs` for the list. */
export function volunteerRoutes(needs: FixtureRoute = () => ({ items: sampleNeeds, nextCursor: null })): Record<string, FixtureRoute> {
  return {
    '/volunteer-needs': needs,
    '/municipalities': municipalityPages(),
    // Solved at once: an empty key prefix matches the first try. The real Hub's take about 17,500.
    '/volunteer-needs/{volunteerNeedId}/challenge': () => ({
      parameters: { algorithm: 'SHA-256', nonce: '00000000', salt: '00000000', cost: 1, keyLength: 32, keyPrefix: '' },
      signature: 'fixture',
    }),
    'POST /volunteer-needs/{volunteerNeedId}/responses': (_, __) => ({
      volunteerNeedId: sampleNeeds[0]!.id,
      receivedAt: new Date().toISOString(),
      organization: sampleNeeds[0]!.organization,
      status: 'pending',
      shifts: [],
    }),
  };
}

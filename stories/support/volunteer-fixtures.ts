import { HubError, type Schema } from '@smart-region/sdk';
import { municipalityPages, type FixtureRoute } from './fixture-client.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;
type VolunteerShift = Schema<'VolunteerShift'>;

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

const shift = (
  needId: number,
  id: number,
  fields: Partial<VolunteerShift> & Pick<VolunteerShift, 'startsAt' | 'endsAt' | 'capacity' | 'placesTaken'>,
): VolunteerShift => ({
  id: `5a7e1c3b-0000-4000-8000-${String(needId * 100 + id).padStart(12, '0')}`,
  volunteerNeedId: `8d3f5b2c-0000-4000-8000-${String(needId).padStart(12, '0')}`,
  seriesId: null,
  label: null,
  skills: [],
  placesFree: Math.max(0, fields.capacity - fields.placesTaken),
  status: fields.placesTaken >= fields.capacity ? 'full' : 'open',
  ...fields,
});

/** The Weinfest's shifts: the bar with room, the evening full, a cancelled one, and one with a single place left. */
export const weinfestShifts: VolunteerShift[] = [
  shift(4, 1, { startsAt: inDays(9, 14), endsAt: inDays(9, 17), capacity: 4, placesTaken: 2, label: 'Bar' }),
  shift(4, 2, { startsAt: inDays(9, 17), endsAt: inDays(9, 21), capacity: 6, placesTaken: 6, label: 'Bar' }),
  shift(4, 3, { startsAt: inDays(9, 12), endsAt: inDays(9, 14), capacity: 3, placesTaken: 0, label: 'Aufbau', status: 'cancelled' }),
  shift(4, 4, { startsAt: inDays(10, 9), endsAt: inDays(10, 12), capacity: 2, placesTaken: 1, label: 'Abbau und Spülen' }),
  shift(4, 5, { startsAt: inDays(10, 12), endsAt: inDays(10, 14), capacity: 2, placesTaken: 0, label: 'Abbau und Spülen' }),
].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

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
  need(4, {
    title: 'Weinfest am Main: Ausschank und Abbau',
    description: 'Wir suchen Leute für die Bar und für den Abbau am Sonntag. Tragen Sie sich für eine oder mehrere Schichten ein.',
    place: { name: 'Festplatz am Main', address: 'Mainlände, 97199 Ochsenfurt' },
    ongoing: false,
    startsAt: inDays(9, 12),
    endsAt: inDays(10, 14),
    peopleNeeded: 17,
    peopleStillNeeded: 5,
    shifts: weinfestShifts,
  }),
  need(5, {
    title: 'Vorlesen in der Kinderbetreuung',
    description: 'Einmal in der Woche vorlesen, während die Eltern im Sprachkurs sind. Nach einem Gespräch mit uns.',
    organization: { organizationId: '4a1c6e3d-5c1e-4b7e-9a39-2d1f0c6e8a12', name: 'Nachbarschaftshilfe Höchberg e.V.' },
    municipalityId: 'hoechberg',
    ongoing: false,
    startsAt: inDays(6, 15),
    endsAt: inDays(13, 17),
    peopleNeeded: 2,
    peopleStillNeeded: 2,
    approvalRequired: true,
    shifts: [
      shift(5, 1, { startsAt: inDays(6, 15), endsAt: inDays(6, 17), capacity: 1, placesTaken: 0, label: 'Vorlesen' }),
      shift(5, 2, { startsAt: inDays(13, 15), endsAt: inDays(13, 17), capacity: 1, placesTaken: 0, label: 'Vorlesen' }),
    ],
  }),
];

/** The Hub's answer to a sign-up: in at once, or waiting for a need "nach Rücksprache"; the chosen shifts. */
export function receiptFor(body: Record<string, unknown>) {
  const shiftIds = (body['shiftIds'] as string[] | undefined) ?? [];
  const chosen = sampleNeeds.find((item) => item.shifts.some((each) => shiftIds.includes(each.id))) ?? sampleNeeds[0]!;
  return {
    volunteerNeedId: chosen.id,
    receivedAt: new Date().toISOString(),
    organization: chosen.organization,
    status: shiftIds.length && !chosen.approvalRequired ? 'confirmed' : 'pending',
    shifts: chosen.shifts.filter((each) => shiftIds.includes(each.id)),
  };
}

/**
 * The Hub's answer when another volunteer took the last place of `shiftId` first: 409
 * shift-full, naming it and the next shifts with room.
 */
export function shiftFull(shiftId: string, alternatives: string[]): HubError {
  const problem = {
    type: '/problems/shift-full',
    title: 'A chosen shift is full.',
    status: 409,
    detail: 'The shift has no free place left.',
    shiftId,
    alternatives,
  };
  return new HubError({ status: 409, type: problem.type, title: problem.title, detail: problem.detail, problem });
}

/** The Weinfest after its bar shift filled up under the volunteer's hands. */
export const weinfestBarFull: VolunteerNeed = {
  ...sampleNeeds[3]!,
  peopleStillNeeded: 3,
  shifts: weinfestShifts.map((each) =>
    each.label === 'Bar' && each.status === 'open' ? { ...each, placesTaken: each.capacity, placesFree: 0, status: 'full' } : each,
  ),
};

/** Every route the board asks, with `needs` for the list. */
export function volunteerRoutes(needs: FixtureRoute = () => ({ items: sampleNeeds, nextCursor: null })): Record<string, FixtureRoute> {
  return {
    '/volunteer-needs': needs,
    '/municipalities': municipalityPages(),
    // Solved at once: a prefix of one hex digit matches about every 16th try (altcha-lib refuses
    // an empty one). The real Hub's take about 17,500.
    '/volunteer-needs/{volunteerNeedId}/challenge': () => ({
      parameters: { algorithm: 'SHA-256', nonce: '00000000', salt: '00000000', cost: 1, keyLength: 32, keyPrefix: '0' },
      signature: 'fixture',
    }),
    'POST /volunteer-needs/{volunteerNeedId}/responses': (body) => receiptFor(body),
  };
}

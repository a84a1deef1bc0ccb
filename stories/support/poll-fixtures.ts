import type { Schema } from '@smart-region/sdk';
import type { FixtureRoute } from './fixture-client.js';

type Poll = Schema<'Poll'>;
type PollResults = Schema<'PollResults'>;

/* A poll of a municipality for stories and tests of <sr-poll>, in its states (example data). */

export const samplePoll: Poll = {
  id: '5b1d7c1e-8f0a-4c3b-9d2e-1a2b3c4d5e6f',
  shortCode: 'K7M3QP',
  organizer: { organizationId: '3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11', name: 'Gemeinde Eisingen' },
  question: 'Wie soll der Dorfplatz in Eisingen künftig genutzt werden?',
  description: 'Der Dorfplatz wird 2027 neu gestaltet. Ihre Stimme fließt in die Planung des Gemeinderats ein.',
  municipalityId: 'eisingen',
  kind: 'single',
  maxChoices: 1,
  options: [
    { id: '9c2d1e0f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', label: 'Wochenmarkt am Samstagvormittag', description: null },
    { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', label: 'Spielplatz mit Sitzbänken und Schatten', description: null },
    { id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', label: 'Grünfläche mit Bäumen', description: 'Entsiegelung, Bäume und ein Trinkbrunnen' },
  ],
  opensAt: '2026-11-02T07:00:00Z',
  closesAt: '2099-11-30T17:00:00Z',
  closedAt: null,
  status: 'open',
  participation: 'codes',
  resultsVisibility: 'after-closing',
  isExample: true,
  createdAt: '2026-10-28T09:00:00Z',
  updatedAt: '2026-10-28T09:00:00Z',
};

export const hiddenResults: PollResults = {
  pollId: samplePoll.id,
  status: 'open',
  visible: false,
  hiddenUntil: 'closing',
  participants: null,
  options: null,
};

export const visibleResults: PollResults = {
  pollId: samplePoll.id,
  status: 'closed',
  visible: true,
  hiddenUntil: null,
  participants: { online: 181, inPerson: 43, postal: 12, total: 236 },
  // prettier-ignore
  options: [
    { optionId: samplePoll.options[0]!.id, label: samplePoll.options[0]!.label, online: 92, inPerson: 21, postal: 5, total: 118, share: 0.5 },
    { optionId: samplePoll.options[1]!.id, label: samplePoll.options[1]!.label, online: 58, inPerson: 12, postal: 4, total: 74, share: 0.3136 },
    { optionId: samplePoll.options[2]!.id, label: samplePoll.options[2]!.label, online: 31, inPerson: 10, postal: 3, total: 44, share: 0.1864 },
  ],
};

/** The routes `<sr-poll>` asks, for `poll` with `results`; votes are counted and answered with `voteResults`. */
export function pollRoutes(
  poll: FixtureRoute = () => samplePoll,
  results: FixtureRoute = () => hiddenResults,
  voteResults: PollResults | null = null,
): Record<string, FixtureRoute> {
  return {
    '/polls/{pollId}': poll,
    '/polls/{pollId}/results': results,
    'POST /polls/{pollId}/votes': (body) => ({
      pollId: samplePoll.id,
      choices: body['choices'],
      receivedAt: new Date().toISOString(),
      results: voteResults,
    }),
  };
}

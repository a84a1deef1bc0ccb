import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { newOrganizationRow } from '../../orgs/organizations.js';
import { createCodes } from '../codes.js';
import { checkPoll, completeInput, type PollData } from '../model.js';
import { knownMunicipalities } from '../../orgs/lookups.js';
import { findPoll, insertPoll } from '../queries.js';
import { checkTally, insertTally } from '../tallies.js';
import * as clock from '../../clock.js';

const DAY = 86_400_000;

/** Municipal offices that ask their citizens (example data: the offices are real, these entries invented). */
const pollOrganizations: Schemas['OrganizationInput'][] = [
  {
    name: 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)',
    kind: 'municipality',
    description: 'Beteiligungsangebote der Gemeindeverwaltung Eisingen.',
    municipalityId: 'eisingen',
    website: 'https://beteiligung-eisingen.example',
    email: 'beteiligung@eisingen.example',
    privacyPolicyUrl: 'https://beteiligung-eisingen.example/datenschutz',
    isExample: true,
  },
  {
    name: 'Stadt Ochsenfurt – Stadtentwicklung (Beispiel)',
    kind: 'municipality',
    description: 'Bürgerbeteiligung zur Stadtentwicklung in Ochsenfurt und seinen Ortsteilen.',
    municipalityId: 'ochsenfurt',
    website: 'https://stadtentwicklung-ochsenfurt.example',
    email: 'stadtentwicklung@ochsenfurt.example',
    privacyPolicyUrl: 'https://stadtentwicklung-ochsenfurt.example/datenschutz',
    isExample: true,
  },
];

interface ExamplePoll {
  organization: string;
  poll: Omit<PollData, 'opensAt' | 'closesAt' | 'easyReadSummary'> & Partial<Pick<PollData, 'easyReadSummary'>>;
  /** Window in days relative to the day of seeding. */
  opens: number;
  closes: number;
  codes?: number;
  tallies?: { channel: 'in-person' | 'postal'; place: string; day: number; counts: number[]; participants?: number; note: string | null }[];
}

const examplePolls: ExamplePoll[] = [
  {
    organization: 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)',
    opens: -7,
    closes: 21,
    poll: {
      question: 'Wie soll der Dorfplatz in Eisingen künftig genutzt werden?',
      description: 'Der Dorfplatz wird 2027 neu gestaltet. Ihre Stimme fließt in die Planung des Gemeinderats ein. (Beispieldaten)',
      easyReadSummary: 'Der Dorf·platz in Eisingen wird neu gemacht. Sie können mit·bestimmen. Was soll auf dem Dorf·platz sein? Wählen Sie eine Antwort.',
      municipalityId: 'eisingen',
      kind: 'single',
      maxChoices: 1,
      options: [
        { label: 'Wochenmarkt am Samstagvormittag' },
        { label: 'Spielplatz mit Sitzbänken und Schatten' },
        { label: 'Parkplätze wie bisher' },
        { label: 'Grünfläche mit Bäumen', description: 'Entsiegelung, Bäume und ein Trinkbrunnen' },
      ],
      participation: 'open',
      resultsVisibility: 'after-voting',
    },
    tallies: [{ channel: 'in-person', place: 'Bürgersaal Eisingen', day: -2, counts: [14, 9, 3, 11], note: 'Bürgerversammlung (Beispieldaten)' }],
  },
  {
    organization: 'Stadt Ochsenfurt – Stadtentwicklung (Beispiel)',
    opens: -3,
    closes: 25,
    codes: 20,
    poll: {
      question: 'Welche Angebote braucht das Jugendhaus in Ochsenfurt am dringendsten?',
      description: 'Bis zu zwei Antworten. Teilnahme mit dem Code, den alle Jugendlichen per Post erhalten haben. (Beispieldaten)',
      municipalityId: 'ochsenfurt',
      kind: 'multiple',
      maxChoices: 2,
      options: [
        { label: 'Längere Öffnungszeiten am Wochenende' },
        { label: 'Proberaum für Bands' },
        { label: 'Hausaufgabenhilfe' },
        { label: 'Sportangebote im Freien' },
        { label: 'Gaming- und Medienraum' },
      ],
      participation: 'codes',
      resultsVisibility: 'after-closing',
    },
  },
  {
    organization: 'Seniorenbeirat Giebelstadt',
    opens: -45,
    closes: -10,
    poll: {
      question: 'Zu welcher Uhrzeit soll der Seniorenbus in Giebelstadt fahren?',
      description: 'Online und bei der Seniorenversammlung im Pfarrheim abgestimmt; das Ergebnis gilt ab dem nächsten Fahrplan. (Beispieldaten)',
      municipalityId: 'giebelstadt',
      kind: 'single',
      maxChoices: 1,
      options: [{ label: 'Vormittags ab 9 Uhr' }, { label: 'Mittags ab 11:30 Uhr' }, { label: 'Nachmittags ab 14 Uhr' }],
      participation: 'open',
      resultsVisibility: 'always',
    },
    tallies: [
      { channel: 'in-person', place: 'Pfarrheim Giebelstadt', day: -20, counts: [38, 12, 21], note: 'Seniorenversammlung (Beispieldaten)' },
      { channel: 'postal', place: 'Rathaus Giebelstadt', day: -11, counts: [17, 4, 9], note: 'Briefabstimmung (Beispieldaten)' },
    ],
  },
];

/**
 * Adds the example polls, once: when any poll exists, nothing happens. Each goes through the
 * same checks as a poll sent to the API; the code poll gets codes that nobody knows (demo only).
 */
export async function seedPolls(db: Kysely<Database>, today = clock.now()): Promise<number> {
  if (await db.selectFrom('polls').select('id').limit(1).executeTakeFirst()) return 0;
  const existing = new Set((await db.selectFrom('organizations').select('name').execute()).map((row) => row.name));
  const missing = pollOrganizations.filter((organization) => !existing.has(organization.name));
  if (missing.length > 0) await db.insertInto('organizations').values(missing.map(newOrganizationRow)).execute();
  const organizations = new Map((await db.selectFrom('organizations').select(['id', 'name']).execute()).map((row) => [row.name, row.id]));
  const known = await knownMunicipalities(db);
  const midday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10);
  const at = (days: number) => new Date(midday + days * DAY).toISOString();
  for (const example of examplePolls) {
    const organizationId = organizations.get(example.organization);
    // An installation may have removed an example organization; its polls are left out.
    if (!organizationId) continue;
    const data = completeInput({ ...example.poll, opensAt: at(example.opens), closesAt: at(example.closes) });
    const errors = checkPoll(data, known);
    if (errors.length > 0) throw new Error(`Example poll "${data.question}" is not valid: ${JSON.stringify(errors)}`);
    const id = await insertPoll(db, organizationId, data);
    const poll = (await findPoll(db, id))!;
    if (example.codes) await createCodes(db, id, example.codes);
    for (const tally of example.tallies ?? []) {
      const counts = poll.options.map((option, index) => ({ optionId: option.id, count: tally.counts[index] ?? 0 }));
      const date = at(tally.day).slice(0, 10);
      const input = { channel: tally.channel, place: tally.place, date, counts, note: tally.note, ...(tally.participants ? { participants: tally.participants } : {}) };
      const checked = checkTally(poll, input);
      if (checked.errors.length > 0) throw new Error(`A tally of example poll "${data.question}" is not valid: ${JSON.stringify(checked.errors)}`);
      await insertTally(db, id, checked.data, null);
    }
  }
  return examplePolls.length;
}

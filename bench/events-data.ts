import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../packages/hub/src/db/schema.js';
import { checkEvent, completeInput, toColumns } from '../packages/hub/src/events/model.js';
import { knownMunicipalities } from '../packages/hub/src/orgs/lookups.js';
import type { Schemas } from '../packages/hub/src/http/api.js';

/** Deterministic pseudo-random numbers, so every run stores the same events. */
let state = 42;
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const titles = [
  'Chorprobe',
  'Seniorennachmittag',
  'Repair-Café',
  'Lesung',
  'Flohmarkt',
  'Sprechstunde',
  'Konzert',
  'Wanderung',
  'Yoga im Park',
  'Weinprobe',
  'Vortrag',
  'Kinderturnen',
];
const places = ['Bürgerhaus', 'Pfarrheim', 'Rathaus', 'Stadtbücherei', 'Turnhalle', 'Marktplatz'];
const rules = [
  'FREQ=WEEKLY;BYDAY=TU',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
  'FREQ=MONTHLY;BYDAY=1SA',
  'FREQ=MONTHLY;BYMONTHDAY=15',
  'FREQ=WEEKLY;BYDAY=MO,TH',
];
const categories: Schemas['EventCategoryId'][] = ['culture', 'market', 'volunteering', 'health', 'sports'];

/** A day in 2026 or 2027 (`offset` days from 2026-01-01). */
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const time = (hours: number) => `${String(hours).padStart(2, '0')}:00`;

/** An event of two years; every fifth recurs (weekly, fortnightly, monthly; open-ended, until a date, or counted). */
function input(index: number, municipalityIds: string[]): Schemas['EventInput'] {
  const first = Math.floor(random() * 730);
  const hour = 8 + Math.floor(random() * 12);
  const municipalityId = pick(municipalityIds);
  const base = {
    title: `${pick(titles)} ${index}`,
    description: 'Beispielveranstaltung für den Lasttest.',
    location: { name: pick(places), address: `Hauptstraße ${index % 90}`, municipalityId },
    categories: [pick(categories)],
    isFree: random() < 0.6,
  };
  if (index % 5 === 0) {
    // Series started up to a year before the months measured, most still running.
    const start = `${day(Math.floor(random() * 540) - 180)}T${time(hour)}`;
    const ending = pick(['', '', `;UNTIL=${day(400 + Math.floor(random() * 300)).replaceAll('-', '')}T235959Z`, ';COUNT=40']);
    return { ...base, start, end: `${start.slice(0, 11)}${time(hour + 2)}`, recurrence: { rule: `${pick(rules)}${ending}` } };
  }
  if (index % 17 === 0) return { ...base, start: day(first), end: day(first + Math.floor(random() * 3)), allDay: true };
  return { ...base, start: `${day(first)}T${time(hour)}`, end: `${day(first)}T${time(hour + 1)}` };
}

/**
 * Stores `count` generated events of 2026 and 2027 (the same ones every run) for the seeded
 * organizations and municipalities, checked and stored as the API would.
 */
export async function storeBenchEvents(db: Kysely<Database>, count: number): Promise<void> {
  state = 42;
  const municipalities = await knownMunicipalities(db);
  const municipalityIds = [...municipalities.keys()];
  const organizationIds = (await db.selectFrom('organizations').select('id').execute()).map((row) => row.id);
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    const rows = Array.from({ length: Math.min(batch, count - from) }, (_, offset) => {
      const checked = checkEvent(completeInput(input(from + offset, municipalityIds)), municipalities);
      if (checked.errors.length > 0) throw new Error(`bench event ${from + offset}: ${JSON.stringify(checked.errors)}`);
      const id = randomUUID();
      return { ...toColumns(checked.data, municipalities), id, uid: id, organization_id: pick(organizationIds), imported: false };
    });
    await db.insertInto('events').values(rows).execute();
  }
  // Fresh statistics, as autovacuum would have them on a Hub that has been running.
  await sql`ANALYZE events`.execute(db);
}

import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/schema.js';
import { DEFAULT_TIME_ZONE, parseLocal, timeZone } from '../../events/recurrence.js';
import { regionMoment } from '../../help/opening-hours.js';
import type { KnownMunicipalities } from '../../orgs/lookups.js';
import { checkNeed, completeInput } from '../model.js';
import { insertNeed } from '../queries.js';
import { checkShift } from '../shifts/model.js';
import { insertShifts, type ShiftData } from '../shifts/queries.js';
import { expandSeries } from '../shifts/series.js';

const DAY = 86_400_000;
const N = '(Beispieldaten)';

/** The Europe/Berlin day `days` after `today`. */
const berlinDay = (today: Date, days: number) => regionMoment(new Date(today.getTime() + days * DAY)).today;

/** A Europe/Berlin wall-clock time on a date as an instant. */
const berlin = (date: string, time: string) => parseLocal(`${date}T${time}:00`, timeZone(DEFAULT_TIME_ZONE))!.toJSDate();

/** The Tuesday on or after the day `days` after `today`. */
function tuesdayFrom(today: Date, days: number): string {
  for (let offset = days; ; offset += 1) {
    const day = berlinDay(today, offset);
    if (day.weekday === 2) return day.date;
  }
}

function shift(startsAt: Date, endsAt: Date, capacity: number, label: string, skills: string[] = []): ShiftData {
  const data = { startsAt, endsAt, capacity, label, skills };
  const errors = checkShift(data);
  if (errors.length > 0) throw new Error(`Example shift "${label}" is not valid: ${JSON.stringify(errors)}`);
  return data;
}

/**
 * Two example needs with shifts, relative to the seeding day: a Weinfest whose bar needs 4 people
 * from 16 to 19 h and 6 from 19 to 23 h, and a food bank's weekly drivers on Tuesdays (a series).
 * Needs of organizations an installation removed are left out.
 */
export async function seedShiftNeeds(
  db: Kysely<Database>,
  organizations: ReadonlyMap<string, string>,
  known: KnownMunicipalities,
  today: Date,
): Promise<number> {
  let added = 0;
  const parish = organizations.get('Katholische Pfarreiengemeinschaft Am Maintor');
  if (parish) {
    const day = berlinDay(today, 10).date;
    const bar = [
      shift(berlin(day, '16:00'), berlin(day, '19:00'), 4, 'Bar', ['Ausschank']),
      shift(berlin(day, '19:00'), berlin(day, '23:00'), 6, 'Bar', ['Ausschank']),
    ];
    const needId = await exampleNeed(db, parish, known, {
      title: 'Weinfest am Maintor: Bar und Ausschank',
      description: `Beim Weinfest im Pfarrgarten schenken wir Silvaner und Traubensaft aus. Tragen Sie sich für eine Schicht ein – oder für beide. ${N}`,
      municipalityId: 'randersacker',
      place: { name: 'Pfarrgarten St. Stephan', address: 'Kirchplatz 1, 97236 Randersacker' },
      skills: ['Ausschank'],
      timeCommitment: '3–4 Stunden (Schichten)',
      peopleNeeded: 10,
      contactRole: 'Festausschuss',
      startsAt: bar[0]!.startsAt.toISOString(),
      endsAt: bar[1]!.endsAt.toISOString(),
    });
    await insertShifts(db, needId, null, bar);
    added += 1;
  }
  const helpers = organizations.get('Heldenhelfer Landkreis Würzburg (Beispiel)');
  if (helpers) {
    const first = tuesdayFrom(today, 1);
    const ends = new Date(berlin(first, '12:00').getTime() + 11 * 7 * DAY);
    const needId = await exampleNeed(db, helpers, known, {
      title: 'Fahrdienst für die Tafel: jeden Dienstag',
      description: `Lebensmittel bei Supermärkten abholen und zur Ausgabestelle bringen, dienstags von 9 bis 12 Uhr. Zwei Fahrerinnen oder Fahrer pro Woche. ${N}`,
      municipalityId: 'wuerzburg',
      skills: ['Führerschein'],
      timeCommitment: '3 Stunden pro Woche',
      peopleNeeded: 2,
      contactRole: 'Vermittlung',
      startsAt: berlin(first, '09:00').toISOString(),
      endsAt: ends.toISOString(),
    });
    const firstShift = shift(berlin(first, '09:00'), berlin(first, '12:00'), 2, 'Fahrdienst', ['Führerschein']);
    const series = expandSeries(firstShift, 'FREQ=WEEKLY;BYDAY=TU', ends).map((time) => ({ ...firstShift, ...time }));
    await insertShifts(db, needId, randomUUID(), series);
    added += 1;
  }
  return added;
}

async function exampleNeed(
  db: Kysely<Database>,
  organizationId: string,
  known: KnownMunicipalities,
  need: Parameters<typeof completeInput>[0],
): Promise<string> {
  const data = completeInput(need);
  const errors = checkNeed(data, known);
  if (errors.length > 0) throw new Error(`Example need "${data.title}" is not valid: ${JSON.stringify(errors)}`);
  return insertNeed(db, organizationId, data);
}

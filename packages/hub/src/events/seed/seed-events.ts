import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { checkEvent, completeInput, toColumns } from '../model.js';
import { knownMunicipalities } from '../../orgs/lookups.js';
import { insertEvent } from '../queries.js';
import { formatLocal, localText, Series, today } from '../recurrence.js';
import { exampleEvents, type ExampleEvent } from './example-events.js';

/** The first day from `from` on which `rule` occurs (ical.js yields its start first, so start a day earlier). */
function firstMatchingDay(rule: string, from: ICAL.Time): ICAL.Time {
  const dayBefore = from.clone();
  dayBefore.adjust(-1, 0, 0, 0);
  const iterator = ICAL.Recur.fromString(rule).iterator(dayBefore);
  iterator.next();
  return iterator.next();
}

function toInput(example: ExampleEvent, today: ICAL.Time, coordinates: Schemas['GeoPoint'] | undefined): Schemas['EventInput'] {
  const anchor = today.clone();
  anchor.adjust(example.day, 0, 0, 0);
  const alignment = example.rule ?? (example.on ? `FREQ=WEEKLY;BYDAY=${example.on}` : undefined);
  const first = alignment ? firstMatchingDay(alignment, anchor) : anchor;
  const lastDay = first.clone();
  lastDay.adjust((example.days ?? 1) - 1, 0, 0, 0);
  let start = formatLocal(first);
  let end = formatLocal(lastDay);
  if (example.at) {
    const [from, to] = example.at;
    // An end time before the start time is on the following day (events past midnight).
    if (to < from) lastDay.adjust(1, 0, 0, 0);
    start = `${start}T${from}`;
    end = `${formatLocal(lastDay)}T${to}`;
  }
  const input: Schemas['EventInput'] = {
    title: example.title,
    description: example.description,
    start,
    end,
    allDay: !example.at,
    status: example.status ?? 'scheduled',
    recurrence: example.rule ? { rule: example.rule } : null,
    location: { ...example.place, coordinates: coordinates ?? null },
    categories: example.categories,
    isFree: example.isFree ?? null,
    price: example.price ?? null,
    accessibility: example.accessibility ?? null,
  };
  if (example.cancelledOccurrence !== undefined) {
    const series = new Series({ ...completeInput(input), rule: example.rule!, rdates: [], exdates: [], overrides: [] });
    const starts = series.starts();
    for (let index = 0; index < example.cancelledOccurrence; index++) starts.next();
    const cancelled = starts.next();
    if (cancelled.done) throw new Error(`The example event "${example.title}" has no occurrence ${example.cancelledOccurrence}.`);
    input.overrides = [{ recurrenceId: localText(cancelled.value, series.allDay), status: 'cancelled' }];
  }
  return input;
}

/**
 * Adds the example events, once: when an example organization has events already, nothing
 * happens. Each goes through the same checks as an event sent to the API.
 */
export async function seedEvents(db: Kysely<Database>): Promise<number> {
  const existing = await db
    .selectFrom('events')
    .innerJoin('organizations', 'organizations.id', 'events.organization_id')
    .select('events.id')
    .where('organizations.is_example', '=', true)
    .limit(1)
    .execute();
  if (existing.length > 0) return 0;
  const organizations = new Map(
    (await db.selectFrom('organizations').select(['id', 'name']).where('is_example', '=', true).execute()).map((row) => [row.name, row.id]),
  );
  const centers = new Map(
    (await db.selectFrom('municipalities').select(['id', 'lat', 'lon']).execute()).map((row) => [row.id, { lat: row.lat, lon: row.lon }]),
  );
  const municipalities = await knownMunicipalities(db);
  const seedDay = today();
  let added = 0;
  for (const example of exampleEvents) {
    const organizationId = organizations.get(example.organization);
    // An installation may have removed an example organization; its events are left out.
    if (!organizationId) continue;
    const checked = checkEvent(completeInput(toInput(example, seedDay, centers.get(example.place.municipalityId))), municipalities);
    if (checked.errors.length > 0) {
      throw new Error(`Example event "${example.title}" is not valid: ${JSON.stringify(checked.errors)}`);
    }
    await insertEvent(db, { organizationId, imported: false }, toColumns(checked.data, municipalities));
    added++;
  }
  return added;
}

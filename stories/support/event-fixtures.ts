import type { Schema } from '@smart-region/sdk';
import { formats } from '../../packages/widgets/src/core/format.js';
import { addDays, startOfMonth, weekday, type Day } from '../../packages/widgets/src/event-calendar/dates.js';
import { municipalities, municipalityPages, type FixtureRoute } from './fixture-client.js';

type Occurrence = Schema<'EventOccurrence'>;
type Organization = Schema<'Organization'>;

/*
 * Events for stories and tests of <sr-event-calendar>, in the month of `today` (Europe/Berlin),
 * so the calendar never opens on an empty month: a weekly rehearsal with one evening cancelled,
 * a monthly repair café, a festival over a weekend, all-day events of one and several days,
 * and a day with more events than a grid cell shows.
 */

const berlin = formats('de');

const organization = (id: string, slug: string, name: string, kind: Organization['kind'], municipalityId: string): Organization => ({
  id,
  slug,
  name,
  kind,
  description: null,
  municipalityId,
  website: null,
  email: null,
  phone: null,
  privacyPolicyUrl: null,
  isExample: true,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-01-01T09:00:00Z',
});

export const organizations: Organization[] = [
  organization(
    '0b0a8c1e-1c2d-4e3f-8a9b-000000000001',
    'gesangverein-randersacker-e-v',
    'Gesangverein Randersacker e.V.',
    'club',
    'randersacker',
  ),
  organization(
    '0b0a8c1e-1c2d-4e3f-8a9b-000000000002',
    'nachbarschaftshilfe-hoechberg-e-v',
    'Nachbarschaftshilfe Höchberg e.V.',
    'club',
    'hoechberg',
  ),
  organization('0b0a8c1e-1c2d-4e3f-8a9b-000000000003', 'stadt-wuerzburg', 'Stadt Würzburg', 'municipality', 'wuerzburg'),
];
const [choir, neighbours, city] = organizations as [Organization, Organization, Organization];

export const eventCategories: Schema<'EventCategory'>[] = [
  { id: 'culture', name: { de: 'Kultur', en: 'Culture' } },
  { id: 'market', name: { de: 'Markt und Feste', en: 'Markets and festivals' } },
  { id: 'volunteering', name: { de: 'Ehrenamt', en: 'Volunteering' } },
  { id: 'health', name: { de: 'Gesundheit', en: 'Health' } },
];

/** `2026-12-08T19:30:00+01:00`: a wall-clock time in Berlin with the offset in force that day. */
function berlinTime(day: Day, time: string): string {
  const minutes = (Date.parse(day) - berlin.startOfDay(day).getTime()) / 60_000;
  const offset = `${minutes < 0 ? '-' : '+'}${String(Math.abs(minutes) / 60).padStart(2, '0')}:00`;
  return `${day}T${time}:00${offset}`;
}

interface Example {
  id: number;
  title: string;
  organizer: Organization;
  place: string;
  address: string;
  municipalityId: string;
  categories: Schema<'EventCategoryId'>[];
  /** Start and end times; absent: all-day. */
  at?: [string, string];
  /** Days it lasts; the end time is on the last one. */
  days?: number;
  recurrence?: { rule: string; de: string; en: string };
}

function occurrence(example: Example, day: Day, overrides: Partial<Occurrence> = {}): Occurrence {
  const last = addDays(day, (example.days ?? 1) - 1);
  return {
    eventId: `7c1e2f0a-3b4d-4e5f-8a9b-${String(example.id).padStart(12, '0')}`,
    recurrenceId: example.recurrence ? `${day}${example.at ? `T${example.at[0]}:00` : ''}` : null,
    title: example.title,
    description: `${example.title}: Beispieltext der Veranstalter.\nFragen beantworten wir gern.`,
    start: example.at ? berlinTime(day, example.at[0]) : day,
    end: example.at ? berlinTime(last, example.at[1]) : last,
    allDay: !example.at,
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    recurrence: example.recurrence
      ? { rule: example.recurrence.rule, summary: { de: example.recurrence.de, en: example.recurrence.en } }
      : null,
    location: { name: example.place, address: example.address, municipalityId: example.municipalityId, coordinates: null },
    organizer: { organizationId: example.organizer.id, name: example.organizer.name },
    categories: example.categories,
    isFree: true,
    price: null,
    accessibility: 'Stufenloser Zugang, barrierefreies WC.',
    link: null,
    isExample: true,
    ...overrides,
  };
}

const rehearsal: Example = {
  id: 1,
  title: 'Chorprobe des Gesangvereins',
  organizer: choir,
  place: 'Pfarrheim St. Laurentius',
  address: 'Kirchplatz 2, 97236 Randersacker',
  municipalityId: 'randersacker',
  categories: ['culture'],
  at: ['19:30', '21:00'],
  recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU', de: 'jeden Dienstag', en: 'every Tuesday' },
};
const repairCafe: Example = {
  id: 2,
  title: 'Repair-Café',
  organizer: neighbours,
  place: 'Bürgerhaus Höchberg',
  address: 'Hauptstraße 58, 97204 Höchberg',
  municipalityId: 'hoechberg',
  categories: ['volunteering'],
  at: ['14:00', '17:00'],
  recurrence: { rule: 'FREQ=MONTHLY;BYDAY=1SA', de: 'jeden ersten Samstag im Monat', en: 'every first Saturday of the month' },
};
const wineFestival: Example = {
  id: 3,
  title: 'Weinfest am Main',
  organizer: city,
  place: 'Mainlände',
  address: 'Alter Kranen, 97070 Würzburg',
  municipalityId: 'wuerzburg',
  categories: ['market', 'culture'],
  at: ['17:00', '23:00'],
  days: 3,
};
const neighbourhoodDay: Example = {
  id: 4,
  title: 'Aktionstag Nachbarschaft',
  organizer: neighbours,
  place: 'Ortsmitte Höchberg',
  address: 'Marktplatz, 97204 Höchberg',
  municipalityId: 'hoechberg',
  categories: ['volunteering'],
};
const healthWeek: Example = {
  id: 5,
  title: 'Woche der seelischen Gesundheit: Infostand',
  organizer: city,
  place: 'Marktplatz Würzburg',
  address: 'Marktplatz, 97070 Würzburg',
  municipalityId: 'wuerzburg',
  categories: ['health'],
  days: 3,
};
const busyDay: Example[] = [
  'Seniorenfrühstück',
  'Lesung in der Stadtbücherei',
  'Kinderflohmarkt',
  'Bürgersprechstunde',
  'Konzert im Dom',
].map((title, index) => ({
  id: 10 + index,
  title,
  organizer: city,
  place: 'Rathaus Würzburg',
  address: 'Rückermainhof, 97070 Würzburg',
  municipalityId: 'wuerzburg',
  categories: ['culture'],
  at: [`${String(9 + index * 2).padStart(2, '0')}:00`, `${String(10 + index * 2).padStart(2, '0')}:30`],
}));

/** The events of the month `today` is in, sorted by start as the Hub sends them. */
export function monthOfEvents(today: Day = berlin.day(new Date())): Occurrence[] {
  const first = startOfMonth(today);
  const days = Array.from({ length: 31 }, (_, index) => addDays(first, index)).filter((day) => day.startsWith(first.slice(0, 7)));
  const on = (wanted: number) => days.filter((day) => weekday(day) === wanted);
  const tuesdays = on(1);
  const saturdays = on(5);
  const fridays = on(4);
  const items = [
    ...tuesdays.map((day, index) => occurrence(rehearsal, day, index === 1 ? { status: 'cancelled' } : {})),
    occurrence(repairCafe, saturdays[0]!, {
      isFree: false,
      price: 'Kaffee und Kuchen gegen Spende',
      link: 'https://nachbarschaftshilfe-hoechberg.example/repair-cafe',
    }),
    occurrence(wineFestival, fridays[2]!, { isFree: false, price: '5 €, Kinder frei' }),
    occurrence(neighbourhoodDay, saturdays[1]!),
    occurrence(healthWeek, addDays(first, 9)),
    ...busyDay.map((example) => occurrence(example, addDays(first, 11))),
  ];
  return items.sort((a, b) => eventStart(a) - eventStart(b));
}

const eventStart = (item: Occurrence) => (item.allDay ? berlin.startOfDay(item.start) : new Date(item.start)).getTime();
const eventEnd = (item: Occurrence) => (item.allDay ? berlin.startOfDay(addDays(item.end, 1)) : new Date(item.end)).getTime();

/** A `/events` route answering like the Hub: occurrences overlapping `[from, to)`, filtered. */
export function eventPages(items: Occurrence[] = monthOfEvents()): FixtureRoute {
  return (query) => {
    const list = (name: string) => (query[name] as string[] | undefined) ?? [];
    const from = Date.parse(String(query['from']));
    const to = Date.parse(String(query['to']));
    const words = (typeof query['q'] === 'string' ? query['q'] : '').toLowerCase();
    const matching = items.filter(
      (item) =>
        eventStart(item) < to &&
        eventEnd(item) > from &&
        (list('municipality').length === 0 || list('municipality').includes(item.location?.municipalityId ?? '')) &&
        (list('organization').length === 0 || list('organization').includes(item.organizer.organizationId)) &&
        (list('category').length === 0 || item.categories.some((category) => list('category').includes(category))) &&
        `${item.title} ${item.description}`.toLowerCase().includes(words),
    );
    return { items: matching, nextCursor: null };
  };
}

/** Every route the calendar asks, answered from memory; `events` replaces the `/events` route. */
export function calendarRoutes(events: FixtureRoute = eventPages()): Record<string, FixtureRoute> {
  return {
    '/events': events,
    '/event-categories': () => ({ items: eventCategories, nextCursor: null }),
    '/municipalities': municipalityPages(municipalities),
    '/organizations': () => ({ items: organizations, nextCursor: null }),
  };
}

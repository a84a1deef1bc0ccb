import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import type { FieldErrors } from '../shared/form.js';
import { defaultRepeat, repeatOf, ruleOf, type Repeat } from './recurrence-rule.js';

type Event = Schema<'Event'>;
type EventOverride = Schema<'EventOverride'>;
export type EventBody = Schema<'EventInput'>;

/** The form's fields, in the order they appear (the order of the error summary). */
export const eventFields = [
  'title',
  'description',
  'start',
  'end',
  'repeat',
  'weekdays',
  'until',
  'count',
  'skipped',
  'moves',
  'locationName',
  'address',
  'municipality',
  'categories',
  'price',
  'accessibility',
  'link',
] as const;
export type EventField = (typeof eventFields)[number];

/** One occurrence moved to another day or time: its original day, and its new day and times. */
export interface Move {
  from: string;
  date: string;
  startTime: string;
  endTime: string;
}

/** What the editor typed, as typed: dates and times apart, and the repeat in the form's terms. */
export interface EventDraft {
  title: string;
  description: string;
  allDay: boolean;
  multiDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  repeat: Repeat;
  /** A stored rule the form cannot ask for, kept unchanged until the editor picks another repeat. */
  keptRule: string | undefined;
  /** Extra dates (`RDATE`) of an imported event: the form does not show them and keeps them. */
  rdates: string[];
  /** Days whose occurrence is left out (`EXDATE`). */
  skipped: string[];
  moves: Move[];
  locationName: string;
  address: string;
  municipality: string;
  categories: string[];
  cost: '' | 'free' | 'paid';
  price: string;
  accessibility: string;
  link: string;
}

export function emptyDraft(today: string): EventDraft {
  return {
    title: '',
    description: '',
    allDay: false,
    multiDay: false,
    startDate: today,
    startTime: '',
    endDate: today,
    endTime: '',
    repeat: defaultRepeat(today),
    keptRule: undefined,
    rdates: [],
    skipped: [],
    moves: [],
    locationName: '',
    address: '',
    municipality: '',
    categories: [],
    cost: '',
    price: '',
    accessibility: '',
    link: '',
  };
}

const dayOf = (local: string): string => local.slice(0, 10);
const timeOf = (local: string): string => local.slice(11, 16);

/** An override that only moves its occurrence: the form shows it as a move; any other it keeps. */
const isMove = (override: EventOverride): boolean =>
  override.start !== undefined &&
  override.status !== 'cancelled' &&
  Object.keys(override).every((key) => ['recurrenceId', 'start', 'end', 'status'].includes(key));

export function draftOf(event: Event): EventDraft {
  const startDate = dayOf(event.start);
  const rule = event.recurrence?.rule ?? null;
  const repeat = repeatOf(rule, startDate);
  return {
    title: event.title,
    description: event.description ?? '',
    allDay: event.allDay,
    multiDay: dayOf(event.end) !== startDate,
    startDate,
    startTime: timeOf(event.start),
    endDate: dayOf(event.end),
    endTime: timeOf(event.end),
    repeat: repeat ?? defaultRepeat(startDate),
    keptRule: repeat ? undefined : (rule ?? undefined),
    rdates: event.recurrence?.rdates ?? [],
    skipped: (event.recurrence?.exdates ?? []).map(dayOf),
    moves: event.overrides.filter(isMove).map((override) => ({
      from: dayOf(override.recurrenceId),
      date: dayOf(override.start!),
      startTime: timeOf(override.start!),
      endTime: override.end ? timeOf(override.end) : '',
    })),
    locationName: event.location?.name ?? '',
    address: event.location?.address ?? '',
    municipality: event.location?.municipalityId ?? '',
    categories: [...event.categories],
    cost: event.isFree === true ? 'free' : event.isFree === false ? 'paid' : '',
    price: event.price ?? '',
    accessibility: event.accessibility ?? '',
    link: event.link ?? '',
  };
}

/** The rule the draft stands for: the kept one, or the one its choices make. */
export const draftRule = (draft: EventDraft): string | null => draft.keptRule ?? ruleOf(draft.repeat);

const local = (draft: EventDraft, day: string, time: string): string => (draft.allDay ? day : `${day}T${time}:00`);
const optional = (text: string): string | null => text.trim() || null;

/**
 * The body of a save. `saved` is the event as stored: its overrides other than moves (cancelled
 * occurrences, changes from an import) stay as they are.
 */
export function bodyOf(draft: EventDraft, published: boolean, saved: Event | undefined): EventBody {
  const endDay = draft.multiDay ? draft.endDate : draft.startDate;
  const rule = draftRule(draft);
  const repeats = rule !== null || draft.rdates.length > 0;
  const recurrenceId = (day: string) => local(draft, day, draft.startTime);
  const moves: EventOverride[] = draft.moves.map((move) => ({
    recurrenceId: recurrenceId(move.from),
    start: local(draft, move.date, move.startTime),
    end: local(draft, move.date, move.endTime || move.startTime),
  }));
  const kept = (saved?.overrides ?? []).filter((override) => !isMove(override));
  const hasLocation = [draft.locationName, draft.address, draft.municipality].some((text) => text.trim());
  return {
    published,
    title: draft.title.trim(),
    description: optional(draft.description),
    allDay: draft.allDay,
    start: local(draft, draft.startDate, draft.startTime),
    end: local(draft, endDay, draft.endTime),
    recurrence: repeats ? { rule, rdates: draft.rdates, exdates: draft.skipped.map(recurrenceId) } : null,
    overrides: repeats ? [...kept, ...moves] : [],
    location: hasLocation
      ? { name: draft.locationName.trim(), address: optional(draft.address), municipalityId: draft.municipality || null }
      : null,
    categories: draft.categories as EventBody['categories'],
    isFree: draft.cost === '' ? null : draft.cost === 'free',
    price: draft.cost === 'paid' ? optional(draft.price) : null,
    accessibility: optional(draft.accessibility),
    link: optional(draft.link),
  };
}

/** The contract's and the Hub's rules, said at each field before anything is sent. */
export function checkDraft(draft: EventDraft): FieldErrors<EventField> {
  const errors: FieldErrors<EventField> = {};
  if (!draft.title.trim()) errors.title = msg('Bitte geben Sie einen Titel an.');
  if (!draft.startDate || (!draft.allDay && !draft.startTime)) {
    errors.start = draft.allDay
      ? msg('Bitte geben Sie ein Datum an.')
      : msg('Bitte geben Sie Datum und Uhrzeit an – oder wählen Sie „ganztägig“.');
  }
  const endDay = draft.multiDay ? draft.endDate : draft.startDate;
  if (!endDay || (!draft.allDay && !draft.endTime)) errors.end = msg('Bitte geben Sie an, wann der Termin endet.');
  else if (!errors.start && local(draft, endDay, draft.endTime) < local(draft, draft.startDate, draft.startTime)) {
    errors.end =
      draft.multiDay || draft.allDay
        ? msg('Das Ende liegt vor dem Beginn.')
        : msg('Das Ende liegt vor dem Beginn. Endet der Termin am nächsten Tag, wählen Sie „mehrtägig“.');
  }
  if (draft.keptRule === undefined && draft.repeat.frequency !== 'none') {
    const { repeat } = draft;
    if (!(repeat.interval >= 1 && repeat.interval <= 99 && Number.isInteger(repeat.interval)))
      errors.repeat = msg('Bitte eine Zahl von 1 bis 99.');
    if (repeat.frequency === 'weekly' && repeat.weekdays.length === 0)
      errors.weekdays = msg('Bitte wählen Sie mindestens einen Wochentag.');
    if (repeat.ends === 'until') {
      if (!repeat.until) errors.until = msg('Bitte geben Sie an, bis wann der Termin sich wiederholt.');
      else if (draft.startDate && repeat.until < draft.startDate)
        errors.until = msg('Das Ende der Wiederholung liegt vor dem ersten Termin.');
    }
    if (repeat.ends === 'count' && !(repeat.count >= 1 && repeat.count <= 999 && Number.isInteger(repeat.count))) {
      errors.count = msg('Bitte eine Zahl von 1 bis 999.');
    }
  }
  if (draft.moves.some((move) => !move.date || (!draft.allDay && !move.startTime)))
    errors.moves = msg('Bitte geben Sie den neuen Tag und die Uhrzeit an.');
  const hasLocation = [draft.address, draft.municipality].some((text) => text.trim());
  if (hasLocation && !draft.locationName.trim()) errors.locationName = msg('Bitte nennen Sie den Ort, z. B. „Pfarrheim St. Laurentius“.');
  if (draft.categories.length > 5) errors.categories = msg('Bitte höchstens 5 Kategorien.');
  if (draft.link.trim() && !/^https?:\/\/\S+$/.test(draft.link.trim())) errors.link = msg('Bitte eine Adresse, die mit https:// beginnt.');
  return errors;
}

/** The form's field a pointer of the Hub's problem names (`/body` taken off). */
export function fieldOfPointer(pointer: string): EventField | undefined {
  const [first, second] = pointer.split('/').slice(1);
  switch (first) {
    case 'title':
    case 'description':
    case 'price':
    case 'accessibility':
    case 'link':
    case 'categories':
      return first;
    case 'start':
    case 'allDay':
    case 'timeZone':
      return 'start';
    case 'end':
      return 'end';
    case 'isFree':
      return 'price';
    case 'recurrence':
      return second === 'exdates' ? 'skipped' : 'repeat';
    case 'overrides':
      return 'moves';
    case 'location':
      return second === 'address' ? 'address' : second === 'municipalityId' ? 'municipality' : 'locationName';
    default:
      return undefined;
  }
}

import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { fromWallClock, toWallClock } from '../poll/wall-clock.js';
import type { FieldErrors } from '../shared/form.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;
type NeedInput = Schema<'VolunteerNeedInput'>;

/** The region's clocks: a need's times are typed and shown on them, whatever the computer says. */
export const regionTimeZone = 'Europe/Berlin';

/** A volunteer need as the form holds it while it is typed: text as typed, nothing lost on a refusal. */
export interface NeedDraft {
  title: string;
  description: string;
  easyReadSummary: string;
  peopleNeeded: string;
  skills: string[];
  /** What is typed into "add a skill" before it becomes a chip. */
  skill: string;
  ongoing: boolean;
  /** `datetime-local` readings on the region's clocks, e.g. `2026-12-12T09:00`. */
  startsAt: string;
  endsAt: string;
  remote: boolean;
  placeName: string;
  placeAddress: string;
  municipalityId: string;
  urgent: boolean;
  timeCommitment: string;
  contactRole: string;
  /** "Nach Rücksprache": sign-ups wait for the coordinator's yes. */
  approvalRequired: boolean;
  /** Hours before a shift its volunteers are reminded, as the select holds it (`0`: no reminder). */
  reminderHours: string;
  published: boolean;
}

export type NeedField = Exclude<keyof NeedDraft, 'skill'>;

/** Every field in the order of the form: the error summary's order. */
export const needFields: readonly NeedField[] = [
  'title',
  'description',
  'easyReadSummary',
  'peopleNeeded',
  'skills',
  'ongoing',
  'startsAt',
  'endsAt',
  'timeCommitment',
  'remote',
  'placeName',
  'placeAddress',
  'municipalityId',
  'urgent',
  'contactRole',
  'approvalRequired',
  'reminderHours',
  'published',
];

export function newNeedDraft(): NeedDraft {
  return {
    title: '',
    description: '',
    easyReadSummary: '',
    peopleNeeded: '1',
    skills: [],
    skill: '',
    ongoing: false,
    startsAt: '',
    endsAt: '',
    remote: false,
    placeName: '',
    placeAddress: '',
    municipalityId: '',
    urgent: false,
    timeCommitment: '',
    contactRole: '',
    approvalRequired: false,
    reminderHours: '24',
    published: true,
  };
}

export function needDraftFrom(need: VolunteerNeed): NeedDraft {
  return {
    title: need.title,
    description: need.description,
    easyReadSummary: need.easyReadSummary ?? '',
    peopleNeeded: String(need.peopleNeeded),
    skills: [...need.skills],
    skill: '',
    ongoing: need.ongoing,
    startsAt: need.startsAt ? toWallClock(need.startsAt, regionTimeZone) : '',
    endsAt: need.endsAt ? toWallClock(need.endsAt, regionTimeZone) : '',
    remote: need.remote,
    placeName: need.place?.name ?? '',
    placeAddress: need.place?.address ?? '',
    municipalityId: need.municipalityId ?? '',
    urgent: need.urgent,
    timeCommitment: need.timeCommitment ?? '',
    contactRole: need.contactRole ?? '',
    approvalRequired: need.approvalRequired,
    reminderHours: String(need.reminderHours),
    published: need.published,
  };
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** The body of a create or a full update: every field, so what the form shows is what is stored. */
export function needInputFrom(draft: NeedDraft): NeedInput {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    easyReadSummary: orNull(draft.easyReadSummary),
    peopleNeeded: Number(draft.peopleNeeded),
    skills: draft.skills,
    startsAt: draft.ongoing ? null : (fromWallClock(draft.startsAt, regionTimeZone) ?? null),
    endsAt: draft.ongoing ? null : (fromWallClock(draft.endsAt, regionTimeZone) ?? null),
    remote: draft.remote,
    place: draft.placeName.trim() ? { name: draft.placeName.trim(), address: orNull(draft.placeAddress) } : null,
    municipalityId: orNull(draft.municipalityId),
    urgent: draft.urgent,
    timeCommitment: orNull(draft.timeCommitment),
    contactRole: orNull(draft.contactRole),
    approvalRequired: draft.approvalRequired,
    reminderHours: Number(draft.reminderHours),
    published: draft.published,
  };
}

/** The contract's rules said before sending; the Hub says the same at the same fields. */
export function needProblems(draft: NeedDraft): FieldErrors<NeedField> {
  const people = Number(draft.peopleNeeded);
  const start = fromWallClock(draft.startsAt, regionTimeZone);
  const end = fromWallClock(draft.endsAt, regionTimeZone);
  return {
    title:
      draft.title.trim() === ''
        ? msg('Bitte geben Sie einen Titel an.')
        : draft.title.trim().length < 3
          ? msg('Bitte mindestens 3 Zeichen.')
          : undefined,
    description: draft.description.trim() === '' ? msg('Bitte beschreiben Sie, wobei geholfen werden soll.') : undefined,
    peopleNeeded:
      !/^\d+$/.test(draft.peopleNeeded.trim()) || people < 1 || people > 10_000
        ? msg('Bitte eine ganze Zahl von 1 bis 10 000: so viele Personen suchen Sie.')
        : undefined,
    startsAt: !draft.ongoing && !start ? msg('Bitte Datum und Uhrzeit des Beginns angeben, oder „laufend“ wählen.') : undefined,
    endsAt: draft.ongoing
      ? undefined
      : !end
        ? msg('Bitte Datum und Uhrzeit des Endes angeben.')
        : start && Date.parse(end) <= Date.parse(start)
          ? msg('Das Ende muss nach dem Beginn liegen.')
          : undefined,
    placeAddress:
      draft.placeAddress.trim() && !draft.placeName.trim() ? msg('Bitte geben Sie zur Adresse auch den Namen des Orts an.') : undefined,
  };
}

/** The field a Hub pointer names (`/place/name` → `placeName`, `/skills/2` → `skills`). */
export function needFieldOf(pointer: string): string | undefined {
  const [first, second] = pointer.split('/').slice(1);
  if (first === 'place') return second === 'address' ? 'placeAddress' : 'placeName';
  return first;
}

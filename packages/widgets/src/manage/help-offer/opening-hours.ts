import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';

export type Weekday = Schema<'HelpSchedule'>['byDay'][number];
export const weekdays: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A weekday as the editor's checkboxes and sentences name it. */
export function weekdayShort(day: Weekday): string {
  const names: Record<Weekday, string> = {
    MO: msg('Mo'),
    TU: msg('Di'),
    WE: msg('Mi'),
    TH: msg('Do'),
    FR: msg('Fr'),
    SA: msg('Sa'),
    SU: msg('So'),
  };
  return names[day];
}

/** One line of the weekly hours: the same period on a set of weekdays ("Mo–Fr 09:00–12:00"). */
export interface PeriodDraft {
  days: Weekday[];
  /** `HH:MM` as a time input gives it; empty while not entered. */
  opensAt: string;
  closesAt: string;
}

/** A date that differs from the weekly hours: closed all day, or open in one period instead (one line per period). */
export interface ExceptionDraft {
  date: string;
  closed: boolean;
  opensAt: string;
  closesAt: string;
  description: string;
}

/** The opening hours as the editor holds them while someone types. */
export interface HoursDraft {
  alwaysOpen: boolean;
  openOnPublicHolidays: boolean;
  periods: PeriodDraft[];
  exceptions: ExceptionDraft[];
  description: string;
}

export const emptyPeriod = (): PeriodDraft => ({ days: [], opensAt: '', closesAt: '' });
export const emptyException = (): ExceptionDraft => ({ date: '', closed: true, opensAt: '', closesAt: '', description: '' });

/**
 * A time input cannot show `24:00`; `00:00` as a closing time means the same (midnight, the
 * contract reads a closing time at or before the opening as the next day), except after an
 * opening at `00:00`, where only `24:00` says "until the end of the day".
 */
const shownTime = (time: string | null | undefined): string => (time === '24:00' ? '00:00' : (time ?? ''));
const sentClosing = (closesAt: string): string => (closesAt === '00:00' ? '24:00' : closesAt);

export function hoursDraftFrom(hours: Schema<'OpeningHours'> | undefined): HoursDraft {
  if (!hours) return { alwaysOpen: false, openOnPublicHolidays: false, periods: [], exceptions: [], description: '' };
  return {
    alwaysOpen: hours.alwaysOpen,
    openOnPublicHolidays: hours.openOnPublicHolidays,
    periods: hours.schedules.map((schedule) => ({
      days: weekdays.filter((day) => schedule.byDay.includes(day)),
      opensAt: schedule.opensAt,
      closesAt: shownTime(schedule.closesAt),
    })),
    exceptions: hours.exceptions.map((exception) => ({
      date: exception.date,
      closed: !exception.opensAt,
      opensAt: exception.opensAt ?? '',
      closesAt: shownTime(exception.closesAt),
      description: exception.description ?? '',
    })),
    description: hours.description ?? '',
  };
}

/** The contract's `OpeningHoursInput` for a draft that `hoursProblems` found nothing wrong with. */
export function hoursInputFrom(draft: HoursDraft): Schema<'OpeningHoursInput'> {
  return {
    alwaysOpen: draft.alwaysOpen,
    openOnPublicHolidays: draft.openOnPublicHolidays,
    // Around the clock, weekly periods would be contradictions the citizen never sees.
    schedules: draft.alwaysOpen
      ? []
      : draft.periods.map((period) => ({
          byDay: weekdays.filter((day) => period.days.includes(day)),
          opensAt: period.opensAt,
          closesAt: sentClosing(period.closesAt),
        })),
    exceptions: draft.exceptions.map((exception) => ({
      date: exception.date,
      opensAt: exception.closed ? null : exception.opensAt,
      closesAt: exception.closed ? null : sentClosing(exception.closesAt),
      description: exception.description.trim() || null,
    })),
    description: draft.description.trim() || null,
  };
}

/** Whether a period ends on the next day: its closing time is at or before its opening (`22:00`–`02:00`). */
export const endsNextDay = (opensAt: string, closesAt: string): boolean =>
  opensAt !== '' && closesAt !== '' && closesAt !== '00:00' && closesAt < opensAt;

/**
 * The editor's field ids of the hours: `periods-<n>-days|opensAt|closesAt`, `exceptions-<n>-date|opensAt|closesAt`.
 * They are also what the Hub's pointers below `/openingHours` map to (`hoursFieldOf`).
 */
export type HoursField = `periods-${number}-${'days' | 'opensAt' | 'closesAt'}` | `exceptions-${number}-${'date' | 'opensAt' | 'closesAt'}`;

/** What the contract and the Hub refuse in a draft, said before sending, at the field it concerns. */
export function hoursProblems(draft: HoursDraft): Partial<Record<HoursField, string>> {
  const problems: Partial<Record<HoursField, string>> = {};
  if (!draft.alwaysOpen) {
    draft.periods.forEach((period, index) => {
      if (period.days.length === 0) problems[`periods-${index}-days`] = msg('Wählen Sie mindestens einen Wochentag.');
      if (!period.opensAt) problems[`periods-${index}-opensAt`] = msg('Geben Sie an, wann geöffnet wird.');
      if (!period.closesAt) problems[`periods-${index}-closesAt`] = msg('Geben Sie an, wann geschlossen wird.');
      else if (period.opensAt === period.closesAt) {
        problems[`periods-${index}-closesAt`] = msg(
          'Öffnen und Schließen brauchen verschiedene Uhrzeiten. Für rund um die Uhr wählen Sie „24/7“.',
        );
      }
    });
  }
  const closedDays = new Set(draft.exceptions.filter((exception) => exception.closed).map((exception) => exception.date));
  draft.exceptions.forEach((exception, index) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(exception.date)) problems[`exceptions-${index}-date`] = msg('Geben Sie das Datum an.');
    if (exception.closed) return;
    if (closedDays.has(exception.date)) problems[`exceptions-${index}-date`] = msg('An diesem Tag ist schon „geschlossen“ eingetragen.');
    if (!exception.opensAt) problems[`exceptions-${index}-opensAt`] = msg('Geben Sie an, wann geöffnet wird.');
    if (!exception.closesAt) problems[`exceptions-${index}-closesAt`] = msg('Geben Sie an, wann geschlossen wird.');
    else if (exception.opensAt === exception.closesAt)
      problems[`exceptions-${index}-closesAt`] = msg('Öffnen und Schließen brauchen verschiedene Uhrzeiten.');
  });
  return problems;
}

/** The editor's field for a Hub pointer below `/openingHours` (`/schedules/2/closesAt`), else `undefined`. */
export function hoursFieldOf(pointer: string): HoursField | undefined {
  const [list, index, key] = pointer.split('/').filter(Boolean);
  if (index === undefined || !/^\d+$/.test(index)) return undefined;
  if (list === 'schedules') return `periods-${Number(index)}-${key === 'byDay' ? 'days' : key === 'closesAt' ? 'closesAt' : 'opensAt'}`;
  if (list === 'exceptions')
    return `exceptions-${Number(index)}-${key === 'closesAt' ? 'closesAt' : key === 'opensAt' ? 'opensAt' : 'date'}`;
  return undefined;
}

/**
 * Weekdays as people write them: runs of three or more with a dash, others listed
 * ("Mo–Fr", "Di, Do", "Mo–Mi, Fr, So").
 */
export function daysLabel(days: readonly Weekday[]): string {
  const indexes = weekdays.map((day, index) => (days.includes(day) ? index : -1)).filter((index) => index >= 0);
  const parts: string[] = [];
  for (let start = 0; start < indexes.length;) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    const first = weekdayShort(weekdays[indexes[start]!]!);
    const last = weekdayShort(weekdays[indexes[end]!]!);
    if (end - start >= 2) parts.push(`${first}–${last}`);
    else for (let index = start; index <= end; index++) parts.push(weekdayShort(weekdays[indexes[index]!]!));
    start = end + 1;
  }
  return parts.join(', ');
}

/** A line of the weekly hours as people write it ("Mo–Fr 09:00–12:00"); what is entered of it so far. */
export function periodLabel(period: PeriodDraft): string {
  const times = period.opensAt && period.closesAt ? `${period.opensAt}–${period.closesAt === '00:00' ? '24:00' : period.closesAt}` : '';
  return [daysLabel(period.days), times].filter(Boolean).join(' ');
}

/** The weekly hours in one line: "Mo–Fr 09:00–12:00; Di, Do 14:00–18:00", `24/7`, or empty without hours. */
export function hoursSummary(draft: HoursDraft): string {
  if (draft.alwaysOpen) return msg('rund um die Uhr (24/7)');
  return draft.periods
    .filter((period) => period.days.length > 0 && period.opensAt && period.closesAt)
    .map(periodLabel)
    .join('; ');
}

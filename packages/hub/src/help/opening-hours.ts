import { sql, type RawBuilder } from 'kysely';
import type { Schemas } from '../http/api.js';
import { fieldError, type FieldError } from '../http/problems.js';
import { publicHoliday } from './holidays.js';
import { compareCodeUnits } from '../order.js';

type Weekday = Schemas['HelpSchedule']['byDay'][number];

const weekdays: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const TIME_ZONE = 'Europe/Berlin';

/** A calendar day in the region: ISO date, ISO weekday (1 = Monday) and whether it is a public holiday. */
export interface RegionDay {
  date: string;
  weekday: number;
  holiday: boolean;
}

/** A moment as the region's clocks show it: wall-clock time, today and yesterday. */
export interface RegionMoment {
  time: string;
  today: RegionDay;
  yesterday: RegionDay;
}

const berlinClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function regionDay(date: string): RegionDay {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return { date, weekday, holiday: publicHoliday(date) !== undefined };
}

/**
 * Wall-clock time in Europe/Berlin, so opening hours hold across daylight-saving changes:
 * "09:00" is 08:00 UTC in winter and 07:00 UTC in summer.
 */
export function regionMoment(instant: Date): RegionMoment {
  // Requests of the same second share it: formatting the time zone is a measurable part of a search.
  const second = Math.floor(instant.getTime() / 1000);
  if (lastMoment?.second === second) return lastMoment.moment;
  const moment = momentAt(instant);
  lastMoment = { second, moment };
  return moment;
}

let lastMoment: { second: number; moment: RegionMoment } | undefined;

function momentAt(instant: Date): RegionMoment {
  const parts = Object.fromEntries(berlinClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { time: `${parts.hour}:${parts.minute}:${parts.second}`, today: regionDay(today), yesterday: regionDay(yesterday) };
}

/**
 * The periods (offer_id, opens, closes) in force on one day: an offer's exceptions for the day if
 * it has any; otherwise its weekly hours, unless the day is a public holiday it is closed on.
 * For all offers at once (`forOffer` false: a filter hashes them once per query) or for the
 * offer of the surrounding row (an index lookup: cheap for the rows of one page).
 */
function periodsOn(day: RegionDay, forOffer: boolean): RawBuilder<unknown> {
  const offer = forOffer ? sql`h.offer_id = help_offers.id AND` : sql``;
  const holiday = day.holiday ? sql`AND h.offer_id IN (SELECT o.id FROM help_offers o WHERE o.open_on_public_holidays)` : sql``;
  return sql`SELECT h.offer_id, h.opens, h.closes FROM help_offer_hours h
    WHERE ${offer} h.opens IS NOT NULL AND (
      h.on_date = ${day.date}::date
      OR (${day.weekday}::smallint = ANY (h.weekdays) ${holiday}
        AND h.offer_id NOT IN (SELECT x.offer_id FROM help_offer_hours x WHERE x.on_date = ${day.date}::date)))`;
}

/**
 * The offers open at `moment` by their periods: in a period of today, or in one of yesterday's
 * that runs past midnight (a period whose closing time is not after its opening time ends the
 * next day).
 */
function openByPeriods(moment: RegionMoment, forOffer: boolean): RawBuilder<unknown> {
  const time = sql`${moment.time}::time`;
  return sql`SELECT p.offer_id FROM (${periodsOn(moment.today, forOffer)}) p
      WHERE p.opens <= ${time} AND (p.closes > ${time} OR p.closes <= p.opens)
    UNION ALL
    SELECT p.offer_id FROM (${periodsOn(moment.yesterday, forOffer)}) p
      WHERE p.closes <= p.opens AND p.closes > ${time}`;
}

/** Offers open at `moment`: around the clock, or by their periods. */
export function openNowFilterSql(moment: RegionMoment): RawBuilder<boolean> {
  return sql<boolean>`(help_offers.always_open OR help_offers.id IN (${openByPeriods(moment, false)}))`;
}

/** Whether the offer of the row is open at `moment`; `null` when it states no hours at all. */
export function openNowSql(moment: RegionMoment): RawBuilder<boolean | null> {
  return sql<boolean | null>`CASE
    WHEN help_offers.always_open THEN true
    WHEN NOT EXISTS (SELECT 1 FROM help_offer_hours h WHERE h.offer_id = help_offers.id) THEN NULL
    ELSE EXISTS (${openByPeriods(moment, true)}) END`;
}

/** Today's periods as `{ opensAt, closesAt }`, in the order they open. */
export function hoursTodaySql(moment: RegionMoment): RawBuilder<Schemas['HelpPeriod'][]> {
  return sql<Schemas['HelpPeriod'][]>`(SELECT coalesce(json_agg(json_build_object(
      'opensAt', to_char(p.opens, 'HH24:MI'), 'closesAt', to_char(p.closes, 'HH24:MI')) ORDER BY p.opens, p.closes), '[]')
    FROM (${periodsOn(moment.today, true)}) p)`;
}

/**
 * An offer's hours as kept in memory (`search-index.ts`): its periods with times as PostgreSQL
 * writes a `time` (`09:00:00`, fractions of seconds if stored), which order as text as they do as times.
 */
export interface KeptHours {
  alwaysOpen: boolean;
  openOnPublicHolidays: boolean;
  periods: { weekdays: number[] | null; onDate: string | null; opens: string | null; closes: string | null }[];
}

/** `periodsOn` restated for one offer's kept hours. */
function keptPeriodsOn(hours: KeptHours, day: RegionDay): { opens: string; closes: string }[] {
  const excepted = hours.periods.some((period) => period.onDate === day.date);
  const weekly = !excepted && (!day.holiday || hours.openOnPublicHolidays);
  const periods: { opens: string; closes: string }[] = [];
  for (const { weekdays, onDate, opens, closes } of hours.periods) {
    if (opens === null || closes === null) continue;
    if (onDate === day.date || (weekly && weekdays?.includes(day.weekday))) periods.push({ opens, closes });
  }
  return periods;
}

/** `openNowSql` restated for one offer's kept hours. */
export function keptOpenNow(hours: KeptHours, moment: RegionMoment): boolean | null {
  if (hours.alwaysOpen) return true;
  if (hours.periods.length === 0) return null;
  const { time } = moment;
  return (
    keptPeriodsOn(hours, moment.today).some(({ opens, closes }) => opens <= time && (closes > time || closes <= opens)) ||
    keptPeriodsOn(hours, moment.yesterday).some(({ opens, closes }) => closes <= opens && closes > time)
  );
}

/** `hoursTodaySql` restated for one offer's kept hours. */
export function keptHoursToday(hours: KeptHours, moment: RegionMoment): Schemas['HelpPeriod'][] {
  return keptPeriodsOn(hours, moment.today)
    .sort((a, b) => compareCodeUnits(a.opens, b.opens) || compareCodeUnits(a.closes, b.closes))
    .map(({ opens, closes }) => ({ opensAt: opens.slice(0, 5), closesAt: closes.slice(0, 5) }));
}

/** A stored row of `help_offer_hours`, times as `HH:MM`. */
export interface HoursRow {
  weekdays: number[] | null;
  on_date: string | null;
  opens: string | null;
  closes: string | null;
  description: string | null;
}

export function toHoursRows(hours: Schemas['OpeningHoursInput']): HoursRow[] {
  return [
    ...(hours.schedules ?? []).map((schedule) => ({
      weekdays: schedule.byDay.map((day) => weekdays.indexOf(day) + 1),
      on_date: null,
      opens: schedule.opensAt,
      closes: schedule.closesAt,
      description: null,
    })),
    ...(hours.exceptions ?? []).map((exception) => ({
      weekdays: null,
      on_date: exception.date,
      opens: exception.opensAt ?? null,
      closes: exception.closesAt ?? null,
      description: exception.description ?? null,
    })),
  ];
}

export function fromHoursRows(
  rows: HoursRow[],
  offer: { always_open: boolean; open_on_public_holidays: boolean; hours_description: string | null },
): Schemas['OpeningHours'] {
  const schedules: Schemas['HelpSchedule'][] = [];
  const exceptions: Schemas['HelpScheduleException'][] = [];
  for (const row of rows) {
    if (row.weekdays) {
      schedules.push({ byDay: row.weekdays.map((day) => weekdays[day - 1]!), opensAt: row.opens!, closesAt: row.closes! });
    } else {
      exceptions.push({ date: row.on_date!, opensAt: row.opens, closesAt: row.closes, description: row.description });
    }
  }
  return {
    alwaysOpen: offer.always_open,
    schedules,
    openOnPublicHolidays: offer.open_on_public_holidays,
    exceptions,
    description: offer.hours_description,
  };
}

/** Problems with opening hours the contract's schema cannot express; pointers below `openingHours`. */
export function checkOpeningHours(hours: Schemas['OpeningHoursInput']): FieldError[] {
  const errors: FieldError[] = [];
  (hours.schedules ?? []).forEach((schedule, index) => {
    if (schedule.opensAt === schedule.closesAt) {
      errors.push(
        fieldError(`/schedules/${index}/closesAt`, 'empty-period', 'must differ from opensAt (use alwaysOpen, or 00:00 to 24:00)'),
      );
    }
  });
  const closedDays = new Set(
    (hours.exceptions ?? []).filter((exception) => !exception.opensAt && !exception.closesAt).map((exception) => exception.date),
  );
  (hours.exceptions ?? []).forEach((exception, index) => {
    const opens = exception.opensAt ?? null;
    const closes = exception.closesAt ?? null;
    if ((opens === null) !== (closes === null)) {
      errors.push(fieldError(`/exceptions/${index}`, 'opens-and-closes', 'needs both opensAt and closesAt, or neither (closed all day)'));
    } else if (opens !== null && opens === closes) {
      errors.push(fieldError(`/exceptions/${index}/closesAt`, 'empty-period', 'must differ from opensAt'));
    } else if (opens !== null && closedDays.has(exception.date)) {
      errors.push(fieldError(`/exceptions/${index}`, 'conflicting-exception', `${exception.date} is also marked closed all day`));
    }
  });
  return errors;
}

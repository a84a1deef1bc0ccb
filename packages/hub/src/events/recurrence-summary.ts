import type ICAL from 'ical.js';
import type { Schemas } from '../http/api.js';
import { parseRule } from './recurrence.js';

/**
 * A recurrence in words ("jeden Dienstag", "every first Wednesday of the month"), so every
 * widget and feed says it the same way. Rules beyond the common shapes get a general wording.
 */

type Summary = Schemas['RecurrenceSummary'];
type Locale = keyof Summary;

const weekdayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const ordinals: Record<Locale, Record<string, string>> = {
  de: { '1': 'ersten', '2': 'zweiten', '3': 'dritten', '4': 'vierten', '5': 'fünften', '-1': 'letzten' },
  en: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' },
};
const handledParts = new Set(['BYDAY', 'BYMONTHDAY', 'BYMONTH']);

/**
 * Intl formatters by locale, made once: making one costs far more than formatting with it (on
 * the first page of a month, most series are summarized for the first time).
 */
function formatters<F>(make: (locale: Locale) => F): Record<Locale, F> {
  return { de: make('de'), en: make('en') };
}
const weekdayFormats = formatters((locale) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }));
const listFormats = formatters((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));
const dayMonthFormats = formatters((locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }));
const longDateFormats = formatters((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));

function weekdayName(code: string, locale: Locale): string {
  // 2026-11-01 is a Sunday: add the weekday's index to get a date on that weekday.
  const date = new Date(Date.UTC(2026, 10, 1 + weekdayCodes.indexOf(code)));
  return weekdayFormats[locale].format(date);
}

function list(items: string[], locale: Locale): string {
  return listFormats[locale].format(items);
}

function dayMonth(month: number, day: number, locale: Locale): string {
  return dayMonthFormats[locale].format(new Date(Date.UTC(2026, month - 1, day)));
}

function every(interval: number, unit: { de: [string, string]; en: [string, string] }, locale: Locale): string {
  if (locale === 'de') return interval === 1 ? unit.de[0] : `alle ${interval} ${unit.de[1]}`;
  return interval === 1 ? unit.en[0] : `every ${interval} ${unit.en[1]}`;
}

function describeRule(rule: ICAL.Recur, start: { month: number; day: number; weekday: string }, locale: Locale): string | undefined {
  const interval = rule.interval || 1;
  const byDay = rule.parts.BYDAY ?? [];
  const byMonthDay = rule.parts.BYMONTHDAY ?? [];
  const de = locale === 'de';
  switch (rule.freq) {
    case 'DAILY':
      return byDay.length === 0 ? every(interval, { de: ['täglich', 'Tage'], en: ['daily', 'days'] }, locale) : undefined;
    case 'WEEKLY': {
      const codes = byDay.length > 0 ? byDay : [start.weekday];
      if (codes.some((code) => !weekdayCodes.includes(code))) return undefined;
      const days = list(
        codes.map((code) => weekdayName(code, locale)),
        locale,
      );
      if (interval === 1) return de ? `jeden ${days}` : `every ${days}`;
      return de ? `alle ${interval} Wochen am ${days}` : `every ${interval} weeks on ${days}`;
    }
    case 'MONTHLY': {
      const months = every(interval, { de: ['jeden Monat', 'Monate'], en: ['every month', 'months'] }, locale);
      if (byDay.length === 1 && byMonthDay.length === 0) {
        const match = /^(-?\d)?([A-Z]{2})$/.exec(byDay[0]!);
        const ordinal = match?.[1] ? ordinals[locale][match[1]] : undefined;
        if (!match || !ordinal || !weekdayCodes.includes(match[2]!)) return undefined;
        const weekday = weekdayName(match[2]!, locale);
        if (interval === 1) return de ? `jeden ${ordinal} ${weekday} im Monat` : `every ${ordinal} ${weekday} of the month`;
        return de ? `${months} am ${ordinal} ${weekday}` : `${months} on the ${ordinal} ${weekday}`;
      }
      if (byDay.length > 0 || byMonthDay.length > 1) return undefined;
      const day = byMonthDay[0] ?? start.day;
      if (day < 1) return undefined;
      return de ? `${interval === 1 ? 'monatlich' : months} am ${day}.` : `${interval === 1 ? 'monthly' : months} on day ${day}`;
    }
    case 'YEARLY': {
      if (byDay.length > 0 || byMonthDay.length > 1) return undefined;
      const months = rule.parts.BYMONTH ?? [start.month];
      if (months.length !== 1) return undefined;
      const date = dayMonth(months[0]!, byMonthDay[0] ?? start.day, locale);
      const years = every(interval, { de: ['jährlich', 'Jahre'], en: ['yearly', 'years'] }, locale);
      return de ? `${years} am ${date}` : `${years} on ${date}`;
    }
    default:
      return undefined;
  }
}

function limit(rule: ICAL.Recur, locale: Locale): string {
  if (rule.count) return locale === 'de' ? `, ${rule.count}-mal` : `, ${rule.count} times`;
  if (rule.until) {
    const until = longDateFormats[locale].format(new Date(Date.UTC(rule.until.year, rule.until.month - 1, rule.until.day)));
    return locale === 'de' ? `, bis ${until}` : `, until ${until}`;
  }
  return '';
}

/** Summaries by rule and start date: a page of occurrences repeats a few series, and Intl formatting is slow. */
const summaries = new Map<string, Summary>();
const MAX_CACHED_SUMMARIES = 10_000;

/** The summary of a rule (or of extra dates only) for an event starting at `start` (local). */
export function summarizeRecurrence(rule: string | null, start: string): Summary {
  if (!rule) return { de: 'an mehreren Terminen', en: 'on several dates' };
  const key = `${rule} ${start.slice(0, 10)}`;
  const known = summaries.get(key);
  if (known) return { ...known };
  if (summaries.size >= MAX_CACHED_SUMMARIES) summaries.clear();
  const summary = describeSeries(rule, start);
  summaries.set(key, summary);
  return { ...summary };
}

function describeSeries(rule: string, start: string): Summary {
  const recur = parseRule(rule);
  const [year, month, day] = start.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = weekdayCodes[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const plain = Object.keys(recur.parts).every((part) => handledParts.has(part));
  const summary = {} as Summary;
  for (const locale of ['de', 'en'] as const) {
    const words = plain ? describeRule(recur, { month, day, weekday }, locale) : undefined;
    summary[locale] = (words ?? (locale === 'de' ? 'regelmäßig' : 'repeats')) + limit(recur, locale);
  }
  return summary;
}

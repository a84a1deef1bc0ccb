import { now } from '../clock.js';
import { printTimeZone, type PrintLanguage } from './page.js';

/**
 * How a shift's time is printed on the notice, the sign-in sheet and the certificate: "Sa.,
 * 12. Juni, 16–19 Uhr" (the year only when it is not this year's), and its length in hours as a
 * certificate counts it.
 */

const yearOf = (instant: Date) => new Intl.DateTimeFormat('de', { year: 'numeric', timeZone: printTimeZone }).format(instant);

/** "Sa., 12. Juni" — with the year when the shift is not in the current year (Europe/Berlin). */
export function shiftDay(start: Date, lang: PrintLanguage): string {
  const withYear = yearOf(start) !== yearOf(now());
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: printTimeZone,
  }).format(start);
}

function clock(instant: Date): { hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('de', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: printTimeZone,
  }).formatToParts(instant);
  const part = (type: string) => parts.find((one) => one.type === type)!.value;
  return { hour: part('hour'), minute: part('minute') };
}

/** "16–19 Uhr" on full hours, else "16:30–19:00 Uhr"; in English "16:00–19:00". */
export function shiftHours(start: Date, end: Date, lang: PrintLanguage): string {
  const [from, to] = [clock(start), clock(end)];
  if (lang === 'de' && from.minute === '00' && to.minute === '00') return `${Number(from.hour)}–${Number(to.hour)}\u00a0Uhr`;
  const time = ({ hour, minute }: { hour: string; minute: string }) => `${hour}:${minute}`;
  return `${time(from)}–${time(to)}${lang === 'de' ? '\u00a0Uhr' : ''}`;
}

/** "Sa., 12. Juni, 16–19 Uhr". */
export const shiftWhen = (start: Date, end: Date, lang: PrintLanguage): string =>
  `${shiftDay(start, lang)}, ${shiftHours(start, end, lang)}`;

/**
 * A shift's length in tenths of an hour, from the instants (so a night across the end of summer
 * time counts the hour it gains). Rounded per shift, so the printed rows add up to the total.
 */
export const tenthsOfHours = (start: Date, end: Date): number => Math.round((end.getTime() - start.getTime()) / 360_000);

/** "7,5" (German) or "7.5": hours with one decimal. */
export function printHours(tenths: number, lang: PrintLanguage): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 10);
}

import { msg, str } from '@lit/localize';
import type { Formats } from '../../core/format.js';

/** The calendar day twelve months before `today` (`2026-12-02` → `2025-12-02`; 29 February → 1 March). */
export function yearBefore(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * "zuletzt geprüft" of an offer for its organization, and whether it is stale: never checked, or
 * longer ago than twelve months (the dashboard's rule), counted in the region's calendar days.
 */
export function verificationLine(assuredDate: string | null, format: Formats, now: Date = new Date()): { text: string; stale: boolean } {
  if (!assuredDate) return { text: msg('Noch nie als geprüft vermerkt.'), stale: true };
  const stale = assuredDate < yearBefore(format.day(now));
  const date = format.calendarDate(assuredDate);
  return stale
    ? { text: msg(str`Zuletzt geprüft am ${date}: vor über einem Jahr. Bitte prüfen Sie die Angaben.`), stale }
    : { text: msg(str`Zuletzt geprüft am ${date}.`), stale };
}

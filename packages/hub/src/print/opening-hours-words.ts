import type { Schemas } from '../http/api.js';

type Weekday = Schemas['HelpSchedule']['byDay'][number];

const week: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const dayNames: Record<Weekday, string> = {
  MO: 'Montag',
  TU: 'Dienstag',
  WE: 'Mittwoch',
  TH: 'Donnerstag',
  FR: 'Freitag',
  SA: 'Samstag',
  SU: 'Sonntag',
};

/** "A", "A und B", "A, B und C". */
function enumeration(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} und ${parts.at(-1)}`;
}

/** Days as read aloud: runs of three or more as "Montag bis Freitag", the others one by one. */
export function daysInWords(days: readonly Weekday[]): string {
  const sorted = week.filter((day) => days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && week.indexOf(day) === week.indexOf(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [`${dayNames[run[0]!]} bis ${dayNames[run.at(-1)!]}`] : run.map((day) => dayNames[day]),
  );
  return enumeration(parts);
}

/** "09:00" → "9", "09:30" → "9.30", as German notices write times before "Uhr". */
function clockTime(time: string): string {
  const [hours = '0', minutes = '00'] = time.split(':');
  return minutes === '00' ? String(Number(hours)) : `${Number(hours)}.${minutes}`;
}

/**
 * An offer's regular hours in German phrases (to be read one a line or joined by semicolons), for paper (a printed guide is read
 * for months, so the dated exceptions are left out and the offer's own description stands in).
 */
export function openingHoursInWords(hours: Schemas['OpeningHours']): string[] {
  if (hours.alwaysOpen) return ['Rund um die Uhr, an jedem Tag', ...(hours.description ? [hours.description] : [])];
  // Schedules on the same days make one line: "Montag bis Freitag 9 bis 12 Uhr und 14 bis 16 Uhr".
  const byDays = new Map<string, { days: Weekday[]; periods: string[] }>();
  for (const schedule of hours.schedules) {
    const key = week.filter((day) => schedule.byDay.includes(day)).join(',');
    const entry = byDays.get(key) ?? { days: schedule.byDay, periods: [] };
    entry.periods.push(`${clockTime(schedule.opensAt)} bis ${clockTime(schedule.closesAt)} Uhr`);
    byDays.set(key, entry);
  }
  return [
    ...[...byDays.values()].map(({ days, periods }) => `${daysInWords(days)} ${enumeration(periods)}`),
    ...(hours.description ? [hours.description] : []),
    ...(hours.schedules.length > 0 && !hours.openOnPublicHolidays ? ['an Feiertagen geschlossen'] : []),
  ];
}

/**
 * Public holidays in Bavaria (Feiertagsgesetz Art. 1), on which offers are closed unless they say
 * otherwise. Mariä Himmelfahrt is a holiday only in municipalities with a mainly Catholic
 * population; the city and county of Würzburg are counted as such as a whole.
 */

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

const fixed: [string, string][] = [
  ['01-01', 'Neujahr'],
  ['01-06', 'Heilige Drei Könige'],
  ['05-01', 'Tag der Arbeit'],
  ['08-15', 'Mariä Himmelfahrt'],
  ['10-03', 'Tag der Deutschen Einheit'],
  ['11-01', 'Allerheiligen'],
  ['12-25', '1. Weihnachtstag'],
  ['12-26', '2. Weihnachtstag'],
];

/** Days after Easter Sunday. */
const movable: [number, string][] = [
  [-2, 'Karfreitag'],
  [1, 'Ostermontag'],
  [39, 'Christi Himmelfahrt'],
  [50, 'Pfingstmontag'],
  [60, 'Fronleichnam'],
];

const byYear = new Map<number, Map<string, string>>();

/** The holidays of a year: ISO date → German name. */
export function bavarianPublicHolidays(year: number): Map<string, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const padded = String(year).padStart(4, '0');
    holidays = new Map([
      ...fixed.map(([monthDay, name]): [string, string] => [`${padded}-${monthDay}`, name]),
      ...movable.map(([offset, name]): [string, string] => [addDays(easter, offset), name]),
    ]);
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The name of the public holiday on an ISO date (`2026-12-25`), if it is one. */
export function publicHoliday(date: string): string | undefined {
  return bavarianPublicHolidays(Number(date.slice(0, 4))).get(date);
}

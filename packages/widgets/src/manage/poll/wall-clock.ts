/**
 * A moment as a `datetime-local` input shows and takes it (`2026-12-02T18:00`), on the clocks of
 * `timeZone` (the region's, Europe/Berlin) whatever zone the clerk's computer is set to.
 */
const fields = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The wall-clock reading at `time` in the zone, as milliseconds of a UTC date with the same fields. */
function wallClock(time: number, timeZone: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of fields(timeZone).formatToParts(time)) part[type] = Number(value);
  return Date.UTC(part['year']!, part['month']! - 1, part['day'], part['hour'], part['minute'], part['second']);
}

/** `2026-12-02T18:00` for the ISO instant `iso`, read on the zone's clocks. */
export function toWallClock(iso: string, timeZone: string): string {
  return new Date(wallClock(Date.parse(iso), timeZone)).toISOString().slice(0, 16);
}

/**
 * The ISO instant the zone's clocks show as `local` (`2026-12-02T18:00`), or `undefined` for an
 * incomplete input. The zone's offset is taken at a first guess and again at the corrected moment:
 * they differ when the daylight-saving change lies between them.
 */
export function fromWallClock(local: string, timeZone: string): string | undefined {
  const reading = Date.parse(`${local}:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(reading)) return undefined;
  const guess = reading - (wallClock(reading, timeZone) - reading);
  return new Date(reading - (wallClock(guess, timeZone) - guess)).toISOString();
}

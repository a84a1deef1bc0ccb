import { now } from '../../clock.js';
import { Lines } from '../../events/ics-export.js';
import { isOn, type SignupRow } from './queries.js';
import { placeOf, shiftTitle } from './wording.js';

/**
 * The volunteer's shifts as iCalendar, one VEVENT per sign-up that is still on (UID from the
 * sign-up, so a later file updates the same entry in the calendar), in UTC.
 */
export function shiftsCalendar(rows: readonly SignupRow[]): string {
  const lines = new Lines();
  lines.raw('BEGIN', 'VCALENDAR');
  lines.raw('VERSION', '2.0');
  lines.text('PRODID', '-//Smart Region Würzburg//Hub//DE');
  lines.raw('CALSCALE', 'GREGORIAN');
  lines.raw('METHOD', 'PUBLISH');
  for (const row of rows.filter(isOn)) {
    lines.raw('BEGIN', 'VEVENT');
    lines.text('UID', `volunteer-signup-${row.id}@smart-region-hub`);
    lines.stamp('DTSTAMP', now());
    lines.stamp('DTSTART', row.starts_at);
    lines.stamp('DTEND', row.ends_at);
    lines.text('SUMMARY', shiftTitle(row));
    lines.text('LOCATION', placeOf(row));
    lines.text('DESCRIPTION', row.organization_name);
    lines.raw('STATUS', row.response_status === 'new' && row.approval_required ? 'TENTATIVE' : 'CONFIRMED');
    lines.raw('END', 'VEVENT');
  }
  lines.raw('END', 'VCALENDAR');
  return lines.toString();
}

/** The calendar as a mail attachment. */
export function calendarAttachment(rows: readonly SignupRow[]) {
  return { filename: 'einsaetze.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: shiftsCalendar(rows) };
}

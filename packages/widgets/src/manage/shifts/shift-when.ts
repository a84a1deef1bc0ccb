import type { Formats } from '../../core/format.js';
import { itemPath } from '../shared/navigation.js';

/** When a shift is, as a club says it: "Sa., 12. Juni 2027, 16:00–19:00". */
export const shiftWhen = (format: Formats, { startsAt, endsAt }: { startsAt: string; endsAt: string }): string =>
  format.dateRange(new Date(startsAt), new Date(endsAt), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The address of a shift's roster: below its need, `…/volunteer-needs/<need>/shifts/<shift>`. */
export const rosterPath = (organizationId: string, needId: string, shiftId: string): string =>
  `${itemPath(organizationId, 'volunteer-need', needId)}/shifts/${encodeURIComponent(shiftId)}`;

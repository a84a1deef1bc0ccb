import { pages, type HubClient, type Schema } from '@smart-region/sdk';
import type { Formats } from '../../core/format.js';
import { addDays } from '../../event-calendar/dates.js';

type Occurrence = Schema<'EventOccurrence'>;

/** The days the workspace looks ahead for an event's dates: from today, the longest range the Hub expands. */
export function occurrenceRange(format: Formats): { from: string; to: string } {
  const from = format.day(new Date());
  return { from, to: addDays(from, 365) };
}

/**
 * The organization's published occurrences in `range`, in order, page by page, until `enough`
 * says so (drafts have none: the Hub expands only what citizens see).
 */
async function walkOccurrences(
  hub: HubClient,
  organizationId: string,
  range: { from: string; to: string },
  signal: AbortSignal | undefined,
  enough: (occurrence: Occurrence) => boolean,
): Promise<void> {
  const query = { organization: [organizationId], ...range, limit: 100 };
  for await (const page of pages(hub, '/events', { params: { query }, signal })) {
    for (const occurrence of page.items) if (enough(occurrence)) return;
  }
}

/** Each event's next occurrence that is not cancelled, by event id. */
export async function nextOccurrences(
  hub: HubClient,
  organizationId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<Map<string, Occurrence>> {
  const next = new Map<string, Occurrence>();
  await walkOccurrences(hub, organizationId, range, signal, (occurrence) => {
    if (occurrence.status !== 'cancelled' && !next.has(occurrence.eventId)) next.set(occurrence.eventId, occurrence);
    return false;
  });
  return next;
}

/** The next `count` occurrences of one event, cancelled ones included (they can be restored). */
export async function occurrencesOf(
  hub: HubClient,
  organizationId: string,
  eventId: string,
  range: { from: string; to: string },
  count: number,
  signal?: AbortSignal,
): Promise<Occurrence[]> {
  const found: Occurrence[] = [];
  await walkOccurrences(hub, organizationId, range, signal, (occurrence) => {
    if (occurrence.eventId === eventId) found.push(occurrence);
    return found.length >= count;
  });
  return found;
}

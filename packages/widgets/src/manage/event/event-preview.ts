import type { Schema } from '@smart-region/sdk';
import type { Formats } from '../../core/format.js';
import { addDays, type Day } from '../../event-calendar/dates.js';
import type { WidgetRequest } from '../shared/draft-preview.js';

export type EventPreviewRequest = Schema<'EventPreviewRequest'>;
type EventPreview = Schema<'EventPreview'>;
type OccurrencePage = Schema<'EventOccurrencePage'>;

/** A preview with the request it answers: the calendar's ranges are asked for with the same fields. */
export interface PreviewedEvent {
  request: EventPreviewRequest;
  preview: EventPreview;
}

/** The longest range the Hub expands at once. */
const windowDays = 366;

/**
 * The range the preview is asked for: the coming year, from today. The calendar in the preview
 * starts at the first coming date, and most of what a reader pages to lies within it.
 */
export function previewWindow(format: Formats): { from: string; to: string } {
  const today = format.day(new Date());
  return { from: format.startOfDay(today).toISOString(), to: format.startOfDay(addDays(today, windowDays)).toISOString() };
}

/** The day the calendar starts at: the first coming date, else the event's own first day. */
export function firstShownDay({ request, preview }: PreviewedEvent, format: Formats): Day {
  const first = preview.occurrences[0];
  if (!first) return preview.event.start.slice(0, 10);
  const from = format.day(new Date(request.from));
  const day = first.allDay ? first.start : format.day(new Date(first.start));
  // An event of several days that began before today is listed from today.
  return day < from ? from : day;
}

/**
 * The calendar's `GET /events?from&to…` answered as one page with the previewed event's
 * occurrences in exactly that range, from a preview asked for that range with the same fields:
 * the Hub alone decides what falls into a range (all-day and multi-day dates, time zones), as it
 * does on the website. The calendar's filters are not applied: the preview holds the one event.
 * Other reads go on to the Hub (`undefined`).
 */
export function answerCalendar(
  { request }: PreviewedEvent,
  { method, url }: WidgetRequest,
  ask: (request: EventPreviewRequest) => Promise<EventPreview>,
): Promise<OccurrencePage> | undefined {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (method !== 'GET' || !url.pathname.endsWith('/events') || !from || !to) return undefined;
  return ask({ ...request, from, to }).then((preview) => ({ items: preview.occurrences, nextCursor: null }));
}

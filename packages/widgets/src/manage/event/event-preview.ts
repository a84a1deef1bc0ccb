import type { Schema } from '@smart-region/sdk';
import type { Formats } from '../../core/format.js';
import { addDays, type Day } from '../../event-calendar/dates.js';
import type { WidgetRequest } from '../shared/draft-preview.js';

export type EventPreviewRequest = Schema<'EventPreviewRequest'>;
type EventPreview = Schema<'EventPreview'>;
type Occurrence = Schema<'EventOccurrence'>;
type OccurrencePage = Schema<'EventOccurrencePage'>;

/** A preview with the request it answers: days outside its range are asked for with the same fields. */
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

/** The moments an occurrence covers: all-day ones from the first day's midnight to the one after the last. */
function span(occurrence: Occurrence, format: Formats): [number, number] {
  if (!occurrence.allDay) return [Date.parse(occurrence.start), Date.parse(occurrence.end)];
  return [format.startOfDay(occurrence.start).getTime(), format.startOfDay(addDays(occurrence.end, 1)).getTime()];
}

/** As the Hub decides it for `GET /events`: overlapping `[from, to)`; one without duration belongs where it starts. */
function overlaps(occurrence: Occurrence, from: number, to: number, format: Formats): boolean {
  const [start, end] = span(occurrence, format);
  return start < to && (end > from || (end === start && start >= from));
}

/**
 * The calendar's `GET /events?from&to…` answered with the previewed event's occurrences in that
 * range, as one page: from the preview when it covers the range, else from a preview asked for
 * that range with the same fields. The calendar's filters are not applied: the preview holds the
 * one event, and the organization's website shows it. Other reads go on to the Hub (`undefined`).
 */
export function answerCalendar(
  previewed: PreviewedEvent,
  { method, url }: WidgetRequest,
  format: Formats,
  ask: (request: EventPreviewRequest) => Promise<EventPreview>,
): OccurrencePage | Promise<OccurrencePage> | undefined {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (method !== 'GET' || !url.pathname.endsWith('/events') || !from || !to) return undefined;
  const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
  const page = (occurrences: Occurrence[]): OccurrencePage => ({
    items: occurrences.filter((occurrence) => overlaps(occurrence, fromMs, toMs, format)),
    nextCursor: null,
  });
  const { request, preview } = previewed;
  if (fromMs >= Date.parse(request.from) && toMs <= Date.parse(request.to)) return page(preview.occurrences);
  return ask({ ...request, from, to }).then((other) => page(other.occurrences));
}

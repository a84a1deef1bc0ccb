import { expect } from '@open-wc/testing';
import type { Schema } from '@smart-region/sdk';
import { formats } from '../../core/format.js';
import { answerCalendar, firstShownDay, type EventPreviewRequest, type PreviewedEvent } from './event-preview.js';

type Occurrence = Schema<'EventOccurrence'>;
type EventPreview = Schema<'EventPreview'>;

const format = formats('de', 'Europe/Berlin');

const occurrence = (start: string, end: string, allDay = false): Occurrence =>
  ({ eventId: 'e1', recurrenceId: null, start, end, allDay }) as Occurrence;

/** A rehearsal on Thursday 3 December, a festival over Saturday and Sunday, and the rehearsal a week later. */
const occurrences = [
  occurrence('2026-12-03T19:00:00+01:00', '2026-12-03T21:00:00+01:00'),
  occurrence('2026-12-05', '2026-12-06', true),
  occurrence('2026-12-10T19:00:00+01:00', '2026-12-10T21:00:00+01:00'),
];

/** The preview of the coming year from Wednesday 2 December 2026, midnight in Berlin. */
const previewed: PreviewedEvent = {
  request: {
    event: { title: 'Chorprobe', start: '2026-12-03T19:00', end: '2026-12-03T21:00' },
    from: '2026-12-01T23:00:00.000Z',
    to: '2027-12-02T23:00:00.000Z',
  },
  preview: { event: { start: '2026-12-03T19:00:00' }, occurrences } as EventPreview,
};

/** The calendar's request for `[from, to)`, days at midnight in Berlin as it asks. */
const calendarRead = (from: string, to: string, path = '/events') => ({
  method: 'GET',
  url: new URL(
    `https://hub.example${path}?from=${format.startOfDay(from).toISOString()}&to=${format.startOfDay(to).toISOString()}&organization=o1&limit=100`,
  ),
});

const never = (): Promise<EventPreview> => {
  throw new Error('nothing to ask');
};

describe('the event form’s preview, as the calendar reads it', () => {
  it('asks for the calendar’s range with the same fields, and answers with the occurrences as one page', async () => {
    const asked: EventPreviewRequest[] = [];
    const ask = async (request: EventPreviewRequest): Promise<EventPreview> => {
      asked.push(request);
      return { ...previewed.preview, occurrences: [occurrence('2026-11-26T19:00:00+01:00', '2026-11-26T21:00:00+01:00')] };
    };
    const page = await answerCalendar(previewed, calendarRead('2026-11-18', '2026-12-02'), ask);
    expect(page).to.deep.equal({ items: [occurrence('2026-11-26T19:00:00+01:00', '2026-11-26T21:00:00+01:00')], nextCursor: null });
    expect(asked).to.deep.equal([{ ...previewed.request, from: '2026-11-17T23:00:00.000Z', to: '2026-12-01T23:00:00.000Z' }]);
  });

  it('passes the calendar’s other reads on to the Hub', () => {
    expect(answerCalendar(previewed, calendarRead('2026-12-02', '2026-12-16', '/event-categories'), never)).to.equal(undefined);
    expect(answerCalendar(previewed, { method: 'GET', url: new URL('https://hub.example/organizations?limit=100') }, never)).to.equal(
      undefined,
    );
  });

  it('starts the calendar at the first coming date, from today for one already under way, else at the event’s first day', () => {
    expect(firstShownDay(previewed, format)).to.equal('2026-12-03');
    const underWay = { ...previewed, preview: { ...previewed.preview, occurrences: [occurrence('2026-11-30', '2026-12-04', true)] } };
    expect(firstShownDay(underWay, format)).to.equal('2026-12-02');
    const past = { ...previewed, preview: { event: { ...previewed.preview.event, start: '2025-05-01' }, occurrences: [] } };
    expect(firstShownDay(past, format)).to.equal('2025-05-01');
  });
});

import { toOccurrences } from '../../events/model.js';
import { findOccurrences, parseRange } from '../../events/occurrences.js';
import { formatLocal, today } from '../../events/recurrence.js';
import type { DatasetTable, ReadTable } from './table.js';

const columns = [
  'id',
  'eventId',
  'recurrenceId',
  'title',
  'description',
  'start',
  'end',
  'allDay',
  'timeZone',
  'status',
  'categories',
  'placeName',
  'address',
  'municipalityId',
  'lat',
  'lon',
  'organizationId',
  'organizer',
  'isFree',
  'price',
  'accessibility',
  'link',
  'isExample',
] as const;

/** How far ahead the dataset reaches (its temporal coverage in the catalogue: a rolling year). */
const DAYS_AHEAD = 365;

/** From today (midnight in the region, on the Hub's clock) to a year later. */
function comingYear() {
  const end = today();
  end.adjust(DAYS_AHEAD, 0, 0, 0);
  return parseRange(formatLocal(today()), formatLocal(end));
}

/**
 * Each occurrence of a published event in the coming year as a row, cancelled ones with their
 * status: expanded by the same code as `GET /events`, so both list the same dates.
 */
export const readEvents: ReadTable = async (db): Promise<DatasetTable<(typeof columns)[number]>> => {
  const found = await findOccurrences(db, {}, comingYear());
  return {
    columns,
    entries: found.map(({ row, occurrence }) => {
      const item = toOccurrences(row, [occurrence])[0]!;
      const id = item.recurrenceId === null ? item.eventId : `${item.eventId}/${item.recurrenceId}`;
      const coordinates = item.location?.coordinates ?? null;
      return {
        id,
        fields: {
          id,
          eventId: item.eventId,
          recurrenceId: item.recurrenceId,
          title: item.title,
          description: item.description,
          start: item.start,
          end: item.end,
          allDay: item.allDay,
          timeZone: item.timeZone,
          status: item.status,
          categories: item.categories,
          placeName: item.location?.name ?? null,
          address: item.location?.address ?? null,
          municipalityId: item.location?.municipalityId ?? null,
          lat: coordinates?.lat ?? null,
          lon: coordinates?.lon ?? null,
          organizationId: item.organizer.organizationId,
          organizer: item.organizer.name,
          isFree: item.isFree,
          price: item.price,
          accessibility: item.accessibility,
          link: item.link,
          isExample: item.isExample,
        },
        places: coordinates ? [{ ...coordinates, fields: {} }] : [],
      };
    }),
  };
};

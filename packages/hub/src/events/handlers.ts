import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { mayRead, mayReadDrafts } from '../auth/authorize.js';
import type { Database } from '../db/schema.js';
import type { Handlers, OperationRequest } from '../http/api.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { DEFAULT_LIMIT, mapPage } from '../http/listing.js';
import { writeIfUnchanged } from '../http/preconditions.js';
import { withoutSaving } from '../http/preview.js';
import { invalidBody, ProblemError } from '../http/problems.js';
import { existingOrganization, knownMunicipalities } from '../orgs/lookups.js';
import { sortKey } from '../http/text.js';
import { eventCategories } from './categories.js';
import { toCalendar } from './ics-export.js';
import { importCalendar } from './ics-import.js';
import { checkEvent, completeInput, dataFromRow, toColumns, toEvent, toOccurrences, type EventData } from './model.js';
import {
  compareOccurrences,
  expandEvent,
  findOccurrences,
  occurrencesAfter,
  parseRange,
  position,
  type OccurrencePosition,
} from './occurrences.js';
import { deleteEvents, findEvent, insertEvent, listOrganizationEvents, updateEvent, type EventFilters } from './queries.js';
import { formatLocal, today, type Occurrence } from './recurrence.js';

const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
/** Feeds without `from` start this many days back, so recent events stay in subscribed calendars. */
const FEED_DAYS_BACK = 31;

type EventOperations =
  | 'listEventCategories'
  | 'listEventOccurrences'
  | 'getEventsCalendar'
  | 'getEvent'
  | 'getEventCalendar'
  | 'listOrganizationEvents'
  | 'createEvent'
  | 'updateEvent'
  | 'deleteEvent'
  | 'previewEvent'
  | 'importCalendar';

async function checkedEvent(db: Kysely<Database>, data: EventData) {
  const municipalities = await knownMunicipalities(db);
  const checked = checkEvent(data, municipalities);
  if (checked.errors.length > 0) throw invalidBody(checked.errors);
  return toColumns(checked.data, municipalities);
}

const notFound = (eventId: string) => new ProblemError('not-found', `There is no event "${eventId}".`);

async function existingEvent(db: Kysely<Database>, eventId: string) {
  const row = await findEvent(db, eventId);
  if (!row) throw notFound(eventId);
  return row;
}

const eventEntry = (id: string) => ({ table: 'events', id, noun: 'event' }) as const;

function sendCalendar(reply: FastifyReply, calendar: string, filename?: string): string {
  reply.type(CALENDAR_CONTENT_TYPE);
  if (filename) reply.header('Content-Disposition', `attachment; filename="${filename}.ics"`);
  return calendar;
}

/** Midnight in the region's zone `days` days before today: a feed's default start, stable for a day. */
function daysAgo(days: number): string {
  const date = today();
  date.adjust(-days, 0, 0, 0);
  return formatLocal(date);
}

/**
 * The page of occurrences `GET /events` answers for a query: also the page the schema.org feed
 * (`GET /events.jsonld`) maps, so both list the same occurrences for the same parameters.
 */
export async function occurrencePage(db: Kysely<Database>, query: OperationRequest<'listEventOccurrences'>['query']) {
  const { from, to, cursor, municipality, organization, category, q, modifiedAfter } = query;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(cursor, 3) as OccurrencePosition | undefined;
  const filters = { municipality, organization, category, q, modifiedAfter };
  const rest = await occurrencesAfter(db, filters, parseRange(from, to), after, limit + 1);
  return toPage(rest, limit, position, ({ row, occurrence }) => toOccurrences(row, [occurrence])[0]!);
}

export function eventHandlers(db: Kysely<Database>, version: string): Pick<Handlers, EventOperations> {
  return {
    async listEventCategories() {
      return { items: [...eventCategories], nextCursor: null };
    },

    async listEventOccurrences(request) {
      return occurrencePage(db, request.query);
    },

    async getEventsCalendar(request, reply) {
      const { municipality, organization, category, q } = request.query;
      const range = parseRange(request.query.from ?? daysAgo(FEED_DAYS_BACK), request.query.to);
      const filters: EventFilters = { municipality, organization, category, q };
      const rows = [...new Map((await findOccurrences(db, filters, range)).map(({ row }) => [row.id, row])).values()];
      return sendCalendar(reply, toCalendar(rows, { name: 'Veranstaltungen in der Region Würzburg', version }));
    },

    async getEvent(request) {
      const row = await existingEvent(db, request.params.eventId);
      if (!mayRead(request, row)) throw notFound(row.id);
      return toEvent(row);
    },

    async getEventCalendar(request, reply) {
      const row = await existingEvent(db, request.params.eventId);
      // A feed is for citizens: a draft is not there yet.
      if (!row.published) throw notFound(row.id);
      const filename =
        sortKey(row.title)
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'termin';
      return sendCalendar(reply, toCalendar([row], { name: row.title, version }), filename);
    },

    async listOrganizationEvents(request) {
      const { organizationId } = request.params;
      await existingOrganization(db, organizationId);
      return mapPage(await listOrganizationEvents(db, organizationId, { ...request.query, drafts: mayReadDrafts(request) }), toEvent);
    },

    async createEvent(request, reply) {
      const { organizationId } = request.params;
      const columns = { ...(await checkedEvent(db, completeInput(request.body))), published: request.body.published ?? true };
      const id = await insertEvent(db, { organizationId, imported: false }, columns);
      reply.code(201).header('Location', `/events/${id}`);
      return toEvent((await findEvent(db, id))!);
    },

    async updateEvent(request) {
      const row = await existingEvent(db, request.params.eventId);
      // The stored event with the sent fields replaced, checked as a whole like a new one.
      const merged = completeInput({ ...dataFromRow(row), ...request.body });
      const columns = { ...(await checkedEvent(db, merged)), published: request.body.published ?? row.published };
      await writeIfUnchanged(db, request, eventEntry(row.id), (trx) => updateEvent(trx, row.id, columns));
      return toEvent((await findEvent(db, row.id))!);
    },

    async deleteEvent(request, reply) {
      const row = await existingEvent(db, request.params.eventId);
      await writeIfUnchanged(db, request, eventEntry(row.id), (trx) => deleteEvents(trx, [row.id]));
      return reply.code(204).send();
    },

    async previewEvent(request) {
      const { organizationId } = request.params;
      const { event: input, replaces, from, to } = request.body;
      const range = parseRange(from, to, 'body');
      return withoutSaving(db, 'event', async (trx) => {
        let id: string;
        if (replaces === undefined) {
          id = await insertEvent(
            trx,
            { organizationId, imported: false },
            { ...(await checkedEvent(trx, completeInput(input))), published: true },
          );
        } else {
          const row = await existingEvent(trx, replaces);
          if (row.organization_id !== organizationId) throw notFound(replaces);
          // As updateEvent merges: the stored event with the sent fields replaced.
          const merged = completeInput({ ...dataFromRow(row), ...input });
          await updateEvent(trx, row.id, { ...(await checkedEvent(trx, merged)), published: true });
          id = row.id;
        }
        const row = (await findEvent(trx, id))!;
        // In the order GET /events lists them: a moved or cancelled date comes where it falls.
        const at = (occurrence: Occurrence) => position({ row, occurrence });
        const occurrences = [...expandEvent(row, range)].sort((a, b) => compareOccurrences(at(a), at(b)));
        return { event: toEvent(row), occurrences: toOccurrences(row, occurrences) };
      });
    },

    async importCalendar(request) {
      const { organizationId } = request.params;
      return importCalendar(db, organizationId, request.body as string);
    },
  };
}

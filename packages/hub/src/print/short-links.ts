import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isUuid } from '../auth/resource-owners.js';
import type { Database } from '../db/schema.js';
import type { EventRow } from '../events/model.js';
import { expandEvent, parseRange } from '../events/occurrences.js';
import { findEvent } from '../events/queries.js';
import { formatLocal, today } from '../events/recurrence.js';
import { ProblemError } from '../http/problems.js';

/**
 * Short links: the address under each printed QR code, short enough to type by hand. An event or
 * a volunteer need is named by the first 8 hex characters of its (random) UUID, or by the whole
 * UUID where another item of its kind shares them; a poll by its short code. Each answers 302 to
 * the item's public page, or 404 while the item is not public (a draft, an organization not
 * approved) or not there.
 */

const SHORT_ID = /^[0-9a-f]{8}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Kind {
  path: string;
  noun: string;
  table: 'events' | 'volunteer_needs';
  /** The public page of a published item of an approved organization (`slug`, its organization's). */
  target(db: Kysely<Database>, item: { id: string; slug: string }, query: Record<string, unknown>): Promise<string | undefined>;
}

const widgetPage = (widget: string, parameters: Record<string, string>) => `/w/${widget}?${new URLSearchParams(parameters).toString()}`;

/** The first day the event takes place on from today on (its first day when all are past). */
function nextDay(row: EventRow): string {
  const upcoming = expandEvent(row, parseRange(formatLocal(today()), undefined)).find(
    (occurrence) => occurrence.override?.status !== 'cancelled',
  );
  return (upcoming?.start ?? row.start_local).slice(0, 10);
}

const kinds = {
  /** The calendar has no page of one event: its list from the event's day, filtered to the event. */
  event: {
    path: 'e',
    noun: 'event',
    table: 'events',
    async target(db, { id, slug }, query) {
      const row = await findEvent(db, id);
      if (!row) return undefined;
      const date = typeof query['date'] === 'string' && DAY.test(query['date']) ? query['date'] : nextDay(row);
      return widgetPage('event-calendar', { view: 'list', date, organization: slug, q: row.title });
    },
  },
  /** The organization's board, opening the need's form (its shifts to choose) at once. */
  need: {
    path: 'n',
    noun: 'volunteer need',
    table: 'volunteer_needs',
    async target(_db, { id, slug }) {
      return `${widgetPage('volunteer-board', { organization: slug })}#need=${id}`;
    },
  },
} as const satisfies Record<string, Kind>;

export type ShortLinkKind = keyof typeof kinds;

/** UUIDs are compared as such (the primary key's index); a short id is the range of UUIDs it begins. */
function matching(db: Kysely<Database>, table: Kind['table'], short: string) {
  const query = db.selectFrom(table);
  if (isUuid(short)) return query.where(`${table}.id`, '=', short);
  return query
    .where(`${table}.id`, '>=', `${short}-0000-0000-0000-000000000000`)
    .where(`${table}.id`, '<=', `${short}-ffff-ffff-ffff-ffffffffffff`);
}

/**
 * The short URL of an event or a volunteer need, under the Hub's public URL; `date` (an event's
 * occurrence, `YYYY-MM-DD`) makes the calendar open on that day.
 */
export async function shortUrl(db: Kysely<Database>, publicUrl: string, kind: ShortLinkKind, id: string, date?: string): Promise<string> {
  const { path, table } = kinds[kind];
  const short = id.slice(0, 8).toLowerCase();
  const { count } = await matching(db, table, short)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const name = Number(count) > 1 ? id : short;
  return `${publicUrl}/${path}/${name}${date === undefined ? '' : `?date=${date}`}`;
}

/** The short URL of a poll; with a participation code in the fragment, which browsers keep across the redirect and never send. */
export function pollShortUrl(publicUrl: string, shortCode: string, code?: string): string {
  return `${publicUrl}/p/${shortCode}${code === undefined ? '' : `#code=${encodeURIComponent(code)}`}`;
}

type ShortLinkRequest = FastifyRequest<{ Params: { short: string }; Querystring: Record<string, unknown> }>;

function redirectOf(db: Kysely<Database>, kind: Kind) {
  return async (request: ShortLinkRequest, reply: FastifyReply) => {
    const short = request.params.short.toLowerCase();
    const notFound = new ProblemError('not-found', `There is no ${kind.noun} "${request.params.short}".`);
    if (!SHORT_ID.test(short) && !isUuid(short)) throw notFound;
    const found = await matching(db, kind.table, short)
      .innerJoin('organizations', 'organizations.id', `${kind.table}.organization_id`)
      .select([
        `${kind.table}.id as id`,
        `${kind.table}.published as published`,
        'organizations.slug as slug',
        'organizations.status as status',
      ])
      .limit(2)
      .execute();
    const [item] = found;
    // Two items sharing the short id: their notices print the whole UUID, so this one names neither.
    if (found.length !== 1 || !item!.published || item!.status !== 'approved') throw notFound;
    const target = await kind.target(db, item!, request.query);
    if (target === undefined) throw notFound;
    return reply.header('Cache-Control', 'no-cache').redirect(target, 302);
  };
}

/** `GET /e/{short}`, `GET /n/{short}`, `GET /p/{shortCode}`. */
export function registerShortLinks(app: FastifyInstance, db: Kysely<Database>): void {
  for (const kind of Object.values(kinds)) app.get(`/${kind.path}/:short`, redirectOf(db, kind));
  app.get('/p/:short', async (request: ShortLinkRequest, reply) => {
    const code = request.params.short.toUpperCase();
    const poll = await db
      .selectFrom('polls')
      .innerJoin('organizations', 'organizations.id', 'polls.organization_id')
      .select('polls.short_code')
      .where('polls.short_code', '=', code)
      .where('organizations.status', '=', 'approved')
      .executeTakeFirst();
    // A poll in draft leads to its page too: its code letters are printed before it opens, and the page says when it does.
    if (!poll) throw new ProblemError('not-found', `There is no poll "${request.params.short}".`);
    return reply.header('Cache-Control', 'no-cache').redirect(widgetPage('poll', { 'poll-id': poll.short_code }), 302);
  });
}

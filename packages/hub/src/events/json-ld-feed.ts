import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import type { OpenDataOptions } from '../opendata/licence.js';
import { notBuilt } from '../opendata/not-built.js';

/** The schema.org `Event` feed of occurrences (`GET /events.jsonld`). */
export function eventJsonLdHandlers(
  _db: Kysely<Database>,
  _options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, 'getEventsJsonLd'> {
  return { getEventsJsonLd: notBuilt };
}

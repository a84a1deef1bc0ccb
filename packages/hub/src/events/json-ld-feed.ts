import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { knownMunicipalities } from '../orgs/lookups.js';
import { licenceLinkHeader, type OpenDataOptions } from '../opendata/licence.js';
import { occurrencePage } from './handlers.js';
import { schemaOrgEventGraph, type SchemaOrgContext } from './schema-org.js';

/** The organizers of a page, with what the mapping names of them. */
async function organizers(db: Kysely<Database>, items: readonly Schemas['EventOccurrence'][]): Promise<SchemaOrgContext['organizers']> {
  const ids = [...new Set(items.map((item) => item.organizer.organizationId))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'website', 'municipality_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, { website: row.website, municipalityId: row.municipality_id }]));
}

/** The same request for the next page: the client's parameters as sent, with the next cursor. */
function nextPageUrl(publicUrl: string, requestUrl: string, cursor: string): string {
  const params = new URLSearchParams(requestUrl.split('?')[1] ?? '');
  params.set('cursor', cursor);
  return `${publicUrl}/events.jsonld?${params.toString()}`;
}

/** The schema.org `Event` feed of occurrences (`GET /events.jsonld`): the page `GET /events` answers, mapped. */
export function eventJsonLdHandlers(
  db: Kysely<Database>,
  options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, 'getEventsJsonLd'> {
  return {
    async getEventsJsonLd(request, reply) {
      const page = await occurrencePage(db, request.query);
      const context = { municipalities: await knownMunicipalities(db), organizers: await organizers(db, page.items) };
      const next = page.nextCursor && `<${nextPageUrl(options.publicUrl, request.url, page.nextCursor)}>; rel="next"`;
      const licence = licenceLinkHeader(options.openData, options.publicUrl);
      reply.type('application/ld+json').header('Link', next ? `${next}, ${licence}` : licence);
      return schemaOrgEventGraph(page.items, context);
    },
  };
}

import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import * as clock from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import { sendCsv } from '../../http/csv.js';
import type { DatasetId } from '../datasets.js';
import { licenceLinkHeader, type OpenDataOptions } from '../licence.js';
import { readEvents } from './events.js';
import { toCsv, toGeoJson, toJson } from './formats.js';
import { readHelpOffers } from './help-offers.js';
import { readMunicipalities } from './municipalities.js';
import { readOrganizations } from './organizations.js';
import { readPollResults } from './poll-results.js';
import type { ReadTable } from './table.js';
import { readVolunteerNeeds } from './volunteer-needs.js';

/** Each dataset's table (the contract's enums let only the registry's ids through). */
const tables: Record<DatasetId, ReadTable> = {
  municipalities: readMunicipalities,
  organizations: readOrganizations,
  'help-offers': readHelpOffers,
  events: readEvents,
  'volunteer-needs': readVolunteerNeeds,
  'poll-results': readPollResults,
};

const GEOJSON_CONTENT_TYPE = 'application/geo+json';

/** Every public dataset as a CSV, JSON or GeoJSON download (`/open-data/<dataset>.<format>`). */
export function downloadHandlers(
  db: Kysely<Database>,
  options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, 'downloadDatasetCsv' | 'downloadDatasetJson' | 'downloadDatasetGeoJson'> {
  const link = licenceLinkHeader(options.openData, options.publicUrl);

  /** The dataset's table at the Hub's now, the answer carrying the licence. */
  async function read(dataset: DatasetId, reply: FastifyReply) {
    reply.header('Link', link);
    const now = clock.now();
    return { now, table: await tables[dataset](db, now) };
  }

  return {
    async downloadDatasetCsv(request, reply) {
      const { dataset } = request.params;
      const { table } = await read(dataset, reply);
      return sendCsv(reply, toCsv(table), dataset, { bom: true });
    },

    async downloadDatasetJson(request, reply) {
      const { dataset } = request.params;
      const { now, table } = await read(dataset, reply);
      return toJson(dataset, table, options.openData, now);
    },

    async downloadDatasetGeoJson(request, reply) {
      const { table } = await read(request.params.dataset, reply);
      reply.type(GEOJSON_CONTENT_TYPE);
      return toGeoJson(table, options.openData);
    },
  };
}

import type { Kysely, Selectable } from 'kysely';
import type { Database, MunicipalityTable } from '../db/schema.js';
import type { OperationHandler, Schemas } from '../http/api.js';
import { pageByName } from '../http/listing.js';
import { ProblemError } from '../http/problems.js';

export function toMunicipality(row: Selectable<MunicipalityTable>): Schemas['Municipality'] {
  return {
    id: row.id,
    name: row.name,
    officialKey: row.official_key,
    kind: row.kind,
    district: row.district,
    center: { lat: row.lat, lon: row.lon },
  };
}

export function municipalityHandlers(db: Kysely<Database>): {
  listMunicipalities: OperationHandler<'listMunicipalities'>;
  getMunicipality: OperationHandler<'getMunicipality'>;
} {
  return {
    async listMunicipalities(request) {
      const { district, ...paging } = request.query;
      let query = db.selectFrom('municipalities').selectAll();
      if (district) query = query.where('district', '=', district);
      return pageByName(query, paging, toMunicipality);
    },

    async getMunicipality(request) {
      const { municipalityId } = request.params;
      const column = /^[0-9]{8}$/.test(municipalityId) ? 'official_key' : 'id';
      const row = await db.selectFrom('municipalities').selectAll().where(column, '=', municipalityId).executeTakeFirst();
      if (!row) throw new ProblemError('not-found', `There is no municipality "${municipalityId}".`);
      return toMunicipality(row);
    },
  };
}

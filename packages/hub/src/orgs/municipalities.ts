import type { Kysely, Selectable } from 'kysely';
import type { Database, MunicipalityTable } from '../db/schema.js';
import type { OperationHandler, Schemas } from '../http/api.js';
import { mapPage } from '../http/listing.js';
import { ProblemError } from '../http/problems.js';
import { findMunicipality, listMunicipalities } from './queries.js';

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
      return mapPage(await listMunicipalities(db, request.query, request.query), toMunicipality);
    },

    async getMunicipality(request) {
      const { municipalityId } = request.params;
      const row = await findMunicipality(db, municipalityId);
      if (!row) throw new ProblemError('not-found', `There is no municipality "${municipalityId}".`);
      return toMunicipality(row);
    },
  };
}

import type { Kysely, Selectable } from 'kysely';
import type { Database, MunicipalityTable } from '../db/schema.js';
import type { OperationHandler, Schemas } from '../http/api.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { ProblemError } from '../http/problems.js';
import { escapeLike, searchSpellings } from '../http/text.js';

const DEFAULT_LIMIT = 20;

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
      const { q, district, cursor } = request.query;
      const limit = request.query.limit ?? DEFAULT_LIMIT;
      const after = decodeCursor(cursor, 2);
      let query = db.selectFrom('municipalities').selectAll();
      if (q) {
        const spellings = searchSpellings(q).map((spelling) => `%${escapeLike(spelling)}%`);
        query = query.where((eb) => eb.or(spellings.map((pattern) => eb('sort_name', 'like', pattern))));
      }
      if (district) query = query.where('district', '=', district);
      if (after) {
        const [sortName, id] = after as [string, string];
        query = query.where((eb) => eb.or([eb('sort_name', '>', sortName), eb.and([eb('sort_name', '=', sortName), eb('id', '>', id)])]));
      }
      const rows = await query.orderBy('sort_name').orderBy('id').limit(limit + 1).execute();
      return toPage(rows, limit, (row) => [row.sort_name, row.id], toMunicipality);
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

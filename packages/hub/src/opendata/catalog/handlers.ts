import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import type { OpenDataOptions } from '../licence.js';
import { notBuilt } from '../not-built.js';

/** The DCAT-AP.de catalogue of the datasets (`/open-data/catalog.*`). */
export function catalogHandlers(
  _db: Kysely<Database>,
  _options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, 'getDataCatalog' | 'getDataCatalogTurtle'> {
  return { getDataCatalog: notBuilt, getDataCatalogTurtle: notBuilt };
}

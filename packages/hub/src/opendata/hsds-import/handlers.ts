import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import { notBuilt } from '../not-built.js';

/** The import of an HSDS dataset into an organization's help offers. */
export function hsdsImportHandlers(_db: Kysely<Database>): Pick<Handlers, 'importHsds'> {
  return { importHsds: notBuilt };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import { importHsds, servicesOf } from './import.js';

/** The import of an HSDS dataset into an organization's help offers. */
export function hsdsImportHandlers(db: Kysely<Database>): Pick<Handlers, 'importHsds'> {
  return {
    async importHsds(request) {
      const services = servicesOf(request.body);
      return importHsds(db, request.params.organizationId, services, { dryRun: request.query.dryRun ?? false });
    },
  };
}

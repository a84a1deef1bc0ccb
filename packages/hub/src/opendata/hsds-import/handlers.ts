import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import { importHsds } from './import.js';
import { servicesFromDatapackage } from './parse-datapackage.js';
import { servicesFromJson } from './parse-json.js';

/** The services of a dataset as JSON (parsed) or as a datapackage zip (bytes). */
export function servicesOf(body: unknown) {
  return body instanceof Uint8Array ? servicesFromDatapackage(body) : servicesFromJson(body);
}

/** The import of an HSDS dataset into an organization's help offers. */
export function hsdsImportHandlers(db: Kysely<Database>): Pick<Handlers, 'importHsds'> {
  return {
    async importHsds(request) {
      const services = servicesOf(request.body);
      return importHsds(db, request.params.organizationId, services, { dryRun: request.query.dryRun ?? false });
    },
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

type Operations = 'registerOrganization' | 'listOrganizationRegistrations' | 'decideOrganizationRegistration';

export function registrationHandlers(_db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    registerOrganization: notBuilt('registerOrganization'),
    listOrganizationRegistrations: notBuilt('listOrganizationRegistrations'),
    decideOrganizationRegistration: notBuilt('decideOrganizationRegistration'),
  };
}

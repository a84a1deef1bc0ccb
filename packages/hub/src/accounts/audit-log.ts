import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

type Operations = 'listOrganizationAuditLog' | 'listAuditLog';

export function auditLogHandlers(_db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    listOrganizationAuditLog: notBuilt('listOrganizationAuditLog'),
    listAuditLog: notBuilt('listAuditLog'),
  };
}

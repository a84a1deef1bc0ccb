import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { mapPage } from '../http/listing.js';
import { listAuditEntries, type AuditEntryRow } from './queries.js';

type Operations = 'listOrganizationAuditLog' | 'listAuditLog';

function toAuditEntry(row: AuditEntryRow): Schemas['AuditEntry'] {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    organizationId: row.organization_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
  };
}

/**
 * Reading the audit log (written by `auth/audit.ts`): an organization's owners and region admins
 * read an organization's entries, region admins the whole log. Who may is decided before these run.
 * It names people, so no cache keeps a copy.
 */
export function auditLogHandlers(db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    async listOrganizationAuditLog(request, reply) {
      reply.header('Cache-Control', 'no-store');
      return mapPage(await listAuditEntries(db, { organizationId: request.params.organizationId }, request.query), toAuditEntry);
    },

    async listAuditLog(request, reply) {
      reply.header('Cache-Control', 'no-store');
      const { organization, ...paging } = request.query;
      return mapPage(await listAuditEntries(db, { organizationId: organization }, paging), toAuditEntry);
    },
  };
}

import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OrganizationTable } from '../db/schema.js';
import type { OperationHandler, Schemas } from '../http/api.js';
import { mapPage } from '../http/listing.js';
import { writeIfUnchanged } from '../http/preconditions.js';
import { invalidBody, ProblemError, type FieldError } from '../http/problems.js';
import { knownMunicipalities, unknownMunicipality, type KnownMunicipalities } from './lookups.js';
import { findOrganization, insertOrganization, listOrganizations, updateOrganization } from './queries.js';
import { sortKey } from '../http/text.js';

export function toOrganization(row: Selectable<OrganizationTable>): Schemas['Organization'] {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as Schemas['OrganizationKind'],
    description: row.description,
    municipalityId: row.municipality_id,
    website: row.website,
    email: row.email,
    phone: row.phone,
    privacyPolicyUrl: row.privacy_policy_url,
    isExample: row.is_example,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type OrganizationFields = Partial<Schemas['OrganizationInput']>;

/** Maps API fields to columns; only the fields present are set, so it serves create and patch. */
function toColumns(fields: OrganizationFields): Updateable<OrganizationTable> {
  const columns: Updateable<OrganizationTable> = {};
  if (fields.name !== undefined) {
    columns.name = fields.name;
    columns.sort_name = sortKey(fields.name);
  }
  if (fields.kind !== undefined) columns.kind = fields.kind;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.municipalityId !== undefined) columns.municipality_id = fields.municipalityId;
  if (fields.website !== undefined) columns.website = fields.website;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.phone !== undefined) columns.phone = fields.phone;
  if (fields.privacyPolicyUrl !== undefined) columns.privacy_policy_url = fields.privacyPolicyUrl;
  if (fields.isExample !== undefined) columns.is_example = fields.isExample;
  return columns;
}

/** The row of a new organization: absent optional fields are stored as null. */
export function newOrganizationRow(input: Schemas['OrganizationInput']): Insertable<OrganizationTable> {
  return {
    ...toColumns(input),
    name: input.name,
    sort_name: sortKey(input.name),
    kind: input.kind,
    is_example: input.isExample ?? false,
  };
}

/** The rule across the contract's schema: a municipality, if named, is known. Pointers relative to the body. */
export function checkOrganization(fields: OrganizationFields, municipalities: KnownMunicipalities): FieldError[] {
  const { municipalityId } = fields;
  return municipalityId && !municipalities.has(municipalityId) ? [unknownMunicipality('/municipalityId', municipalityId)] : [];
}

async function checkedOrganization<Fields extends OrganizationFields>(db: Kysely<Database>, fields: Fields): Promise<Fields> {
  const errors = checkOrganization(fields, await knownMunicipalities(db, fields.municipalityId ? [fields.municipalityId] : []));
  if (errors.length > 0) throw invalidBody(errors, `There is no municipality "${fields.municipalityId}".`);
  return fields;
}

export function organizationHandlers(db: Kysely<Database>): {
  listOrganizations: OperationHandler<'listOrganizations'>;
  getOrganization: OperationHandler<'getOrganization'>;
  createOrganization: OperationHandler<'createOrganization'>;
  updateOrganization: OperationHandler<'updateOrganization'>;
} {
  return {
    async listOrganizations(request) {
      return mapPage(await listOrganizations(db, request.query, request.query), toOrganization);
    },

    async getOrganization(request) {
      const row = await findOrganization(db, request.params.organizationId);
      if (!row) throw new ProblemError('not-found', `There is no organization "${request.params.organizationId}".`);
      return toOrganization(row);
    },

    async createOrganization(request, reply) {
      const row = await insertOrganization(db, newOrganizationRow(await checkedOrganization(db, request.body)));
      reply.code(201).header('Location', `/organizations/${row.id}`);
      return toOrganization(row);
    },

    async updateOrganization(request) {
      const { organizationId } = request.params;
      const fields = await checkedOrganization(db, request.body);
      const entry = { table: 'organizations', id: organizationId, noun: 'organization' } as const;
      const row = await writeIfUnchanged(db, request, entry, (trx) => updateOrganization(trx, organizationId, toColumns(fields)));
      if (!row) throw new ProblemError('not-found', `There is no organization "${organizationId}".`);
      return toOrganization(row);
    },
  };
}

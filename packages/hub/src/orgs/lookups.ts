import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fieldError, ProblemError, type FieldError } from '../http/problems.js';
import { findOrganizationSummary, selectMunicipalityNames } from './queries.js';

/**
 * The lookups every domain makes before it writes: does this organization exist, is this
 * municipality known. Paths name organizations by UUID here: `auth/resource-owners.ts` has already
 * turned slugs into UUIDs and answered 404 for an unknown slug (and, for operations that need
 * rights, for an unknown organization).
 */

export interface ExistingOrganization {
  id: string;
  name: string;
  municipalityId: string | null;
}

/** The organization, or a 404 naming it. */
export async function existingOrganization(db: Kysely<Database>, organizationId: string): Promise<ExistingOrganization> {
  const row = await findOrganizationSummary(db, organizationId);
  if (!row) throw new ProblemError('not-found', `There is no organization "${organizationId}".`);
  return row;
}

/** Known municipalities by id, with their names (written into stored rows and feeds). */
export type KnownMunicipalities = ReadonlyMap<string, string>;

/** The known municipalities among `ids`, or all of them without `ids` (a feed import may name any). */
export async function knownMunicipalities(db: Kysely<Database>, ids?: readonly string[]): Promise<KnownMunicipalities> {
  if (ids?.length === 0) return new Map();
  return new Map((await selectMunicipalityNames(db, ids)).map((row) => [row.id, row.name]));
}

/** The field error for a municipality id that is not known: one wording in every domain. */
export function unknownMunicipality(pointer: string, id: string): FieldError {
  return fieldError(pointer, 'unknown-reference', `is not a known municipality ("${id}")`);
}

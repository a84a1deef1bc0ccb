import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isUuid, resolveReadableIds } from '../auth/resource-owners.js';

/** Never assigned (gen_random_uuid makes version 4), so a filter on an unknown slug matches nothing, as one on an unknown UUID does. */
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

interface References {
  params?: Record<string, string>;
  /** Lists filter by several organizations; the audit log by one (its UUID, checked by the contract). */
  query?: { organization?: string[] | string };
}

/**
 * Where the contract takes an organization or a poll, it takes its UUID or its readable identifier
 * (organization slug, poll short code). This hook, run before every operation's handler, turns the
 * readable ones into UUIDs, so handlers and queries only ever see UUIDs: path parameters through
 * the table of `auth/resource-owners.ts` (operations that need rights did so while authorizing),
 * the `organization` filter of lists here.
 */
export function resolveReferences(db: Kysely<Database>) {
  return async function resolve(request: FastifyRequest): Promise<void> {
    const { params, query } = request as References;
    if (params) await resolveReadableIds(db, params);
    if (!Array.isArray(query?.organization)) return;
    const slugs = query.organization.filter((value) => !isUuid(value));
    if (slugs.length > 0) {
      const rows = await db.selectFrom('organizations').select(['id', 'slug']).where('slug', 'in', slugs).execute();
      const ids = new Map(rows.map((row) => [row.slug, row.id]));
      query.organization = query.organization.map((value) => (isUuid(value) ? value : (ids.get(value) ?? NO_ORGANIZATION)));
    }
  };
}

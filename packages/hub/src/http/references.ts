import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ProblemError } from './problems.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Never assigned (gen_random_uuid makes version 4), so a filter on an unknown slug matches nothing, as one on an unknown UUID does. */
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

interface References {
  params?: { organizationId?: string; pollId?: string };
  /** Lists filter by several organizations; the audit log by one (its UUID, checked by the contract). */
  query?: { organization?: string[] | string };
}

/**
 * Where the contract takes an organization or a poll, it takes its UUID or its readable identifier
 * (organization slug, poll short code). This hook, run before every operation's handler, is the one
 * place that turns the readable ones into UUIDs, so handlers and queries only ever see UUIDs.
 */
export function resolveReferences(db: Kysely<Database>) {
  return async function resolve(request: FastifyRequest): Promise<void> {
    const { params, query } = request as References;
    if (params?.organizationId !== undefined && !UUID.test(params.organizationId)) {
      const row = await db.selectFrom('organizations').select('id').where('slug', '=', params.organizationId).executeTakeFirst();
      if (!row) throw new ProblemError('not-found', `There is no organization "${params.organizationId}".`);
      params.organizationId = row.id;
    }
    if (params?.pollId !== undefined && !UUID.test(params.pollId)) {
      const row = await db.selectFrom('polls').select('id').where('short_code', '=', params.pollId.toUpperCase()).executeTakeFirst();
      if (!row) throw new ProblemError('not-found', `There is no poll "${params.pollId}".`);
      params.pollId = row.id;
    }
    if (!Array.isArray(query?.organization)) return;
    const slugs = query.organization.filter((value) => !UUID.test(value));
    if (slugs.length > 0) {
      const rows = await db.selectFrom('organizations').select(['id', 'slug']).where('slug', 'in', slugs).execute();
      const ids = new Map(rows.map((row) => [row.slug, row.id]));
      query.organization = query.organization.map((value) => (UUID.test(value) ? value : (ids.get(value) ?? NO_ORGANIZATION)));
    }
  };
}

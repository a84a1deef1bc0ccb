import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ProblemError } from '../http/problems.js';
import type { TargetOrganization } from './principal.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A path parameter's value: the resource's UUID, or the readable identifier the contract also takes. */
interface Lookup {
  by: 'id' | 'readable';
  value: string;
}

interface Found {
  /** The resource's UUID. */
  id: string;
  organization: TargetOrganization;
}

interface OwnedResource {
  /** How a 404 names it. */
  noun: string;
  /** The readable identifier the contract accepts besides the UUID (organization slug, poll short code). */
  readable?: RegExp;
  /** Called with `by: 'readable'` only when `readable` is set. */
  find(db: Kysely<Database>, lookup: Lookup): Promise<Found | undefined>;
}

/** Events, help offers and volunteer needs: named by UUID only. */
async function findContent(
  db: Kysely<Database>,
  table: 'events' | 'help_offers' | 'volunteer_needs',
  { value: id }: Lookup,
): Promise<Found | undefined> {
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'status'])
    .where('id', '=', (eb) => eb.selectFrom(table).select('organization_id').where('id', '=', id))
    .executeTakeFirst();
  return organization && { id, organization };
}

/**
 * The one table from a path parameter to the organization that owns what it names. Every
 * operation that needs rights finds its organization here (`authorize.ts`), and every operation
 * turns readable identifiers into UUIDs here, so handlers and queries only ever see UUIDs.
 */
const ownedResources: Record<string, OwnedResource> = {
  organizationId: {
    noun: 'organization',
    readable: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    async find(db, lookup) {
      const row = await db
        .selectFrom('organizations')
        .select(['id', 'status'])
        .where(lookup.by === 'id' ? 'id' : 'slug', '=', lookup.value)
        .executeTakeFirst();
      return row && { id: row.id, organization: row };
    },
  },
  pollId: {
    noun: 'poll',
    readable: /^[A-HJKMNP-Z2-9]{6}$/i,
    async find(db, lookup) {
      const row = await db
        .selectFrom('polls')
        .innerJoin('organizations', 'organizations.id', 'polls.organization_id')
        .select(['polls.id as id', 'organizations.id as organizationId', 'organizations.status'])
        .where(lookup.by === 'id' ? 'polls.id' : 'polls.short_code', '=', lookup.by === 'id' ? lookup.value : lookup.value.toUpperCase())
        .executeTakeFirst();
      return row && { id: row.id, organization: { id: row.organizationId, status: row.status } };
    },
  },
  eventId: { noun: 'event', find: (db, lookup) => findContent(db, 'events', lookup) },
  helpOfferId: { noun: 'help offer', find: (db, lookup) => findContent(db, 'help_offers', lookup) },
  volunteerNeedId: { noun: 'volunteer need', find: (db, lookup) => findContent(db, 'volunteer_needs', lookup) },
};

/** The path parameters that name an organization or one of its resources. */
export const ownerParameters: readonly string[] = Object.keys(ownedResources);

function notFound(resource: OwnedResource, value: string): ProblemError {
  return new ProblemError('not-found', `There is no ${resource.noun} "${value}".`);
}

/**
 * The organization that owns what the request's path names, or undefined when the path names
 * none. A readable identifier in the path is replaced by the UUID. It runs before the contract's
 * validation (authorization comes first), so it checks the form itself: a malformed or unknown
 * identifier is a 404 naming it.
 */
export async function resolveOwner(db: Kysely<Database>, params: Record<string, string>): Promise<TargetOrganization | undefined> {
  const name = ownerParameters.find((parameter) => params[parameter] !== undefined);
  if (name === undefined) return undefined;
  const resource = ownedResources[name]!;
  const value = params[name]!;
  const lookup: Lookup | undefined = UUID.test(value)
    ? { by: 'id', value }
    : resource.readable?.test(value)
      ? { by: 'readable', value }
      : undefined;
  const found = lookup && (await resource.find(db, lookup));
  if (!found) throw notFound(resource, value);
  params[name] = found.id;
  return found.organization;
}

/**
 * For public operations, after validation: readable identifiers in the path become UUIDs (an
 * unknown one is a 404); UUIDs are left for the handler, which knows whether they exist.
 */
export async function resolveReadableIds(db: Kysely<Database>, params: Record<string, string>): Promise<void> {
  for (const name of ownerParameters) {
    const value = params[name];
    const resource = ownedResources[name]!;
    if (value === undefined || UUID.test(value) || !resource.readable) continue;
    const found = await resource.find(db, { by: 'readable', value });
    if (!found) throw notFound(resource, value);
    params[name] = found.id;
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The organization of each help offer among `ids` that exists, whoever it belongs to. */
export async function offerOwners(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('help_offers').select(['id', 'organization_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.organization_id]));
}

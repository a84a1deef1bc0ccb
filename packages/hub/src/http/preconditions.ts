import type { FastifyRequest } from 'fastify';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ProblemError } from './problems.js';

/** The tables of entries an organization edits: each has `id` and `updated_at`, the stored version. */
export type VersionedTable = 'organizations' | 'events' | 'help_offers' | 'polls' | 'poll_tallies' | 'volunteer_needs';

/**
 * The version part of an ETag (see etag.ts): the stored `updatedAt` in milliseconds, base 36.
 * Only what is stored counts, so a derived field (`openNow`, a poll's status by time) never makes
 * a version stale.
 */
export function versionOf(updatedAt: Date | string): string {
  return new Date(updatedAt).getTime().toString(36);
}

/**
 * The `updated_at` of a write: now, but always after the version it replaces, so a write never
 * keeps the version it overwrote (two writes in one millisecond, or a clock that went back).
 */
export function nextVersion(): RawBuilder<Date> {
  return sql<Date>`greatest(${new Date()}::timestamptz, updated_at + interval '1 millisecond')`;
}

/** The versions an `If-Match` names: `*`, or the version part of each entity tag (undefined for a tag that is not ours). */
function versionsIn(ifMatch: string): (string | undefined)[] {
  return ifMatch.split(',').map((candidate) => {
    const tag = candidate.trim();
    if (tag === '*') return '*';
    return /^(?:W\/)?"([0-9a-z]+)\.[^"]*"$/.exec(tag)?.[1];
  });
}

export interface VersionedEntry {
  table: VersionedTable;
  id: string;
  /** How the 412 names it: "event", "help offer", … */
  noun: string;
}

function editedElsewhere(entry: VersionedEntry, stored: Date | undefined): ProblemError {
  return new ProblemError(
    'edited-elsewhere',
    stored
      ? `The ${entry.noun} was changed at ${stored.toISOString()}, after the version this change is based on. Load it again and make the change there.`
      : `The ${entry.noun} no longer exists.`,
  );
}

/**
 * The one check of `If-Match` for every change that takes it: `write` runs in a transaction that
 * first locks the entry's row and compares its stored version with the one the client sent, so of
 * two changes based on the same version only the first succeeds (the second waits for the lock,
 * then sees the new version) — on PostgreSQL by the row lock, on PGlite because its one session
 * runs transactions one after another. Without `If-Match` the write runs as before. A tag that is
 * not a version of ours never matches (RFC 9110); `*` matches any existing entry.
 */
export async function writeIfUnchanged<T>(
  db: Kysely<Database>,
  request: FastifyRequest,
  entry: VersionedEntry,
  write: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const ifMatch = request.headers['if-match'];
  if (ifMatch === undefined) return write(db);
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom(entry.table).select('updated_at').where('id', '=', entry.id).forUpdate().executeTakeFirst();
    const stored = row?.updated_at;
    const current = stored && versionOf(stored);
    const matches = versionsIn(ifMatch).some((version) => stored !== undefined && (version === '*' || version === current));
    if (!matches) throw editedElsewhere(entry, stored);
    return write(trx);
  });
}

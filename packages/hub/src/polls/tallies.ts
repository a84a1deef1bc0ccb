import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { ProblemError, type FieldError } from '../http/problems.js';
import type { PollRow } from './queries.js';

type Snapshot = Schemas['PollTallySnapshot'];

/**
 * A tally as it will be stored: sent fields over the stored ones (for a correction), counts in the
 * poll's option order with every option present, participants defaulted for single choice polls;
 * with the rules it breaks, pointers relative to the body.
 */
export function checkTally(poll: PollRow, input: Schemas['PollTallyFields'], stored?: Snapshot): { data: Snapshot; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const sentCounts = input.counts ?? stored?.counts ?? [];
  const known = new Set(poll.options.map((option) => option.id));
  const byOption = new Map<string, number>();
  sentCounts.forEach((entry, index) => {
    const optionId = entry.optionId.toLowerCase();
    if (!known.has(optionId)) errors.push({ pointer: `/counts/${index}/optionId`, reason: 'is not an option of this poll' });
    else if (byOption.has(optionId)) errors.push({ pointer: `/counts/${index}/optionId`, reason: 'is counted twice' });
    byOption.set(optionId, entry.count);
  });
  const counts = poll.options.map((option) => ({ optionId: option.id, count: byOption.get(option.id) ?? 0 }));
  const choices = counts.reduce((total, entry) => total + entry.count, 0);
  // A correction of the counts of a single choice poll recomputes the participants unless sent.
  const participants = input.participants ?? (poll.kind === 'single' ? choices : stored?.participants);
  if (participants === undefined) {
    errors.push({ pointer: '/participants', reason: 'is needed for a multiple choice poll (people, not choices)' });
  } else if (poll.kind === 'single' && participants < choices) {
    errors.push({ pointer: '/participants', reason: `must be at least the sum of the counts (${choices}) in a single choice poll` });
  } else if (participants * poll.max_choices < choices) {
    errors.push({
      pointer: '/counts',
      reason: `add up to ${choices} choices, more than ${participants} participants can make with ${poll.max_choices} each`,
    });
  }
  const date = input.date ?? stored?.date ?? '';
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) errors.push({ pointer: '/date', reason: 'is not a calendar date' });
  const place = (input.place ?? stored?.place ?? '').trim();
  if (place === '') errors.push({ pointer: '/place', reason: 'must not be blank' });
  const data: Snapshot = {
    channel: input.channel ?? stored?.channel ?? 'in-person',
    place,
    date,
    counts,
    // Only undefined when an error says so.
    participants: participants ?? 0,
    note: input.note !== undefined ? input.note : (stored?.note ?? null),
  };
  return { data, errors };
}

interface TallyRow {
  id: string;
  poll_id: string;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

async function writeCountsAndRevision(db: Kysely<Database>, tally: TallyRow, snapshot: Snapshot, apiKeyId: string | null): Promise<void> {
  await db.deleteFrom('poll_tally_counts').where('tally_id', '=', tally.id).execute();
  await db
    .insertInto('poll_tally_counts')
    .values(snapshot.counts.map((entry) => ({ tally_id: tally.id, option_id: entry.optionId, count: entry.count })))
    .execute();
  await db
    .insertInto('poll_tally_revisions')
    .values({ tally_id: tally.id, revision: tally.revision, api_key_id: apiKeyId, snapshot: JSON.stringify(snapshot) })
    .execute();
}

export async function insertTally(db: Kysely<Database>, pollId: string, snapshot: Snapshot, apiKeyId: string | null): Promise<string> {
  return inTransaction(db, async (trx) => {
    const tally = await trx
      .insertInto('poll_tallies')
      .values({
        poll_id: pollId,
        channel: snapshot.channel,
        place: snapshot.place,
        held_on: snapshot.date,
        participants: snapshot.participants,
        note: snapshot.note,
      })
      .returning(['id', 'poll_id', 'revision', 'created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    await writeCountsAndRevision(trx, tally, snapshot, apiKeyId);
    return tally.id;
  });
}

/**
 * A correction: the revision number goes up in the same statement that writes the fields, so two
 * corrections at once get two revisions; both stay in the audit trail.
 */
export async function updateTally(db: Kysely<Database>, tallyId: string, snapshot: Snapshot, apiKeyId: string | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const tally = await trx
      .updateTable('poll_tallies')
      .set({
        channel: snapshot.channel,
        place: snapshot.place,
        held_on: snapshot.date,
        participants: snapshot.participants,
        note: snapshot.note,
        revision: sql<number>`revision + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', tallyId)
      .returning(['id', 'poll_id', 'revision', 'created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    await writeCountsAndRevision(trx, tally, snapshot, apiKeyId);
  });
}

/** The poll's tallies, oldest first, each with its history (the last revision is the current state). */
export async function listTallies(db: Kysely<Database>, pollId: string, tallyId?: string): Promise<Schemas['PollTally'][]> {
  let query = db.selectFrom('poll_tallies').select(['id', 'poll_id', 'revision', 'created_at', 'updated_at']).where('poll_id', '=', pollId);
  if (tallyId) query = query.where('id', '=', tallyId);
  const tallies = await query.orderBy('created_at').orderBy('id').execute();
  if (tallies.length === 0) return [];
  const revisions = await db
    .selectFrom('poll_tally_revisions')
    .selectAll()
    .where(
      'tally_id',
      'in',
      tallies.map((tally) => tally.id),
    )
    .orderBy('tally_id')
    .orderBy('revision')
    .execute();
  return tallies.map((tally) => {
    const history = revisions
      .filter((revision) => revision.tally_id === tally.id)
      .map((revision) => ({
        revision: revision.revision,
        changedAt: revision.changed_at.toISOString(),
        apiKeyId: revision.api_key_id,
        tally: revision.snapshot,
      }));
    const current = history.at(-1)!.tally;
    return {
      ...current,
      id: tally.id,
      pollId: tally.poll_id,
      revision: tally.revision,
      createdAt: tally.created_at.toISOString(),
      updatedAt: tally.updated_at.toISOString(),
      history,
    };
  });
}

export async function findTally(db: Kysely<Database>, pollId: string, tallyId: string): Promise<Schemas['PollTally']> {
  const [tally] = await listTallies(db, pollId, tallyId);
  if (!tally) throw new ProblemError('not-found', `Poll ${pollId} has no tally "${tallyId}".`);
  return tally;
}

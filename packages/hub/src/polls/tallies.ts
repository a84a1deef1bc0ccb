import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { fieldError, ProblemError, type FieldError } from '../http/problems.js';
import {
  deleteTallyCounts,
  insertTallyCounts,
  insertTallyRevision,
  insertTallyRow,
  selectTallies,
  selectTallyRevisions,
  updateTallyRow,
  type PollRow,
  type TallyRow,
} from './queries.js';

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
    if (!known.has(optionId)) errors.push(fieldError(`/counts/${index}/optionId`, 'unknown-reference', 'is not an option of this poll'));
    else if (byOption.has(optionId)) errors.push(fieldError(`/counts/${index}/optionId`, 'duplicate', 'is counted twice'));
    byOption.set(optionId, entry.count);
  });
  const counts = poll.options.map((option) => ({ optionId: option.id, count: byOption.get(option.id) ?? 0 }));
  const choices = counts.reduce((total, entry) => total + entry.count, 0);
  // A correction of the counts of a single choice poll recomputes the participants unless sent.
  const participants = input.participants ?? (poll.kind === 'single' ? choices : stored?.participants);
  if (participants === undefined) {
    errors.push(fieldError('/participants', 'required', 'is needed for a multiple choice poll (people, not choices)'));
  } else if (poll.kind === 'single' && participants < choices) {
    errors.push(
      fieldError(
        '/participants',
        'fewer-participants-than-counts',
        `must be at least the sum of the counts (${choices}) in a single choice poll`,
        choices,
      ),
    );
  } else if (participants * poll.max_choices < choices) {
    errors.push(
      fieldError(
        '/counts',
        'too-many-choices',
        `add up to ${choices} choices, more than ${participants} participants can make with ${poll.max_choices} each`,
        participants * poll.max_choices,
      ),
    );
  }
  const date = input.date ?? stored?.date ?? '';
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) errors.push(fieldError('/date', 'not-a-date', 'is not a calendar date'));
  const place = (input.place ?? stored?.place ?? '').trim();
  if (place === '') errors.push(fieldError('/place', 'blank', 'must not be blank'));
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

async function writeCountsAndRevision(db: Kysely<Database>, tally: TallyRow, snapshot: Snapshot, apiKeyId: string | null): Promise<void> {
  await deleteTallyCounts(db, tally.id);
  await insertTallyCounts(db, tally.id, snapshot.counts);
  await insertTallyRevision(db, tally, snapshot, apiKeyId);
}

export async function insertTally(db: Kysely<Database>, pollId: string, snapshot: Snapshot, apiKeyId: string | null): Promise<string> {
  return inTransaction(db, async (trx) => {
    const tally = await insertTallyRow(trx, pollId, snapshot);
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
    const tally = await updateTallyRow(trx, tallyId, snapshot);
    await writeCountsAndRevision(trx, tally, snapshot, apiKeyId);
  });
}

export async function listTallies(db: Kysely<Database>, pollId: string, tallyId?: string): Promise<Schemas['PollTally'][]> {
  const tallies = await selectTallies(db, pollId, tallyId);
  if (tallies.length === 0) return [];
  const revisions = await selectTallyRevisions(
    db,
    tallies.map((tally) => tally.id),
  );
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

import { randomInt } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { runPrepared } from '../db/connection.js';
import type { Database, PollTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { byMomentThenId, modifiedAfter, pageByKeyset, type Page, type Paging } from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';
import { approvedOrganization } from '../orgs/queries.js';
import type { PollData } from './model.js';

export interface PollOptionRow {
  id: string;
  label: string;
  description: string | null;
}

export type PollRow = Selectable<PollTable> & {
  organizer_name: string;
  is_example: boolean;
  options: PollOptionRow[];
};

/** Polls of approved organizations, with their organizer and their options in order. */
export function selectPolls(db: Kysely<Database>) {
  return db
    .selectFrom('polls')
    .innerJoin('organizations', 'organizations.id', 'polls.organization_id')
    .where(approvedOrganization)
    .selectAll('polls')
    .select(['organizations.name as organizer_name', 'organizations.is_example'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('poll_options')
          .select(['poll_options.id', 'poll_options.label', 'poll_options.description'])
          .whereRef('poll_options.poll_id', '=', 'polls.id')
          .orderBy('poll_options.position'),
      ).as('options'),
    );
}

export interface PollFilters {
  status?: string[] | undefined;
  municipality?: string[] | undefined;
  organization?: string[] | undefined;
  modifiedAfter?: string | undefined;
}

/** Latest opening first. */
const byOpening = byMomentThenId<PollRow>('polls', 'opens_at', (row) => row.opens_at, 'desc');

/** A page of polls with the wanted statuses at `now` (draft, open and closed without a filter). */
export async function listPolls(db: Kysely<Database>, filters: PollFilters, paging: Paging, now: Date): Promise<Page<PollRow>> {
  let query = selectPolls(db);
  if (filters.municipality?.length) query = query.where('polls.municipality_id', 'in', filters.municipality);
  if (filters.organization?.length) query = query.where('polls.organization_id', 'in', filters.organization);
  for (const condition of modifiedAfter('polls.updated_at', filters.modifiedAfter)) query = query.where(condition);
  const wanted = filters.status?.length ? filters.status : ['draft', 'open', 'closed'];
  // The status is derived from the window at this moment, so it is filtered in SQL the same way.
  const derived = sql<string>`CASE
    WHEN polls.archived_at IS NOT NULL THEN 'archived'
    WHEN polls.closed_at IS NOT NULL OR polls.closes_at <= ${now} THEN 'closed'
    WHEN polls.opens_at <= ${now} THEN 'open'
    ELSE 'draft' END`;
  query = query.where(sql<boolean>`${derived} = ANY(${wanted}::text[])`);
  return pageByKeyset(query, byOpening, paging);
}

export async function findPoll(db: Kysely<Database>, id: string): Promise<PollRow | undefined> {
  return selectPolls(db).where('polls.id', '=', id).executeTakeFirst();
}

function pollColumns(data: PollData) {
  return {
    municipality_id: data.municipalityId,
    question: data.question,
    description: data.description,
    easy_read_summary: data.easyReadSummary,
    kind: data.kind,
    max_choices: data.maxChoices,
    participation: data.participation,
    results_visibility: data.resultsVisibility,
    opens_at: new Date(data.opensAt),
    closes_at: new Date(data.closesAt),
  };
}

async function insertOptions(db: Kysely<Database>, pollId: string, options: PollData['options']): Promise<void> {
  await db
    .insertInto('poll_options')
    .values(
      options.map((option, position) => ({ poll_id: pollId, position, label: option.label, description: option.description ?? null })),
    )
    .execute();
}

export async function insertPoll(db: Kysely<Database>, organizationId: string, data: PollData): Promise<string> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('polls')
      .values({ ...pollColumns(data), organization_id: organizationId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertOptions(trx, id, data.options);
    return id;
  });
}

/**
 * Writes the poll's fields; the options only when `replaceOptions` (the handler allows that only
 * while nothing was counted, and the vote and tally tables refer to option ids).
 */
export async function updatePoll(
  db: Kysely<Database>,
  id: string,
  data: PollData,
  changes: { replaceOptions: boolean; close: boolean; archive: boolean },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('polls')
      .set({
        ...pollColumns(data),
        updated_at: nextVersion(),
        ...(changes.close ? { closed_at: sql<Date>`coalesce(closed_at, now())` } : {}),
        ...(changes.archive ? { archived_at: sql<Date>`coalesce(archived_at, now())` } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (changes.replaceOptions) {
      await trx.deleteFrom('poll_options').where('poll_id', '=', id).execute();
      await insertOptions(trx, id, data.options);
    }
  });
}

/** Whether anything was counted for the poll: then its question and options are fixed. */
export async function hasCounts(db: Kysely<Database>, pollId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('poll_votes').select('id').where('poll_id', '=', pollId)).as('votes'),
      eb.exists(eb.selectFrom('poll_tallies').select('id').where('poll_id', '=', pollId)).as('tallies'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.votes) || Boolean(row.tallies);
}

/** Stores the hashes of new codes; returns the ones that did not exist yet. */
export async function insertCodeHashes(db: Kysely<Database>, pollId: string, hashes: string[]): Promise<{ hash: string }[]> {
  return db
    .insertInto('poll_codes')
    .values(hashes.map((hash) => ({ poll_id: pollId, hash })))
    .onConflict((conflict) => conflict.columns(['poll_id', 'hash']).doNothing())
    .returning('hash')
    .execute();
}

export async function findCode(db: Kysely<Database>, pollId: string, hash: string): Promise<{ hash: string } | undefined> {
  return db.selectFrom('poll_codes').select('hash').where('poll_id', '=', pollId).where('hash', '=', hash).executeTakeFirst();
}

/** The vote stored under an idempotency key. */
export async function findVoteByKey(db: Kysely<Database>, pollId: string, key: string) {
  return db
    .selectFrom('poll_votes')
    .select(['request_hash', 'choices', 'created_at'])
    .where('poll_id', '=', pollId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The `option_id` of the running total that counts votes rather than choices (migration 0018). */
export const VOTES_COUNTER = '00000000-0000-0000-0000-000000000000';

/** Slots a running total is split into (migration 0018): votes at once seldom wait for one another. */
const TOTAL_SLOTS = 16;

/** What a vote spends to be counted: its printed code (by hash) or its proof of work (by signature). */
export type VoteTicket = { codeHash: string } | { proofSignature: string; expiresAt: Date };

/** The names of a vote's values in its statement; a ticket of each kind has its own. */
const VOTE_VALUES = [
  'pollId',
  'idempotencyKey',
  'requestHash',
  'choices',
  'now',
  'slot',
  'codeHash',
  'proofSignature',
  'expiresAt',
] as const;
type VoteValues = Record<(typeof VOTE_VALUES)[number], unknown>;

/** The spending of a ticket, as the first part of the vote's statement, if `allowed`; yields a row when it was unspent. */
function spendTicket(participation: 'codes' | 'open', vote: VoteValues, allowed: RawBuilder<boolean>) {
  return participation === 'codes'
    ? sql`UPDATE poll_codes SET used = true WHERE poll_id = ${vote.pollId} AND hash = ${vote.codeHash} AND NOT used AND ${allowed} RETURNING true`
    : sql`INSERT INTO used_proofs (signature, expires_at) SELECT ${vote.proofSignature}, ${vote.expiresAt}::timestamptz WHERE ${allowed}
          ON CONFLICT (signature) DO NOTHING RETURNING true`;
}

/** The statement of `insertCountedVote` for a ticket of one kind. */
function countedVoteStatement(db: Kysely<Database>, participation: 'codes' | 'open', vote: VoteValues) {
  const choices = sql`${vote.choices}::uuid[]`;
  return sql<VoteStatementRow>`
    WITH poll AS (${selectPolls(db).where('polls.id', '=', vote.pollId as string)}),
    takes_vote AS (
      SELECT FROM poll
       WHERE archived_at IS NULL AND closed_at IS NULL AND opens_at <= ${vote.now} AND closes_at > ${vote.now}
         AND participation = ${participation}
         AND cardinality(${choices}) <= max_choices
         AND cardinality(${choices}) = (SELECT count(*) FROM poll_options WHERE poll_id = poll.id AND id = ANY(${choices}))
    ),
    spent AS (${spendTicket(participation, vote, sql<boolean>`EXISTS (SELECT FROM takes_vote)`)}),
    vote AS (
      INSERT INTO poll_votes (poll_id, idempotency_key, request_hash, choices)
      SELECT ${vote.pollId}::uuid, ${vote.idempotencyKey}, ${vote.requestHash}, ${choices}
       WHERE EXISTS (SELECT FROM spent)
      RETURNING created_at, choices
    ), counted AS (
      INSERT INTO poll_vote_totals AS total (poll_id, option_id, slot, votes)
      SELECT ${vote.pollId}::uuid, counter, ${vote.slot}::smallint, count(*)
        FROM vote, unnest(${VOTES_COUNTER}::uuid || vote.choices) AS counter
       GROUP BY counter
       ORDER BY counter
      ON CONFLICT (poll_id, option_id, slot) DO UPDATE SET votes = total.votes + excluded.votes
    )
    -- The statement's reads see the counts as they were when it began: without this vote.
    SELECT poll.*, vote.created_at AS received_at,
           CASE WHEN vote.created_at IS NOT NULL
                THEN (SELECT coalesce(json_agg(counts), '[]') FROM (${countsOf(vote.pollId as string)}) AS counts) END AS counts
      FROM poll LEFT JOIN vote ON true`;
}

/**
 * Marks where a vote's own values go in its statement, which is built and compiled once per kind
 * of ticket and database (building and compiling it for every vote took a twentieth of the
 * Hub's CPU). PostgreSQL text cannot hold NUL, so no value of the statement's own looks like one.
 */
const VALUE_MARK = '\u0000vote:';
const compiledVotes = new WeakMap<Kysely<Database>, Map<string, CompiledQuery<VoteStatementRow>>>();

function compiledVoteStatement(db: Kysely<Database>, participation: 'codes' | 'open'): CompiledQuery<VoteStatementRow> {
  let byKind = compiledVotes.get(db);
  if (!byKind) compiledVotes.set(db, (byKind = new Map<string, CompiledQuery<VoteStatementRow>>()));
  let compiled = byKind.get(participation);
  if (!compiled) {
    const marks = Object.fromEntries(VOTE_VALUES.map((name) => [name, `${VALUE_MARK}${name}`])) as VoteValues;
    compiled = countedVoteStatement(db, participation, marks).compile(db);
    byKind.set(participation, compiled);
  }
  return compiled;
}

/**
 * The poll as `findPoll` reads it, with the outcome of the vote's statement: `received_at` is set
 * when the vote was counted, `counts` are then the poll's counts as they were before it.
 */
export type VoteStatementRow = PollRow & { received_at: Date | null; counts: CountRow[] | null };

/**
 * Counts a vote in one statement, which commits or fails as a whole, and reads its poll in it:
 * when the poll takes this vote at `now` (open, this kind of ticket, known choices, not too many),
 * spends its code or proof, stores the vote if that was unspent, adds it to the poll's running
 * totals and reads the counts it was added to (for the results in the vote's answer). One round
 * trip per vote; the rules are the ones `checkVote` and `assertOpen` say in words, which the
 * caller runs when no vote came back (`received_at` null: refused, or the ticket was spent, and
 * nothing was written). Undefined when there is no such poll; a `uniqueKeyTaken` error when the
 * key has a vote already — a request with it still being counted makes this wait for its end.
 * Every vote locks in the same order (ticket, key, totals in option order), so votes at once
 * wait for each other but never deadlock.
 */
export async function insertCountedVote(
  db: Kysely<Database>,
  vote: {
    pollId: string;
    idempotencyKey: string;
    requestHash: string;
    /** Lower case, as stored. */
    choices: string[];
    ticket: VoteTicket;
    now: Date;
  },
): Promise<VoteStatementRow | undefined> {
  const { ticket, ...values } = vote;
  const byName: Record<string, unknown> = {
    ...values,
    ...ticket,
    // Each vote adds to one slot of each total, at random: votes at once seldom wait for one another.
    slot: randomInt(TOTAL_SLOTS),
  };
  const participation = 'codeHash' in ticket ? 'codes' : 'open';
  const statement = compiledVoteStatement(db, participation);
  const parameters = statement.parameters.map((parameter) =>
    typeof parameter === 'string' && parameter.startsWith(VALUE_MARK) ? byName[parameter.slice(VALUE_MARK.length)] : parameter,
  );
  // Prepared by name: PostgreSQL planned this statement anew for every vote, a good part of its time per vote.
  const rows = await runPrepared<VoteStatementRow>(db, { name: `sr-poll-vote-${participation}`, text: statement.sql }, parameters);
  return rows[0];
}

/** Whether `error` is PostgreSQL's refusal of a second vote under one idempotency key. */
export function uniqueKeyTaken(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'poll_votes_poll_id_idempotency_key_key';
}

type TallySnapshot = Schemas['PollTallySnapshot'];

/** A tally's row without its fields: those live in its revisions' snapshots. */
export interface TallyRow {
  id: string;
  poll_id: string;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

export async function insertTallyRow(db: Kysely<Database>, pollId: string, snapshot: TallySnapshot): Promise<TallyRow> {
  return db
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
}

/** Writes a correction's fields and raises the revision number in the same statement. */
export async function updateTallyRow(db: Kysely<Database>, tallyId: string, snapshot: TallySnapshot): Promise<TallyRow> {
  return db
    .updateTable('poll_tallies')
    .set({
      channel: snapshot.channel,
      place: snapshot.place,
      held_on: snapshot.date,
      participants: snapshot.participants,
      note: snapshot.note,
      revision: sql<number>`revision + 1`,
      updated_at: nextVersion(),
    })
    .where('id', '=', tallyId)
    .returning(['id', 'poll_id', 'revision', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteTallyCounts(db: Kysely<Database>, tallyId: string): Promise<void> {
  await db.deleteFrom('poll_tally_counts').where('tally_id', '=', tallyId).execute();
}

export async function insertTallyCounts(db: Kysely<Database>, tallyId: string, counts: TallySnapshot['counts']): Promise<void> {
  await db
    .insertInto('poll_tally_counts')
    .values(counts.map((entry) => ({ tally_id: tallyId, option_id: entry.optionId, count: entry.count })))
    .execute();
}

export async function insertTallyRevision(
  db: Kysely<Database>,
  tally: TallyRow,
  snapshot: TallySnapshot,
  apiKeyId: string | null,
): Promise<void> {
  await db
    .insertInto('poll_tally_revisions')
    .values({ tally_id: tally.id, revision: tally.revision, api_key_id: apiKeyId, snapshot: JSON.stringify(snapshot) })
    .execute();
}

/** The poll's tallies (or the one), oldest first. */
export async function selectTallies(db: Kysely<Database>, pollId: string, tallyId?: string): Promise<TallyRow[]> {
  let query = db.selectFrom('poll_tallies').select(['id', 'poll_id', 'revision', 'created_at', 'updated_at']).where('poll_id', '=', pollId);
  if (tallyId) query = query.where('id', '=', tallyId);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** The revisions of the tallies, by tally and then in order. */
export async function selectTallyRevisions(db: Kysely<Database>, tallyIds: string[]) {
  return db
    .selectFrom('poll_tally_revisions')
    .selectAll()
    .where('tally_id', 'in', tallyIds)
    .orderBy('tally_id')
    .orderBy('revision')
    .execute();
}

/** A row of a poll's counts: `n` votes or choices for an option (or, under `VOTES_COUNTER`, participants) in a channel. */
export interface CountRow {
  option_id: string;
  channel: string;
  n: string;
}

/**
 * Counts per option and channel, and participants per channel (under `VOTES_COUNTER`): online
 * votes from their running totals, which each vote's statement keeps exact, in-person and postal
 * ones from the tallies.
 */
function countsOf(pollId: string) {
  return sql<CountRow>`
    SELECT option_id, 'online' AS channel, sum(votes)::text AS n
      FROM poll_vote_totals
     WHERE poll_id = ${pollId}
     GROUP BY option_id
    UNION ALL
    SELECT c.option_id, t.channel, sum(c.count)::text AS n
      FROM poll_tallies t JOIN poll_tally_counts c ON c.tally_id = t.id
     WHERE t.poll_id = ${pollId}
     GROUP BY c.option_id, t.channel
    UNION ALL
    SELECT ${VOTES_COUNTER}::uuid, channel, sum(participants)::text AS n
      FROM poll_tallies
     WHERE poll_id = ${pollId}
     GROUP BY channel`;
}

/** The poll's counts, in one statement. */
export async function countVotesAndTallies(db: Kysely<Database>, pollId: string): Promise<CountRow[]> {
  return (await countsOf(pollId).execute(db)).rows;
}

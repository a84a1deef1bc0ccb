import { sql, type Kysely, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, PollTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { byMomentThenId, pageByKeyset, type Page, type Paging } from '../http/listing.js';
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

/** Polls with their organizer and their options in order. */
export function selectPolls(db: Kysely<Database>) {
  return db
    .selectFrom('polls')
    .innerJoin('organizations', 'organizations.id', 'polls.organization_id')
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
}

/** Latest opening first. */
const byOpening = byMomentThenId<PollRow>('polls', 'opens_at', (row) => row.opens_at, 'desc');

/** A page of polls with the wanted statuses at `now` (draft, open and closed without a filter). */
export async function listPolls(db: Kysely<Database>, filters: PollFilters, paging: Paging, now: Date): Promise<Page<PollRow>> {
  let query = selectPolls(db);
  if (filters.municipality?.length) query = query.where('polls.municipality_id', 'in', filters.municipality);
  if (filters.organization?.length) query = query.where('polls.organization_id', 'in', filters.organization);
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
        updated_at: new Date(),
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

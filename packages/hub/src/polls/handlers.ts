import type { Kysely } from 'kysely';
import { granted } from '../auth/authorize.js';
import { actingKeyId } from '../auth/principal.js';
import { ProofOfWork, type ProofDifficulty } from '../citizen/proof-of-work.js';
import type { Database } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { sendCsv, wantsCsv } from '../http/csv.js';
import { mapPage } from '../http/listing.js';
import { writeIfUnchanged } from '../http/preconditions.js';
import { withoutSaving } from '../http/preview.js';
import { invalidBody, ProblemError } from '../http/problems.js';
import { knownMunicipalities } from '../orgs/lookups.js';
import { codesCsv, createCodes } from './codes.js';
import { checkPoll, completeInput, dataFromRow, pollStatus, toPoll, type PollData } from './model.js';
import { findPoll, hasCounts, insertPoll, listPolls, updatePoll, type PollRow } from './queries.js';
import { computeResults, hiddenResults, publiclyVisible, resultsCsv, resultsFromCounts } from './results.js';
import { checkTally, findTally, insertTally, listTallies, updateTally } from './tallies.js';
import { assertOpen, castVote, voteProofSubject } from './votes.js';
import * as clock from '../clock.js';

type PollOperations =
  | 'listPolls'
  | 'getPoll'
  | 'createPoll'
  | 'updatePoll'
  | 'getPollChallenge'
  | 'castVote'
  | 'createPollCodes'
  | 'listPollTallies'
  | 'createPollTally'
  | 'updatePollTally'
  | 'getPollResults'
  | 'previewPoll';

export interface PollOptions {
  /** Signs proof-of-work challenges; Hubs behind one load balancer need the same one. */
  proofSecret?: string | undefined;
  proofDifficulty?: ProofDifficulty | undefined;
}

/** Fields that are fixed once anything was counted: changing them would change what people voted on. */
const countedFields = ['question', 'options', 'kind', 'maxChoices', 'participation'] as const;

/** A counted field's value as compared for a change: options by label and description, not id. */
const comparable = (field: (typeof countedFields)[number], value: unknown) =>
  JSON.stringify(field === 'options' ? (value as PollData['options']).map((option) => [option.label, option.description ?? null]) : value);

/** Options sent unchanged keep their ids, and with them the votes and tallies counted for them. */
const optionsChanged = (row: PollRow, sent: PollData['options'] | undefined) =>
  sent !== undefined && comparable('options', dataFromRow(row).options) !== comparable('options', sent);

const notFound = (id: string) => new ProblemError('not-found', `There is no poll "${id}".`);

export function pollHandlers(db: Kysely<Database>, options: PollOptions = {}): Pick<Handlers, PollOperations> {
  const proofOfWork = new ProofOfWork(options.proofSecret, options.proofDifficulty);

  async function existingPoll(id: string): Promise<PollRow> {
    const row = await findPoll(db, id);
    if (!row) throw notFound(id);
    return row;
  }

  function checkedTally(poll: PollRow, input: Parameters<typeof checkTally>[1], stored?: Parameters<typeof checkTally>[2]) {
    const checked = checkTally(poll, input, stored);
    if (checked.errors.length > 0) throw invalidBody(checked.errors);
    return checked.data;
  }

  async function checkedPoll(handle: Kysely<Database>, data: PollData): Promise<PollData> {
    const errors = checkPoll(data, await knownMunicipalities(handle, data.municipalityId === null ? [] : [data.municipalityId]));
    if (errors.length > 0) throw invalidBody(errors);
    return data;
  }

  /**
   * The stored poll with `fields` in place, as a save at `now` may make it: the fields counted
   * votes depend on stay once anything was counted, and the window's start once it opened, its
   * end once it closed.
   */
  async function checkedChange(handle: Kysely<Database>, row: PollRow, fields: Schemas['PollFields'], now: Date): Promise<PollData> {
    const status = pollStatus(row, now);
    const stored = dataFromRow(row);
    const changed = countedFields.filter(
      (field) => field in fields && comparable(field, fields[field]) !== comparable(field, stored[field]),
    );
    if (changed.length > 0 && (await hasCounts(handle, row.id))) {
      throw new ProblemError('conflict', `The poll has votes or tallies, so ${changed.join(', ')} can no longer change.`);
    }
    if (fields.opensAt !== undefined && Date.parse(fields.opensAt) !== row.opens_at.getTime() && status !== 'draft') {
      throw new ProblemError('conflict', 'The poll has opened already, so opensAt can no longer change.');
    }
    if (
      fields.closesAt !== undefined &&
      Date.parse(fields.closesAt) !== row.closes_at.getTime() &&
      (status === 'closed' || status === 'archived')
    ) {
      throw new ProblemError('conflict', 'The poll has closed, so closesAt can no longer change; a closed poll is not reopened.');
    }
    const merged = { ...stored, ...fields };
    // A poll switched to single choice takes one choice, unless the patch says otherwise.
    if (fields.kind === 'single' && fields.maxChoices === undefined) merged.maxChoices = 1;
    return checkedPoll(handle, merged);
  }

  return {
    async listPolls(request) {
      // One moment for the status filter and the statuses in the answer.
      const now = clock.now();
      return mapPage(await listPolls(db, request.query, request.query, now), (row) => toPoll(row, now));
    },

    async getPoll(request) {
      return toPoll(await existingPoll(request.params.pollId));
    },

    async createPoll(request, reply) {
      const { organizationId } = request.params;
      // The contract requires these fields; the generated type of an allOf does not carry that over.
      const input = request.body as Parameters<typeof completeInput>[0];
      const id = await insertPoll(db, organizationId, await checkedPoll(db, completeInput(input)));
      reply.code(201).header('Location', `/polls/${id}`);
      return toPoll((await findPoll(db, id))!);
    },

    async updatePoll(request) {
      const row = await existingPoll(request.params.pollId);
      const { status: transition, ...fields } = request.body;
      const now = clock.now();
      const data = await checkedChange(db, row, fields, now);
      const status = pollStatus(row, now);
      const changes = {
        replaceOptions: optionsChanged(row, fields.options),
        close: transition === 'closed' || transition === 'archived' ? status === 'open' || status === 'draft' : false,
        archive: transition === 'archived',
      };
      await writeIfUnchanged(db, request, { table: 'polls', id: row.id, noun: 'poll' }, (trx) => updatePoll(trx, row.id, data, changes));
      return toPoll((await findPoll(db, row.id))!);
    },

    async previewPoll(request) {
      const { organizationId } = request.params;
      const { poll: input, replaces } = request.body;
      const now = clock.now();
      const at = request.body.at === undefined ? now : new Date(request.body.at);
      return withoutSaving(db, 'poll', async (trx) => {
        let id: string;
        if (replaces === undefined) {
          // The contract requires these fields; the generated type of an allOf does not carry that over.
          id = await insertPoll(trx, organizationId, await checkedPoll(trx, completeInput(input as Parameters<typeof completeInput>[0])));
        } else {
          const row = await findPoll(trx, replaces);
          if (row?.organization_id !== organizationId) throw notFound(replaces);
          // Refused as a save now would refuse it, so the preview never shows what cannot be saved.
          const data = await checkedChange(trx, row, input, now);
          await updatePoll(trx, row.id, data, { replaceOptions: optionsChanged(row, input.options), close: false, archive: false });
          id = row.id;
        }
        const row = (await findPoll(trx, id))!;
        // The organizer's view of the results, as the widget shows it to them at that moment.
        return { poll: toPoll(row, at), results: await computeResults(trx, row, at) };
      });
    },

    async getPollChallenge(request, reply) {
      const poll = await existingPoll(request.params.pollId);
      if (poll.participation !== 'open') {
        throw new ProblemError(
          'conflict',
          'This poll takes printed participation codes, not a proof of work: send the code with the vote.',
        );
      }
      assertOpen(poll, clock.now());
      proofOfWork.pruneUsed(db);
      reply.header('Cache-Control', 'no-store');
      return proofOfWork.challenge(voteProofSubject(poll.id));
    },

    async castVote(request, reply) {
      const { pollId } = request.params;
      const outcome = await castVote(db, proofOfWork, pollId, request.headers['idempotency-key'], request.body);
      if (!outcome) throw notFound(pollId);
      const { poll, vote } = outcome;
      reply.code(201);
      if (vote.replayed) reply.header('Idempotent-Replayed', 'true');
      const showResults = poll.results_visibility === 'after-voting' || publiclyVisible(poll);
      return {
        pollId: poll.id,
        choices: vote.choices,
        receivedAt: vote.receivedAt.toISOString(),
        // A vote counted now brings the counts it was added to; a repeated one reads them.
        results: showResults ? (vote.counts ? resultsFromCounts(poll, vote.counts) : await computeResults(db, poll)) : null,
      };
    },

    async createPollCodes(request, reply) {
      const poll = await existingPoll(request.params.pollId);
      if (poll.participation !== 'codes') {
        throw new ProblemError(
          'conflict',
          'This poll is open to everyone (participation: open); participation codes are for polls with participation: codes.',
        );
      }
      const status = pollStatus(poll);
      if (status === 'closed' || status === 'archived')
        throw new ProblemError('poll-not-open', 'The poll has closed; new codes could not vote any more.');
      const codes = await createCodes(db, poll.id, request.body.count);
      reply.code(201);
      return wantsCsv(request) ? sendCsv(reply, codesCsv(codes), `codes-${poll.id}`) : { pollId: poll.id, codes };
    },

    async listPollTallies(request) {
      const poll = await existingPoll(request.params.pollId);
      return { items: await listTallies(db, poll.id), nextCursor: null };
    },

    async createPollTally(request, reply) {
      const poll = await existingPoll(request.params.pollId);
      if (poll.archived_at !== null) throw new ProblemError('conflict', 'The poll is archived; its results no longer change.');
      const snapshot = checkedTally(poll, request.body);
      const id = await insertTally(db, poll.id, snapshot, actingKeyId(request.principal));
      reply.code(201);
      return findTally(db, poll.id, id);
    },

    async updatePollTally(request) {
      const poll = await existingPoll(request.params.pollId);
      if (poll.archived_at !== null) throw new ProblemError('conflict', 'The poll is archived; its results no longer change.');
      const stored = await findTally(db, poll.id, request.params.tallyId);
      const snapshot = checkedTally(poll, request.body, stored);
      const entry = { table: 'poll_tallies', id: stored.id, noun: 'tally' } as const;
      await writeIfUnchanged(db, request, entry, (trx) => updateTally(trx, stored.id, snapshot, actingKeyId(request.principal)));
      return findTally(db, poll.id, stored.id);
    },

    async getPollResults(request, reply) {
      const poll = await existingPoll(request.params.pollId);
      const organizer = granted(request);
      reply.header('Vary', 'Accept, Authorization');
      if (wantsCsv(request)) {
        if (!request.principal) {
          throw new ProblemError(
            'unauthorized',
            'Results as CSV are for the organizer: send its API key as "Authorization: Bearer <key>".',
            {
              headers: { 'WWW-Authenticate': 'Bearer' },
            },
          );
        }
        if (!organizer) throw new ProblemError('forbidden', 'This API key belongs to another organization.');
        return sendCsv(reply, resultsCsv(await computeResults(db, poll)), `results-${poll.id}`);
      }
      if (!organizer && !publiclyVisible(poll)) return hiddenResults(poll);
      return computeResults(db, poll);
    },
  };
}

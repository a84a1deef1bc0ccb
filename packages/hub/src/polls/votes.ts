import type { Kysely } from 'kysely';
import { contentHash, onceWritingFirst, type EarlierAction } from '../citizen/idempotency.js';
import type { ProofOfWork, ProofSubject } from '../citizen/proof-of-work.js';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { fieldError, invalidBody, ProblemError, type FieldError } from '../http/problems.js';
import { berlinDateTime } from '../http/text.js';
import { hashCode, normalizeCode } from './codes.js';
import { closingTime, pollStatus } from './model.js';
import {
  findCode,
  findPoll,
  findVoteByKey,
  insertCountedVote,
  uniqueKeyTaken,
  VOTES_COUNTER,
  type CountRow,
  type PollRow,
  type VoteStatementRow,
  type VoteTicket,
} from './queries.js';
import * as clock from '../clock.js';

/** A counted vote as its voter may see it again: the same for every repetition of the request. */
export interface CountedVote {
  choices: string[];
  receivedAt: Date;
  /** True when an earlier request with the same key had counted it. */
  replayed: boolean;
  /** For a vote counted now: the poll's counts with this vote in them. */
  counts?: CountRow[] | undefined;
}

/** A vote's proof of work: bound to its poll. */
export function voteProofSubject(pollId: string): ProofSubject {
  return { data: { pollId }, noun: 'poll', action: 'a vote', challengePath: `/polls/${pollId}/challenge` };
}

function requestHash(choices: string[]): string {
  return contentHash([...choices].sort().join(','));
}

/** The choices and the proof of participation a vote must have, checked against the poll. */
function checkVote(poll: PollRow, body: Schemas['VoteInput']): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(poll.options.map((option) => option.id));
  const chosen = body.choices.map((choice) => choice.toLowerCase());
  chosen.forEach((choice, index) => {
    if (!known.has(choice)) errors.push(fieldError(`/choices/${index}`, 'unknown-reference', 'is not an option of this poll'));
    // The contract's uniqueItems tells ids apart by case; one option chosen twice would count twice.
    else if (chosen.indexOf(choice) !== index) errors.push(fieldError(`/choices/${index}`, 'duplicate', 'repeats an earlier choice'));
  });
  if (body.choices.length > poll.max_choices) {
    const allowed = poll.max_choices === 1 ? 'one choice' : `at most ${poll.max_choices} choices`;
    errors.push(fieldError('/choices', 'too-many-choices', `allows ${allowed} in this poll, not ${body.choices.length}`, poll.max_choices));
  }
  if (poll.participation === 'codes') {
    if (body.code === undefined) errors.push(fieldError('/code', 'required', 'is needed: this poll takes printed participation codes'));
    else if (normalizeCode(body.code) === '') errors.push(fieldError('/code', 'blank', 'is empty'));
    if (body.proof !== undefined) errors.push(fieldError('/proof', 'not-allowed', 'is not used in a poll with participation codes'));
  } else {
    if (body.proof === undefined)
      errors.push(fieldError('/proof', 'required', `is needed: solve a challenge from /polls/${poll.id}/challenge`));
    if (body.code !== undefined) errors.push(fieldError('/code', 'not-allowed', 'is not used in an open poll'));
  }
  return errors;
}

/** 409 for a poll that takes no votes now, saying since or until when. */
export function assertOpen(poll: PollRow, now: Date): void {
  const status = pollStatus(poll, now);
  if (status === 'open') return;
  const detail =
    status === 'draft'
      ? `The poll opens on ${berlinDateTime.format(poll.opens_at)} (Europe/Berlin); votes are possible from then on.`
      : status === 'closed'
        ? `The poll closed on ${berlinDateTime.format(closingTime(poll))} (Europe/Berlin); no more votes are counted.`
        : 'The poll is archived; no more votes are counted.';
  throw new ProblemError('poll-not-open', detail);
}

async function earlierVote(
  db: Kysely<Database>,
  pollId: string,
  key: string,
): Promise<EarlierAction<Omit<CountedVote, 'replayed'>> | undefined> {
  const row = await findVoteByKey(db, pollId, key);
  return row && { requestHash: row.request_hash, result: { choices: row.choices, receivedAt: row.created_at } };
}

/** The outcome of a vote request: the poll voted in and the vote (counted now or before). */
export interface VoteOutcome {
  poll: PollRow;
  vote: CountedVote;
}

/** The ticket a vote with a well-formed code or a checked proof spends; undefined when it has neither, or both. */
async function ticketOf(proofOfWork: ProofOfWork, pollId: string, body: Schemas['VoteInput']): Promise<VoteTicket | undefined> {
  if (body.code !== undefined && body.proof === undefined) {
    return normalizeCode(body.code) === '' ? undefined : { codeHash: hashCode(pollId, body.code) };
  }
  if (body.proof !== undefined && body.code === undefined) {
    const proof = await proofOfWork.verify(body.proof, voteProofSubject(pollId));
    return { proofSignature: proof.signature, expiresAt: proof.expiresAt };
  }
  return undefined;
}

/**
 * Counts one vote, exactly once. The common case — a new vote that the poll takes — is one
 * statement (`insertCountedVote`): it reads the poll, and only if the poll takes the vote spends
 * its code or proof, stores it, adds it to the running totals and reads the counts. Anything
 * else (no such poll, a refusal, a spent ticket, a taken key, a proof that does not check out)
 * goes the careful way, `castVoteInPoll`, which says why in the order the rules are checked, and
 * gives a repetition of a counted request its first answer.
 */
export async function castVote(
  db: Kysely<Database>,
  proofOfWork: ProofOfWork,
  pollId: string,
  idempotencyKey: string,
  body: Schemas['VoteInput'],
  now = clock.now(),
): Promise<VoteOutcome | undefined> {
  const choices = body.choices.map((choice) => choice.toLowerCase());
  // A proof that does not check out is refused the careful way, after the rules that come before it.
  const ticket = await ticketOf(proofOfWork, pollId, body).catch(() => undefined);
  let poll: PollRow | undefined;
  let read = false;
  if (ticket) {
    try {
      const row = await insertCountedVote(db, { pollId, idempotencyKey, requestHash: requestHash(choices), choices, ticket, now });
      if (row?.received_at) return { poll: row, vote: countedNow(row, choices) };
      [poll, read] = [row, true];
    } catch (error) {
      // The key was taken: the statement failed before it gave the poll.
      if (!uniqueKeyTaken(error)) throw error;
    }
  }
  if (!read) poll = await findPoll(db, pollId);
  if (!poll) return undefined;
  return { poll, vote: await castVoteInPoll(db, proofOfWork, poll, idempotencyKey, body, now) };
}

/** The vote that a statement counted, with the counts it was added to and itself. */
function countedNow(row: VoteStatementRow, choices: string[]): CountedVote {
  return { choices, receivedAt: row.received_at!, replayed: false, counts: withOwnVote(row.counts ?? [], choices) };
}

/**
 * A vote in a poll that was read, checked rule by rule: a request that breaks one is told which
 * (a repetition of a counted request gets its first answer even when the poll closed since or
 * the proof expired); a request that breaks none is counted by `insertCountedVote`.
 */
async function castVoteInPoll(
  db: Kysely<Database>,
  proofOfWork: ProofOfWork,
  poll: PollRow,
  idempotencyKey: string,
  body: Schemas['VoteInput'],
  now: Date,
): Promise<CountedVote> {
  const errors = checkVote(poll, body);
  if (errors.length > 0) throw invalidBody(errors);
  const choices = body.choices.map((choice) => choice.toLowerCase());
  const subject = voteProofSubject(poll.id);
  let ticket: VoteTicket;

  const { result, replayed } = await onceWritingFirst({
    requestHash: requestHash(choices),
    earlier: () => earlierVote(db, poll.id, idempotencyKey),
    check: async () => {
      assertOpen(poll, now);
      // checkVote made sure the vote has exactly one of them, as its poll asks: a non-blank code or a proof.
      ticket = (await ticketOf(proofOfWork, poll.id, body))!;
    },
    act: async () => {
      let row;
      try {
        row = await insertCountedVote(db, { pollId: poll.id, idempotencyKey, requestHash: requestHash(choices), choices, ticket, now });
      } catch (error) {
        if (uniqueKeyTaken(error)) return undefined;
        throw error;
      }
      if (row?.received_at) return countedNow(row, choices);
      // Changed since it was read (closed, archived, gone): refused as that poll refuses it.
      if (!row) throw new ProblemError('not-found', `There is no poll "${poll.id}".`);
      assertOpen(row, now);
      const changed = checkVote(row, body);
      if (changed.length > 0) throw invalidBody(changed);
      // The code or proof was spent: by this very request before (its answer is given again) or by another.
      if (await findVoteByKey(db, poll.id, idempotencyKey)) return undefined;
      throw 'codeHash' in ticket ? await spentCodeProblem(db, poll.id, body.code!) : proofOfWork.alreadyUsed(subject);
    },
    reusedDetail: 'This Idempotency-Key was already used for a vote with other choices. Make a new key for a new vote.',
    inFlightDetail: 'Another request with this Idempotency-Key was being counted. Send the vote again.',
  });
  return { ...result, replayed };
}

/** Counts read before a vote, with the vote added: one more participant online, and one more for each choice. */
function withOwnVote(counts: CountRow[], choices: string[]): CountRow[] {
  const own = [VOTES_COUNTER, ...choices].map((option_id) => ({ option_id, channel: 'online', n: '1' }));
  return [...counts, ...own];
}

/** Why a code could not vote: used already, or not a code of this poll. */
async function spentCodeProblem(db: Kysely<Database>, pollId: string, code: string): Promise<ProblemError> {
  if (await findCode(db, pollId, hashCode(pollId, code))) {
    return new ProblemError('code-already-used', `The code ${code.trim()} has already been used to vote. Each code votes once.`);
  }
  return new ProblemError('unknown-code', `The code ${code.trim()} is not a participation code of this poll. Check it for typos.`);
}

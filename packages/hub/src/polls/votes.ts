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
  findVoteByKey,
  insertCountedVote,
  uniqueKeyTaken,
  VOTES_COUNTER,
  type CountRow,
  type PollRow,
  type VoteTicket,
} from './queries.js';
import * as clock from '../clock.js';

/** A counted vote as its voter may see it again: the same for every repetition of the request. */
export interface CountedVote {
  choices: string[];
  receivedAt: Date;
  /** True when an earlier request with the same key had counted it. */
  replayed: boolean;
  /** With `withCounts`, for a vote counted now: the poll's counts with this vote in them. */
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
  body.choices.forEach((choice, index) => {
    if (!known.has(choice.toLowerCase()))
      errors.push(fieldError(`/choices/${index}`, 'unknown-reference', 'is not an option of this poll'));
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

/**
 * Counts one vote, exactly once, in one statement (see `insertCountedVote`): its code or proof
 * is spent, the vote stored and added to the running totals, or nothing is written. A request
 * that is new (the common case) costs no read of earlier votes: that read only happens when the
 * key is taken, the ticket was spent, or the poll or proof refuse the vote — a repetition of a
 * counted request still gets its first answer then.
 */
export async function castVote(
  db: Kysely<Database>,
  proofOfWork: ProofOfWork,
  poll: PollRow,
  idempotencyKey: string,
  body: Schemas['VoteInput'],
  withCounts: boolean,
  now = clock.now(),
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
      if (body.proof) {
        const proof = await proofOfWork.verify(body.proof, subject);
        ticket = { proofSignature: proof.signature, expiresAt: proof.expiresAt };
      } else {
        // checkVote made sure that a poll without proofs has a code.
        ticket = { codeHash: hashCode(poll.id, body.code!) };
      }
    },
    act: async () => {
      let vote;
      try {
        vote = await insertCountedVote(db, {
          pollId: poll.id,
          idempotencyKey,
          requestHash: requestHash(choices),
          choices,
          ticket,
          withCountsBefore: withCounts,
        });
      } catch (error) {
        if (uniqueKeyTaken(error)) return undefined;
        throw error;
      }
      if (vote) return { choices, receivedAt: vote.created_at, counts: vote.counts ? withOwnVote(vote.counts, choices) : undefined };
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

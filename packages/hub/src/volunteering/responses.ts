import type { Kysely } from 'kysely';
import { contentHash, once, type EarlierAction } from '../citizen/idempotency.js';
import type { ProofOfWork, ProofSubject } from '../citizen/proof-of-work.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { csvTable } from '../http/csv.js';
import { fieldError, invalidBody, ProblemError, type FieldError } from '../http/problems.js';
import { enqueueMail } from '../mail/outbox.js';
import { findOrganization } from '../orgs/queries.js';
import { berlinDateTime } from '../http/text.js';
import { needEnd, needStatus, privacyNoticeVersion } from './model.js';
import { decideResponse, findResponseByKey, insertResponse, type NeedRow, type ResponseRow } from './queries.js';
import { queueSignupMails } from './self-service/notify.js';
import { toShift } from './shifts/model.js';
import { takePlaces } from './shifts/places.js';
import { shiftsByIds, type SignupOfResponse } from './shifts/queries.js';
import * as clock from '../clock.js';

type ResponseInput = Schemas['VolunteerResponseInput'];
type Receipt = Schemas['VolunteerResponseReceipt'];

const DAY_MS = 86_400_000;

/** A response's proof of work: bound to its need. */
export function responseProofSubject(needId: string): ProofSubject {
  return {
    data: { volunteerNeedId: needId },
    noun: 'volunteer need',
    action: 'a response',
    challengePath: `/volunteer-needs/${needId}/challenge`,
  };
}

/** 409 for a need that takes no responses now, saying why. */
export function assertTakesResponses(need: NeedRow, now = clock.now()): void {
  const status = needStatus(need, now);
  if (status === 'closed')
    throw new ProblemError('volunteer-need-not-open', 'The organization has closed this need; it takes no more responses.');
  if (status === 'expired') {
    throw new ProblemError(
      'volunteer-need-not-open',
      `The need ended on ${berlinDateTime.format(need.ends_at!)} (Europe/Berlin); it takes no more responses.`,
    );
  }
  if (need.privacy_policy_url === null) {
    throw new ProblemError(
      'conflict',
      `${need.organization_name} has not published a privacy notice yet, so the Hub takes no personal data for it. Contact the organization directly.`,
    );
  }
}

/** A need with shifts takes sign-ups for them: its free places are counted (`shift_places_free`). */
export const hasShifts = (need: NeedRow): boolean => need.shift_places_free !== null;

/** What only the Hub can check about a response; the schema checked the rest. */
function checkResponse(need: NeedRow, body: ResponseInput): FieldError[] {
  const errors: FieldError[] = [];
  if (hasShifts(need) && !body.shiftIds) errors.push(fieldError('/shiftIds', 'required', 'choose at least one shift: the need has shifts'));
  if (!hasShifts(need) && body.shiftIds) errors.push(fieldError('/shiftIds', 'no-shifts', 'must be left out: the need has no shifts'));
  if (body.name.trim() === '') errors.push(fieldError('/name', 'blank', 'must not be blank'));
  if (!body.email?.trim() && !body.phone?.trim()) {
    errors.push(fieldError('/email', 'email-or-phone', 'give an e-mail address or a phone number'));
    errors.push(fieldError('/phone', 'email-or-phone', 'give a phone number or an e-mail address'));
  }
  if (need.privacy_policy_url !== null && body.consent.privacyNoticeVersion !== privacyNoticeVersion(need.privacy_policy_url)) {
    errors.push(
      fieldError(
        '/consent/privacyNoticeVersion',
        'outdated-privacy-notice',
        'is not the current version of the privacy notice: show the need again and ask for consent to its notice',
      ),
    );
  }
  return errors;
}

/** Text fields as stored: trimmed, and empty ones not at all. */
function cleaned(body: ResponseInput) {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return { name: body.name.trim(), email: text(body.email), phone: text(body.phone), message: text(body.message) };
}

async function earlierResponse(db: Kysely<Database>, need: NeedRow, key: string): Promise<EarlierAction<Date> | undefined> {
  const row = await findResponseByKey(db, need.id, key);
  return row && { requestHash: row.request_hash, result: row.created_at };
}

/** Queues the e-mail about a new response for its organization, when the organization has an address. */
async function queueResponseMail(db: Kysely<Database>, organizationId: string, responseId: string, retentionDays: number): Promise<void> {
  const organization = await findOrganization(db, organizationId);
  if (!organization?.email) return;
  await enqueueMail(db, {
    kind: 'volunteer-response',
    to: organization.email,
    payload: { retentionDays },
    volunteerResponseId: responseId,
  });
}

/**
 * Stores one response, exactly once per `Idempotency-Key`, and queues its e-mail to the
 * organization in the same transaction, so a response is never without its notification. A filled
 * honeypot passes every check and gets the same answer, but nothing is stored or sent.
 * `retentionDays`: what the e-mail says about the deletion of responses; `language`: the
 * volunteer's, for a later mail about the decision.
 */
export async function submitResponse(
  db: Kysely<Database>,
  proofOfWork: ProofOfWork,
  need: NeedRow,
  idempotencyKey: string,
  body: ResponseInput,
  retentionDays: number,
  language: 'de' | 'en' | null,
): Promise<{ receipt: Receipt; replayed: boolean; stored: boolean }> {
  const errors = checkResponse(need, body);
  if (errors.length > 0) throw invalidBody(errors);
  const fields = cleaned(body);
  const shiftIds = body.shiftIds ?? [];
  const content = [fields.name, fields.email, fields.phone, fields.message, body.consent.privacyNoticeVersion];
  // Other shifts are another sign-up; a response without shifts hashes as it always did.
  const requestHash = contentHash(JSON.stringify(shiftIds.length > 0 ? [...content, [...shiftIds].sort()] : content));
  const confirmed = hasShifts(need) && !need.approval_required;
  const subject = responseProofSubject(need.id);
  const isBot = Boolean(body.honeypot?.trim());
  let stored = false;

  const { result: receivedAt, replayed } = await once({
    requestHash,
    // A repeated request gets its first answer, even after the need closed or the proof expired.
    earlier: () => earlierResponse(db, need, idempotencyKey),
    act: async () => {
      assertTakesResponses(need);
      const proof = await proofOfWork.verify(body.proof, subject);
      if (isBot) return new Date();
      return inTransaction(db, async (trx) => {
        const response = await insertResponse(trx, {
          need_id: need.id,
          idempotency_key: idempotencyKey,
          request_hash: requestHash,
          ...fields,
          privacy_notice_url: need.privacy_policy_url!,
          privacy_notice_version: body.consent.privacyNoticeVersion,
          language,
        });
        if (!response) return undefined;
        if (hasShifts(need)) {
          const signups = await takePlaces(trx, { needId: need.id, responseId: response.id, shiftIds });
          // Without approval the person is in at once: decided now.
          if (confirmed) await decideResponse(trx, response.id, need.id, 'accepted');
          await queueSignupMails(trx, {
            responseId: response.id,
            email: fields.email,
            language: language ?? 'de',
            status: confirmed ? 'confirmed' : 'pending',
            reminderHours: need.reminder_hours,
            signups: signups.map(({ signupId, startsAt }) => ({ signupId, startsAt })),
          });
        }
        await proofOfWork.spend(trx, proof, subject);
        await queueResponseMail(trx, need.organization_id, response.id, retentionDays);
        stored = true;
        return response.created_at;
      });
    },
    reusedDetail: 'This Idempotency-Key was already used for a response with other content. Make a new key for a new response.',
    inFlightDetail: 'Another request with this Idempotency-Key was being stored. Send the response again.',
  });
  return {
    receipt: {
      volunteerNeedId: need.id,
      receivedAt: receivedAt.toISOString(),
      organization: { organizationId: need.organization_id, name: need.organization_name },
      status: confirmed ? 'confirmed' : 'pending',
      shifts: (await shiftsByIds(db, shiftIds)).map((shift) => toShift(shift)),
    },
    replayed,
    stored,
  };
}

/** The day the retention period ends: so many days after the need ended. */
function deleteAfter(row: ResponseRow, retentionDays: number): string | null {
  const end = needEnd(row);
  return end === null ? null : new Date(end.getTime() + retentionDays * DAY_MS).toISOString().slice(0, 10);
}

/** A response as its organization sees it, with its sign-ups (`signupsOfResponses`). */
export function toResponse(row: ResponseRow, retentionDays: number, signups: readonly SignupOfResponse[]): Schemas['VolunteerResponse'] {
  return {
    id: row.id,
    volunteerNeedId: row.need_id,
    needTitle: row.need_title,
    name: row.name,
    email: row.email,
    phone: row.phone,
    message: row.message,
    consent: {
      privacyNoticeUrl: row.privacy_notice_url,
      privacyNoticeVersion: row.privacy_notice_version,
      givenAt: row.created_at.toISOString(),
    },
    status: row.status,
    decidedAt: row.decided_at?.toISOString() ?? null,
    receivedAt: row.created_at.toISOString(),
    deleteAfter: deleteAfter(row, retentionDays),
    shifts: signups.map((signup) => ({
      signupId: signup.id,
      shiftId: signup.shift_id,
      startsAt: signup.starts_at.toISOString(),
      endsAt: signup.ends_at.toISOString(),
      label: signup.label,
      status: signup.status,
      attended: signup.attended,
    })),
  };
}

/** A response's shifts in one CSV cell: "2027-06-12T14:00:00.000Z–2027-06-12T17:00:00.000Z Bar", active ones only. */
function shiftsCell(response: Schemas['VolunteerResponse']): string {
  return response.shifts
    .filter((shift) => shift.status === 'active')
    .map((shift) => `${shift.startsAt}–${shift.endsAt}${shift.label ? ` ${shift.label}` : ''}`)
    .join('; ');
}

export function responsesCsv(responses: Schemas['VolunteerResponse'][]): string {
  return csvTable([
    [
      'received_at',
      'need',
      'name',
      'email',
      'phone',
      'message',
      'status',
      'decided_at',
      'privacy_notice_url',
      'privacy_notice_version',
      'delete_after',
      'shifts',
    ],
    ...responses.map((response) => [
      response.receivedAt,
      response.needTitle,
      response.name,
      response.email,
      response.phone,
      response.message,
      response.status,
      response.decidedAt,
      response.consent.privacyNoticeUrl,
      response.consent.privacyNoticeVersion,
      response.deleteAfter,
      shiftsCell(response),
    ]),
  ]);
}

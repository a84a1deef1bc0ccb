import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Schemas } from '../http/api.js';
import { fieldError, invalidBody } from '../http/problems.js';
import { enqueueMail } from '../mail/outbox.js';
import { decideResponse, type ResponseRow } from './queries.js';

/**
 * Applies an organization's decision on a response: the status (with the need's count) and, with
 * `message`, the mail to the volunteer, in one transaction. The words go into the outbox only,
 * never into the response. Returns whether a mail was queued (kick the outbox after).
 */
export async function applyDecision(db: Kysely<Database>, row: ResponseRow, patch: Schemas['VolunteerResponsePatch']): Promise<boolean> {
  const message = patch.message?.trim();
  if (message && !row.email) {
    throw invalidBody([fieldError('/message', 'no-email', 'cannot be sent: the volunteer gave no e-mail address; call them instead')]);
  }
  return inTransaction(db, async (trx) => {
    await decideResponse(trx, row.id, row.need_id, patch.status);
    if (!message) return false;
    await enqueueMail(trx, {
      kind: 'volunteer-decision',
      to: row.email!,
      language: row.language ?? 'de',
      payload: { status: patch.status, message },
      volunteerResponseId: row.id,
    });
    return true;
  });
}

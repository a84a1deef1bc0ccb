import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, MailOutboxTable } from '../db/schema.js';
import { now } from '../clock.js';
import type { MailLanguage } from './template.js';

export async function insertMail(db: Kysely<Database>, row: Insertable<MailOutboxTable>): Promise<string> {
  const { id } = await db.insertInto('mail_outbox').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** A mail to send now, and how many times it has been tried (this one included). */
export interface DueMail {
  id: string;
  kind: string;
  recipient: string;
  language: MailLanguage;
  payload: unknown;
  volunteer_response_id: string | null;
  volunteer_signup_id: string | null;
  attempts: number;
}

/**
 * Claims up to `batch` due mails for `claimSeconds`, counting the attempt; rows another Hub has
 * locked are skipped. Due by the Hub's clock, the one that says when a shift starts: a reminder
 * is due at its shift's time minus its hours on the same clock (a pinned one too).
 */
export async function claimMails(db: Kysely<Database>, batch: number, claimSeconds: number): Promise<DueMail[]> {
  const at = now().toISOString();
  const { rows } = await sql<DueMail>`
      UPDATE mail_outbox
      SET attempts = attempts + 1, next_attempt_at = ${at}::timestamptz + make_interval(secs => ${claimSeconds})
      WHERE id IN (
        SELECT id FROM mail_outbox
        WHERE next_attempt_at <= ${at}::timestamptz
        ORDER BY next_attempt_at
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, recipient, language, payload, volunteer_response_id, volunteer_signup_id, attempts`.execute(db);
  return rows;
}

export async function deleteMail(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
}

/** Puts a failed mail back in the queue for `nextAttemptAt`, with the error's code. */
export async function postponeMail(db: Kysely<Database>, id: string, nextAttemptAt: Date, lastError: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ next_attempt_at: nextAttemptAt, last_error: lastError }).where('id', '=', id).execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type MailLanguage = 'de' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  replyTo?: { name: string; address: string };
}

/** What a template may read besides its payload, at send time. */
export interface MailContext {
  db: Kysely<Database>;
  volunteerResponseId: string | null;
}

/**
 * How one kind of mail reads. Rendered when it is sent, not when it is queued, so the outbox holds
 * ids instead of copies of personal data.
 */
export interface MailTemplate<Payload> {
  /** `null`: nothing to send any more (what the mail was about is gone). */
  render(payload: Payload, language: MailLanguage, context: MailContext): RenderedMail | null | Promise<RenderedMail | null>;
  /** The text tells personal data of citizens: without a mail server it is not written to the log. */
  personalData?: boolean;
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type MailLanguage = 'de' | 'en';

/** A file sent with a mail (e.g. the shifts as .ics); the log delivery leaves it out. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  replyTo?: { name: string; address: string };
  attachments?: MailAttachment[];
}

/** What a template may read besides its payload, at send time. */
export interface MailContext {
  db: Kysely<Database>;
  volunteerResponseId: string | null;
  /** The volunteer sign-up a mail is about (a reminder). */
  volunteerSignupId: string | null;
  /** The Hub's origin as people reach it (`PUBLIC_URL`): links made at send time point there. */
  publicUrl: string;
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

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** What the sign-up transaction hands over: the new response and its sign-ups. */
export interface NewSignup {
  responseId: string;
  /** Null: the volunteer gave no e-mail address, so there is nothing to send. */
  email: string | null;
  language: 'de' | 'en';
  /** `pending`: the need is "nach Rücksprache". */
  status: 'confirmed' | 'pending';
  reminderHours: number;
  signups: { signupId: string; startsAt: Date }[];
}

/**
 * Queues, in the caller's transaction, the volunteer's confirmation (with the "Meine Einsätze"
 * link and the shifts as .ics) and one reminder per sign-up.
 */
export async function queueSignupMails(db: Kysely<Database>, signup: NewSignup): Promise<void> {
  void db;
  void signup;
}

/**
 * Tells everyone actively on the shift that the organization changed its time or cancelled it
 * (in the caller's transaction), and moves or removes their reminders.
 */
export async function queueShiftChangeMails(db: Kysely<Database>, shiftId: string, change: 'moved' | 'cancelled'): Promise<void> {
  void db;
  void shiftId;
  void change;
}

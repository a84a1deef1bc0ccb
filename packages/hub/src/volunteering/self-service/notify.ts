import type { Kysely } from 'kysely';
import { now } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { enqueueMail } from '../../mail/outbox.js';
import { activeSignupsOfShift, deleteReminders } from './queries.js';

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

const HOUR_MS = 3_600_000;

/** What one reminder needs to be queued: its sign-up, whom to tell, and when the shift starts. */
interface ReminderOf {
  signupId: string;
  responseId: string;
  email: string;
  language: 'de' | 'en';
  startsAt: Date;
  reminderHours: number;
}

/**
 * Queues the reminder of one sign-up, due its need's hours before the shift; none when the need
 * has no reminders or that moment has passed.
 */
export async function queueReminder(db: Kysely<Database>, reminder: ReminderOf): Promise<void> {
  if (reminder.reminderHours === 0) return;
  const due = new Date(reminder.startsAt.getTime() - reminder.reminderHours * HOUR_MS);
  if (due <= now()) return;
  await enqueueMail(db, {
    kind: 'volunteer-reminder',
    to: reminder.email,
    language: reminder.language,
    payload: {},
    volunteerResponseId: reminder.responseId,
    volunteerSignupId: reminder.signupId,
    notBefore: due,
  });
}

/**
 * Queues, in the caller's transaction, the volunteer's confirmation (with the "Meine Einsätze"
 * link and the shifts as .ics) and one reminder per sign-up.
 */
export async function queueSignupMails(db: Kysely<Database>, signup: NewSignup): Promise<void> {
  const { email, responseId, language, reminderHours } = signup;
  if (email === null) return;
  // The template reads whether the sign-up waits for approval from the response when it is sent.
  await enqueueMail(db, { kind: 'volunteer-signup', to: email, language, payload: {}, volunteerResponseId: responseId });
  for (const { signupId, startsAt } of signup.signups) {
    await queueReminder(db, { signupId, responseId, email, language, startsAt, reminderHours });
  }
}

/**
 * Tells everyone actively on the shift that the organization changed its time or cancelled it
 * (in the caller's transaction), and moves or removes their reminders.
 */
export async function queueShiftChangeMails(db: Kysely<Database>, shiftId: string, change: 'moved' | 'cancelled'): Promise<void> {
  const signups = (await activeSignupsOfShift(db, shiftId)).filter((row) => row.response_status !== 'declined');
  await deleteReminders(
    db,
    signups.map((row) => row.id),
  );
  for (const row of signups) {
    if (row.email === null) continue;
    const language = row.language ?? 'de';
    const about = { to: row.email, language, payload: {}, volunteerResponseId: row.response_id, volunteerSignupId: row.id };
    if (change === 'cancelled') {
      await enqueueMail(db, { kind: 'volunteer-shift-cancelled', ...about });
    } else {
      await enqueueMail(db, { kind: 'volunteer-shift-changed', ...about });
      await queueReminder(db, {
        signupId: row.id,
        responseId: row.response_id,
        email: row.email,
        language,
        startsAt: row.starts_at,
        reminderHours: row.reminder_hours,
      });
    }
  }
}

import type { MailTemplate } from './template.js';
import { invitation, noAccount, registrationDecided, registrationReceived, signInLink } from './templates/accounts.js';
import { volunteerDecision } from './templates/volunteer-decision.js';
import { volunteerResponse } from './templates/volunteer-response.js';
import { volunteerShiftMessage } from './templates/volunteer-shift-message.js';
import { volunteerReminder } from './templates/volunteer-reminder.js';
import { volunteerShiftCancelled, volunteerShiftChanged } from './templates/volunteer-shift-changed.js';
import { volunteerSignup } from './templates/volunteer-signup.js';
import { volunteerWithdrawn } from './templates/volunteer-withdrawn.js';

/** Every kind of mail the Hub sends, one entry each: its name in the outbox → its template. */
export const mailTemplates = {
  'sign-in-link': signInLink,
  'no-account': noAccount,
  invitation,
  'registration-received': registrationReceived,
  'registration-decided': registrationDecided,
  'volunteer-response': volunteerResponse,
  'volunteer-decision': volunteerDecision,
  'volunteer-shift-message': volunteerShiftMessage,
  'volunteer-signup': volunteerSignup,
  'volunteer-reminder': volunteerReminder,
  'volunteer-shift-changed': volunteerShiftChanged,
  'volunteer-shift-cancelled': volunteerShiftCancelled,
  'volunteer-withdrawn': volunteerWithdrawn,
};

export type MailKind = keyof typeof mailTemplates;

/** What a kind's template needs, as written into the outbox. */
export type MailPayload<Kind extends MailKind> = (typeof mailTemplates)[Kind] extends MailTemplate<infer Payload> ? Payload : never;

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(mailTemplates, kind);
}

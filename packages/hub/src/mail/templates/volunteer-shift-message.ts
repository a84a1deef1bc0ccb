import { findResponseForMail } from '../../volunteering/queries.js';
import { findShiftOfSignup } from '../../volunteering/shifts/queries.js';
import type { MailLanguage, MailTemplate } from '../template.js';

interface ShiftMessageTexts {
  subject: (need: string) => string;
  greeting: (name: string) => string;
  about: (organization: string, shift: string) => string;
  reply: string;
  signOff: (organization: string) => string;
  time: Intl.DateTimeFormat;
  until: Intl.DateTimeFormat;
}

const texts: Record<MailLanguage, ShiftMessageTexts> = {
  de: {
    subject: (need) => `Nachricht zu Ihrer Schicht: ${need}`,
    greeting: (name) => `Guten Tag ${name},`,
    about: (organization, shift) => `${organization} schreibt allen in Ihrer Schicht (${shift}):`,
    reply: 'Wenn Sie antworten, geht Ihre Antwort an die Organisation.',
    signOff: (organization) => `Gesendet für ${organization} vom Smart Region Hub`,
    time: new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
    until: new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  },
  en: {
    subject: (need) => `A message about your shift: ${need}`,
    greeting: (name) => `Hello ${name},`,
    about: (organization, shift) => `${organization} writes to everyone on your shift (${shift}):`,
    reply: 'If you reply, your answer goes to the organization.',
    signOff: (organization) => `Sent for ${organization} by the Smart Region Hub`,
    time: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
    until: new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  },
};

/**
 * The organization's message to everyone on a shift. The words travel in the outbox row only; the
 * person and the shift are read when it is sent, so a withdrawn sign-up or a deleted response
 * gets nothing. From the Hub; replies go to the organization's address when it has one.
 */
export const volunteerShiftMessage: MailTemplate<{ signupId: string; message: string }> = {
  personalData: true,
  async render({ signupId, message }, language, { db, volunteerResponseId }) {
    const row = volunteerResponseId === null ? undefined : await findResponseForMail(db, volunteerResponseId);
    const shift = await findShiftOfSignup(db, signupId);
    if (!row || shift?.status !== 'active') return null;
    const text = texts[language];
    const when = `${text.time.format(shift.starts_at)}–${text.until.format(shift.ends_at)}${shift.label ? `, ${shift.label}` : ''}`;
    return {
      subject: text.subject(row.title),
      ...(row.organization_email ? { replyTo: { name: row.organization_name, address: row.organization_email } } : {}),
      text: [
        text.greeting(row.name),
        `${text.about(row.organization_name, when)}\n${message}`,
        ...(row.organization_email ? [text.reply] : []),
        text.signOff(row.organization_name),
      ].join('\n\n'),
    };
  },
};

import { findSignup } from '../../volunteering/self-service/queries.js';
import { shiftWhen } from '../../volunteering/self-service/wording.js';
import type { MailLanguage, MailTemplate } from '../template.js';

interface ShiftMessageTexts {
  subject: (need: string) => string;
  greeting: (name: string) => string;
  about: (organization: string, shift: string) => string;
  reply: string;
  signOff: (organization: string) => string;
}

const texts: Record<MailLanguage, ShiftMessageTexts> = {
  de: {
    subject: (need) => `Nachricht zu Ihrer Schicht: ${need}`,
    greeting: (name) => `Guten Tag ${name},`,
    about: (organization, shift) => `${organization} schreibt allen in Ihrer Schicht (${shift}):`,
    reply: 'Wenn Sie antworten, geht Ihre Antwort an die Organisation.',
    signOff: (organization) => `Gesendet für ${organization} vom Smart Region Hub`,
  },
  en: {
    subject: (need) => `A message about your shift: ${need}`,
    greeting: (name) => `Hello ${name},`,
    about: (organization, shift) => `${organization} writes to everyone on your shift (${shift}):`,
    reply: 'If you reply, your answer goes to the organization.',
    signOff: (organization) => `Sent for ${organization} by the Smart Region Hub`,
  },
};

/**
 * The organization's message to everyone on a shift. The words travel in the outbox row only; the
 * person and the shift are read when it is sent, so a withdrawn sign-up or a deleted response
 * gets nothing. From the Hub; replies go to the organization's address when it has one.
 */
export const volunteerShiftMessage: MailTemplate<{ message: string }> = {
  personalData: true,
  async render({ message }, language, { db, volunteerSignupId }) {
    const row = volunteerSignupId === null ? undefined : await findSignup(db, volunteerSignupId);
    if (row?.status !== 'active') return null;
    const text = texts[language];
    const when = `${shiftWhen(row, language)}${row.label ? `, ${row.label}` : ''}`;
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

import type { VolunteerResponseStatus } from '../../db/schema.js';
import { findResponseForMail } from '../../volunteering/queries.js';
import type { MailLanguage, MailTemplate } from '../template.js';

interface DecisionTexts {
  subject: (need: string) => string;
  greeting: (name: string) => string;
  decision: Record<VolunteerResponseStatus, (need: string, organization: string) => string>;
  words: (organization: string) => string;
  reply: string;
  signOff: (organization: string) => string;
}

const texts: Record<MailLanguage, DecisionTexts> = {
  de: {
    subject: (need) => `Ihre Rückmeldung: ${need}`,
    greeting: (name) => `Guten Tag ${name},`,
    decision: {
      accepted: (need, organization) => `${organization} freut sich über Ihre Hilfe bei „${need}“ und zählt auf Sie.`,
      declined: (need, organization) =>
        `vielen Dank für Ihre Rückmeldung zu „${need}“. ${organization} braucht Ihre Hilfe dieses Mal leider nicht.`,
      new: (need, organization) => `${organization} hat die Entscheidung über Ihre Rückmeldung zu „${need}“ zurückgenommen.`,
    },
    words: (organization) => `${organization} schreibt Ihnen:`,
    reply: 'Wenn Sie antworten, geht Ihre Antwort an die Organisation.',
    signOff: (organization) => `Gesendet für ${organization} vom Smart Region Hub`,
  },
  en: {
    subject: (need) => `Your response: ${need}`,
    greeting: (name) => `Hello ${name},`,
    decision: {
      accepted: (need, organization) => `${organization} is glad of your help with "${need}" and counts on you.`,
      declined: (need, organization) =>
        `thank you for your response to "${need}". ${organization} does not need your help this time, unfortunately.`,
      new: (need, organization) => `${organization} has taken back its decision about your response to "${need}".`,
    },
    words: (organization) => `${organization} writes:`,
    reply: 'If you reply, your answer goes to the organization.',
    signOff: (organization) => `Sent for ${organization} by the Smart Region Hub`,
  },
};

/**
 * The mail to a volunteer about the organization's decision, with the organization's words. The
 * words travel in the outbox row only (never stored with the response) and go with it once sent;
 * the rest is read from the response when sent, so a deleted response takes its mail with it.
 * From the Hub; replies go to the organization's address when it has one.
 */
export const volunteerDecision: MailTemplate<{ status: VolunteerResponseStatus; message: string }> = {
  personalData: true,
  async render({ status, message }, language, { db, volunteerResponseId }) {
    const row = volunteerResponseId === null ? undefined : await findResponseForMail(db, volunteerResponseId);
    if (!row) return null;
    const text = texts[language];
    return {
      subject: text.subject(row.title),
      ...(row.organization_email ? { replyTo: { name: row.organization_name, address: row.organization_email } } : {}),
      text: [
        text.greeting(row.name),
        text.decision[status](row.title, row.organization_name),
        `${text.words(row.organization_name)}\n${message}`,
        ...(row.organization_email ? [text.reply] : []),
        text.signOff(row.organization_name),
      ].join('\n\n'),
    };
  },
};

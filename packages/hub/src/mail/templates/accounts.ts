import { berlinDateTime } from '../../http/text.js';
import type { MailLanguage, MailTemplate, RenderedMail } from '../template.js';

/** The mails of organization accounts: short, plain, German unless the person asked for English. */

type Role = 'owner' | 'editor' | 'coordinator';

const roleNames: Record<MailLanguage, Record<Role, string>> = {
  de: { owner: 'Leitung', editor: 'Redaktion', coordinator: 'Koordination' },
  en: { owner: 'owner', editor: 'editor', coordinator: 'coordinator' },
};

const englishDateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

function dateTime(iso: string, language: MailLanguage): string {
  return `${(language === 'en' ? englishDateTime : berlinDateTime).format(new Date(iso))} (Europe/Berlin)`;
}

/** A mail in both languages: greeting and signature around the paragraphs. */
function mail(language: MailLanguage, subject: string, paragraphs: string[]): RenderedMail {
  const [greeting, signature] = language === 'en' ? ['Hello,', 'Smart Region Hub'] : ['Guten Tag,', 'Ihr Smart Region Hub'];
  return { subject, text: [greeting, ...paragraphs, signature].join('\n\n') };
}

function template<Payload>(texts: Record<MailLanguage, (payload: Payload) => RenderedMail>): MailTemplate<Payload> {
  return { render: (payload, language) => texts[language](payload) };
}

export const signInLink = template<{ url: string; expiresMinutes: number }>({
  de: ({ url, expiresMinutes }) =>
    mail('de', 'Ihr Anmeldelink für den Smart Region Hub', [
      `mit diesem Link melden Sie sich an:\n${url}`,
      `Er gilt ${expiresMinutes} Minuten und nur ein Mal. Wenn Sie sich nicht anmelden wollten, ignorieren Sie diese E-Mail einfach.`,
    ]),
  en: ({ url, expiresMinutes }) =>
    mail('en', 'Your sign-in link for the Smart Region Hub', [
      `use this link to sign in:\n${url}`,
      `It works once, within ${expiresMinutes} minutes. If you did not want to sign in, just ignore this e-mail.`,
    ]),
});

export const noAccount = template<{ registerUrl: string }>({
  de: ({ registerUrl }) =>
    mail('de', 'Anmeldung beim Smart Region Hub', [
      'jemand wollte sich mit dieser E-Mail-Adresse beim Smart Region Hub anmelden. Zu dieser Adresse gibt es kein Konto.',
      `Möchten Sie Ihre Organisation eintragen? Hier können Sie sie registrieren:\n${registerUrl}`,
      'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail einfach.',
    ]),
  en: ({ registerUrl }) =>
    mail('en', 'Signing in to the Smart Region Hub', [
      'someone asked to sign in to the Smart Region Hub with this e-mail address. There is no account for it.',
      `Would you like to add your organization? Register it here:\n${registerUrl}`,
      'If this was not you, just ignore this e-mail.',
    ]),
});

export const invitation = template<{ url: string; organizationName: string; role: Role; invitedBy: string; expiresAt: string }>({
  de: ({ url, organizationName, role, invitedBy, expiresAt }) =>
    mail('de', `Einladung: ${organizationName} im Smart Region Hub`, [
      `${invitedBy} lädt Sie ein, im Smart Region Hub für „${organizationName}“ mitzuarbeiten (Rolle: ${roleNames.de[role]}).`,
      `Einladung annehmen:\n${url}`,
      `Die Einladung gilt bis ${dateTime(expiresAt, 'de')}. Wenn Sie nichts damit anfangen können, ignorieren Sie diese E-Mail einfach.`,
    ]),
  en: ({ url, organizationName, role, invitedBy, expiresAt }) =>
    mail('en', `Invitation: ${organizationName} on the Smart Region Hub`, [
      `${invitedBy} invites you to work for "${organizationName}" on the Smart Region Hub (role: ${roleNames.en[role]}).`,
      `Accept the invitation:\n${url}`,
      `The invitation is valid until ${dateTime(expiresAt, 'en')}. If it means nothing to you, just ignore this e-mail.`,
    ]),
});

export const registrationReceived = template<{ organizationName: string; signInUrl: string }>({
  de: ({ organizationName, signInUrl }) =>
    mail('de', `Registrierung eingegangen: ${organizationName}`, [
      `vielen Dank! Wir haben die Registrierung von „${organizationName}“ erhalten. Die Region prüft sie; Sie bekommen eine E-Mail, sobald entschieden ist. Bis dahin ist nichts öffentlich, was Sie anlegen.`,
      `Anmelden können Sie sich schon jetzt:\n${signInUrl}`,
    ]),
  en: ({ organizationName, signInUrl }) =>
    mail('en', `Registration received: ${organizationName}`, [
      `thank you! We have received the registration of "${organizationName}". The region will review it; you will get an e-mail once it is decided. Until then, nothing you create is public.`,
      `You can already sign in:\n${signInUrl}`,
    ]),
});

export const registrationDecided = template<{ organizationName: string; decision: 'approved' | 'rejected'; reason?: string | null }>({
  de: ({ organizationName, decision, reason }) =>
    decision === 'approved'
      ? mail('de', `Freigeschaltet: ${organizationName}`, [
          `die Registrierung von „${organizationName}“ ist freigegeben. Was Sie veröffentlichen, ist ab jetzt öffentlich zu sehen.`,
        ])
      : mail('de', `Registrierung abgelehnt: ${organizationName}`, [
          `die Registrierung von „${organizationName}“ wurde leider nicht freigegeben.`,
          ...(reason ? [`Begründung: ${reason}`] : []),
        ]),
  en: ({ organizationName, decision, reason }) =>
    decision === 'approved'
      ? mail('en', `Approved: ${organizationName}`, [
          `the registration of "${organizationName}" is approved. What you publish is public from now on.`,
        ])
      : mail('en', `Registration declined: ${organizationName}`, [
          `unfortunately, the registration of "${organizationName}" was not approved.`,
          ...(reason ? [`Reason: ${reason}`] : []),
        ]),
});

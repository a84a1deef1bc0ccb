import type { MailLanguage } from '../../mail/template.js';

/** The words of the mails to volunteers about their shifts, German and English. */
export const volunteerMailTexts = {
  de: {
    greeting: (name: string) => `Guten Tag ${name},`,
    signupSubject: (need: string) => `Ihre Anmeldung: ${need}`,
    signupWaitingSubject: (need: string) => `Ihre Anmeldung wartet auf Zusage: ${need}`,
    signupConfirmed: (organization: string) => `vielen Dank! ${organization} zählt auf Sie. Sie sind eingetragen für:`,
    signupWaiting: (organization: string) =>
      `vielen Dank! Ihre Anmeldung wartet auf Zusage der Organisation: ${organization} meldet sich bei Ihnen, bevor sie gilt. Angemeldet haben Sie sich für:`,
    reminderSubject: (need: string, day: string) => `Erinnerung: ${need} am ${day}`,
    reminder: (organization: string) => `eine Erinnerung an Ihren Einsatz für ${organization}:`,
    movedSubject: (need: string) => `Neue Zeit für Ihre Schicht: ${need}`,
    moved: (organization: string) => `${organization} hat die Zeit Ihrer Schicht geändert. Sie gilt jetzt:`,
    cancelledSubject: (need: string) => `Schicht abgesagt: ${need}`,
    cancelled: (organization: string) => `${organization} hat diese Schicht abgesagt. Sie brauchen nicht zu kommen:`,
    link: (url: string) =>
      `Meine Einsätze – ansehen, in den Kalender übernehmen, einen anderen Termin wählen oder absagen:\n${url}\n\nDer Link ist persönlich: bitte geben Sie ihn nicht weiter.`,
    attached: 'Im Anhang finden Sie Ihre Schichten als Kalenderdatei (.ics).',
    signOff: (organization: string) => `Gesendet für ${organization} vom Smart Region Hub`,
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    signupSubject: (need: string) => `You are signed up: ${need}`,
    signupWaitingSubject: (need: string) => `Your sign-up waits for confirmation: ${need}`,
    signupConfirmed: (organization: string) => `thank you! ${organization} counts on you. You are signed up for:`,
    signupWaiting: (organization: string) =>
      `thank you! Your sign-up waits for the organization to confirm it: ${organization} will contact you before it counts. You signed up for:`,
    reminderSubject: (need: string, day: string) => `Reminder: ${need} on ${day}`,
    reminder: (organization: string) => `a reminder of your shift for ${organization}:`,
    movedSubject: (need: string) => `New time for your shift: ${need}`,
    moved: (organization: string) => `${organization} has changed the time of your shift. It is now:`,
    cancelledSubject: (need: string) => `Shift cancelled: ${need}`,
    cancelled: (organization: string) => `${organization} has cancelled this shift. You need not come:`,
    link: (url: string) =>
      `My shifts – see them, add them to your calendar, choose another time or withdraw:\n${url}\n\nThe link is personal: please do not pass it on.`,
    attached: 'Your shifts are attached as a calendar file (.ics).',
    signOff: (organization: string) => `Sent for ${organization} by the Smart Region Hub`,
  },
} satisfies Record<MailLanguage, unknown>;

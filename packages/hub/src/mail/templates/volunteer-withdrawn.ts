import { findSignup } from '../../volunteering/self-service/queries.js';
import { shiftTitle, shiftWhen } from '../../volunteering/self-service/wording.js';
import type { MailTemplate } from '../template.js';

/**
 * To the organization when a volunteer withdrew from a shift or moved to another one through
 * "Meine Einsätze". German, as the organizations' mails are; the name only, never the contacts
 * (the roster has them). `from`: the shift left when moving (start and end, ISO).
 */
export const volunteerWithdrawn: MailTemplate<{ from?: { startsAt: string; endsAt: string } }> = {
  personalData: true,
  async render({ from }, _language, { db, volunteerSignupId }) {
    const row = volunteerSignupId === null ? undefined : await findSignup(db, volunteerSignupId);
    if (!row) return null;
    const shift = `„${shiftTitle(row)}“, ${shiftWhen(row, 'de')}`;
    const lines = from
      ? [
          `${row.name} hat über „Meine Einsätze“ den Termin gewechselt:`,
          `von ${shiftWhen({ starts_at: new Date(from.startsAt), ends_at: new Date(from.endsAt) }, 'de')}`,
          `zu ${shift}.`,
          'Der Platz in der alten Schicht ist wieder frei.',
        ]
      : [`${row.name} hat sich über „Meine Einsätze“ abgemeldet von:`, `${shift}.`, 'Der Platz ist wieder frei.'];
    return {
      subject: `${from ? 'Termin gewechselt' : 'Abmeldung'}: ${row.title}`,
      text: [
        'Guten Tag,',
        lines.join('\n'),
        'Die aktuelle Liste finden Sie in der Schichtübersicht Ihrer Organisation.',
        'Smart Region Hub',
      ].join('\n\n'),
    };
  },
};

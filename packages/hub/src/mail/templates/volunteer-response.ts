import { berlinDateTime } from '../../http/text.js';
import { findResponseForMail } from '../../volunteering/queries.js';
import { signupsOfResponses } from '../../volunteering/shifts/queries.js';
import type { MailTemplate } from '../template.js';

const berlinTime = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: 'Europe/Berlin' });

/**
 * The mail to an organization about a new response to one of its needs. Built from the response
 * when it is sent (the outbox row holds its id only), with the shifts the person chose; German, as the API's organizations are.
 */
export const volunteerResponse: MailTemplate<{ retentionDays: number }> = {
  personalData: true,
  async render({ retentionDays }, _language, { db, volunteerResponseId }) {
    // Purged or deleted with its need meanwhile: the outbox row went with it.
    const row = volunteerResponseId === null ? undefined : await findResponseForMail(db, volunteerResponseId);
    if (!row) return null;
    const shifts = ((await signupsOfResponses(db, [volunteerResponseId!])).get(volunteerResponseId!) ?? []).filter(
      (signup) => signup.status === 'active',
    );
    return {
      subject: `Neue Rückmeldung: ${row.title}`,
      ...(row.email ? { replyTo: { name: row.name, address: row.email } } : {}),
      text: [
        'Guten Tag,',
        '',
        `auf Ihren Aufruf „${row.title}“ hat sich jemand gemeldet:`,
        '',
        `Name:     ${row.name}`,
        ...(row.email ? [`E-Mail:   ${row.email}`] : []),
        ...(row.phone ? [`Telefon:  ${row.phone}`] : []),
        ...(row.message ? ['', 'Nachricht:', row.message] : []),
        ...(shifts.length > 0
          ? [
              '',
              'Schichten:',
              ...shifts.map(
                (shift) =>
                  `- ${berlinDateTime.format(shift.starts_at)}–${berlinTime.format(shift.ends_at)}${shift.label ? ` · ${shift.label}` : ''}`,
              ),
            ]
          : []),
        '',
        `Eingegangen am ${berlinDateTime.format(row.created_at)} (Europe/Berlin). Die Person hat der Datenschutzerklärung`,
        `${row.privacy_notice_url} (Version ${row.privacy_notice_version}) zugestimmt.`,
        '',
        'Alle Rückmeldungen mit dem Schlüssel Ihrer Organisation:',
        `GET /organizations/${row.organization_id}/volunteer-responses (auch als CSV).`,
        `Der Hub löscht Rückmeldungen ${retentionDays} Tage nach dem Ende des Aufrufs automatisch.`,
      ].join('\n'),
    };
  },
};

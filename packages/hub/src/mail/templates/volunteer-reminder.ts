import { printDate } from '../../print/page.js';
import { calendarAttachment } from '../../volunteering/self-service/calendar.js';
import { newPersonalLink } from '../../volunteering/self-service/links.js';
import { volunteerMailTexts } from '../../volunteering/self-service/mail-texts.js';
import { findSignup, isOn } from '../../volunteering/self-service/queries.js';
import { languageOf, shiftBlock } from '../../volunteering/self-service/wording.js';
import type { MailTemplate } from '../template.js';

/**
 * The reminder before one shift, queued at sign-up and due its need's hours before the start.
 * Read when due: nothing is sent when the volunteer withdrew, the organization declined, the
 * response is gone or the shift was cancelled. With a fresh link and the shift as .ics.
 */
export const volunteerReminder: MailTemplate<Record<string, never>> = {
  personalData: true,
  async render(_payload, _language, { db, volunteerSignupId, publicUrl }) {
    const row = volunteerSignupId === null ? undefined : await findSignup(db, volunteerSignupId);
    if (!row || !isOn(row)) return null;
    const lang = languageOf(row);
    const text = volunteerMailTexts[lang];
    const link = await newPersonalLink(db, row.response_id, publicUrl);
    return {
      subject: text.reminderSubject(row.title, printDate(row.starts_at, lang)),
      ...(row.organization_email ? { replyTo: { name: row.organization_name, address: row.organization_email } } : {}),
      text: [
        text.greeting(row.name),
        text.reminder(row.organization_name),
        shiftBlock(row, lang),
        text.link(link),
        text.attached,
        text.signOff(row.organization_name),
      ].join('\n\n'),
      attachments: [calendarAttachment([row])],
    };
  },
};

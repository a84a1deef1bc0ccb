import { newPersonalLink } from '../../volunteering/self-service/links.js';
import { calendarAttachment } from '../../volunteering/self-service/calendar.js';
import { isOn, signupsOfResponse } from '../../volunteering/self-service/queries.js';
import { languageOf, shiftBlock, stateOf } from '../../volunteering/self-service/wording.js';
import type { MailTemplate } from '../template.js';
import { volunteerMailTexts } from '../../volunteering/self-service/mail-texts.js';

/**
 * The volunteer's confirmation: the shifts, whether the organization still has to agree, the
 * "Meine Einsätze" link (made now: the plain token exists only in this mail) and the shifts as
 * .ics. Read from the sign-ups when sent; nothing goes out when none of them is still on.
 */
export const volunteerSignup: MailTemplate<Record<string, never>> = {
  personalData: true,
  async render(_payload, _language, { db, volunteerResponseId, publicUrl }) {
    const rows = volunteerResponseId === null ? [] : await signupsOfResponse(db, volunteerResponseId);
    const on = rows.filter(isOn);
    const first = on[0];
    if (!first || volunteerResponseId === null) return null;
    const lang = languageOf(first);
    const text = volunteerMailTexts[lang];
    const waiting = on.some((row) => stateOf(row) === 'waiting');
    const link = await newPersonalLink(db, volunteerResponseId, publicUrl);
    return {
      subject: (waiting ? text.signupWaitingSubject : text.signupSubject)(first.title),
      ...(first.organization_email ? { replyTo: { name: first.organization_name, address: first.organization_email } } : {}),
      text: [
        text.greeting(first.name),
        waiting ? text.signupWaiting(first.organization_name) : text.signupConfirmed(first.organization_name),
        on.map((row) => shiftBlock(row, lang)).join('\n\n'),
        text.link(link),
        text.attached,
        text.signOff(first.organization_name),
      ].join('\n\n'),
      attachments: [calendarAttachment(on)],
    };
  },
};

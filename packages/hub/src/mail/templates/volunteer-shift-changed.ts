import { calendarAttachment } from '../../volunteering/self-service/calendar.js';
import { newPersonalLink } from '../../volunteering/self-service/links.js';
import { volunteerMailTexts } from '../../volunteering/self-service/mail-texts.js';
import { findSignup, type SignupRow } from '../../volunteering/self-service/queries.js';
import { languageOf, shiftBlock } from '../../volunteering/self-service/wording.js';
import type { MailContext, MailTemplate, RenderedMail } from '../template.js';

/** A sign-up that still counts for a change of its shift: not withdrawn, not declined. */
async function signupToTell({ db, volunteerSignupId }: MailContext): Promise<SignupRow | undefined> {
  const row = volunteerSignupId === null ? undefined : await findSignup(db, volunteerSignupId);
  return row && row.status === 'active' && row.response_status !== 'declined' ? row : undefined;
}

async function changeMail(row: SignupRow, change: 'moved' | 'cancelled', { db, publicUrl }: MailContext): Promise<RenderedMail> {
  const lang = languageOf(row);
  const text = volunteerMailTexts[lang];
  const link = await newPersonalLink(db, row.response_id, publicUrl);
  return {
    subject: (change === 'moved' ? text.movedSubject : text.cancelledSubject)(row.title),
    ...(row.organization_email ? { replyTo: { name: row.organization_name, address: row.organization_email } } : {}),
    text: [
      text.greeting(row.name),
      (change === 'moved' ? text.moved : text.cancelled)(row.organization_name),
      shiftBlock(row, lang),
      text.link(link),
      ...(change === 'moved' ? [text.attached] : []),
      text.signOff(row.organization_name),
    ].join('\n\n'),
    ...(change === 'moved' ? { attachments: [calendarAttachment([row])] } : {}),
  };
}

/** To everyone on a shift whose time the organization changed: the new time, a fresh link, the .ics. */
export const volunteerShiftChanged: MailTemplate<Record<string, never>> = {
  personalData: true,
  async render(_payload, _language, context) {
    const row = await signupToTell(context);
    return row && row.cancelled_at === null ? changeMail(row, 'moved', context) : null;
  },
};

/** To everyone on a shift the organization cancelled (volunteer_planner: it must be announced). */
export const volunteerShiftCancelled: MailTemplate<Record<string, never>> = {
  personalData: true,
  async render(_payload, _language, context) {
    const row = await signupToTell(context);
    return row && row.cancelled_at !== null ? changeMail(row, 'cancelled', context) : null;
  },
};

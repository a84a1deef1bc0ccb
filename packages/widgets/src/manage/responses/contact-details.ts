import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * How to reach a volunteer and what they wrote, as lines of a details list (`<dl class="details">`):
 * the e-mail address to write to, the phone number to call (a `tel:` link of its digits), the
 * message as written. What the person left out is not shown.
 */
export function contactDetails({
  email,
  phone,
  message,
}: {
  email: string | null;
  phone: string | null;
  message: string | null;
}): TemplateResult {
  return html`${email ? html`<dt>${msg('E-Mail')}</dt><dd><a href="mailto:${email}">${email}</a></dd>` : nothing}
  ${phone ? html`<dt>${msg('Telefon')}</dt><dd><a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a></dd>` : nothing}
  ${message ? html`<dt>${msg('Nachricht')}</dt><dd class="said" dir="auto">${message}</dd>` : nothing}`;
}

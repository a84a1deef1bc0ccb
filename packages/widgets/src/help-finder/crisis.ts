import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';

export type EmergencyContact = Schema<'EmergencyContact'>;
type Phone = Schema<'HelpPhone'>;

/** `tel:` link target: digits and a leading `+` only, as dialers expect (nothing else can get in). */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/**
 * `mailto:` link target for an address from the Hub, its local part and domain each encoded
 * (RFC 6068): a `?`, `&` or `%` in an address stays part of the address and can never add a
 * header (a BCC, a subject) to the reader's draft. The Hub checks addresses too; this holds
 * whatever it lets through.
 */
export function mailHref(address: string): string {
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

interface BannerNumber {
  name: string;
  number: string;
}

/**
 * The numbers the banner shows before the Hub answered, or when it cannot be reached: a person
 * in crisis must never wait for a network or see an error instead. They are national, free and
 * stable; once loaded, the Hub's list (kept up to date by the region) replaces them.
 */
const builtInNumbers = (): BannerNumber[] => [
  { name: msg('Notruf'), number: '112' },
  { name: 'TelefonSeelsorge', number: '0800 111 0 111' },
  { name: 'Krisendienste Bayern', number: '0800 655 3000' },
];

/** The banner's numbers from the Hub: the first emergency number and the first two crisis lines. */
function bannerNumbers(contacts: EmergencyContact[] | undefined): BannerNumber[] {
  if (!contacts?.length) return builtInNumbers();
  const first = ({ name, phones: [phone] }: EmergencyContact) => ({
    // "Notruf 112" with the number written below it says it twice.
    name: name.replace(phone!.number, '').trim() || name,
    number: phone!.number,
  });
  const withPhone = contacts.filter((contact) => contact.phones.length > 0);
  return [
    ...withPhone.filter((contact) => contact.category === 'emergency').slice(0, 1),
    ...withPhone.filter((contact) => contact.category === 'crisis' && contact.audiences.length === 0).slice(0, 2),
  ].map(first);
}

function phoneLink(name: string, { number }: Pick<Phone, 'number'>): TemplateResult {
  return html`<a part="crisis-phone" class="phone" href=${telHref(number)}><span dir="auto">${name}</span> <strong dir="auto">${number}</strong></a>`;
}

/**
 * Emergency and crisis numbers, always on screen. `urgent` when the search suggests a crisis:
 * then it comes first and says so in words; the full list stays folded, so on a phone the
 * crisis services found follow right after the three numbers.
 */
export function crisisBanner(contacts: EmergencyContact[] | undefined, urgent: boolean): TemplateResult {
  return html`<section part="crisis" class="crisis ${urgent ? 'urgent' : ''}" aria-labelledby="crisis-heading">
    <h2 id="crisis-heading" class="crisis-heading">
      ${urgent ? msg('Sie sind nicht allein. Hier bekommen Sie sofort Hilfe, rund um die Uhr und kostenlos:') : msg('In akuter Not: sofort Hilfe, rund um die Uhr')}
    </h2>
    <p class="phones">${bannerNumbers(contacts).map(({ name, number }) => phoneLink(name, { number }))}</p>
    ${
      contacts?.length
        ? html`<details class="more-numbers">
          <summary>${msg('Weitere Notrufnummern und Beratungstelefone')}</summary>
          <ul>
            ${contacts.map(
              (contact) => html`<li>
                <strong dir="auto">${contact.name}</strong> – <bdi>${contact.description}</bdi> <em dir="auto">${contact.availability}</em><br />
                ${contact.phones.map((phone) => html`<a class="phone-inline" href=${telHref(phone.number)}>${phone.number}</a> `)}
                ${contact.url ? html`<a href=${contact.url} target="_blank" rel="noopener">${msg('Website')}</a>` : nothing}
              </li>`,
            )}
          </ul>
        </details>`
        : nothing
    }
  </section>`;
}

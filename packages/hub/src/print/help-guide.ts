import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { now } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import { html, type Html } from '../http/html.js';
import { ProblemError } from '../http/problems.js';
import { emergencyContacts } from '../help/emergency-contacts.js';
import { toHelpOffer } from '../help/model.js';
import { regionMoment } from '../help/opening-hours.js';
import { searchOffers, type SearchPosition } from '../help/queries.js';
import { helpTopics, parentTopic, type HelpTopicId } from '../help/topics.js';
import { findMunicipality } from '../orgs/queries.js';
import { openingHoursInWords } from './opening-hours-words.js';
import { printLanguage, sendPrintPage, type PrintLanguage } from './page.js';
import type { PrintOptions } from './register.js';

/**
 * The help guide of a municipality (`/print/help-guide/{municipality}`, id or official key), for a
 * town hall to print and lay out: the crisis numbers first (those the help finder shows), then the
 * published offers the help finder lists for the municipality, grouped by topic, each with its
 * phone numbers and opening hours in words. Several pages; no entry is split across two.
 */

type Offer = Schemas['HelpOffer'];

const labels = {
  de: {
    title: (municipality: string) => `Hilfe-Wegweiser ${municipality}`,
    intro: 'Hier finden Sie Beratung und Hilfe in Ihrer Nähe. Alle Angebote mit aktuellen Zeiten stehen auch online: QR-Code am Ende.',
    crisis: 'In einer Krise oder im Notfall',
    phone: 'Telefon',
    hours: 'Erreichbar',
    where: 'Wo',
    email: 'E-Mail',
    walkIn: 'auch ohne Termin',
    exampleTag: '(Beispieldaten)',
    examples: 'Beispieldaten: Einträge mit „(Beispieldaten)“ sind erfunden und dienen nur zur Vorführung.',
    none: 'Für diesen Ort sind noch keine Angebote eingetragen.',
  },
  en: {
    title: (municipality: string) => `Help guide ${municipality}`,
    intro: 'Advice and help near you. All offers with current hours are online too: QR code at the end.',
    crisis: 'In a crisis or an emergency',
    phone: 'Phone',
    hours: 'Hours',
    where: 'Where',
    email: 'E-mail',
    walkIn: 'also without an appointment',
    exampleTag: '(example data)',
    examples: 'Example data: entries marked “(example data)” are invented, for demonstration only.',
    none: 'No offers are listed for this place yet.',
  },
} as const;

/** Offers read per query while collecting a municipality's offers. */
const BATCH = 200;

/** Every offer the help finder lists for the municipality (its own and those for the region or nationwide), by name. */
async function offersFor(db: Kysely<Database>, municipalityId: string): Promise<Offer[]> {
  const moment = regionMoment(now());
  const offers: Offer[] = [];
  let after: SearchPosition | undefined;
  for (;;) {
    const { rows } = await searchOffers(
      db,
      { filters: { municipality: [municipalityId] }, plan: undefined, sort: 'name', after, limit: BATCH },
      moment,
    );
    offers.push(...rows.slice(0, BATCH).map(toHelpOffer));
    if (rows.length <= BATCH) return offers;
    const last = rows[BATCH - 1]!;
    after = ['name', last.sort_key, last.sort_name, last.id];
  }
}

/** The main topic an offer is listed under: that of its first topic, so each offer is printed once. */
const mainTopic = (offer: Offer): HelpTopicId | undefined => {
  const first = offer.topics[0];
  return first === undefined ? undefined : (parentTopic(first) ?? first);
};

/** Offers by main topic, in the order of the topic list. */
function byTopic(offers: readonly Offer[]): { topic: Schemas['HelpTopic']; offers: Offer[] }[] {
  return helpTopics
    .filter((topic) => topic.parentId === null)
    .map((topic) => ({ topic, offers: offers.filter((offer) => mainTopic(offer) === topic.id) }))
    .filter((group) => group.offers.length > 0);
}

/** One labelled line of an entry; nothing without a value. */
const entryLine = (label: string, value: Html | string | undefined) =>
  value === undefined || value === '' ? undefined : html`<p><strong>${label}:</strong> ${value}</p>`;

/** Phone numbers in one line, each unbroken: "0931 0000 201 (Beratung), 116 123". */
const phoneList = (phones: readonly Schemas['HelpPhone'][]) =>
  phones.length === 0
    ? undefined
    : html`${phones.map((phone, index) => html`${index > 0 ? ', ' : ''}<span class="phone">${phone.number}</span>${phone.description ? ` (${phone.description})` : ''}`)}`;

function crisisNumbers(lang: PrintLanguage): Html {
  return html`<section class="crisis">
<h2>${labels[lang].crisis}</h2>
<ul class="items guide">
${emergencyContacts.map(
  (contact) => html`<li class="item">
<h3>${contact.name}</h3>
<p>${phoneList(contact.phones)} – ${contact.availability}</p>
<p>${contact.description}</p>
</li>`,
)}
</ul>
</section>`;
}

/**
 * An offer as a compact entry (a guide lists dozens): name, then one labelled line each for the
 * phones, the hours (in words, as one sentence), the places and the e-mail address.
 */
function offerEntry(offer: Offer, lang: PrintLanguage): Html {
  const words = labels[lang];
  const places = offer.locations.map((place) => [place.name, place.address].filter(Boolean).join(', ')).filter(Boolean);
  const hours = [...openingHoursInWords(offer.openingHours), ...(offer.walkIn ? [words.walkIn] : [])].join('; ');
  return html`<li class="item">
<h3>${offer.name}${offer.isExample ? html` <span class="example-tag">${words.exampleTag}</span>` : ''}</h3>
${offer.organization.name === offer.name ? '' : html`<p>${offer.organization.name}</p>`}
${entryLine(words.phone, phoneList(offer.phones))}
${entryLine(words.hours, hours)}
${entryLine(words.where, places.join('; '))}
${entryLine(words.email, offer.email ?? undefined)}
</li>`;
}

async function helpGuide(db: Kysely<Database>, options: PrintOptions, request: FastifyRequest<{ Params: { municipality: string } }>) {
  const lang = printLanguage(request);
  const words = labels[lang];
  const municipality = await findMunicipality(db, request.params.municipality);
  if (!municipality) throw new ProblemError('not-found', `There is no municipality "${request.params.municipality}".`);
  const offers = await offersFor(db, municipality.id);
  const groups = byTopic(offers);
  const body = html`<p class="intro">${words.intro}</p>
${offers.some((offer) => offer.isExample) ? html`<p class="example-note">${words.examples}</p>` : ''}
${crisisNumbers(lang)}
${
  groups.length === 0
    ? html`<p>${words.none}</p>`
    : groups.map(
        ({ topic, offers }) => html`<section>
<h2>${topic.name[lang]}</h2>
<ul class="items guide">${offers.map((offer) => offerEntry(offer, lang))}</ul>
</section>`,
      )
}`;
  return {
    lang,
    title: words.title(municipality.name),
    organization: municipality.name,
    body,
    link: `${options.publicUrl}/w/help-finder?${new URLSearchParams({ municipality: municipality.id }).toString()}`,
  };
}

export function registerHelpGuidePrints(app: FastifyInstance, db: Kysely<Database>, options: PrintOptions): void {
  app.get('/print/help-guide/:municipality', async (request: FastifyRequest<{ Params: { municipality: string } }>, reply) =>
    sendPrintPage(reply, await helpGuide(db, options, request)),
  );
}

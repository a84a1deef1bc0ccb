import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { resolveOwner } from '../auth/resource-owners.js';
import { can } from '../auth/roles.js';
import { sessionPrincipal } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { html, type Html } from '../http/html.js';
import { fieldError, invalidFields, ProblemError, type FieldError } from '../http/problems.js';
import { printableCode } from '../polls/codes.js';
import { closingTime, pollStatus } from '../polls/model.js';
import { findPoll, type PollRow } from '../polls/queries.js';
import { printDate, printHeader, printLanguage, printTime, sendPrintPage, type PrintLanguage } from './page.js';
import { qrBlock } from './qr.js';
import { pollShortUrl } from './short-links.js';

/**
 * Participation-code letters (`POST /print/polls/{pollId}/letters`): one letter per code, each
 * with the question, the code in large type and a QR code that opens the poll with the code filled
 * in (in the address's fragment, which never reaches a server). The codes come in a form body, so
 * they never stand in an address; the Hub neither stores nor logs them (its log names the route
 * only), and the page is not kept in caches.
 */

/** Letters in one print job: a mail merge's batch; a larger one is printed in parts. */
export const MAX_LETTERS = 2000;

/** A question longer than this (of at most 300 characters) is set smaller, so an A5 letter keeps to its half sheet. */
const LONG_QUESTION = 120;

type Format = 'a4' | 'a5';
const formats: readonly Format[] = ['a4', 'a5'];

const texts = {
  de: {
    title: 'Ihr Code für die Abstimmung',
    asks: 'Wir fragen Sie:',
    window: (opens: string | undefined, closes: string) => (opens ? `Abstimmen vom ${opens} bis ${closes}.` : `Abstimmen bis ${closes}.`),
    at: (day: string, time: string) => `${day} um ${time} Uhr`,
    code: 'Ihr persönlicher Code:',
    scan: 'Mit dem Handy scannen: Die Abstimmung öffnet sich, Ihr Code ist schon eingetragen. Oder diese Adresse eingeben:',
    privacyTitle: 'Datenschutz:',
    privacy:
      'Der Code ist nicht mit Ihrem Namen verbunden. Niemand kann sehen, wie Sie abgestimmt haben. Mit dem Code können Sie einmal abstimmen. Geben Sie diesen Brief deshalb nicht weiter.',
  },
  en: {
    title: 'Your code for the vote',
    asks: 'We ask you:',
    window: (opens: string | undefined, closes: string) => (opens ? `Vote from ${opens} until ${closes}.` : `Vote until ${closes}.`),
    at: (day: string, time: string) => `${day} at ${time}`,
    code: 'Your personal code:',
    scan: 'Scan with your phone: the vote opens with your code already filled in. Or type this address:',
    privacyTitle: 'Privacy:',
    privacy:
      'The code is not linked to your name. No one can see how you voted. The code lets you vote once, so keep this letter to yourself.',
  },
} satisfies Record<PrintLanguage, unknown>;

interface LettersForm {
  codes: string[];
  format: Format;
}

/** The form's fields, each checked; a wrong one is a 400 that names it. */
function readForm(body: unknown): LettersForm {
  const form = body instanceof URLSearchParams ? body : new URLSearchParams();
  const errors: FieldError[] = [];
  const lines = (form.get('codes') ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const codes = lines.map(printableCode);
  const malformed = codes.findIndex((code) => code === undefined);
  if (lines.length === 0) errors.push(fieldError('/codes', 'required', 'needs at least one code, one per line'));
  else if (lines.length > MAX_LETTERS) errors.push(fieldError('/codes', 'maxItems', `takes at most ${MAX_LETTERS} codes`, MAX_LETTERS));
  else if (malformed >= 0) errors.push(fieldError('/codes', 'pattern', `line ${malformed + 1} is not a participation code (XXXX-XXXX)`));
  const format = form.get('format') ?? 'a4';
  if (!(formats as readonly string[]).includes(format)) errors.push(fieldError('/format', 'enum', 'must be a4 or a5'));
  if (errors.length > 0) throw invalidFields('invalid-request', 'body', errors);
  return { codes: codes as string[], format: format as Format };
}

/**
 * The poll the letters are for, as the public reads it; a poll still in draft (codes are made and
 * sent before it opens) only for a signed-in member who may manage its codes, by the Hub's role table.
 */
async function pollFor(db: Kysely<Database>, request: FastifyRequest<{ Params: { pollId: string } }>): Promise<PollRow> {
  const params = { pollId: request.params.pollId };
  const organization = await resolveOwner(db, params);
  const poll = await findPoll(db, params.pollId);
  const notFound = new ProblemError('not-found', `There is no poll "${request.params.pollId}".`);
  if (!poll) throw notFound;
  const status = pollStatus(poll);
  if (status === 'draft') {
    const person = await sessionPrincipal(db, request);
    if (!person || !can(person, 'poll-codes:manage', organization)) throw notFound;
  }
  if (poll.participation !== 'codes') throw new ProblemError('conflict', 'This poll takes votes without participation codes.');
  if (status !== 'draft' && status !== 'open') throw new ProblemError('poll-not-open', 'The poll has ended; its codes no longer vote.');
  return poll;
}

/** "Sonntag, 20. Dezember 2026 um 18:00 Uhr". */
const moment = (instant: Date, lang: PrintLanguage) => texts[lang].at(printDate(instant, lang, true), printTime(instant, lang));

function letter(poll: PollRow, code: string, lang: PrintLanguage, publicUrl: string): Html {
  const text = texts[lang];
  const opens = pollStatus(poll) === 'draft' ? moment(poll.opens_at, lang) : undefined;
  // Its parts are placed on the sheet by print.css, so a fold or a cut never runs through the code.
  return html`<article class="letter" aria-label="${text.title} ${code}">
  ${printHeader(poll.organizer_name, lang)}
  <div class="letter-about">
    <h1>${text.title}</h1>
    <p class="letter-asks">${text.asks}</p>
    <p class="letter-question${poll.question.length > LONG_QUESTION ? ' long' : ''}">${poll.question}</p>
    <p class="letter-window">${text.window(opens, moment(closingTime(poll), lang))}</p>
  </div>
  <div class="letter-code"><p>${text.code}</p><p class="code">${code}</p></div>
  ${qrBlock(pollShortUrl(publicUrl, poll.short_code, code), lang, text.scan)}
  <p class="letter-privacy"><strong>${text.privacyTitle}</strong> ${text.privacy}</p>
</article>`;
}

/** A4: a letter per sheet. A5: two per A4 sheet, a cut line between them. */
function sheets(letters: Html[], format: Format): Html[] {
  if (format === 'a4') return letters.map((one) => html`<div class="sheet letters-a4">${one}</div>`);
  const pairs: Html[] = [];
  for (let index = 0; index < letters.length; index += 2)
    pairs.push(html`<div class="sheet letters-a5">${letters.slice(index, index + 2)}</div>`);
  return pairs;
}

export async function registerLetters(app: FastifyInstance, db: Kysely<Database>, publicUrl: string): Promise<void> {
  // Form bodies only here (a plugin of its own): the API itself takes none.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    // Letters carry codes: no cache keeps them, not even one that asks first.
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('Cache-Control', 'no-store');
      return payload;
    });
    scope.post('/print/polls/:pollId/letters', async (request: FastifyRequest<{ Params: { pollId: string } }>, reply) => {
      const { codes, format } = readForm(request.body);
      const poll = await pollFor(db, request);
      const lang = printLanguage(request);
      const letters = codes.map((code) => letter(poll, code, lang, publicUrl));
      return sendPrintPage(reply, {
        lang,
        title: texts[lang].title,
        organization: poll.organizer_name,
        body: html`${sheets(letters, format)}`,
        layout: 'sheets',
      });
    });
  });
}

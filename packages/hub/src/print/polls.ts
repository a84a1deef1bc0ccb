import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { resolveOwner } from '../auth/resource-owners.js';
import type { Database } from '../db/schema.js';
import { html } from '../http/html.js';
import { fieldError, invalidQuery, ProblemError } from '../http/problems.js';
import { closingTime, pollStatus } from '../polls/model.js';
import { findPoll, type PollRow } from '../polls/queries.js';
import { exampleNote, fact, paragraphs } from './facts.js';
import { printDate, printLanguage, printTime, sendPrintPage, type PrintLanguage } from './page.js';
import type { PrintOptions } from './register.js';
import { qrBlock } from './qr.js';
import { pollShortUrl } from './short-links.js';

/**
 * The notice of a poll (`/print/polls/{pollId}`, by UUID or short code) for a meeting or a notice
 * board: the question, the options as empty boxes (to read, not a ballot), how to vote online (the
 * QR code) and in person (`?vor-ort=`, or a line to write it on by hand), and until when.
 */

/** The in-person text is a line or two on the notice, not a second notice. */
export const MAX_IN_PERSON = 200;

const labels = {
  de: {
    options: 'Die Antworten',
    chooseOne: 'Sie wählen eine Antwort.',
    chooseUpTo: (max: number) => `Sie können bis zu ${max} Antworten wählen.`,
    howToVote: 'So stimmen Sie ab',
    online: 'Online: mit dem Handy scannen oder die Adresse eingeben:',
    inPerson: 'Vor Ort',
    from: 'Abstimmen ab',
    until: 'Abstimmen bis',
    at: (day: string, time: string) => `${day}, ${time} Uhr`,
    ended: (at: string) => `Die Abstimmung ist beendet (seit ${at}).`,
    codeNeeded: 'Zum Abstimmen brauchen Sie einen persönlichen Code.',
    codeFrom: (organizer: string) => `Sie bekommen ihn von ${organizer}.`,
  },
  en: {
    options: 'The options',
    chooseOne: 'You choose one option.',
    chooseUpTo: (max: number) => `You may choose up to ${max} options.`,
    howToVote: 'How to vote',
    online: 'Online: scan with your phone or type the address:',
    inPerson: 'In person',
    from: 'Vote from',
    until: 'Vote until',
    at: (day: string, time: string) => `${day}, ${time}`,
    ended: (at: string) => `The vote has ended (since ${at}).`,
    codeNeeded: 'You need a personal code to vote.',
    codeFrom: (organizer: string) => `${organizer} gives it to you.`,
  },
} as const;

const moment = (instant: Date, lang: PrintLanguage) => labels[lang].at(printDate(instant, lang, true), printTime(instant, lang));

/** `?vor-ort=`: at most once and `MAX_IN_PERSON` characters; absent or blank leaves two lines to fill in by hand (where and when). */
function inPersonText(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown>)['vor-ort'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidQuery([fieldError('/vor-ort', 'not-repeatable', 'may be given once')]);
  if ([...value].length > MAX_IN_PERSON) {
    throw invalidQuery([fieldError('/vor-ort', 'maxLength', `must have at most ${MAX_IN_PERSON} characters`, MAX_IN_PERSON)]);
  }
  return value.trim() || undefined;
}

/** The poll as the public reads it, by UUID or short code: one not yet open too, so a town hall can announce it. */
async function publicPoll(db: Kysely<Database>, pollId: string): Promise<PollRow> {
  const params = { pollId };
  await resolveOwner(db, params);
  const poll = await findPoll(db, params.pollId);
  if (!poll) throw new ProblemError('not-found', `There is no poll "${pollId}".`);
  return poll;
}

async function pollNotice(db: Kysely<Database>, options: PrintOptions, request: FastifyRequest<{ Params: { pollId: string } }>) {
  const lang = printLanguage(request);
  const words = labels[lang];
  const inPerson = inPersonText(request);
  const poll = await publicPoll(db, request.params.pollId);
  const status = pollStatus(poll);
  const ended = status === 'closed' || status === 'archived';
  const body = html`${paragraphs(poll.description)}
${exampleNote(poll.is_example, lang)}
<h2>${words.options}</h2>
<p>${poll.kind === 'single' ? words.chooseOne : words.chooseUpTo(poll.max_choices)}</p>
<ul class="choices">
${poll.options.map(
  (option) =>
    html`<li><span class="box" aria-hidden="true"></span><span>${option.label}${
      option.description ? html`<br><span class="choice-description">${option.description}</span>` : ''
    }</span></li>`,
)}
</ul>
<h2>${words.howToVote}</h2>
${ended ? html`<p class="ended">${words.ended(moment(closingTime(poll), lang))}</p>` : ''}
<dl class="facts">
${fact(words.from, status === 'draft' ? moment(poll.opens_at, lang) : undefined)}
${fact(words.until, ended ? undefined : moment(closingTime(poll), lang))}
${fact(words.inPerson, inPerson ?? html`<span class="fill-in"></span><span class="fill-in"></span>`)}
</dl>
${poll.participation === 'codes' ? html`<p><strong>${words.codeNeeded}</strong> ${words.codeFrom(poll.organizer_name)}</p>` : ''}
${qrBlock(pollShortUrl(options.publicUrl, poll.short_code), lang, words.online)}`;
  // The QR code is part of "how to vote", not a link at the foot of the page.
  return { lang, title: poll.question, organization: poll.organizer_name, body };
}

export function registerPollPrints(app: FastifyInstance, db: Kysely<Database>, options: PrintOptions): void {
  app.get('/print/polls/:pollId', async (request: FastifyRequest<{ Params: { pollId: string } }>, reply) =>
    sendPrintPage(reply, await pollNotice(db, options, request)),
  );
}

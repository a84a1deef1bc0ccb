import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { assetUrl } from '../../assets.js';
import { now } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { ProblemError } from '../../http/problems.js';
import { enqueueMail, type Outbox } from '../../mail/outbox.js';
import { printLanguage, printPolicy } from '../../print/page.js';
import { moveSignup } from '../shifts/places.js';
import { shiftsCalendar } from './calendar.js';
import { responseOfToken, SELF_SERVICE_PATH } from './links.js';
import { queueReminder } from './notify.js';
import { invalidLinkPage, selfServicePage, statusLines, type OpenShift, type StatusLine } from './page.js';
import { deleteReminders, findSignup, openShiftsOfNeed, signupsOfResponse, withdrawSignup, type SignupRow } from './queries.js';
import { languageOf } from './wording.js';

/**
 * "Meine Einsätze" (`/einsaetze/<token>`): the volunteer's own page, reached only through the
 * link in their mails, no account. Outside the contract like the print views: HTML for people.
 * No script, nothing cached, nothing indexed, no referrer that could carry the token away.
 */

type TokenRequest = FastifyRequest<{ Params: { token: string }; Querystring: { status?: string; signup?: string } }>;
type SignupRequest = FastifyRequest<{ Params: { token: string; signupId: string }; Body: URLSearchParams | undefined }>;

const pageOf = (token: string) => `${SELF_SERVICE_PATH}/${token}`;

/** The sign-up, when the token's person has it; a forged link or someone else's sign-up is the same 404. */
async function ownSignup(db: Kysely<Database>, token: string, signupId: string): Promise<SignupRow | undefined> {
  const responseId = await responseOfToken(db, token);
  if (responseId === undefined) return undefined;
  const row = await findSignup(db, signupId);
  return row?.response_id === responseId ? row : undefined;
}

function invalidLink(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .send(invalidLinkPage(printLanguage(request)));
}

/** Back to the page with what happened (POST → 303 → GET: a reload sends nothing twice). */
const backTo = (reply: FastifyReply, token: string, status: StatusLine, signupId: string) =>
  reply
    .code(303)
    .header('Location', `${pageOf(token)}?status=${status}&signup=${encodeURIComponent(signupId)}`)
    .send();

/** What a refused move says on the page. */
function moveRefusal(error: unknown): StatusLine {
  if (!(error instanceof ProblemError)) throw error;
  if (error.problem.type === '/problems/shift-full') return 'full';
  if (error.problem.type === '/problems/shift-not-open') return 'not-open';
  return 'gone';
}

export async function registerSelfService(app: FastifyInstance, db: Kysely<Database>, outbox: Outbox): Promise<void> {
  const css = await readFile(new URL('einsaetze.css', assetUrl('pages')), 'utf8');
  app.get('/assets/einsaetze.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(css),
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply
        .header('Content-Security-Policy', printPolicy)
        .header('Cache-Control', 'no-store')
        .header('Referrer-Policy', 'no-referrer')
        .header('X-Robots-Tag', 'noindex');
      return payload;
    });

    scope.get(`${SELF_SERVICE_PATH}/:token`, async (request: TokenRequest, reply) => {
      const { token } = request.params;
      const responseId = await responseOfToken(db, token);
      if (responseId === undefined) return invalidLink(request, reply);
      const at = now();
      const rows = await signupsOfResponse(db, responseId);
      const openShifts = new Map<string, OpenShift[]>();
      for (const needId of new Set(rows.map((row) => row.need_id))) openShifts.set(needId, await openShiftsOfNeed(db, needId, at));
      const status = statusLines.find((line) => line === request.query.status);
      return reply.type('text/html; charset=utf-8').send(
        selfServicePage({
          lang: rows[0] ? languageOf(rows[0]) : printLanguage(request),
          base: pageOf(token),
          rows,
          openShifts,
          status,
          about: request.query.signup,
          now: at,
        }),
      );
    });

    scope.get(`${SELF_SERVICE_PATH}/:token/einsaetze.ics`, async (request: TokenRequest, reply) => {
      const responseId = await responseOfToken(db, request.params.token);
      if (responseId === undefined) return invalidLink(request, reply);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="einsaetze.ics"')
        .send(shiftsCalendar(await signupsOfResponse(db, responseId)));
    });

    scope.post(`${SELF_SERVICE_PATH}/:token/signups/:signupId/withdraw`, async (request: SignupRequest, reply) => {
      const { token, signupId } = request.params;
      const row = await ownSignup(db, token, signupId);
      if (!row) return invalidLink(request, reply);
      // A shift that has begun is the organization's to settle (attendance), not the link's.
      if (row.starts_at <= now()) return backTo(reply, token, 'gone', signupId);
      const withdrawn = await inTransaction(db, async (trx) => {
        if (!(await withdrawSignup(trx, signupId, now()))) return false;
        await deleteReminders(trx, [signupId]);
        if (row.organization_email) {
          await enqueueMail(trx, { kind: 'volunteer-withdrawn', to: row.organization_email, payload: {}, volunteerSignupId: signupId });
        }
        return true;
      });
      if (withdrawn) outbox.kick();
      return backTo(reply, token, withdrawn ? 'withdrawn' : 'gone', signupId);
    });

    scope.post(`${SELF_SERVICE_PATH}/:token/signups/:signupId/move`, async (request: SignupRequest, reply) => {
      const { token, signupId } = request.params;
      const row = await ownSignup(db, token, signupId);
      if (!row) return invalidLink(request, reply);
      const shiftId = request.body?.get('shiftId') ?? '';
      if (!/^[0-9a-f-]{36}$/i.test(shiftId) || row.starts_at <= now()) return backTo(reply, token, 'gone', signupId);
      const status = await inTransaction(db, async (trx): Promise<StatusLine> => {
        try {
          await moveSignup(trx, signupId, shiftId);
        } catch (error) {
          return moveRefusal(error);
        }
        const moved = (await findSignup(trx, signupId))!;
        await deleteReminders(trx, [signupId]);
        if (moved.email !== null) {
          await queueReminder(trx, {
            signupId,
            responseId: moved.response_id,
            email: moved.email,
            language: languageOf(moved),
            startsAt: moved.starts_at,
            reminderHours: moved.reminder_hours,
          });
        }
        if (moved.organization_email) {
          await enqueueMail(trx, {
            kind: 'volunteer-withdrawn',
            to: moved.organization_email,
            payload: { from: { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() } },
            volunteerSignupId: signupId,
          });
        }
        return 'moved';
      });
      if (status === 'moved') outbox.kick();
      return backTo(reply, token, status, signupId);
    });
  });
}

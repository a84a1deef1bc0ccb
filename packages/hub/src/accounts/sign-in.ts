import type { Kysely } from 'kysely';
import { assertSignInRequest, endSession, newToken, sha256, signedIn } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Handlers, Schemas } from '../http/api.js';
import { ProblemError } from '../http/problems.js';
import { enqueueMail, type Outbox } from '../mail/outbox.js';
import { signInAnswer } from './me.js';
import { insertSignInLinkFor, recentSignInRequests, recordSignInRequest, revokeSession, useSignInLink } from './queries.js';

type Operations = 'getSignInOptions' | 'requestSignInLink' | 'createSession' | 'deleteCurrentSession';

/** How long a sign-in link works. */
export const LINK_LIFETIME_MINUTES = 15;
/** Links per address within the window; more are refused, for known and unknown addresses alike. */
const LINKS_PER_ADDRESS = 5;
export const SIGN_IN_REQUEST_WINDOW_SECONDS = 15 * 60;

/**
 * Limits per client (IP address) above the Hub's general one, applied by @fastify/rate-limit to
 * the operation's route (app.ts). Asking for links costs a mail each, so a client gets few.
 */
export const signInRateLimits: Readonly<Record<string, { max: number; timeWindow: number }>> = {
  requestSignInLink: { max: 20, timeWindow: SIGN_IN_REQUEST_WINDOW_SECONDS * 1000 },
  // Each registration creates an organization and a person and sends a mail.
  registerOrganization: { max: 10, timeWindow: 3_600_000 },
};

export interface SignInSettings {
  outbox: Outbox;
  /** The Hub's origin as people reach it (`PUBLIC_URL`); the links in mails point there and nowhere else. */
  publicUrl: string;
  /** The identity provider's button, when the Hub has one. */
  oidc: Schemas['SignInOptions']['oidc'];
}

/** Signing in with a link by e-mail, and signing out. */
export function signInHandlers(db: Kysely<Database>, settings: SignInSettings): Pick<Handlers, Operations> {
  const { outbox, publicUrl } = settings;
  return {
    async getSignInOptions() {
      return { emailDelivery: outbox.delivery === 'smtp' ? 'email' : 'log', oidc: settings.oidc };
    },

    // The answer and the work are the same whether the address has an account or not: one
    // request row, one statement that stores a link if there is a person, one mail. Nobody learns
    // from the status, the body or the time who has an account; only the mailbox's owner does.
    async requestSignInLink(request, reply) {
      const { email, language = 'de' } = request.body;
      const emailHash = sha256(email.toLowerCase());
      const recent = await recentSignInRequests(db, emailHash, SIGN_IN_REQUEST_WINDOW_SECONDS);
      if (recent.count >= LINKS_PER_ADDRESS) {
        const seconds = Math.max(recent.retry_after, 1);
        throw new ProblemError(
          'rate-limited',
          `Too many sign-in links for this address. Try again in ${Math.ceil(seconds / 60)} minutes.`,
          {
            headers: { 'Retry-After': String(seconds) },
          },
        );
      }
      const { token, hash } = newToken();
      await inTransaction(db, async (trx) => {
        await recordSignInRequest(trx, emailHash);
        const known = await insertSignInLinkFor(trx, email, hash, LINK_LIFETIME_MINUTES * 60);
        await enqueueMail(
          trx,
          known
            ? {
                kind: 'sign-in-link',
                to: email,
                language,
                payload: { url: `${publicUrl}/manage/sign-in?token=${token}`, expiresMinutes: LINK_LIFETIME_MINUTES },
              }
            : { kind: 'no-account', to: email, language, payload: { registerUrl: `${publicUrl}/manage/register` } },
        );
      });
      outbox.kick();
      reply.code(202);
      return { expiresInMinutes: LINK_LIFETIME_MINUTES };
    },

    async createSession(request, reply) {
      assertSignInRequest(request, "Signing in works only from the Hub's own pages (Origin).");
      const personId = await useSignInLink(db, sha256(request.body.token));
      if (!personId) {
        throw new ProblemError('invalid-sign-in-link', 'This sign-in link is used, expired or unknown. Ask for a new one.');
      }
      return signInAnswer(db, personId, 'email-link', request, reply);
    },

    async deleteCurrentSession(request, reply) {
      const person = signedIn(request);
      await revokeSession(db, person.personId, person.sessionId);
      endSession(reply);
      reply.code(204);
    },
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PersonPrincipal } from '../auth/sessions.js';
import { endSession, SESSION_IDLE_SECONDS, signedIn, startSession } from '../auth/sessions.js';
import type { Database, SignInMethod } from '../db/schema.js';
import type { Handlers, Schemas } from '../http/api.js';
import { ProblemError } from '../http/problems.js';
import {
  findPerson,
  findSessionExpiry,
  listLiveSessions,
  membershipsOf,
  renamePerson,
  revokeSession,
  revokeSessionsOf,
} from './queries.js';

type Operations = 'getMe' | 'updateMe' | 'listMySessions' | 'deleteMySessions' | 'deleteMySession';

/** The signed-in person as the pages see them, and as the principal of the request that signed them in. */
export async function meOf(
  db: Kysely<Database>,
  personId: string,
  session: { id: string; expiresAt: Date },
): Promise<{ me: Schemas['Me']; principal: PersonPrincipal }> {
  const [person, memberships] = await Promise.all([findPerson(db, personId), membershipsOf(db, personId)]);
  if (!person) throw new ProblemError('unauthorized', 'This account no longer exists.');
  return {
    me: {
      person: { id: person.id, email: person.email, displayName: person.display_name },
      regionAdmin: person.region_admin,
      memberships: memberships.map(({ role, ...organization }) => ({ organization, role })),
      session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
    },
    principal: {
      kind: 'person',
      personId,
      sessionId: session.id,
      regionAdmin: person.region_admin,
      memberships: new Map(memberships.map((membership) => [membership.id, membership.role])),
    },
  };
}

/**
 * Signs the person in and answers as the operations that do so (createSession, acceptInvitation):
 * `Me` with 201 and the cookie. The audit hook records it under the person signed in, naming the
 * session it started.
 */
export async function signInAnswer(
  db: Kysely<Database>,
  personId: string,
  signedInWith: SignInMethod,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Schemas['Me']> {
  const session = await startSession(db, personId, signedInWith, request, reply);
  const { me, principal } = await meOf(db, personId, session);
  request.principal = principal;
  request.auditResource = { type: 'session', id: session.id };
  reply.code(201);
  return me;
}

/** The signed-in person's own account: name and sessions. */
export function meHandlers(db: Kysely<Database>): Pick<Handlers, Operations> {
  async function currentMe(person: PersonPrincipal): Promise<Schemas['Me']> {
    const expiresAt = await findSessionExpiry(db, person.sessionId);
    return (await meOf(db, person.personId, { id: person.sessionId, expiresAt })).me;
  }

  return {
    async getMe(request) {
      return currentMe(signedIn(request));
    },

    async updateMe(request) {
      const person = signedIn(request);
      await renamePerson(db, person.personId, request.body.displayName.trim());
      return currentMe(person);
    },

    async listMySessions(request) {
      const person = signedIn(request);
      const rows = await listLiveSessions(db, person.personId, SESSION_IDLE_SECONDS);
      return {
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.created_at.toISOString(),
          lastSeenAt: row.last_seen_at.toISOString(),
          expiresAt: row.expires_at.toISOString(),
          signedInWith: row.signed_in_with,
          userAgent: row.user_agent,
          current: row.id === person.sessionId,
        })),
      };
    },

    // Signing out everywhere includes this browser.
    async deleteMySessions(request, reply) {
      await revokeSessionsOf(db, signedIn(request).personId);
      endSession(reply);
      reply.code(204);
    },

    async deleteMySession(request, reply) {
      const person = signedIn(request);
      // Another person's session is as unknown as one that never existed.
      if (!(await revokeSession(db, person.personId, request.params.sessionId)))
        throw new ProblemError('not-found', 'No such session of yours.');
      if (request.params.sessionId === person.sessionId) endSession(reply);
      reply.code(204);
    },
  };
}

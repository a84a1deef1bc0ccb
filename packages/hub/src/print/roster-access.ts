import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../auth/audit.js';
import { isUuid } from '../auth/resource-owners.js';
import { can } from '../auth/roles.js';
import { sessionPrincipal, type PersonPrincipal } from '../auth/sessions.js';
import type { Database } from '../db/schema.js';
import { ProblemError } from '../http/problems.js';

/**
 * The print views with volunteers' names (sign-in sheet, certificate of hours): for a person
 * signed in on the Hub's pages who may manage the organization's volunteer responses — the Hub's
 * one permission check, `can` — and each print is written to the audit log as a read of the
 * roster is: who, which organization, which shift or sign-up; never a name.
 */

/** A 404 for an identifier that names nothing: a malformed one too. */
export async function found<T>(id: string, noun: string, find: (id: string) => Promise<T | undefined>): Promise<T> {
  const row = isUuid(id) ? await find(id) : undefined;
  if (!row) throw new ProblemError('not-found', `There is no ${noun} "${id}".`);
  return row;
}

/** The signed-in person, or 401 as the API answers a session-only request without one. */
export async function signedInReader(db: Kysely<Database>, request: FastifyRequest): Promise<PersonPrincipal> {
  const person = await sessionPrincipal(db, request);
  if (!person) throw new ProblemError('unauthorized', "Sign in on the Hub's pages first; the session may have ended.");
  return person;
}

/** 403 unless the person may manage the organization's volunteer responses. */
export function assertManagesVolunteers(person: PersonPrincipal, organizationId: string): void {
  if (!can(person, 'volunteer-responses:manage', { id: organizationId })) {
    throw new ProblemError('forbidden', 'This needs the action "volunteer-responses:manage" in the organization of these volunteers.');
  }
}

/** Writes the read to the audit log before the page is made: when the entry cannot be written, the request fails. */
export async function auditRosterRead(
  db: Kysely<Database>,
  entry: { person: PersonPrincipal; organizationId: string; action: string; resource: { type: string; id: string } },
): Promise<void> {
  await recordAudit(db, { actor: entry.person, organizationId: entry.organizationId, action: entry.action, resource: entry.resource });
}

/** Registers `routes` in a scope whose answers no cache keeps, not even one that asks first: they carry names. */
export async function registerUncached(app: FastifyInstance, routes: (scope: FastifyInstance) => void): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('Cache-Control', 'no-store');
      return payload;
    });
    routes(scope);
  });
}

import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { SecurityRequirement } from '../http/contract.js';
import { ProblemError } from '../http/problems.js';
import type { Database } from '../db/schema.js';
import { findPrincipal, sameSecret } from './api-keys.js';
import type { Principal } from './principal.js';

const bearer = /^Bearer\s+(\S+)$/i;

/** `{}` among the requirements: the operation is public, and a key, when sent, adds rights. */
function isAnonymousAllowed(requirements: SecurityRequirement[]): boolean {
  return requirements.some((requirement) => Object.keys(requirement).length === 0);
}

function satisfies(principal: Principal, requirement: SecurityRequirement): boolean {
  const scopes = requirement.apiKey;
  if (!scopes) return false;
  if (principal.kind === 'admin') return true;
  if (principal.kind !== 'key') return false;
  return scopes.every((scope) => (principal.scopes as string[]).includes(scope));
}

/**
 * An `onRequest` hook for an operation with security requirements. It runs before
 * validation, so a caller without a valid key learns nothing about the operation's input.
 */
export function authenticate(
  db: Kysely<Database>,
  requirements: SecurityRequirement[],
  adminToken: string | undefined,
): (request: FastifyRequest) => Promise<void> {
  const needed = requirements
    .filter((requirement) => requirement.apiKey)
    .map((requirement) => requirement.apiKey!.join(' + '))
    .join('" or "');
  const anonymousAllowed = isAnonymousAllowed(requirements);
  return async (request) => {
    const header = request.headers.authorization;
    if (!header && anonymousAllowed) return;
    if (!header) {
      throw new ProblemError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    const key = bearer.exec(header)?.[1];
    const principal: Principal | undefined = !key
      ? undefined
      : adminToken && sameSecret(key, adminToken)
        ? { kind: 'admin', keyId: null }
        : await findPrincipal(db, key);
    if (!principal) {
      throw new ProblemError('unauthorized', 'The API key is not valid or was revoked.', {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    const keyed = anonymousAllowed ? requirements.filter((requirement) => Object.keys(requirement).length > 0) : requirements;
    if (!keyed.some((requirement) => satisfies(principal, requirement))) {
      throw new ProblemError('forbidden', `This operation needs a key with the scope "${needed}".`);
    }
    request.principal = principal;
  };
}

/** Whether the request's key may act for the organization: its own key, or an admin key. */
export function actsFor(request: FastifyRequest, organizationId: string): boolean {
  const principal = request.principal;
  return principal?.kind === 'admin' || (principal?.kind === 'key' && principal.organizationId === organizationId);
}

/** Organization keys act only for their own organization; admin keys for all. */
export function assertActsFor(request: FastifyRequest, organizationId: string): void {
  if (!actsFor(request, organizationId)) throw new ProblemError('forbidden', 'This API key belongs to another organization.');
}

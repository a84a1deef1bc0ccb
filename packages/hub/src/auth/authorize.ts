import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { operationOf, type ContractOperation, type SecurityRequirement } from '../http/contract.js';
import { ProblemError } from '../http/problems.js';
import { findPrincipal, sameSecret } from './api-keys.js';
import type { Principal, TargetOrganization } from './principal.js';
import { resolveOwner } from './resource-owners.js';
import { can, contentActions, isAction, type Action } from './roles.js';
import { sameOrigin, sessionPrincipal } from './sessions.js';

const bearer = /^Bearer\s+(\S+)$/i;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What an operation's security requirements ask, read once when the route is built. */
interface Requirements {
  /** `{}` among them: public, and a credential, when sent, adds rights (getPollResults). */
  anonymous: boolean;
  apiKey: boolean;
  session: boolean;
  /** The one action every requirement names; undefined for `session: []` (any signed-in person). */
  action: Action | undefined;
}

function requirementsOf(operation: ContractOperation): Requirements {
  const named = (scheme: string) => operation.security.some((requirement: SecurityRequirement) => requirement[scheme] !== undefined);
  const scopes = new Set(operation.security.flatMap((requirement) => Object.values(requirement).flat()));
  if (scopes.size > 1) throw new Error(`The contract's operation ${operation.operationId} names several actions; it must name one.`);
  const [scope] = scopes;
  if (scope !== undefined && !isAction(scope))
    throw new Error(`The contract's operation ${operation.operationId} names an unknown action "${scope}".`);
  return {
    anonymous: operation.security.some((requirement) => Object.keys(requirement).length === 0),
    apiKey: named('apiKey'),
    session: named('session'),
    action: scope,
  };
}

/** The action an operation names (its security requirements' one scope), if any. */
export function actionOf(operation: ContractOperation): Action | undefined {
  return requirementsOf(operation).action;
}

/**
 * Whether the request's principal holds its operation's action for the organization the path
 * names. For operations that are public but give a credential more (`{}` first: the organizer's
 * view of poll results), the handler asks this; every other operation was refused before it ran.
 */
export function granted(request: FastifyRequest): boolean {
  const operation = operationOf(request);
  const action = operation && actionOf(operation);
  return request.principal !== undefined && action !== undefined && can(request.principal, action, request.organization);
}

/**
 * Drafts (`published: false`) are read only by a credential that may write their domain for their
 * organization (the operation's action, `granted`): the one rule every read of events, help offers
 * and volunteer needs asks, for an entry (`mayRead`) or for a list (`mayReadDrafts`).
 */
export function mayReadDrafts(request: FastifyRequest): boolean {
  return granted(request);
}

export function mayRead(request: FastifyRequest, entry: { published: boolean }): boolean {
  return entry.published || mayReadDrafts(request);
}

function roleName(principal: Principal, organization: TargetOrganization | undefined): string {
  if (principal.kind === 'key') return 'this API key';
  if (principal.kind === 'admin') return 'a region admin';
  const role = organization && principal.memberships.get(organization.id);
  if (role) return `your role here, ${role},`;
  return principal.regionAdmin ? 'a region admin' : 'someone who is not a member of this organization';
}

/** Why the principal may not: the 403 names the action, and for people their role. */
function refusal(principal: Principal, action: Action, organization: TargetOrganization | undefined): ProblemError {
  if (principal.kind === 'key' && organization && principal.organizationId !== organization.id) {
    return new ProblemError('forbidden', 'This API key belongs to another organization.');
  }
  if (principal.kind === 'key') return new ProblemError('forbidden', `This API key lacks the scope "${action}".`);
  return new ProblemError('forbidden', `This needs the action "${action}", which ${roleName(principal, organization)} does not hold.`);
}

/**
 * The one place that decides who may call an operation that needs rights: the `onRequest` hook
 * of every such operation (app.ts). It runs before validation, so a refused caller learns nothing
 * about the input. In order:
 * 1. who: a bearer key or `HUB_ADMIN_TOKEN`, else the session cookie where the operation takes
 *    sessions, else anonymous (only where the requirements contain `{}`);
 * 2. cross-site requests: a session-authenticated unsafe request must come from the Hub's own pages;
 * 3. which organization: the path's resource, through `resource-owners.ts` (unknown → 404);
 * 4. whether the principal holds the operation's action there (`can`, roles.ts).
 * Sets `request.principal` and `request.organization` for the handler and the audit log.
 */
export function authorize(
  db: Kysely<Database>,
  operation: ContractOperation,
  adminToken: string | undefined,
): (request: FastifyRequest) => Promise<void> {
  const requirements = requirementsOf(operation);

  async function identify(request: FastifyRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      if (!requirements.apiKey) {
        throw new ProblemError('unauthorized', "This operation is for people signed in on the Hub's pages; API keys cannot use it.");
      }
      const key = bearer.exec(header)?.[1];
      const principal = !key
        ? undefined
        : adminToken && sameSecret(key, adminToken)
          ? { kind: 'admin' as const, keyId: null }
          : await findPrincipal(db, key);
      if (!principal) {
        throw new ProblemError('unauthorized', 'The API key is not valid or was revoked.', {
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        });
      }
      return principal;
    }
    const person = requirements.session ? await sessionPrincipal(db, request) : undefined;
    if (person || requirements.anonymous) return person;
    if (requirements.apiKey) {
      throw new ProblemError('unauthorized', 'Send an API key as "Authorization: Bearer <key>", or sign in on the Hub\'s pages.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    throw new ProblemError('unauthorized', "Sign in on the Hub's pages first; the session may have ended.");
  }

  return async (request) => {
    const principal = await identify(request);
    if (!principal) return;
    // No CSRF token: the session cookie is SameSite=Strict, so browsers keep it off requests that
    // other sites start, and every browser that knows SameSite sends `Origin` on requests other
    // than GET — so comparing it (or Sec-Fetch-Site) with the Hub's own origin closes what is left,
    // with no token to hand to the pages and the SDK.
    if (principal.kind === 'person' && !safeMethods.has(request.method) && !sameOrigin(request)) {
      throw new ProblemError('cross-site-request', "Changes with a session are taken only from the Hub's own pages (Origin).");
    }
    const organization = await resolveOwner(db, request.params as Record<string, string>);
    request.principal = principal;
    request.organization = organization;
    const { action } = requirements;
    // `session: []`: any signed-in person (and only people reach here for session-only operations).
    if (action === undefined) return;
    if (!can(principal, action, organization)) {
      // Public operations: a credential without the action only does not add rights (`granted`).
      if (requirements.anonymous) return;
      throw refusal(principal, action, organization);
    }
    // Publishing waits for approval; reading what a credential adds (poll results) does not.
    if (organization && organization.status !== 'approved' && contentActions.includes(action) && !safeMethods.has(request.method)) {
      throw new ProblemError(
        'organization-pending',
        `The organization is ${organization.status}: it publishes once a region admin approves it.`,
      );
    }
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findLiveSession, findRoles, insertSession, revokeSessionByHash, touchSession } from '../accounts/queries.js';
import type { Database, SignInMethod } from '../db/schema.js';
import { ProblemError } from '../http/problems.js';
import type { Principal } from './principal.js';

/**
 * Sessions of people signed in on the Hub's own pages: an opaque random token in a cookie that
 * only the Hub's origin gets (`__Host-`, `Secure`, `Path=/`), never readable by scripts
 * (`HttpOnly`) and never sent along from other sites (`SameSite=Strict`). The database holds the
 * token's SHA-256 only. Nothing but `sessionPrincipal` reads the cookie, and nothing but
 * `startSession` and `endSession` writes it.
 */
export const SESSION_COOKIE = '__Host-sr_session';

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 8 * 3600;
/** …and this long after sign-in at the latest. */
export const SESSION_LIFETIME_SECONDS = 30 * 86_400;

const USER_AGENT_LENGTH = 200;

export type PersonPrincipal = Extract<Principal, { kind: 'person' }>;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A secret for a cookie or a link (32 random bytes), and the hash the database keeps of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

function sessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? request.server.parseCookie(header)[SESSION_COOKIE] : undefined;
}

/**
 * The person whose session cookie the request carries, or undefined (no cookie, or a session that
 * ended, was revoked or never existed here). Roles are read on every request, so a member who is
 * removed or demoted loses the rights with their next request. `last_seen_at` is written at most
 * once a minute.
 */
export async function sessionPrincipal(db: Kysely<Database>, request: FastifyRequest): Promise<PersonPrincipal | undefined> {
  const token = sessionCookie(request);
  if (!token) return undefined;
  const session = await findLiveSession(db, sha256(token), SESSION_IDLE_SECONDS);
  if (!session) return undefined;
  const [roles] = await Promise.all([findRoles(db, session.person_id), session.stale ? touchSession(db, session.id) : undefined]);
  return {
    kind: 'person',
    personId: session.person_id,
    sessionId: session.id,
    regionAdmin: session.region_admin,
    memberships: new Map(roles.map((row) => [row.organization_id, row.role])),
  };
}

/** The person of a session-only operation (the authorization hook let only them through). */
export function signedIn(request: FastifyRequest): PersonPrincipal {
  if (request.principal?.kind !== 'person') throw new ProblemError('unauthorized', "Sign in on the Hub's pages first.");
  return request.principal;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * What an operation that signs someone in checks before it spends a single-use token, so a refused
 * request leaves the token usable: it comes from the Hub's own pages (these operations are public,
 * so the authorization hook does not look at them — login CSRF: another site must not sign a
 * visitor in to an account of its choice), and over a transport the session cookie may take.
 */
export function assertSignInRequest(request: FastifyRequest, crossSiteRefusal: string): void {
  if (!sameOrigin(request)) throw new ProblemError('cross-site-request', crossSiteRefusal);
  assertSessionTransport(request);
}

/**
 * A `Secure` cookie set over plain http reaches the browser only on localhost; anywhere else the
 * session would travel in the clear. Call before spending a single-use token.
 */
export function assertSessionTransport(request: FastifyRequest): void {
  if (request.protocol === 'https' || loopbackHosts.has(request.hostname.toLowerCase())) return;
  throw new ProblemError('https-required', 'Signing in needs https (plain http only on localhost).');
}

/**
 * Whether a browser sent the request from the Hub's own pages: `Sec-Fetch-Site: same-origin`, or an
 * `Origin` equal to the Hub's as the request reached it (behind a proxy: `TRUST_PROXY`). Guards every unsafe request that a cookie makes count (CSRF) and the
 * sign-in itself (login CSRF: another site must not sign a visitor in to an account of its choice).
 */
export function sameOrigin(request: FastifyRequest): boolean {
  return request.headers['sec-fetch-site'] === 'same-origin' || request.headers.origin === `${request.protocol}://${request.host}`;
}

/**
 * Signs the person in: a new session, its cookie on the reply. A session cookie the request already
 * carried is revoked (rotation: a cookie planted before sign-in is worth nothing after it).
 */
export async function startSession(
  db: Kysely<Database>,
  personId: string,
  signedInWith: SignInMethod,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ id: string; expiresAt: Date }> {
  assertSessionTransport(request);
  const previous = sessionCookie(request);
  if (previous) await revokeSessionByHash(db, sha256(previous));
  const { token, hash } = newToken();
  const userAgent = request.headers['user-agent']?.slice(0, USER_AGENT_LENGTH) || null;
  const session = await insertSession(db, { hash, personId, signedInWith, userAgent, lifetimeSeconds: SESSION_LIFETIME_SECONDS });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieAttributes, maxAge: SESSION_LIFETIME_SECONDS });
  return { id: session.id, expiresAt: session.expires_at };
}

/** Tells the browser to drop the session cookie (the session itself is revoked by the caller). */
export function endSession(reply: FastifyReply): void {
  reply.setCookie(SESSION_COOKIE, '', { ...cookieAttributes, maxAge: 0 });
}

const cookieAttributes = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const;

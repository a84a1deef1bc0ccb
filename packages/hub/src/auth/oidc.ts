import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { meOf } from '../accounts/me.js';
import { findPersonByEmail } from '../accounts/queries.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ProblemError } from '../http/problems.js';
import { recordAudit } from './audit.js';
import { oidcStateCookie, oidcStateMaxAgeSeconds, openState, sealState, stateKey, type OidcState } from './oidc-state.js';
import { assertSessionTransport, startSession } from './sessions.js';

/** A municipality's own identity provider, where its staff sign in (`OIDC_*` settings). */
export interface OidcOptions {
  /** The provider's issuer identifier; its discovery document lies below it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's text. */
  label: string;
}

const oidcStartPath = '/auth/oidc/start';
const oidcCallbackPath = '/auth/oidc/callback';

/** What `getSignInOptions` offers: the button, or null when no identity provider is connected. */
export function oidcSignInOption(options: OidcOptions | undefined): { label: string; startUrl: string } | null {
  return options ? { label: options.label, startUrl: oidcStartPath } : null;
}

/**
 * Why a sign-in through the identity provider did not happen, as `/manage/sign-in?error=<code>`
 * shows it: the browser came here by navigation, so it gets a page, never a problem document.
 */
type OidcErrorCode =
  | 'oidc-unavailable' // the provider did not answer (down, unreachable, timed out)
  | 'oidc-denied' // the person cancelled or the provider refused
  | 'oidc-failed' // the provider's answer did not pass the checks (token, signature, nonce)
  | 'oidc-state' // no, a forged, an expired or another attempt's state: start again
  | 'email-unverified' // the provider does not vouch for the e-mail address
  | 'no-account' // nobody with that address was invited or registered
  | 'https-required';

class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Network failures, timeouts and server errors: the provider is not there, nothing is wrong with the sign-in. */
function unreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return (
    error instanceof client.ClientError && ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM'].includes(error.code ?? '')
  );
}

/** A request to the provider; its failure says whether the provider is away or its answer failed the checks. */
function askProvider<T>(request: Promise<T>, what: string): Promise<T> {
  return request.catch((error: unknown) => {
    throw new OidcSignInError(unreachable(error) ? 'oidc-unavailable' : 'oidc-failed', `${what} failed.`, { cause: error });
  });
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http only for a provider on the same machine (a local try, the tests). */
export function plainHttpAllowed(issuer: URL): boolean {
  return loopbackHosts.has(issuer.hostname);
}

/**
 * The provider's configuration, discovered at the first sign-in rather than at startup, so that a
 * provider that is down does not keep the Hub from starting; kept once found, asked again after a
 * failure.
 */
function providerConfiguration(options: OidcOptions): () => Promise<client.Configuration> {
  const issuer = new URL(options.issuer);
  const execute = issuer.protocol === 'http:' && plainHttpAllowed(issuer) ? [client.allowInsecureRequests] : [];
  let found: Promise<client.Configuration> | undefined;
  return () => {
    found ??= client
      .discovery(issuer, options.clientId, options.clientSecret, undefined, { execute, timeout: 10 })
      .catch((error: unknown) => {
        found = undefined;
        throw new OidcSignInError('oidc-unavailable', `The identity provider ${options.issuer} could not be reached.`, { cause: error });
      });
    return found;
  };
}

/**
 * The Hub's origin as the browser sees it: `PUBLIC_URL`; for a Hub built without one (tests), the
 * request's own — harmless here, as the provider redirects only to the URIs registered with it.
 */
function hubOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;
}

const stateCookieAttributes = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

function toSignInPage(reply: FastifyReply, code: OidcErrorCode): FastifyReply {
  return reply.redirect(`/manage/sign-in?error=${code}`, 303);
}

function failed(log: FastifyBaseLogger, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof ProblemError && error.problem.type === '/problems/https-required') return toSignInPage(reply, 'https-required');
  if (error instanceof OidcSignInError) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    log.warn({ code: error.code, reason: error.message, cause }, 'OpenID Connect sign-in refused');
    return toSignInPage(reply, error.code);
  }
  log.error({ err: error }, 'OpenID Connect sign-in failed');
  return toSignInPage(reply, 'oidc-failed');
}

/** The verified e-mail address the provider vouches for: from the ID token, else from its userinfo endpoint. */
async function verifiedEmail(
  config: client.Configuration,
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
): Promise<string> {
  const idToken = tokens.claims();
  if (!idToken) throw new OidcSignInError('oidc-failed', 'The identity provider sent no ID token.');
  // Providers that follow the core spec strictly put scope claims in userinfo only.
  const claims =
    typeof idToken['email'] === 'string'
      ? idToken
      : await askProvider(client.fetchUserInfo(config, tokens.access_token, idToken.sub), 'The userinfo request');
  if (typeof claims['email'] !== 'string' || claims['email'] === '')
    throw new OidcSignInError('email-unverified', 'The identity provider sent no e-mail address.');
  if (claims['email_verified'] !== true)
    throw new OidcSignInError('email-unverified', 'The identity provider does not vouch for the e-mail address.');
  return claims['email'];
}

/**
 * Signs the person with the vouched-for address in, and records it; nobody is made a member here.
 * Session and audit entry are written together: no sign-in goes unrecorded.
 */
async function signIn(db: Kysely<Database>, email: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const person = await findPersonByEmail(db, email);
  if (!person) throw new OidcSignInError('no-account', 'Nobody with the address the identity provider vouches for is on the Hub.');
  await inTransaction(db, async (trx) => {
    const session = await startSession(trx, person.id, 'oidc', request, reply);
    const { principal } = await meOf(trx, person.id, session);
    await recordAudit(trx, {
      actor: principal,
      organizationId: null,
      // The same entry as a sign-in with a link; the session tells how (`signed_in_with`).
      action: 'createSession',
      resource: { type: 'session', id: session.id },
    });
  });
}

/**
 * Sign-in with the identity provider a municipality connected (OpenID Connect, authorization code
 * flow with PKCE, state and nonce). The provider vouches for an e-mail address; the person with that
 * address must already be on the Hub (invited, registered, region admin) — nobody becomes a member
 * by having an account at the provider.
 */
export function registerOidc(
  app: FastifyInstance,
  db: Kysely<Database>,
  options: OidcOptions | undefined,
  publicUrl: string | undefined,
): void {
  if (!options) return;
  const configuration = providerConfiguration(options);
  const key = stateKey(options.clientSecret);

  app.get(oidcStartPath, async (request, reply) => {
    try {
      assertSessionTransport(request);
      const config = await configuration();
      const pending: OidcState = {
        codeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        redirectUri: hubOrigin(request, publicUrl) + oidcCallbackPath,
        expiresAt: Date.now() + oidcStateMaxAgeSeconds * 1000,
      };
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: pending.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      reply.setCookie(oidcStateCookie, sealState(key, pending), { ...stateCookieAttributes, maxAge: oidcStateMaxAgeSeconds });
      return reply.redirect(authorizationUrl.href, 303);
    } catch (error) {
      return failed(request.log, reply, error);
    }
  });

  app.get(oidcCallbackPath, async (request, reply) => {
    // One attempt, one callback: the state is spent whatever happens next.
    const pending = openState(key, request.server.parseCookie(request.headers.cookie ?? '')[oidcStateCookie], Date.now());
    reply.setCookie(oidcStateCookie, '', { ...stateCookieAttributes, maxAge: 0 });
    try {
      const callbackUrl = new URL(request.url, pending?.redirectUri ?? hubOrigin(request, publicUrl));
      const params = callbackUrl.searchParams;
      if (!pending || params.get('state') !== pending.state) {
        throw new OidcSignInError('oidc-state', 'The sign-in came back without the state this browser was sent off with.');
      }
      const providerError = params.get('error');
      if (providerError) {
        throw new OidcSignInError(
          providerError === 'access_denied' ? 'oidc-denied' : 'oidc-failed',
          `The identity provider answered ${providerError}.`,
        );
      }
      const config = await configuration();
      const checks = { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce };
      const tokens = await askProvider(client.authorizationCodeGrant(config, callbackUrl, checks), 'Exchanging the code for tokens');
      await signIn(db, await verifiedEmail(config, tokens), request, reply);
      return reply.redirect('/manage/', 303);
    } catch (error) {
      return failed(request.log, reply, error);
    }
  });
}

import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * What the Hub must remember between sending a browser to the identity provider and its return:
 * kept in the browser, in a cookie the Hub signs. A cookie rather than memory or a table, so that
 * any of several Hubs behind a load balancer can finish a sign-in another one started; signed,
 * because cookies are not isolated by port: another service on the same host could set one.
 */
export interface OidcState {
  /** PKCE: the secret whose hash went to the identity provider. */
  codeVerifier: string;
  state: string;
  nonce: string;
  /** The redirect URI the authorization request named; the token request must name the same. */
  redirectUri: string;
  /** Milliseconds since the epoch after which the sign-in must start over. */
  expiresAt: number;
}

export const oidcStateCookie = '__Host-sr_oidc';

/** Long enough to sign in at the identity provider, short enough that a stale attempt is useless. */
export const oidcStateMaxAgeSeconds = 600;

/**
 * The signing key is derived from the client secret: every Hub of one installation has the same
 * one, so no further setting is needed, and it changes when the secret is rotated.
 */
export function stateKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, '', 'smart-region-hub oidc state cookie', 32));
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function sealState(key: Buffer, state: OidcState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${signature(key, payload).toString('base64url')}`;
}

/** The state in a cookie this Hub signed and that has not expired; undefined otherwise. */
export function openState(key: Buffer, cookie: string | undefined, nowMs: number): OidcState | undefined {
  const [payload, mac, ...rest] = (cookie ?? '').split('.');
  if (!payload || !mac || rest.length > 0) return undefined;
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcState;
  return state.expiresAt > nowMs ? state : undefined;
}

import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { LogLine } from './logs.js';
import type { TestHub } from './hub.js';
import { eventually } from './mail.js';

/** The Hub's public origin (`PUBLIC_URL`) in the sign-in tests: where the links in mails point. */
export const PUBLIC_URL = 'https://hub.sessions.example';

/** Headers of a JSON request from the Hub's own pages. */
export function fromHubPages(hub: TestHub): Record<string, string> {
  return { 'content-type': 'application/json', origin: hub.baseUrl };
}

export async function createPerson(db: Kysely<Database>, email: string, displayName = 'Test Person'): Promise<string> {
  const { id } = await db.insertInto('people').values({ email, display_name: displayName }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function requestLink(hub: TestHub, email: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${hub.baseUrl}/sign-in-links`, {
    method: 'POST',
    headers: { ...fromHubPages(hub), ...headers },
    body: JSON.stringify({ email }),
  });
}

interface LoggedMail {
  kind: string;
  to: string;
  text: string;
}

/** The mails the Hub wrote to its log (no SMTP_URL) to `email`, oldest first. */
export function loggedMails(lines: LogLine[], email: string, kind = 'sign-in-link'): LoggedMail[] {
  return lines
    .map((line) => line.mail as LoggedMail | undefined)
    .filter((mail): mail is LoggedMail => mail?.kind === kind && mail.to === email);
}

export function tokenIn(text: string): string {
  const token = /\/manage\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(token, `a sign-in link in: ${text}`);
  return token;
}

export function createSession(hub: TestHub, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${hub.baseUrl}/sessions`, {
    method: 'POST',
    headers: { ...fromHubPages(hub), ...headers },
    body: JSON.stringify({ token }),
  });
}

/** `name=value` of the session cookie an answer set, for the `Cookie` header of later requests. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-sr_session='));
  assert.ok(cookie, 'the answer sets the session cookie');
  return cookie.split(';', 1)[0]!;
}

/**
 * Signs `email` in through the Hub's log (no SMTP_URL): a link asked for, its token from the log,
 * a session made. Returns the `Cookie` header's value.
 */
export async function signIn(hub: TestHub, logs: () => LogLine[], email: string, headers: Record<string, string> = {}): Promise<string> {
  const before = loggedMails(logs(), email).length;
  assert.equal((await requestLink(hub, email)).status, 202);
  await eventually(`the sign-in mail to ${email}`, () => loggedMails(logs(), email).length > before);
  const response = await createSession(hub, tokenIn(loggedMails(logs(), email).at(-1)!.text), headers);
  assert.equal(response.status, 201, await response.clone().text());
  return sessionCookieOf(response);
}

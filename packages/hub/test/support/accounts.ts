import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { SESSION_COOKIE, SESSION_LIFETIME_SECONDS, sha256 } from '../../src/auth/sessions.js';
import type { Database, MemberRole } from '../../src/db/schema.js';
import { expectDocumented } from './contract.js';

/**
 * People signed in for tests without the sign-in flow: the rows `people`, `memberships` and
 * `sessions` the sign-in would write, written directly, and the cookie a browser would then send.
 * Tests of anything a signed-in person does use this; the sign-in's own tests use the real flow.
 */
export interface Person {
  /** Found or created by address (case-insensitive, as the Hub does); its display name is derived from it. */
  email: string;
  /** With `organizationId`: the membership, created or changed to this role. */
  role?: MemberRole;
  organizationId?: string;
  regionAdmin?: boolean;
}

export interface SignedIn {
  /** The `Cookie` request header: `__Host-sr_session=<token>`. */
  cookie: string;
  personId: string;
  sessionId: string;
}

/** A fresh session of the person (created if need be), and its cookie. */
export async function signIn(db: Kysely<Database>, person: Person): Promise<SignedIn> {
  const existing = await db
    .selectFrom('people')
    .select('id')
    .where(sql<string>`lower(email)`, '=', person.email.toLowerCase())
    .executeTakeFirst();
  const personId =
    existing?.id ??
    (
      await db
        .insertInto('people')
        .values({ email: person.email, display_name: `Test ${person.email.split('@')[0]}`, region_admin: person.regionAdmin ?? false })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (existing && person.regionAdmin !== undefined) {
    await db.updateTable('people').set({ region_admin: person.regionAdmin }).where('id', '=', personId).execute();
  }
  if (person.organizationId !== undefined && person.role !== undefined) {
    await db
      .insertInto('memberships')
      .values({ organization_id: person.organizationId, person_id: personId, role: person.role })
      .onConflict((conflict) => conflict.columns(['organization_id', 'person_id']).doUpdateSet({ role: person.role! }))
      .execute();
  }
  const token = randomBytes(32).toString('base64url');
  const session = await db
    .insertInto('sessions')
    .values({
      hash: sha256(token),
      person_id: personId,
      signed_in_with: 'email-link',
      expires_at: sql<Date>`now() + make_interval(secs => ${SESSION_LIFETIME_SECONDS})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cookie: `${SESSION_COOKIE}=${token}`, personId, sessionId: session.id };
}

/** `signIn`, when only the cookie header is needed. */
export async function signedInAs(db: Kysely<Database>, person: Person): Promise<string> {
  return (await signIn(db, person)).cookie;
}

/**
 * Headers of a request the Hub's own pages make with the session: the cookie, and the `Origin`
 * a browser adds to every request that is not a GET (the Hub refuses changes from other origins).
 */
export function sessionHeaders(baseUrl: string, cookie: string): Record<string, string> {
  return { cookie, origin: baseUrl };
}

/** The newest 100 entries of an organization's audit log, as an owner (`cookie`) reads them. */
export async function auditLogOf(baseUrl: string, organizationId: string, cookie: string) {
  const response = await fetch(`${baseUrl}/organizations/${organizationId}/audit-log?limit=100`, {
    headers: sessionHeaders(baseUrl, cookie),
  });
  return (await expectDocumented(response, 'listOrganizationAuditLog')).items;
}

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import type { components } from '@smart-region/sdk';
import { purgeEndedSignIns } from '../src/accounts/sign-in-cleanup.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { expectProblem } from './support/problems.js';
import { eventually } from './support/mail.js';
import { createPerson, createSession, fromHubPages, loggedMails, PUBLIC_URL, requestLink, signIn, tokenIn } from './support/sessions.js';

type Me = components['schemas']['Me'];
type SessionList = components['schemas']['SessionList'];

describe('sessions', () => {
  let hub: TestHub;
  const logs = captureLogs();
  let organizationId: string;

  before(async () => {
    hub = await startTestHub({ logger: logs.logger, publicUrl: PUBLIC_URL, signIn: { cleanupIntervalMs: 0 } });
    ({ id: organizationId } = await hub.database.db.selectFrom('organizations').select('id').orderBy('name').executeTakeFirstOrThrow());
  });
  after(() => hub.close());

  const db = () => hub.database.db;
  const get = (path: string, cookie: string) => fetch(`${hub.baseUrl}${path}`, { headers: { cookie } });
  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    fetch(`${hub.baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? { headers: { origin: hub.baseUrl, cookie } }
        : { headers: { ...fromHubPages(hub), cookie }, body: JSON.stringify(body) }),
    });
  const sessionIdOf = async (cookie: string) => ((await (await get('/me', cookie)).json()) as Me).session.id;

  let counter = 0;
  async function newPerson(): Promise<{ email: string; personId: string }> {
    counter += 1;
    const email = `person-${counter}@sessions.example`;
    return { email, personId: await createPerson(db(), email, `Person ${counter}`) };
  }

  /** A person signed in through the real flow, and their session's id. */
  async function newSession(): Promise<{ cookie: string; id: string }> {
    const cookie = await signIn(hub, logs.lines, (await newPerson()).email);
    return { cookie, id: await sessionIdOf(cookie) };
  }
  const setSession = (id: string, values: { last_seen_at?: RawBuilder<Date>; expires_at?: RawBuilder<Date> }) =>
    db().updateTable('sessions').set(values).where('id', '=', id).execute();

  test('the cookie: __Host-, a random value stored only hashed, HttpOnly, Secure, SameSite=Strict, path /, 30 days', async () => {
    const { email } = await newPerson();
    assert.equal((await requestLink(hub, email)).status, 202);
    await eventually('the sign-in mail', () => loggedMails(logs.lines(), email).length > 0);
    const response = await createSession(hub, tokenIn(loggedMails(logs.lines(), email)[0]!.text));
    assert.equal(response.status, 201);
    const [header, ...others] = response.headers.getSetCookie();
    assert.deepEqual(others, []);
    const value = /^__Host-sr_session=([^;]*); /.exec(header!)?.[1];
    assert.match(value!, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.equal(header, `__Host-sr_session=${value}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Strict`);
    const stored = await db().selectFrom('sessions').select('hash').where('hash', '=', value!).executeTakeFirst();
    assert.equal(stored, undefined, 'only a hash of the value is stored');
    const me = (await response.json()) as Me;
    assert.ok(new Date(me.session.expiresAt).getTime() > Date.now() + 29 * 86_400_000);

    const signOut = await send('DELETE', '/sessions/current', `__Host-sr_session=${value}`);
    assert.equal(signOut.status, 204);
    assert.deepEqual(signOut.headers.getSetCookie(), ['__Host-sr_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict']);
  });

  test('getMe: the person, their organizations with roles, the session', async () => {
    const { email, personId } = await newPerson();
    await db().insertInto('memberships').values({ organization_id: organizationId, person_id: personId, role: 'editor' }).execute();
    const cookie = await signIn(hub, logs.lines, email);
    const response = await get('/me', cookie);
    assert.equal(response.status, 200);
    const me = (await response.json()) as Me;
    assert.deepEqual(me.person, { id: personId, email, displayName: `Person ${counter}` });
    assert.equal(me.regionAdmin, false);
    assert.deepEqual(
      me.memberships.map((membership) => [membership.organization.id, membership.role]),
      [[organizationId, 'editor']],
    );
    assert.equal(me.memberships[0]!.organization.status, 'approved');
    assert.equal(response.headers.getSetCookie().length, 0);
  });

  test('updateMe changes the display name', async () => {
    const { email } = await newPerson();
    const cookie = await signIn(hub, logs.lines, email);
    const response = await send('PATCH', '/me', cookie, { displayName: '  Erika Muster ' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Me).person.displayName, 'Erika Muster');
    assert.equal(response.headers.getSetCookie().length, 0);
  });

  test('roles are read on every request: a removed member loses the rights with the next request', async () => {
    const { email, personId } = await newPerson();
    await db().insertInto('memberships').values({ organization_id: organizationId, person_id: personId, role: 'owner' }).execute();
    const cookie = await signIn(hub, logs.lines, email);
    // Authorization runs before validation: an owner gets the body's validation error, others a 403.
    const invalidPatch = { name: 42 };
    assert.equal((await send('PATCH', `/organizations/${organizationId}`, cookie, invalidPatch)).status, 422);
    await db().deleteFrom('memberships').where('person_id', '=', personId).execute();
    await expectProblem(await send('PATCH', `/organizations/${organizationId}`, cookie, invalidPatch), 403, 'forbidden');
  });

  test('rotation: signing in with a session cookie ends that session', async () => {
    const { email } = await newPerson();
    const first = await signIn(hub, logs.lines, email);
    const second = await signIn(hub, logs.lines, email, { cookie: first });
    assert.notEqual(first, second);
    await expectProblem(await get('/me', first), 401, 'unauthorized');
    assert.equal((await get('/me', second)).status, 200);
  });

  test('a session ends after 8 hours without use', async () => {
    const { cookie, id } = await newSession();
    await setSession(id, { last_seen_at: sql<Date>`now() - interval '7 hours 59 minutes'` });
    assert.equal((await get('/me', cookie)).status, 200, 'still within 8 hours');
    await setSession(id, { last_seen_at: sql<Date>`now() - interval '8 hours 1 minute'` });
    await expectProblem(await get('/me', cookie), 401, 'unauthorized');
  });

  test('a session ends 30 days after sign-in however often it is used', async () => {
    const { cookie, id } = await newSession();
    await setSession(id, { expires_at: sql<Date>`now() - interval '1 second'` });
    await expectProblem(await get('/me', cookie), 401, 'unauthorized');
  });

  test('last use is written at most once a minute', async () => {
    const { cookie, id } = await newSession();
    const lastSeen = async () =>
      (await db().selectFrom('sessions').select('last_seen_at').where('id', '=', id).executeTakeFirstOrThrow()).last_seen_at;
    await setSession(id, { last_seen_at: sql<Date>`now() - interval '30 seconds'` });
    const recent = await lastSeen();
    await get('/me', cookie);
    assert.deepEqual(await lastSeen(), recent, 'not written again within the minute');
    await setSession(id, { last_seen_at: sql<Date>`now() - interval '2 minutes'` });
    const old = await lastSeen();
    await get('/me', cookie);
    assert.ok((await lastSeen()).getTime() > old.getTime() + 60_000);
  });

  test('listMySessions: the live sessions, newest first, this one marked', async () => {
    const { email, personId } = await newPerson();
    const first = await signIn(hub, logs.lines, email, { 'user-agent': `Browser/1 ${'x'.repeat(300)}` });
    const second = await signIn(hub, logs.lines, email);
    const ended = await signIn(hub, logs.lines, email);
    await setSession(await sessionIdOf(ended), { expires_at: sql<Date>`now()` });
    const response = await get('/me/sessions', second);
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as SessionList;
    assert.deepEqual(
      items.map((item) => item.current),
      [true, false],
    );
    assert.equal(items[0]!.id, await sessionIdOf(second));
    assert.equal(items[1]!.id, await sessionIdOf(first));
    assert.equal(items[1]!.userAgent!.length, 200);
    assert.ok(items[1]!.userAgent!.startsWith('Browser/1 '));
    assert.equal(items[0]!.signedInWith, 'email-link');
    const stored = await db().selectFrom('sessions').select('id').where('person_id', '=', personId).execute();
    assert.equal(stored.length, 3);
  });

  test("ending one session stops it at once; another person's session is not found", async () => {
    const { email } = await newPerson();
    const laptop = await signIn(hub, logs.lines, email);
    const phone = await signIn(hub, logs.lines, email);
    const other = await signIn(hub, logs.lines, (await newPerson()).email);
    await expectProblem(await send('DELETE', `/me/sessions/${await sessionIdOf(other)}`, laptop), 404, 'not-found');
    assert.equal((await get('/me', other)).status, 200);

    const response = await send('DELETE', `/me/sessions/${await sessionIdOf(phone)}`, laptop);
    assert.equal(response.status, 204);
    assert.deepEqual(response.headers.getSetCookie(), [], 'the cookie of this browser stays');
    await expectProblem(await get('/me', phone), 401, 'unauthorized');
    assert.equal((await get('/me', laptop)).status, 200);
  });

  test('signing out everywhere ends every session of the person, this one included, and clears the cookie', async () => {
    const { email } = await newPerson();
    const laptop = await signIn(hub, logs.lines, email);
    const phone = await signIn(hub, logs.lines, email);
    const other = await signIn(hub, logs.lines, (await newPerson()).email);
    const response = await send('DELETE', '/me/sessions', laptop);
    assert.equal(response.status, 204);
    assert.deepEqual(response.headers.getSetCookie(), ['__Host-sr_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict']);
    await expectProblem(await get('/me', laptop), 401, 'unauthorized');
    await expectProblem(await get('/me', phone), 401, 'unauthorized');
    assert.equal((await get('/me', other)).status, 200);
  });

  test('signing out ends the session and clears the cookie', async () => {
    const cookie = await signIn(hub, logs.lines, (await newPerson()).email);
    assert.equal((await send('DELETE', '/sessions/current', cookie)).status, 204);
    await expectProblem(await get('/me', cookie), 401, 'unauthorized');
    await expectProblem(await send('DELETE', '/sessions/current', cookie), 401, 'unauthorized');
  });

  test("a well-formed cookie this Hub never issued (another Hub's) is not a session", async () => {
    await expectProblem(await get('/me', `__Host-sr_session=${randomBytes(32).toString('base64url')}`), 401, 'unauthorized');
    await expectProblem(await get('/me', '__Host-sr_session='), 401, 'unauthorized');
    await expectProblem(await get('/me', 'other=1'), 401, 'unauthorized');
  });

  test('a changing request with the session from another site is refused', async () => {
    const cookie = await signIn(hub, logs.lines, (await newPerson()).email);
    const response = await fetch(`${hub.baseUrl}/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie },
      body: JSON.stringify({ displayName: 'Mallory' }),
    });
    await expectProblem(response, 403, 'cross-site-request');
  });

  test('widget operations neither read the session cookie nor set one', async () => {
    const { cookie, id } = await newSession();
    await setSession(id, { last_seen_at: sql<Date>`now() - interval '10 minutes'` });
    const { last_seen_at: before } = await db()
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const { id: pollId } = await db().selectFrom('polls').select('id').executeTakeFirstOrThrow();
    const answers = [
      await get('/events?from=2026-01-01&to=2026-12-31', cookie),
      await get('/organizations', cookie),
      await fetch(`${hub.baseUrl}/polls/${pollId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      }),
    ];
    for (const answer of answers) {
      assert.deepEqual(answer.headers.getSetCookie(), [], `${answer.url} sets no cookie`);
      await answer.arrayBuffer();
    }
    const { last_seen_at: after } = await db().selectFrom('sessions').select('last_seen_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(after, before, 'the session was not looked up');
  });

  test('only signing in sets the cookie: the account answers do not', async () => {
    const cookie = await signIn(hub, logs.lines, (await newPerson()).email);
    const answers = [
      await get('/me', cookie),
      await get('/me/sessions', cookie),
      await send('PATCH', '/me', cookie, { displayName: 'Still me' }),
      await fetch(`${hub.baseUrl}/sign-in-options`, { headers: { cookie } }),
      await fetch(`${hub.baseUrl}/sign-in-links`, {
        method: 'POST',
        headers: { ...fromHubPages(hub), cookie },
        body: JSON.stringify({ email: 'x@sessions.example' }),
      }),
      await get('/health', cookie),
      await get('/manage/', cookie),
    ];
    for (const answer of answers) {
      assert.deepEqual(answer.headers.getSetCookie(), [], `${answer.url} sets no cookie`);
      await answer.arrayBuffer();
    }
  });

  test('the cleanup deletes ended sessions, expired links and old requests, and keeps the rest', async () => {
    const { email, personId } = await newPerson();
    const live = await signIn(hub, logs.lines, email);
    const revoked = await signIn(hub, logs.lines, email);
    const idle = await signIn(hub, logs.lines, email);
    await send('DELETE', '/sessions/current', revoked);
    await setSession(await sessionIdOf(idle), { last_seen_at: sql<Date>`now() - interval '9 hours'` });
    await db()
      .updateTable('sign_in_links')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('person_id', '=', personId)
      .execute();
    await sql`UPDATE sign_in_requests SET requested_at = now() - interval '16 minutes'`.execute(db());
    const counts = await purgeEndedSignIns(db());
    assert.ok(counts.sessions >= 2 && counts.links >= 3 && counts.requests >= 3, JSON.stringify(counts));
    const sessions = await db().selectFrom('sessions').select('id').where('person_id', '=', personId).execute();
    assert.deepEqual(
      sessions.map((session) => session.id),
      [await sessionIdOf(live)],
    );
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { components } from '@smart-region/sdk';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { startMailedHub, type MailedHub } from './support/mailed-hub.js';
import { expectProblem } from './support/problems.js';
import { createPerson, createSession, fromHubPages, requestLink, tokenIn } from './support/sessions.js';

type Me = components['schemas']['Me'];
type SignInOptions = components['schemas']['SignInOptions'];

describe('sign-in by e-mail link, with a mail server', () => {
  let mailed: MailedHub;
  let hub: TestHub;
  const logs = captureLogs();

  before(async () => {
    mailed = await startMailedHub({ logger: logs.logger, signIn: { cleanupIntervalMs: 0 } });
    hub = mailed.hub;
  });
  after(() => mailed.close());

  const db = () => hub.database.db;
  let counter = 0;
  async function knownAddress(): Promise<{ email: string; personId: string }> {
    counter += 1;
    const email = `known-${counter}@sign-in.example`;
    return { email, personId: await createPerson(db(), email) };
  }
  const unknownAddress = () => `unknown-${(counter += 1)}@sign-in.example`;

  /** Asks for a link for `email` and returns the token of the mail it brings. */
  async function mailedToken(email: string): Promise<string> {
    assert.equal((await requestLink(hub, email)).status, 202);
    return tokenIn((await mailed.nextMailTo(email)).text);
  }

  test('the sign-in options say mails go out by e-mail', async () => {
    const response = await fetch(`${hub.baseUrl}/sign-in-options`);
    assert.equal(response.status, 200);
    assert.deepEqual((await response.json()) as SignInOptions, { emailDelivery: 'email', oidc: null });
  });

  test('known and unknown addresses get the same answer and one mail each; the log and audit log name neither', async () => {
    const { email: known } = await knownAddress();
    const unknown = unknownAddress();
    const auditRows = async () =>
      (
        await db()
          .selectFrom('audit_log')
          .select(sql<number>`count(*)::int`.as('count'))
          .executeTakeFirstOrThrow()
      ).count;
    const auditBefore = await auditRows();

    const answers = [await requestLink(hub, known), await requestLink(hub, unknown)];
    const [knownAnswer, unknownAnswer] = await Promise.all(
      answers.map(async (response) => ({
        status: response.status,
        type: response.headers.get('content-type'),
        cookies: response.headers.getSetCookie(),
        body: await response.text(),
      })),
    );
    assert.deepEqual(knownAnswer, unknownAnswer);
    assert.deepEqual(knownAnswer, { status: 202, type: 'application/json; charset=utf-8', cookies: [], body: '{"expiresInMinutes":15}' });

    const linkMail = await mailed.nextMailTo(known);
    const registerMail = await mailed.nextMailTo(unknown);
    assert.equal(mailed.smtp.mails.filter((mail) => mail.to.includes(known) || mail.to.includes(unknown)).length, 2);
    assert.match(linkMail.text, new RegExp(`${mailed.publicUrl}/manage/sign-in\\?token=[A-Za-z0-9_-]{43}\\s`));
    assert.match(registerMail.text, new RegExp(`${mailed.publicUrl}/manage/register\\s`));
    assert.doesNotMatch(registerMail.text, /token=/);

    assert.doesNotMatch(logs.text(), /sign-in\.example/i, 'no address in the log');
    assert.equal(await auditRows(), auditBefore, 'asking for a link is not audited (it would name the address)');
  });

  test('a link signs in once: a session, the person, an audit entry of the sign-in', async () => {
    const { email, personId } = await knownAddress();
    const token = await mailedToken(email);
    const response = await createSession(hub, token);
    assert.equal(response.status, 201);
    const me = (await response.json()) as Me;
    assert.equal(me.person.id, personId);
    assert.equal(me.person.email, email);
    assert.equal(response.headers.getSetCookie().length, 1);
    const entry = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'createSession')
      .where('actor_id', '=', personId)
      .executeTakeFirst();
    assert.deepEqual([entry?.actor_kind, entry?.resource_type, entry?.resource_id], ['person', 'session', me.session.id]);

    const again = await createSession(hub, token);
    await expectProblem(again, 400, 'invalid-sign-in-link');
    assert.deepEqual(again.headers.getSetCookie(), []);
  });

  test('an expired link does not sign in', async () => {
    const { email, personId } = await knownAddress();
    const token = await mailedToken(email);
    await db()
      .updateTable('sign_in_links')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('person_id', '=', personId)
      .execute();
    await expectProblem(await createSession(hub, token), 400, 'invalid-sign-in-link');
  });

  test('a forged token does not sign in', async () => {
    await expectProblem(await createSession(hub, randomBytes(32).toString('base64url')), 400, 'invalid-sign-in-link');
  });

  test('the link points to PUBLIC_URL whatever Host the request claims', async () => {
    const { email } = await knownAddress();
    const response = await hub.app.inject({
      method: 'POST',
      url: '/sign-in-links',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'content-type': 'application/json' },
      payload: { email },
    });
    assert.equal(response.statusCode, 202);
    const mail = await mailed.nextMailTo(email);
    assert.doesNotMatch(mail.text, /evil/);
    assert.match(mail.text, new RegExp(`^${mailed.publicUrl}/manage/sign-in\\?token=`, 'm'));
  });

  test('more than 5 links for one address in 15 minutes: 429 with Retry-After, for known and unknown addresses alike', async () => {
    const { email: known } = await knownAddress();
    for (const email of [known, unknownAddress()]) {
      for (let i = 0; i < 5; i += 1) assert.equal((await requestLink(hub, i % 2 ? email.toUpperCase() : email)).status, 202);
      const refused = await requestLink(hub, email);
      await expectProblem(refused, 429, 'rate-limited');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 900, `Retry-After ${retryAfter}`);
      for (let i = 0; i < 5; i += 1) await mailed.nextMailTo(email);
    }
    // The window moves on: once the requests are older than 15 minutes, links come again.
    await sql`UPDATE sign_in_requests SET requested_at = now() - interval '15 minutes 1 second'`.execute(db());
    assert.equal((await requestLink(hub, known)).status, 202);
    await mailed.nextMailTo(known);
    const sent = mailed.smtp.mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === known)).length;
    assert.equal(sent, 6, 'no mail for a refused request');
  });

  test("signing in must come from the Hub's own pages (login CSRF), and the link stays usable when refused", async () => {
    const { email } = await knownAddress();
    const token = await mailedToken(email);
    await expectProblem(await createSession(hub, token, { origin: 'https://evil.example' }), 403, 'cross-site-request');
    const noOrigin = await fetch(`${hub.baseUrl}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    await expectProblem(noOrigin, 403, 'cross-site-request');
    const sameSite = await fetch(`${hub.baseUrl}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ token }),
    });
    assert.equal(sameSite.status, 201);
  });

  test('over plain http a session starts only on a loopback host; the link stays usable when refused', async () => {
    const { email } = await knownAddress();
    const token = await mailedToken(email);
    const overHttp = (host: string, extra: Record<string, string> = {}) =>
      hub.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json', ...extra },
        payload: { token },
      });
    for (const answer of [await overHttp('hub.example.org'), await overHttp('hub.example.org', { 'x-forwarded-proto': 'https' })]) {
      assert.equal(answer.statusCode, 403);
      assert.equal(answer.json<{ type: string }>().type, '/problems/https-required');
      assert.equal(answer.headers['set-cookie'], undefined);
    }
    const onLoopback = await overHttp('localhost:8080');
    assert.equal(onLoopback.statusCode, 201);
    assert.match(String(onLoopback.headers['set-cookie']), /^__Host-sr_session=/);
  });
});

describe('sign-in without a mail server', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ rateLimit: { max: 1000, timeWindowMs: 60_000 }, signIn: { cleanupIntervalMs: 0 } });
  });
  after(() => hub.close());

  test('the sign-in options say links are written to the log', async () => {
    const response = await fetch(`${hub.baseUrl}/sign-in-options`);
    assert.deepEqual((await response.json()) as SignInOptions, { emailDelivery: 'log', oidc: null });
  });

  test('one client gets at most 20 links in 15 minutes, whatever the addresses', async () => {
    for (let i = 0; i < 20; i += 1) {
      assert.equal((await requestLink(hub, `client-${i}@sign-in.example`)).status, 202);
    }
    const refused = await requestLink(hub, 'client-20@sign-in.example');
    await expectProblem(refused, 429, 'rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 60, 'the window is 15 minutes');
    // Other operations keep the Hub's general limit.
    assert.equal((await fetch(`${hub.baseUrl}/sign-in-options`, { headers: fromHubPages(hub) })).status, 200);
  });
});

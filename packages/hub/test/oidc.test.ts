import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import Provider, { type Account } from 'oidc-provider';
import { readConfig } from '../src/config.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { freePort } from './support/ports.js';

/** People at the municipality's identity provider: login name → what the provider says about them. */
const providerAccounts: Record<string, { email: string; email_verified: boolean }> = {
  // On the Hub as "Kaemmerei@Wuerzburg.example": addresses match regardless of case.
  kaemmerei: { email: 'kaemmerei@wuerzburg.example', email_verified: true },
  // On the Hub too, but the provider does not vouch for the address.
  bauamt: { email: 'bauamt@wuerzburg.example', email_verified: false },
  // Not on the Hub: nobody invited this address.
  fremd: { email: 'fremd@wuerzburg.example', email_verified: true },
};

const clientId = 'smart-region-hub';
const clientSecret = 'a-client-secret-of-the-hub-at-the-provider';

/**
 * A real OpenID provider (oidc-provider) with its development login pages: any password, the
 * login name picks the account. Consent is granted in advance, as a municipality's own
 * provider does for its own applications.
 */
async function startIdentityProvider(port: number, redirectUri: string): Promise<{ issuer: string; close(): Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub): Account | undefined => {
      const account = providerAccounts[sub];
      return account && { accountId: sub, claims: () => ({ sub, ...account }) };
    },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['cookie-key-of-the-test-provider'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const server: Server = provider.listen(port);
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser that keeps cookies per origin and follows no redirect by itself, so each step can be looked at. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (/;\s*max-age=0\b/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    this.jar(origin).set(name, value);
  }

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map<string, string>()));
    return jar;
  }
}

function location(response: Response, base: string): URL {
  assert.equal(response.status, 303, `a redirect, not ${response.status}`);
  return new URL(response.headers.get('location')!, base);
}

describe("sign-in with the municipality's identity provider (OpenID Connect)", () => {
  let hub: TestHub;
  let providerPort: number;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>> | undefined;

  before(async () => {
    providerPort = await freePort();
    hub = await startTestHub({
      oidc: { issuer: `http://127.0.0.1:${providerPort}`, clientId, clientSecret, label: 'Mit dem Konto der Stadt Würzburg anmelden' },
    });
    await hub.database.db
      .insertInto('people')
      .values([
        { email: 'Kaemmerei@Wuerzburg.example', display_name: 'Kämmerei Würzburg' },
        { email: 'bauamt@wuerzburg.example', display_name: 'Bauamt Würzburg' },
      ])
      .execute();
  });
  after(async () => {
    await idp?.close();
    await hub.close();
  });

  /** From the Hub's sign-in button through the provider's login page, up to (not into) the Hub's callback. */
  async function signInAtProvider(browser: Browser, login: string): Promise<URL> {
    const authorization = location(await browser.request(`${hub.baseUrl}/auth/oidc/start`), hub.baseUrl);
    assert.equal(authorization.origin, idp!.issuer);
    const loginPage = location(await browser.request(authorization), idp!.issuer);
    const resume = location(
      await browser.request(loginPage, { method: 'POST', form: { prompt: 'login', login, password: 'any' } }),
      idp!.issuer,
    );
    const callback = location(await browser.request(resume), idp!.issuer);
    assert.equal(callback.origin + callback.pathname, `${hub.baseUrl}/auth/oidc/callback`);
    return callback;
  }

  test("the sign-in page offers the provider's button", async () => {
    const options = (await (await fetch(`${hub.baseUrl}/sign-in-options`)).json()) as Schema<'SignInOptions'>;
    assert.deepEqual(options.oidc, { label: 'Mit dem Konto der Stadt Würzburg anmelden', startUrl: '/auth/oidc/start' });
  });

  test('while the provider is down, the button leads back to the sign-in page with a readable error; the Hub asks again later', async () => {
    const browser = new Browser();
    const start = await browser.request(`${hub.baseUrl}/auth/oidc/start`);
    assert.equal(location(start, hub.baseUrl).href, `${hub.baseUrl}/manage/sign-in?error=oidc-unavailable`);
    assert.equal(browser.cookie(hub.baseUrl, '__Host-sr_oidc'), undefined, 'nothing is remembered for an attempt that never left');

    idp = await startIdentityProvider(providerPort, `${hub.baseUrl}/auth/oidc/callback`);
    const again = location(await new Browser().request(`${hub.baseUrl}/auth/oidc/start`), hub.baseUrl);
    assert.equal(again.origin, idp.issuer, 'the discovery is tried again, not the failure remembered');
  });

  test('the start sends the browser off with PKCE, state and nonce, remembered in a short-lived cookie of the Hub', async () => {
    const browser = new Browser();
    const start = await browser.request(`${hub.baseUrl}/auth/oidc/start`);
    const authorization = location(start, hub.baseUrl);
    const params = authorization.searchParams;
    assert.equal(params.get('client_id'), clientId);
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('redirect_uri'), `${hub.baseUrl}/auth/oidc/callback`);
    assert.deepEqual(params.get('scope')?.split(' ').sort(), ['email', 'openid', 'profile']);
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.match(params.get('state') ?? '', /^[\w-]{20,}$/);
    assert.match(params.get('nonce') ?? '', /^[\w-]{20,}$/);

    const [cookie = ''] = start.headers.getSetCookie();
    assert.match(cookie, /^__Host-sr_oidc=/);
    for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax', 'Max-Age=600']) {
      assert.ok(
        cookie.split(/;\s*/).some((part) => part.toLowerCase() === attribute.toLowerCase()),
        `${attribute} in ${cookie}`,
      );
    }
  });

  test('a person on the Hub signs in with a verified address: a session that GET /me accepts, an entry in the audit log', async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, 'kaemmerei');
    const landing = await browser.request(callback);
    assert.equal(location(landing, hub.baseUrl).href, `${hub.baseUrl}/manage/`);
    assert.equal(browser.cookie(hub.baseUrl, '__Host-sr_oidc'), undefined, "the attempt's cookie is spent");
    const cookie = browser.cookie(hub.baseUrl, '__Host-sr_session');
    assert.ok(cookie, 'a session cookie');

    const db = hub.database.db;
    const person = await db.selectFrom('people').select('id').where('email', '=', 'Kaemmerei@Wuerzburg.example').executeTakeFirstOrThrow();
    const sessions = await db.selectFrom('sessions').select(['id', 'signed_in_with']).where('person_id', '=', person.id).execute();
    assert.deepEqual(
      sessions.map((session) => session.signed_in_with),
      ['oidc'],
    );
    const audit = await db.selectFrom('audit_log').selectAll().where('actor_id', '=', person.id).execute();
    assert.deepEqual(
      audit.map((entry) => [entry.actor_kind, entry.action, entry.resource_type, entry.resource_id, entry.organization_id]),
      [['person', 'createSession', 'session', sessions[0]!.id, null]],
    );

    const me = await fetch(`${hub.baseUrl}/me`, { headers: { cookie: `__Host-sr_session=${cookie}` } });
    assert.equal(me.status, 200);
    const body = (await me.json()) as Schema<'Me'>;
    assert.equal(body.person.email, 'Kaemmerei@Wuerzburg.example');
    assert.equal(body.session.id, sessions[0]!.id);
  });

  test('the callback opened a second time does not sign in again', async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, 'kaemmerei');
    assert.equal(location(await browser.request(callback), hub.baseUrl).pathname, '/manage/');
    const replay = await browser.request(callback);
    assert.equal(location(replay, hub.baseUrl).href, `${hub.baseUrl}/manage/sign-in?error=oidc-state`);
  });

  test('an address the provider does not vouch for is refused', async () => {
    const browser = new Browser();
    const answer = await browser.request(await signInAtProvider(browser, 'bauamt'));
    assert.equal(location(answer, hub.baseUrl).href, `${hub.baseUrl}/manage/sign-in?error=email-unverified`);
    assert.equal(browser.cookie(hub.baseUrl, '__Host-sr_session'), undefined);
  });

  test('a verified address of nobody on the Hub is refused, and no account is made', async () => {
    const browser = new Browser();
    const answer = await browser.request(await signInAtProvider(browser, 'fremd'));
    assert.equal(location(answer, hub.baseUrl).href, `${hub.baseUrl}/manage/sign-in?error=no-account`);
    assert.equal(browser.cookie(hub.baseUrl, '__Host-sr_session'), undefined);
    const people = await hub.database.db.selectFrom('people').select('id').where('email', 'ilike', 'fremd@%').execute();
    assert.deepEqual(people, []);
  });

  test('a tampered state, a forged cookie or a callback in another browser is refused', async () => {
    const tampered = new Browser();
    const callback = await signInAtProvider(tampered, 'kaemmerei');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    assert.equal(location(await tampered.request(callback), hub.baseUrl).search, '?error=oidc-state');

    const forged = new Browser();
    const forgedCallback = await signInAtProvider(forged, 'kaemmerei');
    const [payload] = forged.cookie(hub.baseUrl, '__Host-sr_oidc')!.split('.');
    forged.setCookie(hub.baseUrl, '__Host-sr_oidc', `${payload}.${Buffer.alloc(32).toString('base64url')}`);
    assert.equal(location(await forged.request(forgedCallback), hub.baseUrl).search, '?error=oidc-state');

    const victim = new Browser();
    const elsewhere = await signInAtProvider(new Browser(), 'kaemmerei');
    const answer = await victim.request(elsewhere);
    assert.equal(location(answer, hub.baseUrl).search, '?error=oidc-state');
    assert.equal(victim.cookie(hub.baseUrl, '__Host-sr_session'), undefined, "nobody is signed in by a link from someone else's attempt");
  });

  test('a person who cancels at the provider comes back to the sign-in page', async () => {
    const browser = new Browser();
    const authorization = location(await browser.request(`${hub.baseUrl}/auth/oidc/start`), hub.baseUrl);
    const loginPage = location(await browser.request(authorization), idp!.issuer);
    const resume = location(await browser.request(`${loginPage.href}/abort`), idp!.issuer);
    const callback = location(await browser.request(resume), idp!.issuer);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(location(await browser.request(callback), hub.baseUrl).search, '?error=oidc-denied');
  });

  // Last: the provider stays down.
  test('a provider that goes down before the code is exchanged: a readable error, not a 500', async () => {
    const browser = new Browser();
    const callback = await signInAtProvider(browser, 'kaemmerei');
    await idp!.close();
    idp = undefined;
    const answer = await browser.request(callback);
    assert.equal(location(answer, hub.baseUrl).search, '?error=oidc-unavailable');
    assert.equal(browser.cookie(hub.baseUrl, '__Host-sr_session'), undefined);
  });
});

describe('a Hub without an identity provider', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(async () => {
    await hub.close();
  });

  test('offers no button and has no OpenID Connect routes', async () => {
    const options = (await (await fetch(`${hub.baseUrl}/sign-in-options`)).json()) as Schema<'SignInOptions'>;
    assert.equal(options.oidc, null);
    assert.equal((await fetch(`${hub.baseUrl}/auth/oidc/start`, { redirect: 'manual' })).status, 404);
    assert.equal((await fetch(`${hub.baseUrl}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status, 404);
  });
});

describe('the OIDC_* settings', () => {
  const client = { OIDC_CLIENT_ID: 'hub', OIDC_CLIENT_SECRET: 'secret' };

  test('off without OIDC_ISSUER; with it, the button has a German default text', () => {
    assert.equal(readConfig({}).oidc, undefined);
    assert.deepEqual(readConfig({ OIDC_ISSUER: 'https://login.wuerzburg.example/realms/verwaltung', ...client }).oidc, {
      issuer: 'https://login.wuerzburg.example/realms/verwaltung',
      clientId: 'hub',
      clientSecret: 'secret',
      label: 'Mit dem Konto der Kommune anmelden',
    });
    assert.equal(
      readConfig({ OIDC_ISSUER: 'http://localhost:8081', OIDC_LABEL: 'Landkreis-Konto', ...client }).oidc?.label,
      'Landkreis-Konto',
    );
  });

  test('refuses a provider over plain http elsewhere than on this machine, and an issuer without its client', () => {
    assert.throws(() => readConfig({ OIDC_ISSUER: 'http://login.wuerzburg.example', ...client }), /OIDC_ISSUER must be .* https/);
    assert.throws(() => readConfig({ OIDC_ISSUER: 'login.wuerzburg.example', ...client }), /OIDC_ISSUER/);
    assert.throws(() => readConfig({ OIDC_ISSUER: 'https://login.wuerzburg.example', OIDC_CLIENT_ID: 'hub' }), /OIDC_CLIENT_SECRET/);
  });
});

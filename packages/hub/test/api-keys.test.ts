import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { pinClock } from '../src/clock.js';
import { fromNow, pinTestClock } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { sessionHeaders } from './support/accounts.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { signInOrganizationPeople, type OrganizationPeople } from './support/organization-people.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

describe('API keys managed on the Hub’s pages', () => {
  let hub: TestHub;
  let people: OrganizationPeople;

  before(async () => {
    hub = await startTestHub({ audit: { purgeIntervalMs: 0 } });
    people = await signInOrganizationPeople(hub);
  });
  after(() => hub.close());

  const keysOf = (organization: string) => `${hub.baseUrl}/organizations/${organization}/api-keys`;
  const list = (organization: string, cookie = people.clubOwner.cookie) =>
    fetch(keysOf(organization), { headers: sessionHeaders(hub.baseUrl, cookie) });
  const create = (organization: string, body: unknown, cookie = people.clubOwner.cookie) =>
    fetch(keysOf(organization), {
      method: 'POST',
      headers: { ...sessionHeaders(hub.baseUrl, cookie), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const revoke = (organization: string, keyId: string, cookie = people.clubOwner.cookie) =>
    fetch(`${keysOf(organization)}/${keyId}`, { method: 'DELETE', headers: sessionHeaders(hub.baseUrl, cookie) });
  const created = async (body: { label: string; scopes: string[]; expiresAt?: string }) =>
    expectDocumented(await create(people.club, body), 'createApiKey', 201);
  /** A write the key's organization:write scope allows: the club's description. */
  const useKey = (key: string, organization = people.club) =>
    fetch(`${hub.baseUrl}/organizations/${organization}`, {
      method: 'PATCH',
      headers: jsonWithKey(key),
      body: JSON.stringify({ description: 'Fußball, Turnen und Leichtathletik in Ochsenfurt.' }),
    });

  test('the key is in the creating answer only, with who made it; the list never shows it', async () => {
    const expiresAt = fromNow(90 * 86_400_000);
    const answer = await create(people.club, { label: 'Website des Vereins', scopes: ['events:write', 'organization:write'], expiresAt });
    assert.equal(answer.headers.get('cache-control'), 'no-store', 'no cache keeps the key');
    const key = await expectDocumented(answer, 'createApiKey', 201);
    assert.match(key.key, /^sr_/);
    assert.ok(key.key.startsWith(key.prefix));
    assert.equal(key.label, 'Website des Vereins');
    assert.deepEqual(key.scopes, ['events:write', 'organization:write']);
    assert.equal(key.createdBy, 'Test vorstand', 'the display name, never the address');
    assert.equal(key.expiresAt, new Date(expiresAt).toISOString());
    assert.equal(key.lastUsedAt, null);

    const response = await list(people.club);
    const text = await response.clone().text();
    const { items } = await expectDocumented(response, 'listApiKeys');
    const listed = items.find((item) => item.id === key.id);
    assert.ok(listed);
    assert.equal('key' in listed, false);
    assert.ok(!text.includes(key.key), 'the list never contains a key');
    assert.ok(!text.includes('@'), 'no e-mail address');
    const { key: _shownOnce, ...described } = key;
    assert.deepEqual(listed, described);
  });

  test('newest first; a key made with the CLI has no creator', async () => {
    const cli = await createApiKey(hub.database.db, { organizationId: people.club, scopes: ['events:write'], label: 'Import' });
    const { items } = await expectDocumented(await list(people.club), 'listApiKeys');
    assert.equal(items.find((item) => item.id === cli.id)?.createdBy, null);
    const times = items.map((item) => item.createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  test('its last use is recorded', async () => {
    const key = await created({ label: 'Zuletzt benutzt', scopes: ['organization:write'] });
    assert.equal((await useKey(key.key)).status, 200);
    const { items } = await expectDocumented(await list(people.club), 'listApiKeys');
    const used = items.find((item) => item.id === key.id);
    assert.ok(used?.lastUsedAt, 'lastUsedAt is set after the key was used');
    const first = used.lastUsedAt;
    assert.equal((await useKey(key.key)).status, 200);
    const again = (await expectDocumented(await list(people.club), 'listApiKeys')).items.find((item) => item.id === key.id);
    assert.equal(again?.lastUsedAt, first, 'written at most once a minute');
  });

  test('an expiry must lie in the future; a key past its expiry is refused with 401 "expired"', async () => {
    const past = await expectProblem(
      await create(people.club, { label: 'Zu spät', scopes: ['events:write'], expiresAt: fromNow(-60_000) }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      past.errors?.map((error) => error.pointer),
      ['/body/expiresAt'],
    );

    const key = await created({ label: 'Eine Stunde', scopes: ['organization:write'], expiresAt: fromNow(3_600_000) });
    assert.equal((await useKey(key.key)).status, 200);
    try {
      pinClock(fromNow(2 * 3_600_000));
      const expired = await expectProblem(await useKey(key.key), 401, 'unauthorized');
      assert.match(expired.detail ?? '', /expired/);
    } finally {
      pinTestClock();
    }
    const { items } = await expectDocumented(await list(people.club), 'listApiKeys');
    assert.ok(
      items.some((item) => item.id === key.id),
      'an expired key is still listed, to be seen and revoked',
    );
  });

  test('a revoked key stops working at once and leaves the list', async () => {
    const key = await created({ label: 'Widerrufen', scopes: ['organization:write'] });
    assert.equal((await useKey(key.key)).status, 200);
    assert.equal((await revoke(people.club, key.id)).status, 204);
    await expectProblem(await useKey(key.key), 401, 'unauthorized');
    const { items } = await expectDocumented(await list(people.club), 'listApiKeys');
    assert.ok(!items.some((item) => item.id === key.id));
    await expectProblem(await revoke(people.club, key.id), 404, 'not-found');
    await expectProblem(await revoke(people.club, '3f0b7a52-5c1e-4b7e-9a39-2d1f0c6e8a11'), 404, 'not-found');
  });

  test('a key with too few scopes is refused (403)', async () => {
    const key = await created({ label: 'Nur Termine', scopes: ['events:write'] });
    const refused = await expectProblem(await useKey(key.key), 403, 'forbidden');
    assert.match(refused.detail ?? '', /organization:write/);
  });

  test('the owner of another organization can neither list nor revoke the club’s keys', async () => {
    const key = await created({ label: 'Vereinsschlüssel', scopes: ['events:write'] });
    await expectProblem(await list(people.club, people.townOwner), 403, 'forbidden');
    await expectProblem(await create(people.club, { label: 'Fremd', scopes: ['events:write'] }, people.townOwner), 403, 'forbidden');
    await expectProblem(await revoke(people.club, key.id, people.townOwner), 403, 'forbidden');
    // Through their own organization, the club's key is not theirs: unknown.
    await expectProblem(await revoke(people.town, key.id, people.townOwner), 404, 'not-found');
    const { items } = await expectDocumented(await list(people.town, people.townOwner), 'listApiKeys');
    assert.ok(!items.some((item) => item.id === key.id));
    assert.ok(
      (await expectDocumented(await list(people.club), 'listApiKeys')).items.some((item) => item.id === key.id),
      'still there',
    );
  });

  test('an editor cannot manage keys (403)', async () => {
    await expectProblem(await list(people.club, people.clubEditor), 403, 'forbidden');
    await expectProblem(await create(people.club, { label: 'Redaktion', scopes: ['events:write'] }, people.clubEditor), 403, 'forbidden');
  });

  test('keys are managed with a session only: no API key, not even an admin one, lists, makes or revokes keys', async () => {
    const key = await created({ label: 'Kein Verwalter', scopes: ['organization:write'] });
    for (const bearer of [key.key, hub.adminToken]) {
      await expectProblem(await fetch(keysOf(people.club), { headers: jsonWithKey(bearer) }), 401, 'unauthorized');
      await expectProblem(
        await fetch(keysOf(people.club), {
          method: 'POST',
          headers: jsonWithKey(bearer),
          body: JSON.stringify({ label: 'x', scopes: ['events:write'] }),
        }),
        401,
        'unauthorized',
      );
      await expectProblem(
        await fetch(`${keysOf(people.club)}/${key.id}`, { method: 'DELETE', headers: jsonWithKey(bearer) }),
        401,
        'unauthorized',
      );
    }
  });

  test('scopes outside what a key may hold are refused by the contract', async () => {
    for (const scope of ['members:manage', 'api-keys:manage', 'audit-log:read', 'admin']) {
      const refused = await expectProblem(await create(people.club, { label: 'Zu viel', scopes: [scope] }), 422, 'validation-failed');
      assert.deepEqual(
        refused.errors?.map((error) => error.pointer),
        ['/body/scopes/0'],
      );
    }
  });
});

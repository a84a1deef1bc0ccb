import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

describe('organizations', () => {
  let hub: TestHub;
  const post = (body: unknown, key: string) =>
    fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  /** Creates an organization as the admin; the answer is checked against the contract. */
  const create = async (body: unknown) => expectDocumented(await post(body, hub.adminToken), 'createOrganization', 201);
  const patch = (id: string, body: unknown, key: string) =>
    fetch(`${hub.baseUrl}/organizations/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });

  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test("demo organizations are marked as example data, except the real crisis lines' operators", async () => {
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/organizations?limit=100`), 'listOrganizations');
    assert.ok(page.items.length >= 10);
    const real = page.items.filter((item) => !item.isExample).map((item) => item.name);
    assert.deepEqual(real.sort(), [
      'Bundesamt für Familie und zivilgesellschaftliche Aufgaben',
      'Krisendienste Bayern',
      'Nummer gegen Kummer e.V.',
      'TelefonSeelsorge Deutschland',
    ]);
  });

  test('an admin creates an organization; it is listed and can be fetched', async () => {
    const inZell = async () =>
      (await expectDocumented(await fetch(`${hub.baseUrl}/organizations?municipality=zell-a-main`), 'listOrganizations')).items.map(
        (item) => item.id,
      );
    const before = await inZell();
    const response = await post(
      { name: 'Musikverein Zell a.Main e.V.', kind: 'club', municipalityId: 'zell-a-main', website: 'https://mv-zell.example' },
      hub.adminToken,
    );
    const created = await expectDocumented(response, 'createOrganization', 201);
    assert.equal(response.headers.get('location'), `/organizations/${created.id}`);
    assert.equal(created.isExample, false);
    assert.equal(created.description, null);
    const fetched = await expectDocumented(await fetch(`${hub.baseUrl}/organizations/${created.id}`), 'getOrganization');
    assert.deepEqual(fetched, created);
    // The demo data may have organizations there too: the new one is added to them.
    assert.deepEqual((await inZell()).sort(), [...before, created.id].sort());
  });

  test('text is stored as entered, never interpreted as HTML', async () => {
    const name = '<b>Verein</b> & "Freunde"';
    const created = await create({ name, kind: 'initiative' });
    assert.equal(created.name, name);
  });

  test('an organization key updates its own organization, not another, and cannot create', async () => {
    const own = await create({ name: 'Heimatverein Eibelstadt', kind: 'club' });
    const other = await create({ name: 'Gesangverein Eibelstadt', kind: 'club' });
    const { key } = await createApiKey(hub.database.db, { organizationId: own.id, scopes: ['organization:write'] });

    const updated = await patch(own.id, { description: 'Pflege der Ortsgeschichte.', website: null }, key);
    const body = await expectDocumented(updated, 'updateOrganization');
    assert.equal(body.description, 'Pflege der Ortsgeschichte.');
    assert.equal(body.website, null);
    assert.ok(body.updatedAt > own.updatedAt);

    await expectProblem(await patch(other.id, { description: 'Übernommen' }, key), 403, 'forbidden');
    await expectProblem(await post({ name: 'Neu', kind: 'club' }, key), 403, 'forbidden');
  });

  test('a key without the needed scope → 403; a revoked key → 401', async () => {
    const own = await create({ name: 'Kleingartenverein Gerbrunn', kind: 'club' });
    const readOnly = await createApiKey(hub.database.db, { organizationId: own.id, scopes: [] });
    await expectProblem(await patch(own.id, { description: 'x' }, readOnly.key), 403, 'forbidden');

    const revoked = await createApiKey(hub.database.db, { organizationId: own.id, scopes: ['organization:write'] });
    await hub.database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', revoked.id).execute();
    await expectProblem(await patch(own.id, { description: 'x' }, revoked.key), 401, 'unauthorized');
  });

  test('an empty patch → 422; an unknown organization → 404', async () => {
    const own = await create({ name: 'Obst- und Gartenbauverein Kist', kind: 'club' });
    await expectProblem(await patch(own.id, {}, hub.adminToken), 422, 'validation-failed');
    await expectProblem(await patch('00000000-0000-4000-8000-000000000000', { name: 'Niemand' }, hub.adminToken), 404, 'not-found');
  });

  test('keys are stored hashed', async () => {
    const { key, id } = await createApiKey(hub.database.db, { organizationId: null, scopes: ['admin'] });
    const row = await hub.database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(row.hash, key);
    assert.ok(!JSON.stringify(row).includes(key));
    assert.equal(row.prefix, key.slice(0, 10));
  });
});

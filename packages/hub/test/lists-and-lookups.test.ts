import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from './support/hub.js';

/**
 * Every list pages through one keyset helper: paging one item at a time gives the same items in
 * the same order as one large page, for each order the lists have.
 */
describe('keyset paging of every list', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  async function get<T>(path: string): Promise<T> {
    const response = await fetch(`${hub.baseUrl}${path}`, { headers: { authorization: `Bearer ${hub.adminToken}` } });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    return JSON.parse(text) as T;
  }

  type Page = { items: { id: string }[]; nextCursor: string | null };

  /** The ids of `path` one item a page, following the cursors. */
  async function idsOneByOne(path: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await get<Page>(`${path}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 1);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  async function assertSameOrder(path: string, atLeast: number): Promise<void> {
    const whole = await get<Page>(`${path}&limit=100`);
    assert.equal(whole.nextCursor, null, `${path} fits in one page`);
    assert.ok(whole.items.length >= atLeast, `${path}: ${whole.items.length} items`);
    assert.deepEqual(
      await idsOneByOne(path),
      whole.items.map((item) => item.id),
      path,
    );
  }

  test('polls, latest opening first', async () => {
    await assertSameOrder('/polls?status=draft&status=open&status=closed&status=archived', 3);
  });

  test('volunteer needs, by date and by urgency', async () => {
    const every = 'status=open&status=filled&status=expired&status=closed';
    await assertSameOrder(`/volunteer-needs?${every}&sort=date`, 10);
    await assertSameOrder(`/volunteer-needs?${every}&sort=urgency`, 10);
  });

  test('organizations and municipalities, by name', async () => {
    await assertSameOrder('/organizations?q=e', 5);
    await assertSameOrder('/municipalities?district=Landkreis%20W%C3%BCrzburg', 20);
  });

  test("an organization's events, earliest first", async () => {
    const organizations = await get<Page>('/organizations?limit=100');
    const counts = await Promise.all(
      organizations.items.map(async (organization) => ({
        id: organization.id,
        count: (await get<Page>(`/organizations/${organization.id}/events?limit=100`)).items.length,
      })),
    );
    const busiest = counts.sort((a, b) => b.count - a.count)[0]!;
    await assertSameOrder(`/organizations/${busiest.id}/events?x=1`, 3);
  });
});

describe('one lookup of municipalities and organizations', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test('an unknown municipality is named the same way in a body and in a query', async () => {
    const created = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Verein', kind: 'club', municipalityId: 'atlantis' }),
    });
    assert.equal(created.status, 422);
    const inBody = (await created.json()) as { errors: { pointer: string; reason: string }[] };
    assert.deepEqual(inBody.errors, [
      { pointer: '/body/municipalityId', reason: 'is not a known municipality ("atlantis")', code: 'unknown-reference' },
    ]);

    const searched = await fetch(`${hub.baseUrl}/help-offers?municipality=atlantis`);
    assert.equal(searched.status, 400);
    const inQuery = (await searched.json()) as { errors: { pointer: string; reason: string }[] };
    assert.deepEqual(inQuery.errors, [
      { pointer: '/query/municipality/0', reason: 'is not a known municipality ("atlantis")', code: 'unknown-reference' },
    ]);
  });

  test('an organization that does not exist is a 404 naming it', async () => {
    const missing = '5b0e3f7e-1d2c-4a8b-9c3d-2e1f0a9b8c7d';
    const events = await fetch(`${hub.baseUrl}/organizations/${missing}/events`);
    assert.equal(events.status, 404);
    assert.match(((await events.json()) as { detail: string }).detail, new RegExp(`There is no organization "${missing}"`));
  });
});

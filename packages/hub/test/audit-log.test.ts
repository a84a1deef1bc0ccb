import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { components } from '@smart-region/sdk';
import { purgeAuditLog } from '../src/accounts/audit-retention.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { recordAudit } from '../src/auth/audit.js';
import type { Principal } from '../src/auth/principal.js';
import { signedInAs, sessionHeaders } from './support/accounts.js';
import { now } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { eventually } from './support/mail.js';
import { signInOrganizationPeople, type OrganizationPeople } from './support/organization-people.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

type Entry = components['schemas']['AuditEntry'];

const DAY_MS = 86_400_000;

/** A row the audit hook would have written `daysAgo` days before the Hub's now. */
function entryFrom(daysAgo: number, organizationId: string | null = null) {
  return {
    at: new Date(now().getTime() - daysAgo * DAY_MS),
    actor_kind: 'admin-token' as const,
    actor_id: null,
    organization_id: organizationId,
    action: 'updateOrganization',
    resource_type: null,
    resource_id: null,
  };
}

describe('the audit log', () => {
  let hub: TestHub;
  let people: OrganizationPeople;
  let regionAdmin: string;
  let clubKey: { id: string; key: string };

  before(async () => {
    hub = await startTestHub({ audit: { purgeIntervalMs: 0 } });
    const db = hub.database.db;
    people = await signInOrganizationPeople(hub);
    regionAdmin = await signedInAs(db, { email: 'landratsamt@region.example', regionAdmin: true });
    clubKey = await createApiKey(db, { organizationId: people.club, scopes: ['events:write'], label: 'Vereinswebsite' });
    // Entries as the audit hook writes them: the club's owner and key for the club, the admin token for the town.
    const person: Principal = {
      kind: 'person',
      personId: people.clubOwner.personId,
      sessionId: people.clubOwner.sessionId,
      regionAdmin: false,
      memberships: new Map(),
    };
    const key: Principal = { kind: 'key', keyId: clubKey.id, organizationId: people.club, scopes: ['events:write'] };
    for (let index = 0; index < 5; index++) {
      await recordAudit(db, {
        actor: index % 2 === 0 ? person : key,
        organizationId: people.club,
        action: 'updateEvent',
        resource: { type: 'event', id: `e${index}` },
      });
    }
    await recordAudit(db, {
      actor: { kind: 'admin', keyId: null },
      organizationId: people.town,
      action: 'updateOrganization',
      resource: null,
    });
  });
  after(() => hub.close());

  const organizationLog = (organization: string, cookie: string, query = '') =>
    fetch(`${hub.baseUrl}/organizations/${organization}/audit-log${query}`, { headers: sessionHeaders(hub.baseUrl, cookie) });
  const regionLog = (query = '', headers: Record<string, string> = jsonWithKey(hub.adminToken)) =>
    fetch(`${hub.baseUrl}/audit-log${query}`, { headers });

  /** Every entry of a list, page by page of `limit`. */
  async function allPages(
    path: (cursor: string) => Promise<Response>,
    operationId: 'listAuditLog' | 'listOrganizationAuditLog',
  ): Promise<Entry[][]> {
    const pages: Entry[][] = [];
    let cursor = '';
    for (;;) {
      const page = await expectDocumented(await path(cursor), operationId);
      pages.push(page.items);
      if (page.nextCursor === null) return pages;
      cursor = `&cursor=${page.nextCursor}`;
    }
  }

  function assertNewestFirst(entries: Entry[]): void {
    const times = entries.map((entry) => entry.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  }

  test('the region admin pages through the whole log, newest first, each entry once', async () => {
    const pages = await allPages((cursor) => regionLog(`?limit=2${cursor}`), 'listAuditLog');
    assert.ok(pages.length >= 3);
    assert.ok(pages.every((page) => page.length <= 2));
    const entries = pages.flat();
    assert.equal(new Set(entries.map((entry) => entry.id)).size, entries.length, 'no entry twice');
    assertNewestFirst(entries);
    const whole = await expectDocumented(await regionLog('?limit=100'), 'listAuditLog');
    assert.deepEqual(
      entries.map((entry) => entry.id),
      whole.items.map((entry) => entry.id),
      'the pages are the whole log',
    );
  });

  test('actors are named by their display name or the key’s label as they are now, never by an e-mail address', async () => {
    await hub.database.db.updateTable('api_keys').set({ label: 'Neue Vereinswebsite' }).where('id', '=', clubKey.id).execute();
    const response = await regionLog(`?organization=${people.club}`);
    const text = await response.clone().text();
    const { items } = await expectDocumented(response, 'listAuditLog');
    assert.ok(!text.includes('@'), 'no e-mail address in the log');
    assert.deepEqual(
      new Set(items.map((entry) => JSON.stringify(entry.actor))),
      new Set([
        JSON.stringify({ kind: 'person', id: people.clubOwner.personId, name: 'Test vorstand' }),
        JSON.stringify({ kind: 'api-key', id: clubKey.id, name: 'Neue Vereinswebsite' }),
      ]),
    );
    const [townEntry] = (await expectDocumented(await regionLog(`?organization=${people.town}`), 'listAuditLog')).items;
    assert.deepEqual(townEntry?.actor, { kind: 'admin-token', id: null, name: null });
    assert.equal(townEntry?.action, 'updateOrganization');
    assert.equal(townEntry?.resourceType, null);
  });

  test('the organization filter, also as a session of a region admin', async () => {
    const { items } = await expectDocumented(
      await regionLog(`?organization=${people.club}&limit=100`, sessionHeaders(hub.baseUrl, regionAdmin)),
      'listAuditLog',
    );
    assert.ok(items.length >= 5);
    assert.ok(items.every((entry) => entry.organizationId === people.club));
    const events = items.filter((entry) => entry.action === 'updateEvent');
    assert.deepEqual(events.map((entry) => entry.resourceId).sort(), ['e0', 'e1', 'e2', 'e3', 'e4']);
    assertNewestFirst(items);
  });

  test('an owner reads the own organization’s log only; editors, other owners and keys read none', async () => {
    const pages = await allPages(
      (cursor) => organizationLog(people.club, people.clubOwner.cookie, `?limit=2${cursor}`),
      'listOrganizationAuditLog',
    );
    const entries = pages.flat();
    assert.ok(entries.length >= 5);
    assert.ok(entries.every((entry) => entry.organizationId === people.club));
    assertNewestFirst(entries);
    await expectProblem(await organizationLog(people.town, people.clubOwner.cookie), 403, 'forbidden');
    await expectProblem(await organizationLog(people.club, people.townOwner), 403, 'forbidden');
    await expectProblem(await organizationLog(people.club, people.clubEditor), 403, 'forbidden');
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/${people.club}/audit-log`, { headers: jsonWithKey(clubKey.key) }),
      401,
      'unauthorized',
    );
    const byAdmin = await expectDocumented(await organizationLog(people.town, regionAdmin), 'listOrganizationAuditLog');
    assert.ok(byAdmin.items.every((entry) => entry.organizationId === people.town));
    // The whole log is the region admin's.
    await expectProblem(await regionLog('', sessionHeaders(hub.baseUrl, people.clubOwner.cookie)), 403, 'forbidden');
    await expectProblem(await regionLog('', jsonWithKey(clubKey.key)), 403, 'forbidden');
  });

  test('what is done through the API appears in the log', async () => {
    const created = await fetch(`${hub.baseUrl}/organizations/${people.club}/api-keys`, {
      method: 'POST',
      headers: { ...sessionHeaders(hub.baseUrl, people.clubOwner.cookie), 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Neu', scopes: ['events:write'] }),
    });
    const key = await expectDocumented(created, 'createApiKey', 201);
    const [latest] = (
      await expectDocumented(await organizationLog(people.club, people.clubOwner.cookie, '?limit=1'), 'listOrganizationAuditLog')
    ).items;
    assert.equal(latest?.action, 'createApiKey');
    assert.equal(latest?.resourceId, key.id);
    assert.deepEqual(latest?.actor, { kind: 'person', id: people.clubOwner.personId, name: 'Test vorstand' });
  });

  test('entries older than the retention period are purged; younger ones stay', async () => {
    const db = hub.database.db;
    const old = await db
      .insertInto('audit_log')
      .values([entryFrom(731, people.club), entryFrom(729, people.club)])
      .returning('id')
      .execute();
    assert.equal(await purgeAuditLog(db, 730, now()), 1);
    const left = await db
      .selectFrom('audit_log')
      .select('id')
      .where(
        'id',
        'in',
        old.map((row) => row.id),
      )
      .execute();
    assert.deepEqual(left, [old[1]]);
    // A year later (the Hub's "now" given, not the machine's), the other one goes too.
    assert.equal(await purgeAuditLog(db, 730, new Date(now().getTime() + 365 * DAY_MS)), 1);
  });
});

describe('the audit log’s retention job', () => {
  test('the running Hub purges on its interval', async () => {
    const hub = await startTestHub({ audit: { retentionDays: 30, purgeIntervalMs: 100 } });
    try {
      const db = hub.database.db;
      const { id } = await db.insertInto('audit_log').values(entryFrom(31)).returning('id').executeTakeFirstOrThrow();
      await eventually(
        'the scheduled purge',
        async () => (await db.selectFrom('audit_log').select('id').where('id', '=', id).executeTakeFirst()) === undefined,
      );
    } finally {
      await hub.close();
    }
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { apiKeyScopes, regionAdminActions, roleActions, type Action, type ApiKeyScope } from '../src/auth/roles.js';
import type { MemberRole } from '../src/db/schema.js';
import { loadContract, type ContractOperation } from '../src/http/contract.js';
import { sessionHeaders, signIn, signedInAs } from './support/accounts.js';
import { eventBody, eventClient } from './support/events.js';
import { offerBody } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { pollBody } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { needBody } from './support/volunteering.js';
import { jsonWithKey, organizationId } from './support/writes.js';

/*
 * Every operation that needs rights, called by every kind of caller on a resource of one
 * organization (A), the answer compared with what the role table says. The expectations are
 * derived from the contract (which action, which schemes) and from `roleActions`,
 * `regionAdminActions` and `apiKeyScopes` — not written per case. Bodies are `{}`: authorization
 * runs before validation, so an allowed call fails later (400, 404, 415, 422) or succeeds, and a
 * refused one is 401 or 403.
 */

const contract = loadContract();
const secured = contract.operations.filter((operation) => operation.security.length > 0);

type Caller =
  | { kind: 'anonymous' }
  | { kind: 'person'; role?: MemberRole; organization: 'A' | 'B'; regionAdmin?: boolean }
  | { kind: 'admin-token' }
  | { kind: 'key'; organization: 'A' | 'B'; scopes: readonly ApiKeyScope[] };

const callers: Record<string, Caller> = {
  'owner of A': { kind: 'person', role: 'owner', organization: 'A' },
  'coordinator of A': { kind: 'person', role: 'coordinator', organization: 'A' },
  'editor of A': { kind: 'person', role: 'editor', organization: 'A' },
  'owner of B': { kind: 'person', role: 'owner', organization: 'B' },
  'region admin': { kind: 'person', organization: 'A', regionAdmin: true },
  'admin token': { kind: 'admin-token' },
  anonymous: { kind: 'anonymous' },
  ...Object.fromEntries(apiKeyScopes.map((scope) => [`key of A with ${scope}`, { kind: 'key', organization: 'A', scopes: [scope] }])),
  'key of B with every scope': { kind: 'key', organization: 'B', scopes: apiKeyScopes },
};

interface Needs {
  action: Action | undefined;
  anonymous: boolean;
  apiKey: boolean;
  session: boolean;
}

function needsOf(operation: ContractOperation): Needs {
  const scopes = [...new Set(operation.security.flatMap((requirement) => Object.values(requirement).flat()))];
  assert.ok(scopes.length <= 1, `${operation.operationId} names one action`);
  return {
    action: scopes[0] as Action | undefined,
    anonymous: operation.security.some((requirement) => Object.keys(requirement).length === 0),
    apiKey: operation.security.some((requirement) => requirement['apiKey']),
    session: operation.security.some((requirement) => requirement['session']),
  };
}

/** Whether the path names organization A (or a resource of it); else the action is region-wide. */
const aboutOrganization = (operation: ContractOperation) =>
  /\{(organizationId|eventId|helpOfferId|pollId|volunteerNeedId)\}/.test(operation.path);

/** The role table's answer: the status class expected (allowed, or 401/403). */
function expected(caller: Caller, operation: ContractOperation): 'allowed' | 401 | 403 {
  const needs = needsOf(operation);
  if (needs.anonymous) return 'allowed';
  const onA = aboutOrganization(operation);
  switch (caller.kind) {
    case 'anonymous':
      return 401;
    case 'admin-token':
      if (!needs.apiKey) return 401;
      return regionAdminActions.includes(needs.action!) ? 'allowed' : 403;
    case 'key':
      if (!needs.apiKey) return 401;
      return onA && caller.organization === 'A' && (caller.scopes as readonly Action[]).includes(needs.action!) ? 'allowed' : 403;
    case 'person': {
      if (needs.action === undefined) return 'allowed';
      const byRole = onA && caller.organization === 'A' && caller.role !== undefined && roleActions[caller.role].includes(needs.action);
      const asRegionAdmin = caller.regionAdmin === true && regionAdminActions.includes(needs.action);
      return byRole || asRegionAdmin ? 'allowed' : 403;
    }
  }
}

describe('permissions: every operation that needs rights × every kind of caller, as the role table says', () => {
  let hub: TestHub;
  const organizations = { A: '', B: '' };
  const keys = new Map<string, string>();
  /** Resources of A by path parameter; DELETE gets a fresh one per call (see `pathOf`). */
  const resources = new Map<string, string>();
  const create: Record<string, () => Promise<string>> = {};

  async function createdId(path: string, body: unknown): Promise<string> {
    const response = await fetch(`${hub.baseUrl}${path}`, {
      method: 'POST',
      headers: jsonWithKey(hub.adminToken),
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.equal(response.status, 201, `${path}: ${text}`);
    return (JSON.parse(text) as { id: string }).id;
  }

  before(async () => {
    hub = await startTestHub();
    organizations.A = await organizationId(hub, 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
    organizations.B = await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.');
    const owned = `/organizations/${organizations.A}`;
    Object.assign(create, {
      eventId: () => createdId(`${owned}/events`, eventBody()),
      helpOfferId: () => createdId(`${owned}/help-offers`, offerBody()),
      pollId: () => createdId(`${owned}/polls`, pollBody()),
      volunteerNeedId: () => createdId(`${owned}/volunteer-needs`, needBody()),
    });
    for (const [parameter, make] of Object.entries(create)) resources.set(parameter, await make());
    for (const [name, caller] of Object.entries(callers)) {
      if (caller.kind !== 'key') continue;
      keys.set(
        name,
        (await createApiKey(hub.database.db, { organizationId: organizations[caller.organization], scopes: [...caller.scopes] })).key,
      );
    }
  });
  after(() => hub.close());

  async function pathOf(operation: ContractOperation): Promise<string> {
    let path = operation.path.replace('{organizationId}', organizations.A);
    for (const [, parameter = ''] of operation.path.matchAll(/\{([^}]+)\}/g)) {
      if (parameter === 'organizationId') continue;
      // A deleting call would leave the next caller nothing to be refused on: each gets its own.
      const fresh = create[parameter];
      const id = fresh && operation.method === 'DELETE' ? await fresh() : (resources.get(parameter) ?? randomUUID());
      path = path.replace(`{${parameter}}`, id);
    }
    return path;
  }

  /** Headers for the caller; people get a new session for every call (some calls end sessions). */
  async function headersOf(name: string, caller: Caller): Promise<Record<string, string>> {
    switch (caller.kind) {
      case 'anonymous':
        return {};
      case 'admin-token':
        return { authorization: `Bearer ${hub.adminToken}` };
      case 'key':
        return { authorization: `Bearer ${keys.get(name)!}` };
      case 'person': {
        const cookie = await signedInAs(hub.database.db, {
          email: `${name.replaceAll(' ', '-')}@permissions.example`,
          ...(caller.role ? { role: caller.role, organizationId: organizations[caller.organization] } : {}),
          ...(caller.regionAdmin ? { regionAdmin: true } : {}),
        });
        return sessionHeaders(hub.baseUrl, cookie);
      }
    }
  }

  test('the contract names one known action per operation, the same for API keys and sessions', () => {
    assert.ok(secured.length >= 40, `${secured.length} operations need rights`);
    for (const operation of secured) {
      const needs = needsOf(operation);
      assert.ok(needs.session, `${operation.operationId} takes sessions`);
      if (needs.action !== undefined) assert.ok(Object.values(roleActions).flat().concat(regionAdminActions).includes(needs.action));
    }
  });

  for (const operation of secured) {
    test(`${operation.method} ${operation.path} (${operation.operationId})`, async () => {
      const mismatches: string[] = [];
      for (const [name, caller] of Object.entries(callers)) {
        const headers = await headersOf(name, caller);
        const init: RequestInit = { method: operation.method, headers };
        if (operation.bodyTypes.length > 0) init.headers = { ...headers, 'content-type': operation.bodyTypes[0]! };
        if (operation.bodyTypes.length > 0) init.body = '{}';
        const response = await fetch(`${hub.baseUrl}${await pathOf(operation)}`, init);
        const text = await response.text();
        const want = expected(caller, operation);
        const got = response.status === 401 || response.status === 403 ? response.status : 'allowed';
        if (got !== want) mismatches.push(`${name}: expected ${want}, got ${response.status} ${text.slice(0, 200)}`);
      }
      assert.deepEqual(mismatches, []);
    });
  }

  test("a pending organization's owner cannot publish: 403 organization-pending", async () => {
    const pending = await eventClient(hub).newOrganization('Neuer Verein in Gründung');
    await hub.database.db.updateTable('organizations').set({ status: 'pending' }).where('id', '=', pending).execute();
    const cookie = await signedInAs(hub.database.db, { email: 'founder@permissions.example', role: 'owner', organizationId: pending });
    const response = await fetch(`${hub.baseUrl}/organizations/${pending}/events`, {
      method: 'POST',
      headers: { ...sessionHeaders(hub.baseUrl, cookie), 'content-type': 'application/json' },
      body: JSON.stringify(eventBody()),
    });
    await expectProblem(response, 403, 'organization-pending');
    // Its profile is not publishing: the owner may complete it while waiting.
    const profile = await fetch(`${hub.baseUrl}/organizations/${pending}`, {
      method: 'PATCH',
      headers: { ...sessionHeaders(hub.baseUrl, cookie), 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+49 931 0000' }),
    });
    assert.equal(profile.status, 200, await profile.text());
  });

  test("a removed member's session loses the organization's rights with the next request", async () => {
    const editor = await signIn(hub.database.db, { email: 'leaving@permissions.example', role: 'editor', organizationId: organizations.A });
    const post = () =>
      fetch(`${hub.baseUrl}/organizations/${organizations.A}/events`, {
        method: 'POST',
        headers: { ...sessionHeaders(hub.baseUrl, editor.cookie), 'content-type': 'application/json' },
        body: JSON.stringify(eventBody()),
      });
    assert.equal((await post()).status, 201);
    await hub.database.db.deleteFrom('memberships').where('person_id', '=', editor.personId).execute();
    const problem = await expectProblem(await post(), 403, 'forbidden');
    assert.match(problem.detail ?? '', /events:write/);
  });

  test('changes with a session come only from the Hub’s own pages (Origin or Sec-Fetch-Site)', async () => {
    const cookie = await signedInAs(hub.database.db, {
      email: 'careful@permissions.example',
      role: 'editor',
      organizationId: organizations.A,
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${hub.baseUrl}/organizations/${organizations.A}/events`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(eventBody()),
      });
    await expectProblem(await post({ origin: 'https://evil.example' }), 403, 'cross-site-request');
    await expectProblem(await post({ 'sec-fetch-site': 'cross-site' }), 403, 'cross-site-request');
    await expectProblem(await post({}), 403, 'cross-site-request');
    await expectProblem(await post({ origin: hub.baseUrl.replace('127.0.0.1', 'localhost') }), 403, 'cross-site-request');
    assert.equal((await post({ origin: hub.baseUrl })).status, 201);
    assert.equal((await post({ 'sec-fetch-site': 'same-origin' })).status, 201);
    // Reads change nothing: no Origin needed.
    const read = await fetch(`${hub.baseUrl}/organizations/${organizations.A}/volunteer-responses`, { headers: { cookie } });
    assert.equal(read.status, 403, 'an editor reads no responses — but the refusal is about the role, not the origin');
    assert.equal(((await read.json()) as { type: string }).type, '/problems/forbidden');
    // A key is no cookie: scripts send no Origin.
    const key = (await createApiKey(hub.database.db, { organizationId: organizations.A, scopes: ['events:write'] })).key;
    const keyed = await fetch(`${hub.baseUrl}/organizations/${organizations.A}/events`, {
      method: 'POST',
      headers: jsonWithKey(key),
      body: JSON.stringify(eventBody()),
    });
    assert.equal(keyed.status, 201);
  });

  test('the path names what is authorized: malformed or unknown identifiers are 404 naming them, slugs and short codes work', async () => {
    const headers = jsonWithKey(hub.adminToken);
    for (const path of [
      '/events/not-a-uuid',
      `/events/${randomUUID()}`,
      '/polls/0OIL11',
      '/organizations/no-such-club',
      '/help-offers/%20',
    ]) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}${path}`, { method: 'PATCH', headers, body: '{}' }), 404, 'not-found');
      assert.ok(problem.detail?.includes(decodeURIComponent(path.split('/')[2]!)), problem.detail);
    }
    const slug = (
      await hub.database.db.selectFrom('organizations').select('slug').where('id', '=', organizations.A).executeTakeFirstOrThrow()
    ).slug;
    const cookie = await signedInAs(hub.database.db, {
      email: 'slugs@permissions.example',
      role: 'owner',
      organizationId: organizations.A,
    });
    const bySlug = await fetch(`${hub.baseUrl}/organizations/${slug}`, {
      method: 'PATCH',
      headers: { ...sessionHeaders(hub.baseUrl, cookie), 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+49 9305 0000' }),
    });
    assert.equal(bySlug.status, 200, await bySlug.text());
  });

  test("the role table in the contract's description is the one the Hub enforces", () => {
    const description = (contract.document as { info: { description: string } }).info.description;
    const rows = description
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const header = description.split('\n').find((line) => line.startsWith('| action'))!;
    assert.deepEqual(
      header
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
      ['action', 'editor', 'coordinator', 'owner', 'region admin', 'API key'],
    );
    const documented = {
      editor: new Set<string>(),
      coordinator: new Set<string>(),
      owner: new Set<string>(),
      admin: new Set<string>(),
      key: new Set<string>(),
    };
    for (const [actions, editor, coordinator, owner, regionAdmin, key] of rows) {
      for (const [, action] of actions!.matchAll(/`([^`]+)`/g)) {
        if (editor!.startsWith('✓')) documented.editor.add(action!);
        if (coordinator!.startsWith('✓')) documented.coordinator.add(action!);
        if (owner!.startsWith('✓')) documented.owner.add(action!);
        if (regionAdmin!.startsWith('✓')) documented.admin.add(action!);
        if (key === 'with the scope') documented.key.add(action!);
      }
    }
    const sorted = (values: Iterable<string>) => [...values].sort();
    assert.deepEqual(sorted(documented.editor), sorted(roleActions.editor));
    assert.deepEqual(sorted(documented.coordinator), sorted(roleActions.coordinator));
    assert.deepEqual(sorted(documented.owner), sorted(roleActions.owner));
    assert.deepEqual(sorted(documented.admin), sorted(regionAdminActions));
    assert.deepEqual(sorted(documented.key), sorted(apiKeyScopes));
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.js';
import type { AuditLogTable } from '../src/db/schema.js';
import { sessionHeaders, signIn } from './support/accounts.js';
import { eventBody } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey, organizationId } from './support/writes.js';

type Row = { [Column in keyof AuditLogTable]: unknown };

describe('audit log: who changed what, and who read personal data', () => {
  let hub: TestHub;
  let club: string;
  let key: { id: string; key: string };

  /** The entries written since `since` (a row count), oldest first. */
  async function entriesAfter(since: number): Promise<Row[]> {
    const rows = await hub.database.db.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id').execute();
    return rows.slice(since);
  }
  const createEvent = () =>
    fetch(`${hub.baseUrl}/organizations/${club}/events`, {
      method: 'POST',
      headers: jsonWithKey(key.key),
      body: JSON.stringify(eventBody()),
    });
  const count = async () =>
    Number(
      (
        await hub.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    hub = await startTestHub();
    club = await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.');
    key = await createApiKey(hub.database.db, {
      organizationId: club,
      scopes: ['events:write', 'volunteer-needs:write', 'volunteer-responses:manage'],
    });
  });
  after(() => hub.close());

  test('a change with a key, a session and the admin token: actor, organization, action and resource', async () => {
    const since = await count();
    const created = await createEvent();
    assert.equal(created.status, 201);
    const event = (await created.json()) as { id: string };
    const editor = await signIn(hub.database.db, { email: 'editor@audit.example', role: 'editor', organizationId: club });
    const patched = await fetch(`${hub.baseUrl}/events/${event.id}`, {
      method: 'PATCH',
      headers: { ...sessionHeaders(hub.baseUrl, editor.cookie), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Chorprobe (verlegt)' }),
    });
    assert.equal(patched.status, 200);
    const deleted = await fetch(`${hub.baseUrl}/events/${event.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${hub.adminToken}` },
    });
    assert.equal(deleted.status, 204);

    const entries = await entriesAfter(since);
    assert.deepEqual(
      entries.map(({ actor_kind, actor_id, organization_id, action, resource_type, resource_id }) => ({
        actor_kind,
        actor_id,
        organization_id,
        action,
        resource_type,
        resource_id,
      })),
      [
        {
          actor_kind: 'api-key',
          actor_id: key.id,
          organization_id: club,
          action: 'createEvent',
          resource_type: 'event',
          resource_id: event.id,
        },
        {
          actor_kind: 'person',
          actor_id: editor.personId,
          organization_id: club,
          action: 'updateEvent',
          resource_type: 'event',
          resource_id: event.id,
        },
        {
          actor_kind: 'admin-token',
          actor_id: null,
          organization_id: club,
          action: 'deleteEvent',
          resource_type: 'event',
          resource_id: event.id,
        },
      ],
    );
  });

  test('refused, invalid and public requests, and reads of public data, write nothing', async () => {
    const since = await count();
    const editor = await signIn(hub.database.db, { email: 'reader@audit.example', role: 'editor', organizationId: club });
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/${club}/events`, { method: 'POST', headers: jsonWithKey(key.key), body: '{}' }),
      422,
      'validation-failed',
    );
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/${club}/volunteer-responses`, { headers: { cookie: editor.cookie } }),
      403,
      'forbidden',
    );
    assert.equal((await fetch(`${hub.baseUrl}/organizations/${club}/events`)).status, 200);
    assert.equal((await fetch(`${hub.baseUrl}/organizations/${club}`, { headers: { cookie: editor.cookie } })).status, 200);
    assert.equal((await fetch(`${hub.baseUrl}/events?from=2026-01-01&to=2026-12-31`, { headers: jsonWithKey(key.key) })).status, 200);
    assert.deepEqual(await entriesAfter(since), []);
  });

  test("every read of volunteer responses is recorded, and no row holds a citizen's data", async () => {
    const volunteers = volunteerClient(hub);
    const need = await volunteers.created(club, needBody());
    const secrets = ['Erika Mustermann', 'erika.mustermann@example.org', '931 555 0199', 'Ich kann beim Aufbau helfen.'];
    const answered = await volunteers.respond(need.id, await volunteers.responseBody(need));
    assert.equal(answered.status, 201);
    const since = await count();

    const coordinator = await signIn(hub.database.db, { email: 'coordinator@audit.example', role: 'coordinator', organizationId: club });
    const page = (await (await volunteers.responses(club, key.key, `?need=${need.id}`)).json()) as { items: { id: string }[] };
    const responseId = page.items[0]!.id;
    const csv = await fetch(`${hub.baseUrl}/organizations/${club}/volunteer-responses`, {
      headers: { cookie: coordinator.cookie, accept: 'text/csv' },
    });
    assert.equal(csv.status, 200);
    assert.equal((await volunteers.decide(club, responseId, { status: 'accepted' }, key.key)).status, 200);

    const entries = await entriesAfter(since);
    assert.deepEqual(
      entries.map((entry) => [entry.actor_kind, entry.actor_id, entry.action, entry.resource_type, entry.resource_id]),
      [
        ['api-key', key.id, 'listVolunteerResponses', 'organization', club],
        ['person', coordinator.personId, 'listVolunteerResponses', 'organization', club],
        ['api-key', key.id, 'updateVolunteerResponse', 'volunteer-response', responseId],
      ],
    );
    const everything = JSON.stringify(await hub.database.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of secrets) assert.ok(!everything.includes(secret), `the audit log holds no "${secret}"`);
    assert.doesNotMatch(everything, /@/, 'no e-mail address, not even of the people who acted');
  });

  test('when the entry cannot be written the request fails (503): nothing happens unaudited', async () => {
    await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_log_refuses CHECK (false) NOT VALID`.execute(hub.database.db);
    try {
      const response = await createEvent();
      await expectProblem(response, 503, 'service-unavailable');
      assert.equal(response.headers.get('retry-after'), '5');
    } finally {
      await sql`ALTER TABLE audit_log DROP CONSTRAINT audit_log_refuses`.execute(hub.database.db);
    }
    const since = await count();
    const again = await createEvent();
    assert.equal(again.status, 201);
    assert.equal((await entriesAfter(since)).length, 1);
  });
});

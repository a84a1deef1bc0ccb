import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { demoOwnerAddress, demoRegionAdmin } from '../src/orgs/seed/demo-accounts.js';
import { SESSION_COOKIE } from '../src/auth/sessions.js';
import type { MemberRole } from '../src/db/schema.js';
import { sessionHeaders, signedInAs, signIn } from './support/accounts.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { eventually } from './support/mail.js';
import { startMailedHub, type MailedHub } from './support/mailed-hub.js';
import { expectProblem } from './support/problems.js';
import { serverUrl } from './support/server.js';

describe('members and invitations', () => {
  let mailed: MailedHub;
  let base: string;
  const db = () => mailed.hub.database.db;

  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...sessionHeaders(base, cookie), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const accept = (body: unknown, origin = base) =>
    fetch(`${base}/invitation-acceptances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });

  /** A new approved organization with one owner, signed in. */
  async function organizationWithOwner(name: string): Promise<{ id: string; owner: string; ownerId: string }> {
    const id = await eventClient(mailed.hub).newOrganization(name);
    const owner = await signIn(db(), { email: `leitung@${id.slice(0, 8)}.example`, organizationId: id, role: 'owner' });
    return { id, owner: owner.cookie, ownerId: owner.personId };
  }

  async function member(organizationId: string, role: MemberRole, name: string) {
    return signIn(db(), { email: `${name}@${organizationId.slice(0, 8)}.example`, organizationId, role });
  }

  async function owners(organizationId: string): Promise<number> {
    const rows = await db()
      .selectFrom('memberships')
      .select('person_id')
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'owner')
      .execute();
    return rows.length;
  }

  async function invite(organizationId: string, owner: string, email: string, role: MemberRole = 'editor') {
    const invitation = await expectDocumented(
      await send('POST', `/organizations/${organizationId}/invitations`, owner, { email, role }),
      'createInvitation',
      201,
    );
    const mail = await mailed.nextMailTo(email);
    const link = mailed.linkIn(mail, '/manage/invitation');
    return { invitation, mail, link, token: link.searchParams.get('token')! };
  }

  before(async () => {
    mailed = await startMailedHub();
    base = mailed.hub.baseUrl;
  });
  after(() => mailed.close());

  test('the demo data: each example organization has its demo owner', async () => {
    const examples = await db().selectFrom('organizations').select(['id', 'slug']).where('is_example', '=', true).execute();
    assert.ok(examples.length >= 10);
    for (const { id, slug } of examples) {
      const owner = await signedInAs(db(), { email: demoOwnerAddress(slug) });
      const members = await expectDocumented(await send('GET', `/organizations/${slug}/members`, owner), 'listMembers');
      assert.deepEqual(
        members.items.map((item) => [item.person.email, item.role]),
        [[demoOwnerAddress(slug), 'owner']],
        `the members of ${slug} (${id})`,
      );
    }
    const admin = await db()
      .selectFrom('people')
      .select('region_admin')
      .where('email', '=', demoRegionAdmin.email)
      .executeTakeFirstOrThrow();
    assert.equal(admin.region_admin, true);
  });

  test('only owners manage members: editors, coordinators and region admins are refused', async () => {
    const { id } = await organizationWithOwner('Gesangverein Frohsinn');
    const admin = await signedInAs(db(), { email: demoRegionAdmin.email });
    for (const role of ['editor', 'coordinator'] as const) {
      const { cookie, personId } = await member(id, role, role);
      await expectProblem(await send('GET', `/organizations/${id}/members`, cookie), 403, 'forbidden');
      await expectProblem(
        await send('POST', `/organizations/${id}/invitations`, cookie, { email: 'x@frohsinn.example', role: 'owner' }),
        403,
        'forbidden',
      );
      await expectProblem(await send('PATCH', `/organizations/${id}/members/${personId}`, cookie, { role: 'owner' }), 403, 'forbidden');
    }
    await expectProblem(await send('GET', `/organizations/${id}/members`, admin), 403, 'forbidden');
    await expectProblem(await send('GET', `/organizations/${id}/invitations`, admin), 403, 'forbidden');
  });

  test('owners list members (owners first) and change roles', async () => {
    const { id, owner, ownerId } = await organizationWithOwner('Musikverein Zell');
    const editor = await member(id, 'editor', 'anna');
    const changed = await expectDocumented(
      await send('PATCH', `/organizations/${id}/members/${editor.personId}`, owner, { role: 'coordinator' }),
      'updateMember',
    );
    assert.equal(changed.role, 'coordinator');
    const members = await expectDocumented(await send('GET', `/organizations/${id}/members`, owner), 'listMembers');
    assert.deepEqual(
      members.items.map((item) => [item.person.id, item.role]),
      [
        [ownerId, 'owner'],
        [editor.personId, 'coordinator'],
      ],
    );
    await expectProblem(
      await send('PATCH', `/organizations/${id}/members/${crypto.randomUUID()}`, owner, { role: 'editor' }),
      404,
      'not-found',
    );
  });

  test('the last owner can be neither demoted nor removed', async () => {
    const { id, owner, ownerId } = await organizationWithOwner('Obst- und Gartenbauverein Rimpar');
    const demoted = await expectProblem(
      await send('PATCH', `/organizations/${id}/members/${ownerId}`, owner, { role: 'editor' }),
      409,
      'last-owner',
    );
    assert.match(demoted.detail ?? '', /last owner/);
    await expectProblem(await send('DELETE', `/organizations/${id}/members/${ownerId}`, owner), 409, 'last-owner');
    assert.equal(await owners(id), 1);

    const second = await member(id, 'owner', 'zweite');
    assert.equal(
      (await send('DELETE', `/organizations/${id}/members/${ownerId}`, owner)).status,
      204,
      'with a second owner, the first may go',
    );
    await expectProblem(await send('DELETE', `/organizations/${id}/members/${second.personId}`, second.cookie), 409, 'last-owner');
  });

  /**
   * Runs `requests` so that both have counted the owners before either writes. On a PostgreSQL
   * server the test holds the organization's membership rows until both requests wait for a lock:
   * without the Hub's own lock both would then count two owners and both go through. PGlite is
   * one session, where transactions cannot overlap at all; there the requests are only sent at once.
   */
  async function atOnce(organizationId: string, requests: () => Promise<Response>[]): Promise<Response[]> {
    if (!serverUrl) return Promise.all(requests());
    let release!: () => void;
    let held!: () => void;
    const heldNow = new Promise<void>((resolve) => (held = resolve));
    const holder = db()
      .transaction()
      .execute(async (trx) => {
        await trx.selectFrom('memberships').select('person_id').where('organization_id', '=', organizationId).forUpdate().execute();
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
    await heldNow;
    const answers = Promise.all(requests());
    await eventually('both requests waiting for a lock', async () => {
      const { rows } = await sql<{ waiting: number }>`SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db());
      return rows[0]!.waiting >= 2;
    });
    release();
    await holder;
    return answers;
  }

  for (const [change, method, body] of [
    ['demoting', 'PATCH', { role: 'editor' }],
    ['removing', 'DELETE', undefined],
  ] as const) {
    test(`two owners ${change} each other at the same time leave one owner`, async () => {
      const { id, owner: first, ownerId: firstId } = await organizationWithOwner(`Heimatverein ${change}`);
      const second = await member(id, 'owner', 'zweite');
      const answers = await atOnce(id, () => [
        send(method, `/organizations/${id}/members/${second.personId}`, first, body),
        send(method, `/organizations/${id}/members/${firstId}`, second.cookie, body),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      assert.equal(statuses.filter((status) => status < 300).length, 1, `one change goes through: ${statuses.join(', ')}`);
      // The other is refused: as the last owner's change (409), or because its sender is no owner any more (403).
      assert.ok(
        statuses.some((status) => status === 409 || status === 403),
        statuses.join(', '),
      );
      assert.equal(await owners(id), 1);
    });
  }

  test("a removed member's session stops acting for the organization at once", async () => {
    const { id, owner } = await organizationWithOwner('Kolpingfamilie Estenfeld');
    const editor = await member(id, 'editor', 'ehemalig');
    const created = await send('POST', `/organizations/${id}/events`, editor.cookie, eventBody());
    assert.equal(created.status, 201, await created.text());
    assert.equal((await send('DELETE', `/organizations/${id}/members/${editor.personId}`, owner)).status, 204);
    await expectProblem(await send('POST', `/organizations/${id}/events`, editor.cookie, eventBody()), 403, 'forbidden');
    const members = await expectDocumented(await send('GET', `/organizations/${id}/members`, owner), 'listMembers');
    assert.ok(!members.items.some((item) => item.person.id === editor.personId));
  });

  test('an invitation by mail: its link opens the page, and accepting it makes a member with a session', async () => {
    const { id, owner, ownerId } = await organizationWithOwner('Theatergruppe Kürnach');
    const ownerName = (await db().selectFrom('people').select('display_name').where('id', '=', ownerId).executeTakeFirstOrThrow())
      .display_name;
    const { invitation, mail, link, token } = await invite(id, owner, 'Kassenwart@Kuernach.example');
    assert.deepEqual(
      [invitation.email, invitation.role, invitation.invitedBy, invitation.expired],
      ['Kassenwart@Kuernach.example', 'editor', ownerName, false],
    );
    assert.equal(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime(), 7 * 86_400_000);
    assert.match(mail.subject, /Einladung: Theatergruppe Kürnach/);
    assert.ok(mail.text.includes(ownerName));
    assert.equal((await fetch(link)).status, 200, 'the page the link opens');
    const listed = await expectDocumented(await send('GET', `/organizations/${id}/invitations`, owner), 'listInvitations');
    assert.deepEqual(
      listed.items.map((item) => item.id),
      [invitation.id],
    );

    const unnamed = await expectProblem(await accept({ token }), 422, 'validation-failed');
    assert.deepEqual(
      unnamed.errors?.map((error) => error.pointer),
      ['/body/displayName'],
    );
    const accepted = await accept({ token, displayName: 'Karl Kasse' });
    const me = await expectDocumented(accepted, 'acceptInvitation', 201);
    assert.equal(me.person.displayName, 'Karl Kasse');
    assert.deepEqual(
      me.memberships.map((membership) => [membership.organization.id, membership.role]),
      [[id, 'editor']],
    );
    const cookie = accepted.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=`));
    const session = cookie.split(';')[0]!;
    assert.equal((await fetch(`${base}/me`, { headers: { cookie: session } })).status, 200, 'signed in');
    const audited = await db()
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'organization_id', 'resource_type', 'resource_id'])
      .where('action', '=', 'acceptInvitation')
      .where('actor_id', '=', me.person.id)
      .execute();
    assert.deepEqual(
      audited,
      [{ actor_kind: 'person', actor_id: me.person.id, organization_id: id, resource_type: 'session', resource_id: me.session.id }],
      "the acceptance is in the organization's audit log under the new member, naming the session",
    );

    await expectProblem(await accept({ token, displayName: 'Karl Kasse' }), 400, 'invalid-invitation');
    const after = await expectDocumented(await send('GET', `/organizations/${id}/invitations`, owner), 'listInvitations');
    assert.deepEqual(after.items, []);
    await expectProblem(
      await send('POST', `/organizations/${id}/invitations`, owner, { email: 'kassenwart@kuernach.example', role: 'owner' }),
      409,
      'conflict',
    );
  });

  test('expired, resent, revoked and forged links', async () => {
    const { id, owner } = await organizationWithOwner('Sportfreunde Güntersleben');
    const first = await invite(id, owner, 'trainer@guentersleben.example');
    await db()
      .updateTable('invitations')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('id', '=', first.invitation.id)
      .execute();
    const listed = await expectDocumented(await send('GET', `/organizations/${id}/invitations`, owner), 'listInvitations');
    assert.equal(listed.items[0]?.expired, true);
    await expectProblem(await accept({ token: first.token, displayName: 'Tina Trainer' }), 400, 'invalid-invitation');

    const resent = await expectDocumented(
      await send('POST', `/organizations/${id}/invitations/${first.invitation.id}/resend`, owner),
      'resendInvitation',
    );
    assert.equal(resent.expired, false);
    const renewed = mailed
      .linkIn(await mailed.nextMailTo('trainer@guentersleben.example'), '/manage/invitation')
      .searchParams.get('token')!;
    assert.notEqual(renewed, first.token);
    await db()
      .updateTable('invitations')
      .set({ expires_at: sql<Date>`now() + interval '1 day'` })
      .where('id', '=', first.invitation.id)
      .execute();
    await expectProblem(await accept({ token: first.token, displayName: 'Tina Trainer' }), 400, 'invalid-invitation');
    await expectDocumented(await accept({ token: renewed, displayName: 'Tina Trainer' }), 'acceptInvitation', 201);

    const revoked = await invite(id, owner, 'kasse@guentersleben.example');
    assert.equal((await send('DELETE', `/organizations/${id}/invitations/${revoked.invitation.id}`, owner)).status, 204);
    await expectProblem(await accept({ token: revoked.token, displayName: 'Kai Kasse' }), 400, 'invalid-invitation');
    await expectProblem(await send('DELETE', `/organizations/${id}/invitations/${revoked.invitation.id}`, owner), 404, 'not-found');
    await expectProblem(await send('POST', `/organizations/${id}/invitations/${revoked.invitation.id}/resend`, owner), 404, 'not-found');

    await expectProblem(await accept({ token: 'A'.repeat(43), displayName: 'Fälscher' }), 400, 'invalid-invitation');
  });

  test('a person with an account accepts without a name and keeps a higher role they got since', async () => {
    const { id, owner } = await organizationWithOwner('Feuerwehrverein Hettstadt');
    const { token } = await invite(id, owner, 'kommandant@hettstadt.example', 'editor');
    const since = await signIn(db(), { email: 'kommandant@hettstadt.example', organizationId: id, role: 'owner' });
    const me = await expectDocumented(await accept({ token }), 'acceptInvitation', 201);
    assert.equal(me.person.id, since.personId);
    assert.deepEqual(
      me.memberships.filter((membership) => membership.organization.id === id).map((membership) => membership.role),
      ['owner'],
    );
  });

  test('accepting from another site is refused, and the link stays usable', async () => {
    const { id, owner } = await organizationWithOwner('Weinbauverein Thüngersheim');
    const { token } = await invite(id, owner, 'winzer@thuengersheim.example');
    await expectProblem(await accept({ token, displayName: 'Wanda Winzer' }, 'https://evil.example'), 403, 'cross-site-request');
    await expectDocumented(await accept({ token, displayName: 'Wanda Winzer' }), 'acceptInvitation', 201);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoRegionAdmin } from '../src/orgs/seed/demo-accounts.js';
import { sessionHeaders, signedInAs } from './support/accounts.js';
import { expectDocumented } from './support/contract.js';
import { eventBody } from './support/events.js';
import { offerBody } from './support/help.js';
import { pollBody } from './support/polls.js';
import { needBody } from './support/volunteering.js';
import { startMailedHub, type MailedHub } from './support/mailed-hub.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

function registration(name: string, email: string, overrides: Record<string, unknown> = {}) {
  return {
    organization: {
      name,
      kind: 'welfare',
      municipalityId: 'ochsenfurt',
      email: 'info@tafel-ochsenfurt.example',
      privacyPolicyUrl: 'https://tafel-ochsenfurt.example/datenschutz',
      ...overrides,
    },
    person: { email, displayName: 'Maria Beispiel' },
  };
}

describe('organization registration and approval', () => {
  let mailed: MailedHub;
  let base: string;
  let adminCookie: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const asAdmin = () => sessionHeaders(base, adminCookie);
  const register = (body: unknown) => post('/organization-registrations', body);
  const decide = (organizationId: string, body: unknown) => post(`/organization-registrations/${organizationId}/decision`, body, asAdmin());
  const db = () => mailed.hub.database.db;

  async function registered(name: string, email: string): Promise<{ id: string; slug: string }> {
    const answer = await expectDocumented(await register(registration(name, email)), 'registerOrganization', 202);
    assert.deepEqual(answer, { status: 'pending' });
    return db().selectFrom('organizations').select(['id', 'slug']).where('name', '=', name).executeTakeFirstOrThrow();
  }

  async function publicNames(query: string): Promise<string[]> {
    const page = await expectDocumented(await fetch(`${base}/organizations?limit=100&q=${encodeURIComponent(query)}`), 'listOrganizations');
    return page.items.map((item) => item.name);
  }

  before(async () => {
    // The Hub's rate limits on, as in production: registrations have a limit of their own.
    mailed = await startMailedHub({ rateLimit: { max: 600, timeWindowMs: 60_000 } });
    base = mailed.hub.baseUrl;
    // The demo data's region admin, signed in.
    adminCookie = await signedInAs(db(), { email: demoRegionAdmin.email });
  });
  after(() => mailed.close());

  test('a registration waits, invisible, with its applicant as owner; the mail links the sign-in page', async () => {
    const { id, slug } = await registered('Tafel Ochsenfurt e.V.', 'vorstand@tafel-ochsenfurt.example');
    const stored = await db().selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'pending');
    assert.equal(stored.is_example, false);
    const applicant = await db().selectFrom('people').selectAll().where('id', '=', stored.registered_by!).executeTakeFirstOrThrow();
    assert.deepEqual([applicant.email, applicant.display_name], ['vorstand@tafel-ochsenfurt.example', 'Maria Beispiel']);
    const membership = await db().selectFrom('memberships').selectAll().where('organization_id', '=', id).execute();
    assert.deepEqual(
      membership.map((row) => [row.person_id, row.role]),
      [[applicant.id, 'owner']],
    );

    assert.deepEqual(await publicNames('Tafel Ochsenfurt'), []);
    await expectProblem(await fetch(`${base}/organizations/${id}`), 404, 'not-found');
    await expectProblem(await fetch(`${base}/organizations/${slug}`), 404, 'not-found');
    await expectProblem(await fetch(`${base}/organizations/${id}/events`), 404, 'not-found');

    const mail = await mailed.nextMailTo('vorstand@tafel-ochsenfurt.example');
    assert.match(mail.subject, /Registrierung eingegangen: Tafel Ochsenfurt e\.V\./);
    const link = mailed.linkIn(mail, '/manage/');
    assert.equal(link.pathname, '/manage/');
    assert.equal((await fetch(link)).status, 200, 'the sign-in page the mail links');
  });

  test('an unknown municipality is named; nothing is stored', async () => {
    const problem = await expectProblem(
      await register(registration('Verein Nirgendwo', 'a@nirgendwo.example', { municipalityId: 'atlantis' })),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/body/organization/municipalityId'],
    );
    assert.equal(await db().selectFrom('people').select('id').where('email', '=', 'a@nirgendwo.example').executeTakeFirst(), undefined);
  });

  test('an address that has an account gets the same answer and just the membership, its name unchanged', async () => {
    const before = await db()
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('email', '=', 'vorstand@tafel-ochsenfurt.example')
      .executeTakeFirstOrThrow();
    const { id } = await registered('Tafelladen Sommerhausen', 'Vorstand@Tafel-Ochsenfurt.example');
    const people = await db().selectFrom('people').select('id').where('email', 'ilike', 'vorstand@tafel-ochsenfurt.example').execute();
    assert.equal(people.length, 1, 'no second person for the address in other case');
    const membership = await db().selectFrom('memberships').selectAll().where('organization_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(membership.person_id, before.id);
    const after = await db().selectFrom('people').select('display_name').where('id', '=', before.id).executeTakeFirstOrThrow();
    assert.equal(after.display_name, before.display_name);
  });

  test('a pending organization cannot publish, even by its owner', async () => {
    const { id } = await registered('Kleiderkammer Eibelstadt', 'kleider@eibelstadt.example');
    const owner = await signedInAs(db(), { email: 'kleider@eibelstadt.example' });
    const answer = await post(`/organizations/${id}/events`, eventBody(), sessionHeaders(base, owner));
    await expectProblem(answer, 403, 'organization-pending');
  });

  test('region admins list registrations with their applicant; others may not', async () => {
    const page = await expectDocumented(
      await fetch(`${base}/organization-registrations?limit=100`, { headers: asAdmin() }),
      'listOrganizationRegistrations',
    );
    const names = page.items.map((item) => item.organization.name);
    assert.ok(names.includes('Tafel Ochsenfurt e.V.'));
    assert.ok(page.items.every((item) => item.status === 'pending'));
    const tafel = page.items.find((item) => item.organization.name === 'Tafel Ochsenfurt e.V.')!;
    assert.equal(tafel.applicant?.email, 'vorstand@tafel-ochsenfurt.example');
    assert.ok(!names.includes('TSV Ochsenfurt 1862 e.V.'), 'organizations of the demo data are no registrations');
    const withKey = await fetch(`${base}/organization-registrations`, { headers: jsonWithKey(mailed.hub.adminToken) });
    assert.equal(withKey.status, 200);

    await expectProblem(await fetch(`${base}/organization-registrations`), 401, 'unauthorized');
    const owner = await signedInAs(db(), { email: 'vorstand@tafel-ochsenfurt.example' });
    await expectProblem(await fetch(`${base}/organization-registrations`, { headers: sessionHeaders(base, owner) }), 403, 'forbidden');
  });

  test('a rejection needs a reason, which the applicant gets by mail', async () => {
    const { id } = await registered('Verein für Werbung', 'werbung@spam.example');
    await mailed.nextMailTo('werbung@spam.example');
    const missing = await expectProblem(await decide(id, { decision: 'reject' }), 422, 'validation-failed');
    assert.deepEqual(
      missing.errors?.map((error) => error.pointer),
      ['/body/reason'],
    );
    await expectProblem(await decide(id, { decision: 'reject', reason: '   ' }), 422, 'validation-failed');

    const reason = 'Kein gemeinnütziges Angebot in der Region.';
    const decided = await expectDocumented(await decide(id, { decision: 'reject', reason }), 'decideOrganizationRegistration');
    assert.equal(decided.status, 'rejected');
    assert.equal(decided.reason, reason);
    assert.ok(decided.decidedAt);
    const mail = await mailed.nextMailTo('werbung@spam.example');
    assert.match(mail.subject, /Registrierung abgelehnt: Verein für Werbung/);
    assert.ok(mail.text.includes(reason));

    assert.deepEqual(await publicNames('Werbung'), []);
    const rejected = await expectDocumented(
      await fetch(`${base}/organization-registrations?status=rejected`, { headers: asAdmin() }),
      'listOrganizationRegistrations',
    );
    assert.deepEqual(
      rejected.items.map((item) => item.organization.name),
      ['Verein für Werbung'],
    );
  });

  test('approval makes the organization public and lets it publish; rejecting it later hides it and what it published', async () => {
    const { id } = await registered('Repair-Café Randersacker', 'reparieren@randersacker.example');
    await mailed.nextMailTo('reparieren@randersacker.example');
    const owner = await signedInAs(db(), { email: 'reparieren@randersacker.example' });

    const approved = await expectDocumented(await decide(id, { decision: 'approve' }), 'decideOrganizationRegistration');
    assert.equal(approved.status, 'approved');
    assert.equal(approved.reason, null);
    const mail = await mailed.nextMailTo('reparieren@randersacker.example');
    assert.match(mail.subject, /Freigeschaltet: Repair-Café Randersacker/);
    assert.ok((await publicNames('Repair')).includes('Repair-Café Randersacker'));
    const page = await expectDocumented(await fetch(`${base}/organizations/${id}`), 'getOrganization');
    assert.equal(page.name, 'Repair-Café Randersacker');

    // One of each kind of public content: its page, and the public list filtered by the organization.
    const contents = [
      { collection: 'events', body: eventBody(), list: `/events?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z&organization=${id}` },
      { collection: 'help-offers', body: offerBody(), list: `/help-offers?organization=${id}` },
      { collection: 'polls', body: pollBody(), list: `/polls?organization=${id}` },
      { collection: 'volunteer-needs', body: needBody(), list: `/volunteer-needs?organization=${id}` },
    ];
    const published: string[] = [];
    for (const { collection, body, list } of contents) {
      const created = await post(`/organizations/${id}/${collection}`, body, sessionHeaders(base, owner));
      assert.equal(created.status, 201, `${collection}: ${await created.clone().text()}`);
      const { id: itemId } = (await created.json()) as { id: string };
      published.push(`/${collection}/${itemId}`);
      assert.equal((await fetch(`${base}/${collection}/${itemId}`)).status, 200, collection);
      const listed = (await (await fetch(`${base}${list}`)).json()) as { items: unknown[] };
      assert.equal(listed.items.length, 1, `${collection} listed`);
    }

    await expectDocumented(await decide(id, { decision: 'reject', reason: 'Missbrauch gemeldet.' }), 'decideOrganizationRegistration');
    await expectProblem(await fetch(`${base}/organizations/${id}`), 404, 'not-found');
    for (const [index, { collection, list }] of contents.entries()) {
      await expectProblem(await fetch(`${base}${published[index]}`), 404, 'not-found');
      const listed = (await (await fetch(`${base}${list}`)).json()) as { items: unknown[] };
      assert.deepEqual(listed.items, [], `${collection} no longer listed`);
    }
    const again = await post(`/organizations/${id}/events`, eventBody(), sessionHeaders(base, owner));
    await expectProblem(again, 403, 'organization-pending');
  });

  // Last: it uses up this client's registrations.
  test('a client registers at most 10 organizations an hour', async () => {
    const earlier = await db().selectFrom('organizations').select('id').where('registered_by', 'is not', null).execute();
    let refused: Response | undefined;
    for (let attempt = 1; attempt <= 11 && !refused; attempt += 1) {
      const answer = await register(registration(`Flutverein ${attempt}`, `flut${attempt}@example.org`));
      if (answer.status === 429) refused = answer;
      else assert.equal(answer.status, 202);
    }
    assert.ok(refused, 'the eleventh registration within the hour at the latest is refused');
    await expectProblem(refused, 429, 'rate-limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const registered = await db().selectFrom('organizations').select('id').where('registered_by', 'is not', null).execute();
    assert.ok(registered.length - earlier.length < 10);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { auditLogOf, type SignedIn } from './support/accounts.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { signInOrganizationPeople } from './support/organization-people.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

describe('the preview of a volunteer need', () => {
  let hub: TestHub;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;
  let town: string;
  let clubOwner: SignedIn;
  let clubKey: string;
  let clubResponsesKey: string;
  let townKey: string;

  before(async () => {
    hub = await startTestHub({ volunteering: { purgeIntervalMs: 0 } });
    client = volunteerClient(hub);
    const people = await signInOrganizationPeople(hub);
    ({ club, town, clubOwner } = people);
    const db = hub.database.db;
    clubKey = (await createApiKey(db, { organizationId: club, scopes: ['volunteer-needs:write'] })).key;
    clubResponsesKey = (await createApiKey(db, { organizationId: club, scopes: ['volunteer-responses:manage'] })).key;
    townKey = (await createApiKey(db, { organizationId: town, scopes: ['volunteer-needs:write'] })).key;
  });
  after(() => hub.close());

  const preview = (body: unknown, key = clubKey) =>
    fetch(`${hub.baseUrl}/organizations/${club}/volunteer-needs/preview`, {
      method: 'POST',
      headers: jsonWithKey(key),
      body: JSON.stringify(body),
    });
  const previewed = async (body: unknown) => expectDocumented(await preview(body), 'previewVolunteerNeed');

  /** What a save could have left behind: the organization's needs (drafts too) and its audit log. */
  async function stored() {
    // Every need of the club, drafts too (the demo club has fewer than a page's 100).
    const needs = await expectDocumented(
      await fetch(`${hub.baseUrl}/organizations/${club}/volunteer-needs?limit=100`, { headers: jsonWithKey(clubKey) }),
      'listOrganizationVolunteerNeeds',
    );
    assert.equal(needs.nextCursor, null);
    const audit = await auditLogOf(hub.baseUrl, club, clubOwner.cookie);
    return { needs: needs.items.map((need) => `${need.id} ${need.updatedAt}`).sort(), audit: audit.map((entry) => entry.id) };
  }

  test('a new need is shown as the board would show it, and nothing is stored or audited', async () => {
    const before = await stored();
    const need = await previewed({ need: needBody({ title: 'Kuchen backen für das Sommerfest', peopleNeeded: 4 }) });
    assert.equal(need.title, 'Kuchen backen für das Sommerfest');
    assert.deepEqual([need.peopleNeeded, need.peopleStillNeeded, need.status], [4, 4, 'open']);
    assert.equal(need.organization.organizationId, club);
    assert.equal(need.privacyNotice?.url, 'https://tsv-ochsenfurt.example/datenschutz', 'the organization’s notice, as the form will ask');
    assert.deepEqual(await stored(), before);
    await expectProblem(await fetch(`${hub.baseUrl}/volunteer-needs/${need.id}`), 404, 'not-found');
  });

  test('a draft previews as published: it is what the website would show', async () => {
    const need = await previewed({ need: needBody({ published: false }) });
    assert.equal(need.published, true);
  });

  test('with replaces: the stored need with the typed fields, its accepted responses still counted, nothing changed', async () => {
    const saved = await client.created(club, needBody({ title: 'Ordner beim Heimspiel', peopleNeeded: 3 }));
    const response = await client.respond(saved.id, await client.responseBody(saved));
    assert.equal(response.status, 201, await response.clone().text());
    const page = await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${saved.id}`), 'listVolunteerResponses');
    await client.decide(club, page.items[0]!.id, { status: 'accepted' }, clubResponsesKey);
    const before = await stored();

    const need = await previewed({
      need: needBody({ title: 'Ordnerinnen und Ordner beim Heimspiel', peopleNeeded: 5 }),
      replaces: saved.id,
    });
    assert.equal(need.id, saved.id);
    assert.equal(need.title, 'Ordnerinnen und Ordner beim Heimspiel');
    assert.deepEqual([need.peopleNeeded, need.peopleStillNeeded], [5, 4], 'the accepted volunteer still counts');
    assert.equal(need.createdAt, saved.createdAt);

    // Only the sent fields replace the stored ones, as a save merges them (those the contract gives
    // no default: skills, remote and urgent left out are their defaults, as in a new need).
    const kept = await previewed({ need: { title: 'Ordner', description: 'Einlass.', peopleNeeded: 1 }, replaces: saved.id });
    assert.deepEqual(
      [kept.municipalityId, kept.startsAt, kept.peopleStillNeeded, kept.status],
      [saved.municipalityId, saved.startsAt, 0, 'filled'],
    );

    assert.deepEqual(await stored(), before);
    const unchanged = await expectDocumented(
      await fetch(`${hub.baseUrl}/volunteer-needs/${saved.id}`, { headers: jsonWithKey(clubKey) }),
      'getVolunteerNeed',
    );
    assert.deepEqual([unchanged.title, unchanged.peopleNeeded, unchanged.peopleStillNeeded], ['Ordner beim Heimspiel', 3, 2]);
  });

  test('the same checks as a save, pointing into the need', async () => {
    const problem = await expectProblem(
      await preview({ need: needBody({ title: '  ab  ', skills: ['Aufbau', 'aufbau'] }) }),
      422,
      'validation-failed',
    );
    const pointers = problem.errors?.map((error) => error.pointer) ?? [];
    assert.ok(pointers.includes('/body/need/title'), pointers.join(', '));
    assert.ok(pointers.includes('/body/need/skills/1'), pointers.join(', '));
    const unknown = await expectProblem(await preview({ need: needBody({ municipalityId: 'atlantis' }) }), 422, 'validation-failed');
    assert.deepEqual(
      unknown.errors?.map((error) => error.pointer),
      ['/body/need/municipalityId'],
    );
    const schema = await expectProblem(await preview({ need: needBody({ peopleNeeded: 0 }) }), 422, 'validation-failed');
    assert.ok(
      schema.errors?.some((error) => error.pointer === '/body/need/peopleNeeded'),
      JSON.stringify(schema.errors),
    );
  });

  test('another organization’s need is not there to replace, and another organization’s key may not preview', async () => {
    const theirs = await client.created(town, needBody({ title: 'Bücherei-Dienst' }));
    await expectProblem(await preview({ need: needBody(), replaces: theirs.id }), 404, 'not-found');
    await expectProblem(await preview({ need: needBody() }, townKey), 403, 'forbidden');
    assert.equal((await client.need(theirs.id)).title, 'Bücherei-Dienst');
  });
});

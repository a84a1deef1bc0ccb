import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { openDatabase } from '../src/db/connection.js';
import { expectDocumented, type OperationId } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { pollBody, pollClient } from './support/polls.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

type Organization = Schema<'Organization'>;

describe('readable identifiers: organization slugs and poll short codes', () => {
  let hub: TestHub;
  /** Reads `path`, an answer to `operationId`, checked against the contract and typed by it. */
  const json = async <Op extends OperationId>(path: string, operationId: Op) =>
    expectDocumented(await fetch(`${hub.baseUrl}${path}`), operationId);
  const createOrganization = async (name: string): Promise<Organization> => {
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: jsonWithKey(hub.adminToken),
      body: JSON.stringify({ name, kind: 'club', municipalityId: 'eisingen' }),
    });
    return expectDocumented(response, 'createOrganization', 201);
  };

  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test('a new organization gets a slug from its name, German umlauts and ß transliterated', async () => {
    const club = await createOrganization('Männergesangverein Größenwahn & Söhne e.V.');
    assert.equal(club.slug, 'maennergesangverein-groessenwahn-soehne-e-v');
    const upper = await createOrganization('ÖKO-Initiative Über Café');
    assert.equal(upper.slug, 'oeko-initiative-ueber-cafe');
  });

  test('a name that is taken gets the next free number, and a rename keeps the slug', async () => {
    const first = await createOrganization('Tafel Eisingen');
    const second = await createOrganization('Tafel Eisingen');
    const third = await createOrganization('Tafel  Eisingen!');
    assert.deepEqual([first.slug, second.slug, third.slug], ['tafel-eisingen', 'tafel-eisingen-2', 'tafel-eisingen-3']);
    const renamed = await fetch(`${hub.baseUrl}/organizations/${first.slug}`, {
      method: 'PATCH',
      headers: jsonWithKey(hub.adminToken),
      body: JSON.stringify({ name: 'Tafel Eisingen und Umgebung' }),
    });
    assert.equal((await expectDocumented(renamed, 'updateOrganization')).slug, 'tafel-eisingen');
  });

  test('every seeded organization has a unique slug', async () => {
    const { items } = await json('/organizations?limit=100', 'listOrganizations');
    assert.ok(items.length >= 10);
    for (const item of items) assert.match(item.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(new Set(items.map((item) => item.slug)).size, items.length);
  });

  test('an organization read by slug is the one read by UUID', async () => {
    const [organization] = (await json('/organizations?limit=1', 'listOrganizations')).items;
    assert.deepEqual(
      await json(`/organizations/${organization!.slug}`, 'getOrganization'),
      await json(`/organizations/${organization!.id}`, 'getOrganization'),
    );
  });

  test('a poll has a short code; votes, results and challenge take it as well as the UUID', async () => {
    const polls = pollClient(hub);
    const owner = await createOrganization('Gemeinde Kurzweil');
    const poll = await polls.created(owner.slug, pollBody());
    assert.match(poll.shortCode, /^[A-HJKMNP-Z2-9]{6}$/);
    assert.equal(poll.organizer && (poll.organizer as { organizationId: string }).organizationId, owner.id);
    const code = poll.shortCode;
    assert.deepEqual(await json(`/polls/${code}`, 'getPoll'), await json(`/polls/${poll.id}`, 'getPoll'));
    assert.equal((await json(`/polls/${code.toLowerCase()}`, 'getPoll')).id, poll.id, 'typed in any case');
    assert.deepEqual(await json(`/polls/${code}/results`, 'getPollResults'), await json(`/polls/${poll.id}/results`, 'getPollResults'));
    const proof = await polls.proof(code);
    const vote = await polls.vote(code, { choices: [poll.options[0]!.id], proof });
    assert.equal((await expectDocumented(vote, 'castVote', 201)).pollId, poll.id);
  });

  test('list filters take organization slugs, mixed with UUIDs', async () => {
    const polls = pollClient(hub);
    const owner = await createOrganization('Bürgerverein Filtertal');
    const poll = await polls.created(owner.id, pollBody());
    const bySlug = (await json(`/polls?organization=${owner.slug}`, 'listPolls')).items.map((item) => item.id);
    assert.deepEqual(bySlug, [poll.id]);
    const byId = (await json(`/polls?organization=${owner.id}`, 'listPolls')).items.map((item) => item.id);
    assert.deepEqual(bySlug, byId);
    const [other] = (await json('/organizations?limit=1', 'listOrganizations')).items;
    const mixed = await json(`/polls?organization=${other!.id}&organization=${owner.slug}`, 'listPolls');
    assert.ok(mixed.items.some((item) => item.id === poll.id));
    for (const [path, operationId] of [
      ['/events?from=2026-01-01&to=2026-12-31', 'listEventOccurrences'],
      ['/volunteer-needs?', 'listVolunteerNeeds'],
      ['/help-offers?', 'listHelpOffers'],
    ] as const) {
      const separator = path.endsWith('?') ? '' : '&';
      assert.equal((await json(`${path}${separator}organization=${owner.slug}`, operationId)).items.length, 0, path);
    }
  });

  test('a filter on an unknown slug matches nothing, as one on an unknown UUID does', async () => {
    assert.deepEqual((await json('/polls?organization=gibt-es-nicht', 'listPolls')).items, []);
    assert.deepEqual((await json('/help-offers?organization=gibt-es-nicht', 'listHelpOffers')).items, []);
  });

  test('an unknown slug or short code is a 404 problem', async () => {
    const organization = await expectProblem(await fetch(`${hub.baseUrl}/organizations/gibt-es-nicht`), 404, 'not-found');
    assert.match(organization.detail ?? '', /gibt-es-nicht/);
    await expectProblem(await fetch(`${hub.baseUrl}/polls/ZZZZZZ`), 404, 'not-found');
    await expectProblem(await fetch(`${hub.baseUrl}/polls/ZZZZZZ/results`), 404, 'not-found');
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/gibt-es-nicht/polls`, {
        method: 'POST',
        headers: jsonWithKey(hub.adminToken),
        body: JSON.stringify(pollBody()),
      }),
      404,
      'not-found',
    );
  });
});

describe('migration 0006 on a Hub that has data already', () => {
  test('existing organizations get slugs, numbered by age when names collide; existing polls get short codes', async () => {
    const migrations = new URL('../src/db/migrations/', import.meta.url);
    const files = (await readdir(migrations)).filter((name) => name.endsWith('.sql')).sort();
    const upTo = files.indexOf('0006_readable_identifiers.sql');
    const database = await openDatabase();
    const run = (names: string[]) =>
      database.inScriptTransaction(async (session) => {
        for (const name of names) await session.exec(await readFile(new URL(name, migrations), 'utf8'));
      });
    try {
      await run(files.slice(0, upTo));
      await database.inScriptTransaction(async (session) => {
        await session.exec(`INSERT INTO organizations (name, sort_name, kind, created_at) VALUES
          ('Bürgerstiftung Würzburg', 'b', 'welfare', '2026-01-02'),
          ('Bürgerstiftung Würzburg', 'b', 'welfare', '2026-01-01'),
          ('Straßenfest-Verein Öttingen', 's', 'club', '2026-01-03')`);
        await session.exec(`INSERT INTO polls (organization_id, question, kind, max_choices, participation, results_visibility, opens_at, closes_at)
          SELECT id, 'Wohin?', 'single', 1, 'open', 'always', '2026-01-01', '2026-02-01' FROM organizations`);
      });
      await run(files.slice(upTo, upTo + 1));
      const organizations = await database.db.selectFrom('organizations').select(['slug', 'created_at']).orderBy('created_at').execute();
      assert.deepEqual(
        organizations.map((row) => row.slug),
        ['buergerstiftung-wuerzburg', 'buergerstiftung-wuerzburg-2', 'strassenfest-verein-oettingen'],
      );
      const codes = (await database.db.selectFrom('polls').select('short_code').execute()).map((row) => row.short_code);
      assert.equal(codes.length, 3);
      for (const code of codes) assert.match(code, /^[A-HJKMNP-Z2-9]{6}$/);
      assert.equal(new Set(codes).size, 3);
    } finally {
      await database.close();
    }
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.js';
import { loadContract } from '../src/http/contract.js';
import { purgeResponses } from '../src/volunteering/retention.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { expectProblem } from './support/problems.js';
import { everyPage } from './support/pages.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { dayFromNow, fromNow, now } from './support/clock.js';

const DAY = 86_400_000;

describe('volunteer needs and responses', () => {
  let hub: TestHub;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;
  let other: string;
  let clubNeedsKey: string;
  let clubResponsesKey: string;
  let otherKey: string;
  const logs = captureLogs('debug');
  /** Personal data sent in responses: must show up nowhere public and in no log line. */
  const secrets = ['Erika Mustermann', 'erika.mustermann@example.org', '931 555 0199', 'Ich kann beim Aufbau helfen.'];

  before(async () => {
    hub = await startTestHub({ logger: logs.logger, volunteering: { purgeIntervalMs: 0 } });
    client = volunteerClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    other = await client.organizationId('Nachbarschaftshilfe Höchberg e.V.');
    clubNeedsKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-needs:write'] })).key;
    clubResponsesKey = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-responses:manage'] })).key;
    otherKey = (
      await createApiKey(hub.database.db, { organizationId: other, scopes: ['volunteer-needs:write', 'volunteer-responses:manage'] })
    ).key;
  });
  after(() => hub.close());

  const allNeeds = (query: string) => everyPage(`${hub.baseUrl}/volunteer-needs?limit=4${query}`, 'listVolunteerNeeds');

  test('demo data: at least 20 example needs of several organizations across the region', async () => {
    const needs = await allNeeds('&status=open&status=filled&status=expired&status=closed');
    assert.ok(needs.length >= 20, `${needs.length} needs`);
    assert.ok(needs.every((need) => need.isExample));
    assert.ok(new Set(needs.map((need) => need.organization.organizationId)).size >= 8);
    assert.ok(new Set(needs.map((need) => need.municipalityId).filter(Boolean)).size >= 10);
    assert.ok(
      needs.some((need) => need.status === 'expired'),
      'a past need shows the expired state',
    );
    // By default only open needs, ongoing ones first and then by start.
    const open = await allNeeds('');
    assert.ok(open.every((need) => need.status === 'open'));
    const starts = open.map((need) => need.startsAt ?? '');
    assert.deepEqual(starts, [...starts].sort());
  });

  test('filters: municipality, organization, skill, range, remote, urgent, text; sort by urgency; pages without gaps', async () => {
    const ochsenfurt = await allNeeds('&municipality=ochsenfurt');
    assert.ok(ochsenfurt.length > 0 && ochsenfurt.every((need) => need.municipalityId === 'ochsenfurt'));
    const own = await allNeeds(`&organization=${club}`);
    assert.ok(own.length > 0 && own.every((need) => need.organization.organizationId === club));
    const drivers = await allNeeds('&skill=f%C3%BChrerschein');
    assert.ok(drivers.length >= 2 && drivers.every((need) => need.skills.some((skill) => skill.toLowerCase() === 'führerschein')));
    const remote = await allNeeds('&remote=true');
    assert.ok(remote.length >= 2 && remote.every((need) => need.remote === true));
    const urgent = await allNeeds('&urgent=true');
    assert.ok(urgent.length >= 3 && urgent.every((need) => need.urgent === true));
    const text = await allNeeds('&q=kuernach');
    assert.ok(text.length >= 2, 'the place "Kürnach" is found typed without umlaut');
    const from = dayFromNow(10);
    const to = dayFromNow(25);
    const ranged = await allNeeds(`&from=${from}&to=${to}`);
    for (const need of ranged) {
      if (need.endsAt) assert.ok(Date.parse(need.endsAt) >= Date.parse(from), need.title);
      if (need.startsAt) assert.ok(Date.parse(need.startsAt) < Date.parse(to) + DAY, need.title);
    }
    assert.ok(
      ranged.some((need) => need.startsAt === null),
      'ongoing needs match every range',
    );
    const byUrgency = await allNeeds('&sort=urgency');
    const all = await allNeeds('');
    assert.deepEqual(new Set(byUrgency.map((need) => need.id)), new Set(all.map((need) => need.id)));
    assert.equal(byUrgency.length, all.length, 'no need twice');
    const firstCalm = byUrgency.findIndex((need) => !need.urgent);
    assert.ok(firstCalm > 0 && byUrgency.slice(firstCalm).every((need) => !need.urgent), 'urgent needs first');
  });

  test('an organization posts, edits, closes, reopens and deletes its needs with its key', async () => {
    const summary = 'Wir verkaufen Kuchen beim Fuß·ball·spiel. Helfen Sie mit?';
    const response = await client.create(club, needBody({ title: 'Kuchenverkauf beim Heimspiel', easyReadSummary: summary }), clubNeedsKey);
    assert.match(response.headers.get('location') ?? '', /^\/volunteer-needs\//);
    const need = await expectDocumented(response, 'createVolunteerNeed', 201);
    assert.equal(need.status, 'open');
    assert.equal(need.easyReadSummary, summary);
    assert.deepEqual(await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs/${need.id}`), 'getVolunteerNeed'), need);
    const listed = await expectDocumented(
      await fetch(`${hub.baseUrl}/volunteer-needs?organization=${club}&limit=100`),
      'listVolunteerNeeds',
    );
    assert.equal(listed.items.find((item) => item.id === need.id)?.easyReadSummary, summary);
    const tooLong = await expectProblem(
      await client.create(club, needBody({ easyReadSummary: 'x'.repeat(1001) }), clubNeedsKey),
      422,
      'validation-failed',
    );
    assert.ok(
      tooLong.errors?.some((error) => error.pointer === '/body/easyReadSummary'),
      JSON.stringify(tooLong.errors),
    );
    assert.equal(need.peopleStillNeeded, 2);
    assert.equal(need.privacyNotice?.url, 'https://tsv-ochsenfurt.example/datenschutz');
    const patched = await expectDocumented(
      await client.patch(need.id, { peopleNeeded: 3, urgent: true, easyReadSummary: null }, clubNeedsKey),
      'updateVolunteerNeed',
    );
    assert.equal(patched.peopleStillNeeded, 3);
    assert.equal(patched.easyReadSummary, null, 'null removes the summary');
    assert.equal(
      (await expectDocumented(await client.patch(need.id, { status: 'closed' }, clubNeedsKey), 'updateVolunteerNeed')).status,
      'closed',
    );
    assert.equal(
      (await expectDocumented(await client.patch(need.id, { status: 'open' }, clubNeedsKey), 'updateVolunteerNeed')).status,
      'open',
    );
    await expectProblem(await client.patch(need.id, { urgent: false }, otherKey), 403, 'forbidden');
    await expectProblem(await client.create(club, needBody(), otherKey), 403, 'forbidden');
    await expectProblem(await client.create(club, needBody(), clubResponsesKey), 403, 'forbidden');
    await expectProblem(
      await fetch(`${hub.baseUrl}/organizations/${club}/volunteer-needs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      401,
      'unauthorized',
    );
    const removed = await fetch(`${hub.baseUrl}/volunteer-needs/${need.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${clubNeedsKey}` },
    });
    assert.equal(removed.status, 204);
    await expectProblem(await fetch(`${hub.baseUrl}/volunteer-needs/${need.id}`), 404, 'not-found');
  });

  test('a citizen responds; only the organization reads the response, as JSON and CSV; accepting counts down "still needed", declining does not', async () => {
    const need = await client.created(club, needBody({ peopleNeeded: 1 }));
    const response = await client.respond(need.id, await client.responseBody(need));
    const receipt = await expectDocumented(response.clone(), 'createVolunteerResponse', 201);
    const text = await response.text();
    for (const secret of secrets) assert.ok(!text.includes(secret), 'the receipt repeats no personal data');
    assert.equal(receipt.organization.name, 'TSV Ochsenfurt 1862 e.V.');

    const listed = await client.responses(club, clubResponsesKey, `?need=${need.id}`);
    assert.equal(listed.headers.get('cache-control'), 'no-store');
    const page = await expectDocumented(listed, 'listVolunteerResponses');
    assert.equal(page.items.length, 1);
    const item = page.items[0]!;
    assert.equal(item.name, 'Erika Mustermann');
    assert.equal(item.email, 'erika.mustermann@example.org');
    assert.equal(item.consent.privacyNoticeVersion, need.privacyNotice?.version);
    assert.equal(item.consent.privacyNoticeUrl, need.privacyNotice?.url);
    assert.equal(item.status, 'new');
    assert.equal(item.decidedAt, null);
    const deleteAfter = new Date(Date.parse(need.endsAt as string) + 90 * DAY).toISOString().slice(0, 10);
    assert.equal(item.deleteAfter, deleteAfter);

    const csv = await client.responses(club, clubResponsesKey, `?need=${need.id}`, 'text/csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n');
    assert.equal(rows.length, 2);
    // A phone number stays readable: made of digits, spaces and + ( ) / - it can hold no formula that does anything (http/csv.ts).
    assert.match(rows[1]!, /Erika Mustermann,erika\.mustermann@example\.org,\+49 931 555 0199,/);

    // Another organization's key, a key without the scope, no key: nothing.
    await expectProblem(await client.responses(club, otherKey), 403, 'forbidden');
    await expectProblem(await client.responses(club, otherKey, '', 'text/csv'), 403, 'forbidden');
    await expectProblem(await client.responses(club, clubNeedsKey), 403, 'forbidden');
    await expectProblem(await fetch(`${hub.baseUrl}/organizations/${club}/volunteer-responses`), 401, 'unauthorized');
    const accept = { status: 'accepted' };
    await expectProblem(await client.decide(club, item.id, accept, otherKey), 403, 'forbidden');
    await expectProblem(await client.decide(other, item.id, accept, otherKey), 404, 'not-found');

    const accepted = await expectDocumented(await client.decide(club, item.id, accept, clubResponsesKey), 'updateVolunteerResponse');
    assert.equal(accepted.status, 'accepted');
    assert.ok(accepted.decidedAt !== null && !Number.isNaN(Date.parse(accepted.decidedAt)), 'accepted at a moment');
    // Accepting twice counts once.
    assert.equal((await client.decide(club, item.id, accept, clubResponsesKey)).status, 200);
    let state = await client.need(need.id);
    assert.equal(state.peopleStillNeeded, 0);
    assert.equal(state.status, 'filled');
    const csvRow = (await (await client.responses(club, clubResponsesKey, `?need=${need.id}`, 'text/csv')).text()).split('\r\n')[1]!;
    assert.ok(csvRow.includes(`,accepted,${accepted.decidedAt},`), csvRow);

    // Declined: thanked, not counted; listed under its status.
    const declined = await expectDocumented(
      await client.decide(club, item.id, { status: 'declined' }, clubResponsesKey),
      'updateVolunteerResponse',
    );
    assert.equal(declined.status, 'declined');
    state = await client.need(need.id);
    assert.equal(state.peopleStillNeeded, 1);
    assert.equal(state.status, 'open');
    const byStatus = async (query: string) =>
      (await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${need.id}${query}`), 'listVolunteerResponses')).items
        .length;
    assert.equal(await byStatus('&status=declined'), 1);
    assert.equal(await byStatus('&status=new&status=accepted'), 0);
    assert.equal(await byStatus('&accepted=false'), 1);

    // `new` takes the decision back.
    const undecided = await expectDocumented(
      await client.decide(club, item.id, { status: 'new' }, clubResponsesKey),
      'updateVolunteerResponse',
    );
    assert.deepEqual([undecided.status, undecided.decidedAt], ['new', null]);
    assert.equal((await client.need(need.id)).peopleStillNeeded, 1);
  });

  test('deleting a response now: 204, gone, an accepted one stops counting, recorded without personal data; other organizations cannot', async () => {
    const need = await client.created(club, needBody({ peopleNeeded: 2 }));
    await client.respond(need.id, await client.responseBody(need));
    const [item] = (await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${need.id}`), 'listVolunteerResponses'))
      .items;
    await client.decide(club, item!.id, { status: 'accepted' }, clubResponsesKey);
    assert.equal((await client.need(need.id)).peopleStillNeeded, 1);

    await expectProblem(await client.remove(club, item!.id, otherKey), 403, 'forbidden');
    await expectProblem(await client.remove(other, item!.id, otherKey), 404, 'not-found');
    await expectProblem(await client.remove(club, item!.id, clubNeedsKey), 403, 'forbidden');

    const removed = await client.remove(club, item!.id, clubResponsesKey);
    assert.equal(removed.status, 204);
    const left = await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${need.id}`), 'listVolunteerResponses');
    assert.deepEqual(left.items, []);
    assert.equal((await client.need(need.id)).peopleStillNeeded, 2);
    await expectProblem(await client.remove(club, item!.id, clubResponsesKey), 404, 'not-found');

    const entry = await hub.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'deleteVolunteerResponse')
      .where('resource_id', '=', item!.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([entry.organization_id, entry.resource_type], [club, 'volunteer-response']);
    const logged = JSON.stringify(entry);
    for (const secret of secrets) assert.ok(!logged.includes(secret), `the audit entry holds no "${secret}"`);
  });

  test('the same Idempotency-Key twice → one response and the same answer; other content → 422; a used proof → 422', async () => {
    const need = await client.created(club);
    const key = randomUUID();
    const body = await client.responseBody(need, { name: 'Max Doppelt' });
    const first = await client.respond(need.id, body, key);
    const second = await client.respond(need.id, body, key);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(
      await expectDocumented(second, 'createVolunteerResponse', 201),
      await expectDocumented(first, 'createVolunteerResponse', 201),
    );
    const changed = await expectProblem(
      await client.respond(need.id, { ...body, message: 'Doch nicht.' }, key),
      422,
      'idempotency-key-reused',
    );
    assert.match(changed.detail ?? '', /other content/);
    const reused = await expectProblem(await client.respond(need.id, body, randomUUID()), 422, 'proof-invalid');
    assert.match(reused.detail ?? '', /already used/);
    const page = await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${need.id}`), 'listVolunteerResponses');
    assert.equal(page.items.length, 1);
  });

  test('a filled honeypot gets the same 201 answer, but nothing is stored', async () => {
    const need = await client.created(club);
    const response = await client.respond(need.id, await client.responseBody(need, { name: 'Bot', honeypot: 'https://spam.example' }));
    const receipt = await expectDocumented(response, 'createVolunteerResponse', 201);
    assert.deepEqual(Object.keys(receipt).sort(), ['organization', 'receivedAt', 'shifts', 'status', 'volunteerNeedId']);
    assert.equal(receipt.status, 'pending', 'a need without shifts: the organization decides');
    const page = await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${need.id}`), 'listVolunteerResponses');
    assert.equal(page.items.length, 0);
  });

  test('validation names each field: consent, contact, privacy notice version, e-mail, proof', async () => {
    const need = await client.created(club);
    const valid = await client.responseBody(need);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ consent: undefined }, ['/body/consent']],
      [{ consent: { accepted: false, privacyNoticeVersion: need.privacyNotice!.version } }, ['/body/consent/accepted']],
      [{ consent: { accepted: true, privacyNoticeVersion: 'outdated' } }, ['/body/consent/privacyNoticeVersion']],
      [{ email: undefined, phone: undefined }, ['/body/email', '/body/phone']],
      [{ email: 'not-an-address' }, ['/body/email']],
      [{ phone: 'call me' }, ['/body/phone']],
      [{ name: '   ' }, ['/body/name']],
      [{ name: undefined, consent: undefined, proof: undefined }, ['/body/name', '/body/consent', '/body/proof']],
      [{ message: 'x'.repeat(2001) }, ['/body/message']],
      [{ unknown: true }, ['/body/unknown']],
    ];
    for (const [overrides, pointers] of cases) {
      const problem = await expectProblem(await client.respond(need.id, { ...valid, ...overrides }), 422, 'validation-failed');
      for (const pointer of pointers) {
        assert.ok(
          problem.errors?.some((error) => error.pointer === pointer),
          `${JSON.stringify(Object.keys(overrides))}: ${pointer} in ${problem.detail}`,
        );
      }
    }
  });

  test('closed and past needs and organizations without a privacy notice take no responses (409)', async () => {
    const closed = await client.created(club);
    const body = await client.responseBody(closed);
    await client.patch(closed.id, { status: 'closed' });
    await expectProblem(await client.respond(closed.id, body), 409, 'volunteer-need-not-open');
    await expectProblem(await fetch(`${hub.baseUrl}/volunteer-needs/${closed.id}/challenge`), 409, 'volunteer-need-not-open');
    const past = await client.created(club, needBody({ startsAt: fromNow(-3 * DAY), endsAt: fromNow(-2 * DAY) }));
    assert.equal(past.status, 'expired');
    await expectProblem(
      await client.respond(past.id, { ...body, proof: (body as { proof: unknown }).proof }),
      409,
      'volunteer-need-not-open',
    );
    const brigade = await client.organizationId('Freiwillige Feuerwehr Veitshöchheim');
    const noNotice = await client.created(brigade);
    assert.equal(noNotice.privacyNotice, null);
    const problem = await expectProblem(await client.respond(noNotice.id, { ...body }), 409, 'conflict');
    assert.match(problem.detail ?? '', /privacy notice/);
  });

  test('bad input anywhere → problem+json 4xx, never 500', async () => {
    const need = await client.created(club);
    const url = `${hub.baseUrl}/volunteer-needs`;
    const admin = { authorization: `Bearer ${hub.adminToken}` };
    // Responses are the club's personal data: its own key reads them, a region admin does not.
    const coordinator = { authorization: `Bearer ${clubResponsesKey}` };
    const wellFormed =
      '{"name":"A","email":"a@example.org","consent":{"accepted":true,"privacyNoticeVersion":"x"},"proof":{"challenge":{"parameters":{"algorithm":"SHA-256","nonce":"x","salt":"y","cost":1,"keyLength":32,"keyPrefix":"zz"},"signature":"n"},"solution":{"counter":1,"derivedKey":"ab"}}}';
    const requests: [string, RequestInit, number][] = [
      [`${url}?limit=0`, {}, 400],
      [`${url}?limit=101`, {}, 400],
      [`${url}?cursor=nonsense`, {}, 400],
      [`${url}?sort=random`, {}, 400],
      [`${url}?status=maybe`, {}, 400],
      [`${url}?from=2026-13-45`, {}, 400],
      [`${url}?remote=perhaps`, {}, 400],
      [`${url}?municipality=NOT A SLUG`, {}, 400],
      [`${url}?sort=urgency&cursor=${Buffer.from('["a","b"]').toString('base64url')}`, {}, 400],
      [`${url}/not-a-uuid`, {}, 400],
      [`${url}/${randomUUID()}`, {}, 404],
      [`${url}/${randomUUID()}/challenge`, {}, 404],
      [
        `${url}/${need.id}/responses`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: '{"name":' },
        400,
      ],
      [
        `${url}/${need.id}/responses`,
        { method: 'POST', headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() }, body: 'hi' },
        415,
      ],
      [`${url}/${need.id}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: wellFormed }, 400],
      [
        `${url}/${need.id}/responses`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'short' }, body: wellFormed },
        400,
      ],
      [
        `${url}/${need.id}/responses`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: wellFormed.replace('"x"', JSON.stringify(need.privacyNotice!.version)),
        },
        422,
      ],
      [
        `${url}/${randomUUID()}/responses`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: wellFormed },
        404,
      ],
      [`${url}/${need.id}`, { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: '{}' }, 422],
      [
        `${url}/${need.id}`,
        { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: '{"endsAt":"2020-01-01T00:00:00Z"}' },
        422,
      ],
      [
        `${url}/${need.id}`,
        { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: '{"peopleNeeded":0}' },
        422,
      ],
      [
        `${url}/${need.id}`,
        { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: '{"municipalityId":"atlantis"}' },
        422,
      ],
      [
        `${url}/${need.id}`,
        { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: '{"skills":["Kochen","kochen"]}' },
        422,
      ],
      [
        `${hub.baseUrl}/organizations/${randomUUID()}/volunteer-needs`,
        { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(needBody()) },
        404,
      ],
      [
        `${hub.baseUrl}/organizations/${club}/volunteer-needs`,
        { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: '{"title":"x"}' },
        422,
      ],
      [`${hub.baseUrl}/organizations/${club}/volunteer-responses?cursor=xyz`, { headers: coordinator }, 400],
      [`${hub.baseUrl}/organizations/${club}/volunteer-responses?accepted=vielleicht`, { headers: coordinator }, 400],
      [`${hub.baseUrl}/organizations/${club}/volunteer-responses?status=accepted&status=vielleicht`, { headers: coordinator }, 400],
      [
        `${hub.baseUrl}/organizations/${club}/volunteer-responses/${randomUUID()}`,
        { method: 'PATCH', headers: { ...coordinator, 'content-type': 'application/json' }, body: '{"status":"yes"}' },
        422,
      ],
      [
        `${hub.baseUrl}/organizations/${club}/volunteer-responses/${randomUUID()}`,
        { method: 'PATCH', headers: { ...coordinator, 'content-type': 'application/json' }, body: '{"status":"accepted"}' },
        404,
      ],
    ];
    for (const [target, init, status] of requests) {
      const response = await fetch(target, init);
      const text = await response.text();
      assert.equal(response.status, status, `${init.method ?? 'GET'} ${target}: ${text}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, target);
    }
  });

  test('retention: responses go 90 days after their need ended; running and recent needs keep theirs', async () => {
    const old = await client.created(club);
    const recent = await client.created(club);
    const ongoing = await client.created(club, needBody({ startsAt: null, endsAt: null }));
    for (const need of [old, recent, ongoing]) {
      assert.equal((await client.respond(need.id, await client.responseBody(need, { name: `Retention ${need.id}` }))).status, 201);
    }
    // The needs ended in the past: moved there directly, as time would.
    await sql`UPDATE volunteer_needs SET starts_at = ${fromNow(-100 * DAY)}, ends_at = ${fromNow(-95 * DAY)} WHERE id = ${old.id}`.execute(
      hub.database.db,
    );
    await sql`UPDATE volunteer_needs SET closed_at = ${fromNow(-10 * DAY)} WHERE id = ${recent.id}`.execute(hub.database.db);
    const listedFor = async (needId: string) =>
      (await expectDocumented(await client.responses(club, clubResponsesKey, `?need=${needId}`), 'listVolunteerResponses')).items;
    const count = async (needId: string) => (await listedFor(needId)).length;
    const [listed] = await listedFor(old.id);
    const deleteAfter = listed?.deleteAfter;
    assert.ok(deleteAfter, 'a response to a need that ended has a deletion date');
    assert.ok(Date.parse(deleteAfter) < now().getTime(), 'deleteAfter says it is due');
    assert.equal(await purgeResponses(hub.database.db, 90), 1);
    assert.equal(await count(old.id), 0);
    assert.equal(await count(recent.id), 1);
    assert.equal(await count(ongoing.id), 1);
    assert.equal(await purgeResponses(hub.database.db, 5), 1, 'a shorter period takes the recently closed need too');
    assert.equal(await count(ongoing.id), 1);
    assert.equal((await client.need(old.id)).peopleNeeded, 2, 'the need itself stays');
  });

  test('personal data never appears in any public answer nor in the log', async () => {
    const need = await client.created(club);
    assert.equal((await client.respond(need.id, await client.responseBody(need))).status, 201);
    const contract = loadContract();
    const ids: Record<string, string> = {
      volunteerNeedId: need.id,
      organizationId: club,
      municipalityId: 'ochsenfurt',
    };
    const read = (path: string) => fetch(`${hub.baseUrl}${path}`);
    const [occurrence] = (
      await expectDocumented(await read(`/events?from=${dayFromNow()}&to=${dayFromNow(60)}&limit=1`), 'listEventOccurrences')
    ).items;
    const [offer] = (await expectDocumented(await read('/help-offers?limit=1'), 'listHelpOffers')).items;
    const [poll] = (await expectDocumented(await read('/polls?limit=1'), 'listPolls')).items;
    // An occurrence names its event by `eventId`.
    ids.eventId = occurrence?.eventId ?? randomUUID();
    ids.helpOfferId = offer?.id ?? randomUUID();
    ids.pollId = poll?.id ?? randomUUID();
    const publicReads = contract.operations.filter(
      (operation) =>
        operation.method === 'GET' &&
        (operation.security.length === 0 || operation.security.some((requirement) => Object.keys(requirement).length === 0)),
    );
    assert.ok(publicReads.some((operation) => operation.path === '/volunteer-needs/{volunteerNeedId}'));
    const today = dayFromNow();
    const later = dayFromNow(60);
    let checked = 0;
    for (const operation of publicReads) {
      const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => ids[name] ?? randomUUID());
      const query =
        operation.path === '/events'
          ? `?from=${today}&to=${later}`
          : operation.path.startsWith('/volunteer-needs') || operation.path === '/polls'
            ? '?limit=100'
            : '';
      for (const accept of ['application/json', 'text/csv', 'text/calendar']) {
        const response = await fetch(`${hub.baseUrl}${path}${query}`, { headers: { accept } });
        const text = await response.text();
        for (const secret of secrets) assert.ok(!text.includes(secret), `${operation.operationId} (${accept}) shows "${secret}"`);
        checked += 1;
      }
    }
    assert.ok(checked >= 3 * 20, `${checked} public answers checked`);
    const log = logs.text();
    assert.ok(log.includes('volunteer-needs'), 'the log was captured');
    for (const secret of secrets) assert.ok(!log.includes(secret), `the log shows "${secret}"`);
  });
});

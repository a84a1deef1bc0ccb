import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';

describe('every request the contract does not allow gets a problem+json 4xx', () => {
  let hub: TestHub;
  let orgId: string;
  const json = { 'content-type': 'application/json' };
  const admin = () => ({ ...json, authorization: `Bearer ${hub.adminToken}` });

  before(async () => {
    hub = await startTestHub({ bodyLimit: 4096 });
    const page = await expectDocumented(await fetch(`${hub.baseUrl}/organizations?limit=1`), 'listOrganizations');
    orgId = page.items[0]!.id;
  });
  after(() => hub.close());

  test('unknown route → 404', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/nowhere?x=1`), 404, 'not-found');
    assert.equal(problem.detail, 'There is nothing at /nowhere.');
  });

  test('unknown municipality → 404 naming it', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/municipalities/atlantis`), 404, 'not-found');
    assert.match(problem.detail ?? '', /atlantis/);
  });

  test('wrong method on a known path → 405 with Allow', async () => {
    const response = await fetch(`${hub.baseUrl}/municipalities`, { method: 'DELETE' });
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    await expectProblem(response, 405, 'method-not-allowed');
    const onItem = await fetch(`${hub.baseUrl}/organizations/${orgId}`, { method: 'PUT', headers: admin(), body: '{}' });
    assert.equal(onItem.headers.get('allow'), 'GET, PATCH, HEAD');
    await expectProblem(onItem, 405, 'method-not-allowed');
  });

  test('malformed JSON → 400', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body: '{"name": "A' });
    const problem = await expectProblem(response, 400, 'invalid-request');
    assert.match(problem.detail ?? '', /JSON/);
  });

  test('wrong types and unknown fields in a body → 422 naming each field', async () => {
    const body = JSON.stringify({ name: 42, kind: 'castle', favourite: true });
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }),
      422,
      'validation-failed',
    );
    const pointers = problem.errors?.map((error) => error.pointer) ?? [];
    assert.ok(pointers.includes('/body/name'), pointers.join());
    assert.ok(pointers.includes('/body/kind'), pointers.join());
    assert.ok(pointers.includes('/body/favourite'), pointers.join());
  });

  test('a missing required field → 422 naming it', async () => {
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body: JSON.stringify({ kind: 'club' }) }),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/body/name'],
    );
  });

  test('a municipality that does not exist → 422', async () => {
    const body = JSON.stringify({ name: 'Verein', kind: 'club', municipalityId: 'atlantis' });
    const problem = await expectProblem(
      await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }),
      422,
      'validation-failed',
    );
    assert.equal(problem.errors?.[0]?.pointer, '/body/municipalityId');
  });

  test('wrong query parameters → 400 naming the parameter', async () => {
    for (const [query, pointer] of [
      ['limit=1000', '/query/limit'],
      ['limit=zero', '/query/limit'],
      ['district=Mars', '/query/district'],
      ['cursor=bm9wZQ', '/query/cursor'],
    ] as const) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}/municipalities?${query}`), 400, 'invalid-request');
      assert.equal(problem.errors?.[0]?.pointer, pointer, query);
    }
  });

  test('a malformed path parameter → 400', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/organizations/Not_A_Slug`), 400, 'invalid-request');
    assert.equal(problem.errors?.[0]?.pointer, '/path/organizationId');
  });

  test('body too large → 413', async () => {
    const body = JSON.stringify({ name: 'Verein', kind: 'club', description: 'x'.repeat(10_000) });
    await expectProblem(await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: admin(), body }), 413, 'payload-too-large');
  });

  test('wrong content type → 415', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'text/plain' },
      body: 'name=Verein',
    });
    await expectProblem(response, 415, 'unsupported-media-type');
  });

  test('no key → 401 with WWW-Authenticate, before the body is even looked at', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, { method: 'POST', headers: json, body: '{' });
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    await expectProblem(response, 401, 'unauthorized');
  });

  test('an unknown key → 401', async () => {
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer sr_not-a-key' },
      body: JSON.stringify({ name: 'Verein', kind: 'club' }),
    });
    await expectProblem(response, 401, 'unauthorized');
  });
});

describe('every field error says which rule failed (code, and the bound as limit), so forms can say it in any language', () => {
  let hub: TestHub;
  let orgId: string;
  const admin = () => ({ 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` });
  const write = (method: string, path: string, body: unknown) =>
    fetch(`${hub.baseUrl}${path}`, { method, headers: admin(), body: JSON.stringify(body) });
  /** The errors of a 422 as `pointer code limit` lines (limit only where the rule has one). */
  const rules = async (response: Response) =>
    ((await expectProblem(response, 422, 'validation-failed')).errors ?? []).map((error) =>
      [error.pointer, error.code, error.limit].filter((part) => part !== undefined).join(' '),
    );

  before(async () => {
    hub = await startTestHub();
    orgId = (await expectDocumented(await fetch(`${hub.baseUrl}/organizations?limit=1`), 'listOrganizations')).items[0]!.id;
  });
  after(() => hub.close());

  test("the contract's schema: the keyword and its bound", async () => {
    const tooLong = await rules(await write('POST', '/organizations', { name: 'x'.repeat(201), kind: 'castle', favourite: true }));
    assert.ok(tooLong.includes('/body/name maxLength 200'), tooLong.join());
    assert.ok(tooLong.includes('/body/kind enum'), tooLong.join());
    assert.ok(tooLong.includes('/body/favourite additionalProperties'), tooLong.join());
    assert.deepEqual(await rules(await write('POST', '/organizations', { kind: 'club' })), ['/body/name required']);
    assert.deepEqual(await rules(await write('PATCH', `/organizations/${orgId}`, { name: 42 })), ['/body/name type']);
    const options = Array.from({ length: 21 }, (_, index) => ({ label: `Option ${index}` }));
    const poll = { question: 'Welche?', options, opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' };
    assert.deepEqual(await rules(await write('POST', `/organizations/${orgId}/polls`, poll)), ['/body/options maxItems 20']);
    const query = await expectProblem(await fetch(`${hub.baseUrl}/municipalities?limit=1000`), 400, 'invalid-request');
    assert.deepEqual(
      query.errors?.map(({ code, limit }) => [code, limit]),
      [['maximum', 100]],
    );
  });

  test("the Hub's own rules: a stable name each", async () => {
    const event = { title: 'Sommerfest', start: '2027-07-04T18:00', end: '2027-07-04T16:00' };
    assert.deepEqual(await rules(await write('POST', `/organizations/${orgId}/events`, event)), ['/body/end end-before-start']);
    assert.deepEqual(await rules(await write('PATCH', `/organizations/${orgId}`, { municipalityId: 'atlantis' })), [
      '/body/municipalityId unknown-reference',
    ]);
    const poll = {
      question: 'Welcher Tag?',
      options: [{ label: 'Samstag' }, { label: 'samstag ' }],
      opensAt: '2027-02-01T00:00:00Z',
      closesAt: '2027-01-01T00:00:00Z',
    };
    assert.deepEqual(await rules(await write('POST', `/organizations/${orgId}/polls`, poll)), [
      '/body/closesAt end-before-start',
      '/body/options/1/label duplicate',
    ]);
    const need = { title: '  A  ', description: 'Beim Aufbau helfen', peopleNeeded: 2, skills: ['Aufbau', ' aufbau'] };
    assert.deepEqual(await rules(await write('POST', `/organizations/${orgId}/volunteer-needs`, need)), [
      '/body/title too-short 3',
      '/body/skills/1 duplicate',
    ]);
  });
});

describe('hostile text and missing bodies get a problem+json 4xx naming the field, never a 500', () => {
  let hub: TestHub;
  let orgId: string;
  let pollId: string;
  let needId: string;
  const admin = () => ({ 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` });

  before(async () => {
    hub = await startTestHub();
    orgId = (await expectDocumented(await fetch(`${hub.baseUrl}/organizations?limit=1`), 'listOrganizations')).items[0]!.id;
    pollId = (await expectDocumented(await fetch(`${hub.baseUrl}/polls?limit=1`), 'listPolls')).items[0]!.id;
    needId = (await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?limit=1`), 'listVolunteerNeeds')).items[0]!.id;
  });
  after(() => hub.close());

  test('U+0000 in a query parameter → 400 naming it', async () => {
    for (const [path, pointer] of [
      ['/events?q=a%00b', '/query/q'],
      ['/events.ics?q=%00', '/query/q'],
      ['/organizations?q=Verein%00', '/query/q'],
      ['/volunteer-needs?q=%00', '/query/q'],
      ['/volunteer-needs?skill=Auf%00bau', '/query/skill'],
      ['/help-offers?q=sucht%00', '/query/q'],
      ['/municipalities?q=h%00', '/query/q'],
    ] as const) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}${path}`), 400, 'invalid-request');
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        [pointer],
        path,
      );
      assert.match(problem.errors?.[0]?.reason ?? '', /NUL/);
    }
  });

  test('U+0000 in a path parameter → 400 naming it', async () => {
    const problem = await expectProblem(await fetch(`${hub.baseUrl}/municipalities/h%00chberg`), 400, 'invalid-request');
    assert.equal(problem.errors?.[0]?.pointer, '/path/municipalityId');
  });

  test('U+0000 in a body field, however deep → 422 naming it', async () => {
    const bodies: [string, string, unknown, string][] = [
      ['POST', `/organizations`, { name: 'Verein\u0000', kind: 'club' }, '/body/name'],
      ['PATCH', `/organizations/${orgId}`, { description: 'a\u0000' }, '/body/description'],
      ['POST', `/organizations/${orgId}/events`, { title: 'Fest', location: { name: 'Halle\u0000' } }, '/body/location/name'],
      ['POST', `/organizations/${orgId}/volunteer-needs`, { title: 'Hilfe', skills: ['ok', 'Auf\u0000bau'] }, '/body/skills/1'],
      ['POST', `/organizations/${orgId}/help-offers`, { 'na/me\u0000': 1 }, '/body/na~1me\u0000'],
    ];
    for (const [method, path, body, pointer] of bodies) {
      const problem = await expectProblem(
        await fetch(`${hub.baseUrl}${path}`, { method, headers: admin(), body: JSON.stringify(body) }),
        422,
        'validation-failed',
      );
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        [pointer],
        path,
      );
    }
    // The public citizen writes too.
    const response = await fetch(`${hub.baseUrl}/volunteer-needs/${needId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        name: 'Erika\u0000',
        email: 'erika@example.org',
        message: 'x',
        consent: { accepted: true, privacyNoticeVersion: 'v' },
      }),
    });
    const problem = await expectProblem(response, 422, 'validation-failed');
    assert.equal(problem.errors?.[0]?.pointer, '/body/name');
  });

  test('U+0000 in an iCalendar import → 422 naming the line', async () => {
    const feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//t//DE',
      'BEGIN:VEVENT',
      'UID:nul@example.org',
      'DTSTART:20270101T100000Z',
      'SUMMARY:Fest\u0000',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const response = await fetch(`${hub.baseUrl}/organizations/${orgId}/calendar-imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/calendar', authorization: `Bearer ${hub.adminToken}` },
      body: feed,
    });
    const problem = await expectProblem(response, 422, 'validation-failed');
    assert.equal(problem.errors?.[0]?.pointer, '/body');
    assert.match(problem.errors?.[0]?.reason ?? '', /line 7\b/);
  });

  test('a POST or PATCH without a body → 400 "a request body is required", for every operation that needs one', async () => {
    const writes: [string, string, Record<string, string>][] = [
      ['POST', `/polls/${pollId}/votes`, { 'idempotency-key': crypto.randomUUID() }],
      ['POST', `/volunteer-needs/${needId}/responses`, { 'idempotency-key': crypto.randomUUID() }],
      ['POST', '/organizations', { authorization: `Bearer ${hub.adminToken}` }],
      ['PATCH', `/organizations/${orgId}`, { authorization: `Bearer ${hub.adminToken}` }],
      ['POST', `/organizations/${orgId}/calendar-imports`, { authorization: `Bearer ${hub.adminToken}` }],
      ['PATCH', `/polls/${pollId}`, { authorization: `Bearer ${hub.adminToken}` }],
      // An empty body of a text type reaches the Hub as '', not as no body (found by the contract fuzzer).
      ['POST', '/organizations', { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'text/calendar' }],
      ['POST', `/polls/${pollId}/votes`, { 'idempotency-key': crypto.randomUUID(), 'content-type': 'text/calendar' }],
    ];
    for (const [method, path, headers] of writes) {
      const problem = await expectProblem(await fetch(`${hub.baseUrl}${path}`, { method, headers }), 400, 'invalid-request');
      assert.deepEqual(problem.errors, [{ pointer: '/body', reason: 'is required', code: 'required' }], `${method} ${path}`);
      assert.match(problem.detail ?? '', /body is required/);
    }
  });

  test('errors of the router and of the HTTP parser are problems too', async () => {
    const badEscape = await expectProblem(await fetch(`${hub.baseUrl}/events/%ZZ`), 400, 'invalid-request');
    assert.match(badEscape.detail ?? '', /percent-escape/);
    await expectProblem(await fetch(`${hub.baseUrl}/events/${'a'.repeat(200)}`), 414, 'uri-too-long');
    await expectProblem(await fetch(`${hub.baseUrl}/municipalities?q=${'a'.repeat(20_000)}`), 431, 'request-header-fields-too-large');
    await expectProblem(await fetch(`${hub.baseUrl}/nowhere/${'%C3%BC'.repeat(3)}`), 404, 'not-found');
  });

  test('an e-mail address that would add headers to a mailto: draft → 422 naming the field', async () => {
    for (const email of [
      'info?bcc=someone@elsewhere.example&subject=x@example.org',
      'a%0Abcc@example.org',
      'a b@example.org',
      'info#x@example.org',
      'a&b@example.org',
      '"quoted"@example.org',
      'a@b',
      'a@-example.org',
    ]) {
      const problem = await expectProblem(
        await fetch(`${hub.baseUrl}/organizations/${orgId}`, { method: 'PATCH', headers: admin(), body: JSON.stringify({ email }) }),
        422,
        'validation-failed',
      );
      assert.deepEqual(
        problem.errors?.map((error) => error.pointer),
        ['/body/email'],
        email,
      );
    }
    for (const email of ['info@sv-hoechberg.example', "o'brien+verein@example.org", 'a.b-c_d@mail.xn--wrzburg-n2a.example']) {
      const response = await fetch(`${hub.baseUrl}/organizations/${orgId}`, {
        method: 'PATCH',
        headers: admin(),
        body: JSON.stringify({ email }),
      });
      assert.equal(response.status, 200, `${email}: ${await response.text()}`);
    }
  });
});

describe('rate limit', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  after(() => hub.close());

  test('too many requests → 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${hub.baseUrl}/municipalities?limit=1`)).status, 200);
    const response = await fetch(`${hub.baseUrl}/municipalities?limit=1`);
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    await expectProblem(response, 429, 'rate-limited');
  });
});

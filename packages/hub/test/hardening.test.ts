import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { csvCell } from '../src/http/csv.js';
import { expectDocumented } from './support/contract.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { expectProblem } from './support/problems.js';
import { volunteerClient } from './support/volunteering.js';

describe('CSV cells a spreadsheet could run as a formula', () => {
  test('every formula start is neutralised, also behind whitespace, control or full-width characters', () => {
    for (const value of [
      '=1+1',
      '+SUM(A1)',
      '-2+3',
      '@cmd',
      ' =HYPERLINK("x")',
      '\n=1',
      '\t=1',
      '\r=1',
      '\u3000=1',
      '\uFF1D1+1',
      '\uFF0BA1',
      '\uFF0D1',
      '\uFF20A1',
      '\tfoo',
      '\nfoo',
    ]) {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      assert.equal(unquoted, `'${value}`, JSON.stringify(value));
    }
  });

  test('phone numbers stay as they are, and so does ordinary text', () => {
    for (const value of ['+49 931 555 0199', '+49 (0)931 12 34-5', '0800 111 0 111', '0931/12345', 'Erika Mustermann', ' Aufbau', 'a=b']) {
      assert.equal(csvCell(value), value);
    }
    // A phone-like start followed by something else is not a phone number.
    assert.equal(csvCell('+49 931 HYPERLINK'), "'+49 931 HYPERLINK");
    assert.equal(csvCell('-1'), "'-1");
  });
});

describe('conditional requests, proofs', () => {
  let hub: TestHub;
  let client: ReturnType<typeof volunteerClient>;
  let needId: string;
  let pollId: string;

  before(async () => {
    hub = await startTestHub();
    client = volunteerClient(hub);
    needId = (await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?limit=1`), 'listVolunteerNeeds')).items[0]!.id;
    const polls = (await expectDocumented(await fetch(`${hub.baseUrl}/polls?status=open&limit=100`), 'listPolls')).items;
    const openToAll = polls.find((poll) => poll.participation === 'open');
    assert.ok(openToAll, 'a seeded open poll anyone may vote in');
    pollId = openToAll.id;
  });
  after(() => hub.close());

  test('If-None-Match: * never turns a one-time challenge into a 304; a documented 304 still works', async () => {
    const challenges = [
      [`/volunteer-needs/${needId}/challenge`, 'getVolunteerNeedChallenge'],
      [`/polls/${pollId}/challenge`, 'getPollChallenge'],
    ] as const;
    for (const [path, operationId] of challenges) {
      const response = await fetch(`${hub.baseUrl}${path}`, { headers: { 'if-none-match': '*' } });
      assert.equal(response.status, 200, `${path}: ${response.status === 200 ? '' : await response.clone().text()}`);
      assert.equal(response.headers.get('etag'), null, path);
      assert.ok((await expectDocumented(response, operationId)).signature, path);
    }
    const municipality = await fetch(`${hub.baseUrl}/municipalities/hoechberg`, { headers: { 'if-none-match': '*' } });
    assert.equal(municipality.status, 304);
  });

  test('a solution with the right key but another counter → 422, the true one → 201', async () => {
    const needId = (await expectDocumented(await fetch(`${hub.baseUrl}/volunteer-needs?limit=1`), 'listVolunteerNeeds')).items[0]!.id;
    const need = await client.need(needId);
    const body = await client.responseBody(need);
    const proof = body['proof'] as { solution: { counter: number } };
    const forged = { ...body, proof: { ...proof, solution: { ...proof.solution, counter: proof.solution.counter + 1 } } };
    await expectProblem(await client.respond(needId, forged), 422, 'proof-invalid');
    const honest = await client.respond(needId, body);
    assert.equal(honest.status, 201, await honest.text());
  });
});

describe('rate limit', () => {
  test('/health is outside it; the API is not', async () => {
    const hub = await startTestHub({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      for (let i = 0; i < 6; i++) assert.equal((await fetch(`${hub.baseUrl}/health`)).status, 200);
      for (let i = 0; i < 2; i++) assert.equal((await fetch(`${hub.baseUrl}/municipalities`)).status, 200);
      await expectProblem(await fetch(`${hub.baseUrl}/municipalities`), 429, 'rate-limited');
      assert.equal((await fetch(`${hub.baseUrl}/health`)).status, 200);
    } finally {
      await hub.close();
    }
  });
});

describe('a database outage is logged once, then counted', () => {
  test('twenty 503s, one error line', async () => {
    const logs = captureLogs();
    const hub = await startTestHub({ logger: logs.logger });
    try {
      await hub.database.close();
      for (let i = 0; i < 10; i++) {
        for (const path of ['/health', '/municipalities']) {
          const response = await fetch(`${hub.baseUrl}${path}`);
          assert.equal(response.headers.get('retry-after'), '5');
          await expectProblem(response, 503, 'service-unavailable');
        }
      }
      const errors = logs.lines().filter((line) => line.level >= 50);
      assert.equal(errors.length, 1, errors.map((line) => line.msg).join('\n'));
      assert.match(errors[0]!.msg, /database unavailable/);
    } finally {
      await hub.close();
    }
  });
});

describe('shutting down', () => {
  test('a request on a kept-alive connection after close() began is answered, with Connection: close', async () => {
    const hub = await startTestHub();
    const { port } = new URL(hub.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // The first request's head is in, its body not yet: the connection is busy, not idle, when close() begins.
    const body = JSON.stringify({ name: 'Verein', kind: 'club' });
    socket.write(
      `POST /organizations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${randomUUID()}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = hub.close();
    socket.write(`${body}GET /municipalities/hoechberg HTTP/1.1\r\nHost: x\r\n\r\n`);
    await ended;
    await closing;
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.equal(answers.length, 2, received);
    assert.match(answers[0]!, /^HTTP\/1\.1 401/);
    assert.match(answers[1]!, /^HTTP\/1\.1 200/);
    assert.match(answers[1]!, /\r\nconnection: close\r\n/i);
  });
});

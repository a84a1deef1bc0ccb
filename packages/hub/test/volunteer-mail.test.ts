import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.js';
import { openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../src/orgs/seed/seed.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { expectProblem } from './support/problems.js';
import { eventually, LocalSmtp } from './support/mail.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { freePort } from './support/ports.js';
import { fromNow } from './support/clock.js';

describe('volunteer responses: e-mail to the organization and to the volunteer, retention job, sr-hub purge', () => {
  let hub: TestHub;
  let smtp: LocalSmtp;
  let smtpPort: number;
  let client: ReturnType<typeof volunteerClient>;
  let club: string;
  const logs = captureLogs('debug');

  before(async () => {
    smtpPort = await freePort();
    smtp = new LocalSmtp();
    hub = await startTestHub({
      logger: logs.logger,
      volunteering: { purgeIntervalMs: 200 },
      mail: {
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        from: 'Hub <hub@example.org>',
        retryDelayMs: 100,
        maxRetryDelayMs: 400,
        intervalMs: 100,
      },
    });
    client = volunteerClient(hub);
    club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
  });
  after(async () => {
    await hub.close();
    await smtp.close();
  });

  test('while the mail server is down, responses are taken at once and their mail waits; it is sent when the server is back', async () => {
    const need = await client.created(club, needBody({ title: 'Ordner beim Stadtfest' }));
    const started = Date.now();
    const response = await client.respond(need.id, await client.responseBody(need, { name: 'Paula Wartend', email: 'paula@example.org' }));
    assert.equal(response.status, 201, 'a response never waits for or fails with the mail');
    const tookMs = Date.now() - started;
    await eventually('a failed attempt', async () => {
      const row = await hub.database.db.selectFrom('mail_outbox').select(['attempts', 'last_error']).executeTakeFirst();
      return row !== undefined && row.attempts >= 1 && row.last_error !== null;
    });
    assert.ok(tookMs >= 0);
    await smtp.listen(smtpPort);
    await eventually('the mail', () => smtp.mails.length === 1);
    const [mail] = smtp.mails;
    assert.deepEqual(mail!.to, ['info@tsv-ochsenfurt.example']);
    assert.match(mail!.text, /Ordner beim Stadtfest/);
    assert.match(mail!.text, /Paula Wartend/);
    assert.match(mail!.text, /paula@example\.org/);
    assert.match(mail!.replyTo ?? '', /paula@example\.org/);
    await eventually('an empty outbox', async () => (await hub.database.db.selectFrom('mail_outbox').select('id').execute()).length === 0);
  });

  test('a mail the server refuses for a while is retried until it is accepted, once', async () => {
    smtp.refusing = true;
    const need = await client.created(club, needBody({ title: 'Trikots waschen' }));
    assert.equal((await client.respond(need.id, await client.responseBody(need, { name: 'Ralf Geduldig' }))).status, 201);
    await eventually('two refusals', () => smtp.refused >= 2);
    assert.ok(!smtp.mails.some((mail) => mail.text.includes('Ralf Geduldig')));
    smtp.refusing = false;
    await eventually('the mail after retries', () => smtp.mails.some((mail) => mail.text.includes('Ralf Geduldig')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(smtp.mails.filter((mail) => mail.text.includes('Ralf Geduldig')).length, 1, 'sent once');
  });

  test('a decision with a message reaches the volunteer by e-mail in their language, replies go to the organization; the words are not kept', async () => {
    const manage = (await createApiKey(hub.database.db, { organizationId: club, scopes: ['volunteer-responses:manage'] })).key;
    const need = await client.created(club, needBody({ title: 'Kuchenbuffet beim Sportfest' }));
    const answer = async (body: Record<string, unknown>, language?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
      if (language) headers['accept-language'] = language;
      const sent = await fetch(`${hub.baseUrl}/volunteer-needs/${need.id}/responses`, {
        method: 'POST',
        headers,
        body: JSON.stringify(await client.responseBody(need, body)),
      });
      assert.equal(sent.status, 201);
      const page = (await (await client.responses(club, manage, `?need=${need.id}`)).json()) as { items: { id: string; name: string }[] };
      return page.items.find((item) => item.name === body['name'])!.id;
    };
    const german = await answer({ name: 'Dora Absage', email: 'dora@example.org' }, 'de-DE,de;q=0.9');
    const english = await answer({ name: 'Eve Welcome', email: 'eve@example.org' }, 'en-GB,en;q=0.9,de;q=0.5');
    const phoneOnly = await answer({ name: 'Fritz Telefon', email: undefined, phone: '0931 4711' });

    const declined = await client.decide(club, german, { status: 'declined', message: 'Diesmal sind wir schon genug, danke!' }, manage);
    assert.equal(declined.status, 200);
    await eventually('the mail to Dora', () => smtp.mails.some((mail) => mail.to.includes('dora@example.org')));
    const toDora = smtp.mails.find((mail) => mail.to.includes('dora@example.org'))!;
    assert.equal(toDora.subject, 'Ihre Rückmeldung: Kuchenbuffet beim Sportfest');
    assert.match(toDora.text, /Guten Tag Dora Absage/);
    assert.match(toDora.text, /braucht Ihre Hilfe dieses Mal leider nicht/);
    assert.match(toDora.text, /Diesmal sind wir schon genug, danke!/);
    assert.match(toDora.replyTo ?? '', /info@tsv-ochsenfurt\.example/);

    assert.equal((await client.decide(club, english, { status: 'accepted', message: 'See you at 2 pm!' }, manage)).status, 200);
    await eventually('the mail to Eve', () => smtp.mails.some((mail) => mail.to.includes('eve@example.org')));
    const toEve = smtp.mails.find((mail) => mail.to.includes('eve@example.org'))!;
    assert.equal(toEve.subject, 'Your response: Kuchenbuffet beim Sportfest');
    assert.match(toEve.text, /counts on you/);
    assert.match(toEve.text, /See you at 2 pm!/);

    // Without an e-mail address there is nobody to write to: said at the field, nothing decided.
    const refused = await expectProblem(
      await client.decide(club, phoneOnly, { status: 'declined', message: 'Schade!' }, manage),
      422,
      'validation-failed',
    );
    assert.deepEqual(
      refused.errors?.map((error) => error.pointer),
      ['/body/message'],
    );
    const left = await hub.database.db.selectFrom('volunteer_responses').selectAll().where('need_id', '=', need.id).execute();
    assert.equal(left.find((row) => row.id === phoneOnly)?.status, 'new');
    const kept = JSON.stringify(left);
    for (const words of ['Diesmal sind wir schon genug', 'See you at 2 pm'])
      assert.ok(!kept.includes(words), `the response keeps no "${words}"`);
    await eventually('an empty outbox', async () => (await hub.database.db.selectFrom('mail_outbox').select('id').execute()).length === 0);
  });

  test('the personal data of responses is in the mail, never in the log', () => {
    const log = logs.text();
    assert.ok(log.includes('e-mail not sent, will retry'), 'the failures were logged');
    for (const secret of [
      'Paula Wartend',
      'paula@example.org',
      'Ralf Geduldig',
      'Ich kann beim Aufbau helfen.',
      '931 555 0199',
      'Diesmal sind wir',
    ]) {
      assert.ok(!log.includes(secret), `the log shows "${secret}"`);
    }
  });

  test('the Hub deletes responses past their retention period on its own', async () => {
    const need = await client.created(club);
    assert.equal((await client.respond(need.id, await client.responseBody(need, { name: 'Otto Vergessen' }))).status, 201);
    await sql`UPDATE volunteer_needs SET starts_at = ${fromNow(-200 * 86_400_000)}, ends_at = ${fromNow(-91 * 86_400_000)} WHERE id = ${need.id}`.execute(
      hub.database.db,
    );
    await eventually('the scheduled purge', async () => {
      const left = await hub.database.db.selectFrom('volunteer_responses').select('id').where('need_id', '=', need.id).execute();
      return left.length === 0;
    });
  });

  test('sr-hub purge deletes them on the command line (VOLUNTEER_RETENTION_DAYS), here on embedded PGlite', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sr-hub-purge-'));
    try {
      const database = await openDatabase({ dataDir });
      await migrate(database);
      await seed(database.db);
      const [need] = await database.db.selectFrom('volunteer_needs').select(['id']).limit(1).execute();
      // The command runs on the real clock: so does this need's end.
      await sql`UPDATE volunteer_needs SET starts_at = now() - interval '40 days', ends_at = now() - interval '31 days' WHERE id = ${need!.id}`.execute(
        database.db,
      );
      await database.db
        .insertInto('volunteer_responses')
        .values({
          need_id: need!.id,
          idempotency_key: 'cli-purge-0000001',
          request_hash: 'x',
          name: 'Clara Kommandozeile',
          email: 'clara@example.org',
          phone: null,
          message: null,
          privacy_notice_url: 'https://example.org/datenschutz',
          privacy_notice_version: 'v1',
        })
        .execute();
      await database.close();
      const { NODE_TEST_CONTEXT: _runner, DATABASE_URL: _server, ...env } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', new URL('../src/cli.ts', import.meta.url).pathname, 'purge'], {
        env: { ...env, HUB_DATA_DIR: dataDir, VOLUNTEER_RETENTION_DAYS: '30' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      assert.equal(code, 0, out);
      assert.match(out, /Deleted 1 volunteer responses of needs that ended more than 30 days ago/);
      const reopened = await openDatabase({ dataDir });
      const left = await reopened.db.selectFrom('volunteer_responses').select('id').execute();
      await reopened.close();
      assert.equal(left.length, 0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

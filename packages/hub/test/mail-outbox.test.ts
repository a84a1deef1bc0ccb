import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enqueueMail, MailOutbox } from '../src/mail/outbox.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { eventually, LocalSmtp } from './support/mail.js';
import { freePort } from './support/ports.js';
import { needBody, volunteerClient } from './support/volunteering.js';

const pendingMails = (hub: TestHub) => hub.database.db.selectFrom('mail_outbox').selectAll().execute();

describe('the mail outbox over a real SMTP server', () => {
  let hub: TestHub;
  let smtp: LocalSmtp;

  before(async () => {
    const port = await freePort();
    smtp = new LocalSmtp();
    await smtp.listen(port);
    hub = await startTestHub({
      mail: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Hub <hub@example.org>',
        retryDelayMs: 100,
        maxRetryDelayMs: 400,
        intervalMs: 100,
      },
    });
  });
  after(async () => {
    await hub.close();
    await smtp.close();
  });

  test('a sign-in link arrives in German, rendered from its payload', async () => {
    await enqueueMail(hub.database.db, {
      kind: 'sign-in-link',
      to: 'anna@example.org',
      payload: { url: 'http://127.0.0.1:8080/manage/#sign-in=abc123', expiresMinutes: 15 },
    });
    await eventually('the sign-in mail', () => smtp.mails.some((mail) => mail.to.includes('anna@example.org')));
    const mail = smtp.mails.find((each) => each.to.includes('anna@example.org'))!;
    assert.equal(mail.from, 'hub@example.org');
    assert.equal(mail.subject, 'Ihr Anmeldelink für den Smart Region Hub');
    assert.match(mail.text, /^Guten Tag,/);
    assert.ok(mail.text.includes('http://127.0.0.1:8080/manage/#sign-in=abc123'), mail.text);
    assert.match(mail.text, /gilt 15 Minuten und nur ein Mal/);
    await eventually('an empty outbox', async () => (await pendingMails(hub)).length === 0);
  });

  test('an invitation in English names the organization, the role, who invited and until when', async () => {
    await enqueueMail(hub.database.db, {
      kind: 'invitation',
      to: 'ben@example.org',
      language: 'en',
      payload: {
        url: 'http://127.0.0.1:8080/manage/#invitation=xyz',
        organizationName: 'TSV Ochsenfurt 1862 e.V.',
        role: 'editor',
        invitedBy: 'Anna Vorstand',
        expiresAt: '2026-12-12T10:00:00.000Z',
      },
    });
    await eventually('the invitation', () => smtp.mails.some((mail) => mail.to.includes('ben@example.org')));
    const mail = smtp.mails.find((each) => each.to.includes('ben@example.org'))!;
    assert.equal(mail.subject, 'Invitation: TSV Ochsenfurt 1862 e.V. on the Smart Region Hub');
    assert.match(mail.text, /Anna Vorstand invites you to work for "TSV Ochsenfurt 1862 e\.V\." on the Smart Region Hub \(role: editor\)/);
    assert.match(mail.text, /valid until 12 Dec 2026, 11:00 \(Europe\/Berlin\)/);
  });

  test('a mail the server refuses is retried with its error noted, and arrives once', async () => {
    smtp.refusing = true;
    const refusedBefore = smtp.refused;
    const id = await enqueueMail(hub.database.db, {
      kind: 'no-account',
      to: 'carla@example.org',
      payload: { registerUrl: 'http://127.0.0.1:8080/manage/#register' },
    });
    await eventually('two refusals', () => smtp.refused >= refusedBefore + 2);
    const waiting = await hub.database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(waiting.attempts >= 2);
    assert.match(waiting.last_error ?? '', /450/);
    smtp.refusing = false;
    await eventually('the mail after retries', () => smtp.mails.some((mail) => mail.to.includes('carla@example.org')));
    await eventually('an empty outbox', async () => (await pendingMails(hub)).length === 0);
    const mails = smtp.mails.filter((mail) => mail.to.includes('carla@example.org'));
    assert.equal(mails.length, 1, 'sent once');
    assert.equal(mails[0]!.subject, 'Anmeldung beim Smart Region Hub');
    assert.match(mails[0]!.text, /gibt es kein Konto/);
  });

  test('deleting a volunteer response deletes its pending mail', async () => {
    smtp.refusing = true;
    const client = volunteerClient(hub);
    const club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    const need = await client.created(club, needBody({ title: 'Kuchen backen' }));
    assert.equal((await client.respond(need.id, await client.responseBody(need, { name: 'Greta Gelöscht' }))).status, 201);
    const [pending] = await pendingMails(hub);
    assert.equal(pending?.kind, 'volunteer-response');
    assert.equal(pending.recipient, 'info@tsv-ochsenfurt.example');
    assert.deepEqual(pending.payload, { retentionDays: 90 }, 'ids and settings only: no personal data waits in the outbox');
    await hub.database.db.deleteFrom('volunteer_responses').where('id', '=', pending.volunteer_response_id!).execute();
    assert.deepEqual(await pendingMails(hub), []);
    smtp.refusing = false;
  });

  test('several outboxes on one database send each mail once', async () => {
    const second = new MailOutbox(hub.database.db, { smtpUrl: `smtp://127.0.0.1:${smtp.port}` }, hub.app.log);
    try {
      const recipients = Array.from({ length: 12 }, (_, index) => `many-${index}@example.org`);
      for (const to of recipients) {
        await enqueueMail(hub.database.db, {
          kind: 'sign-in-link',
          to,
          payload: { url: 'http://127.0.0.1:8080/manage/', expiresMinutes: 15 },
        });
      }
      second.kick();
      await eventually('every mail', () => recipients.every((to) => smtp.mails.some((mail) => mail.to.includes(to))));
      await eventually('an empty outbox', async () => (await pendingMails(hub)).length === 0);
      await second.idle();
      for (const to of recipients) assert.equal(smtp.mails.filter((mail) => mail.to.includes(to)).length, 1, to);
    } finally {
      await second.stop();
    }
  });
});

describe('the mail outbox without SMTP_URL: the Hub writes its mails to its log', () => {
  let hub: TestHub;
  const logs = captureLogs();

  before(async () => {
    hub = await startTestHub({ logger: logs.logger, mail: { intervalMs: 100 } });
  });
  after(() => hub.close());

  const mailLines = () => logs.lines().filter((line) => line.mail !== undefined);

  test('one info line per mail, with address, subject and text', async () => {
    await enqueueMail(hub.database.db, {
      kind: 'registration-decided',
      to: 'dora@example.org',
      language: 'de',
      payload: { organizationName: 'Tafel Höchberg', decision: 'rejected', reason: 'Kein Bezug zur Region.' },
    });
    await eventually('the log line', () => mailLines().length === 1);
    const [line] = mailLines();
    assert.equal(line!.level, 30, 'info');
    const mail = line!.mail as { to: string; subject: string; text: string };
    assert.equal(mail.to, 'dora@example.org');
    assert.equal(mail.subject, 'Registrierung abgelehnt: Tafel Höchberg');
    assert.match(mail.text, /nicht freigegeben\.\n\nBegründung: Kein Bezug zur Region\./);
    assert.deepEqual(await pendingMails(hub), []);
  });

  test("a volunteer response's mail is logged without the citizen's personal data", async () => {
    const client = volunteerClient(hub);
    const club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    const need = await client.created(club, needBody({ title: 'Stühle tragen' }));
    assert.equal((await client.respond(need.id, await client.responseBody(need))).status, 201);
    await eventually('the log line', () => mailLines().some((line) => (line.mail as { kind: string }).kind === 'volunteer-response'));
    assert.match(logs.text(), /Neue Rückmeldung: Stühle tragen/);
    for (const secret of ['Erika Mustermann', 'erika.mustermann@example.org', '931 555 0199', 'Ich kann beim Aufbau helfen.']) {
      assert.ok(!logs.text().includes(secret), `the log shows "${secret}"`);
    }
  });
});

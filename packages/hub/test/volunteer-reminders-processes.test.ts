import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { TestHub } from './support/hub.js';
import { eventually, LocalSmtp } from './support/mail.js';
import { freePort } from './support/ports.js';
import { exited, startHubProcess, type HubProcess } from './support/processes.js';
import { createServerDatabase, serverUrl } from './support/server.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

/*
 * Reminders are outbox rows claimed with `FOR UPDATE SKIP LOCKED`: two Hub processes on one
 * PostgreSQL send each exactly once. PGlite is one process's file, so this needs a server.
 */

const adminToken = randomBytes(24).toString('base64url');
/** Every process: the admin key the test uses, and no rate limit in the way of its requests. */
const settings = { HUB_ADMIN_TOKEN: adminToken, RATE_LIMIT_MAX: '1000000' };
const REMINDERS = 40;
const HOUR = 3_600_000;

describe(
  'reminders with two Hub processes on one PostgreSQL',
  { skip: serverUrl ? false : "needs DATABASE_URL: PGlite is one process's file, two Hubs cannot share it", timeout: 300_000 },
  () => {
    const smtp = new LocalSmtp();
    const hubs: HubProcess[] = [];
    let database: Awaited<ReturnType<typeof createServerDatabase>>;

    before(async () => {
      await smtp.listen(await freePort());
      database = await createServerDatabase('sr_test_reminders');
      const env = { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://hub.smart-region.example' };
      // One after the other: the first migrates and seeds the database.
      hubs.push(await startHubProcess({ ...env, ...settings, MAIL_FROM: 'Hub A <hub-a@example.org>' }, ['--seed-if-empty']));
      hubs.push(await startHubProcess({ ...env, ...settings, MAIL_FROM: 'Hub B <hub-b@example.org>' }, ['--seed-if-empty']));
    });
    after(async () => {
      for (const hub of hubs) {
        const exit = exited(hub.child);
        hub.child.kill('SIGTERM');
        await exit;
      }
      await database?.drop();
      await smtp.close();
    });

    test(`${REMINDERS} due reminders: every one arrives exactly once, both outboxes sending`, async (t) => {
      const [a, b] = hubs as [HubProcess, HubProcess];
      // The API's helpers need only the address and the admin key of a Hub.
      const client = volunteerClient({ baseUrl: a.baseUrl, adminToken } as TestHub);
      const club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
      const need = await client.created(
        club,
        needBody({ title: 'Weinfest', reminderHours: 24, endsAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString() }),
      );
      const start = Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR;
      const created = await fetch(`${a.baseUrl}/volunteer-needs/${need.id}/shifts`, {
        method: 'POST',
        headers: jsonWithKey(adminToken),
        body: JSON.stringify({
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 3 * HOUR).toISOString(),
          capacity: REMINDERS,
        }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const [shift] = ((await created.json()) as { items: { id: string }[] }).items;
      const volunteers = Array.from({ length: REMINDERS }, (_, index) => `volunteer-${index}@example.org`);
      for (const [index, email] of volunteers.entries()) {
        const body = await client.responseBody(need, { name: `Helfer ${index}`, email, shiftIds: [shift!.id] });
        const response = await client.respond(need.id, body);
        assert.equal(response.status, 201, await response.text());
      }
      await eventually('every confirmation', () => volunteers.every((to) => smtp.mails.some((mail) => mail.to.includes(to))), 60_000);

      // The day before the shift, on both Hubs at once: the reminders fall due, both outboxes are woken.
      const connection = new pg.Client({ connectionString: database.url });
      await connection.connect();
      try {
        const due = await connection.query(
          "UPDATE mail_outbox SET next_attempt_at = now() - interval '1 minute' WHERE kind = 'volunteer-reminder'",
        );
        assert.equal(due.rowCount, REMINDERS);
        await Promise.all(
          [a, b].map((hub, index) =>
            fetch(`${hub.baseUrl}/sign-in-links`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: `wake-${index}@example.org` }),
            }),
          ),
        );
        const reminders = () => smtp.mails.filter((mail) => mail.subject.startsWith('Erinnerung'));
        await eventually(`${REMINDERS} reminders`, () => reminders().length >= REMINDERS, 120_000);
        await eventually(
          'an outbox without reminders',
          async () => (await connection.query("SELECT 1 FROM mail_outbox WHERE kind = 'volunteer-reminder'")).rowCount === 0,
        );
        // Whatever a second claim could still send would have arrived by now.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        for (const to of volunteers) assert.equal(reminders().filter((mail) => mail.to.includes(to)).length, 1, `one reminder to ${to}`);
        assert.equal(reminders().length, REMINDERS);
        const counts: Record<string, number> = {};
        for (const mail of reminders()) counts[mail.from] = (counts[mail.from] ?? 0) + 1;
        t.diagnostic(`reminders sent per Hub: ${JSON.stringify(counts)}`);
        assert.deepEqual(
          Object.keys(counts).sort(),
          ['hub-a@example.org', 'hub-b@example.org'],
          `both Hubs sent: ${JSON.stringify(counts)}`,
        );
      } finally {
        await connection.end();
      }
    });
  },
);

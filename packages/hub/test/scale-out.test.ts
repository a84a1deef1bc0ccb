import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestHub } from './support/hub.js';
import { pollBody, pollClient } from './support/polls.js';
import { eventually } from './support/mail.js';
import { expectProblem } from './support/problems.js';
import { exited, startHubProcess, type HubProcess } from './support/processes.js';
import { createServerDatabase, serverUrl } from './support/server.js';
import { serverTemplateName } from './support/template.js';

/*
 * Several Hub processes on one PostgreSQL behind a load balancer, as the README describes: one
 * client's requests land on either process, and nothing may tell them apart — the rate limit
 * counts them together, a retried vote counts once, an edit is seen everywhere as soon as the
 * database has told the other process (each keeps public answers in memory until content changes).
 * `TRUST_PROXY`: each part of the test is its own client (its own X-Forwarded-For address).
 */

const adminToken = randomBytes(24).toString('base64url');
const RATE_LIMIT_MAX = 20;

describe(
  'two Hub processes on one PostgreSQL',
  { skip: serverUrl ? false : "needs DATABASE_URL: PGlite is one process's directory, two Hubs cannot share it", timeout: 300_000 },
  () => {
    const hubs: HubProcess[] = [];
    let database: Awaited<ReturnType<typeof createServerDatabase>>;
    /** Process A or B for the `index`th request: one client's requests alternate between them. */
    const hub = (index: number) => hubs[index % 2]!;
    const as = (client: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': client });

    before(async () => {
      // A copy of the migrated template with the demo data: both processes can start at once.
      database = await createServerDatabase('sr_test_scale_out', await serverTemplateName());
      const env = {
        DATABASE_URL: database.url,
        HUB_ADMIN_TOKEN: adminToken,
        // No POLL_PROOF_SECRET: both processes sign challenges with the one the database keeps
        // (db/shared-secrets.ts), so a challenge from one verifies on the other.
        RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
        TRUST_PROXY: 'true',
      };
      hubs.push(...(await Promise.all([startHubProcess(env), startHubProcess(env)])));
    });
    after(async () => {
      for (const { child } of hubs) {
        const exit = exited(child);
        child.kill('SIGTERM');
        await exit;
      }
      await database?.drop();
    });

    test(`the rate limit counts a client's requests on both processes together: request ${RATE_LIMIT_MAX + 1} gets 429`, async () => {
      const client = as('203.0.113.1');
      for (let index = 0; index < RATE_LIMIT_MAX; index++) {
        const response = await fetch(`${hub(index).baseUrl}/municipalities?limit=1`, { headers: client });
        assert.equal(response.status, 200, `request ${index + 1}`);
        assert.equal(response.headers.get('x-ratelimit-remaining'), String(RATE_LIMIT_MAX - index - 1));
      }
      // Whichever process gets the next one refuses it; each alone has seen only half the limit.
      for (const { baseUrl } of hubs) {
        await expectProblem(await fetch(`${baseUrl}/municipalities?limit=1`, { headers: client }), 429, 'rate-limited');
      }
      // Another client behind the same balancer is not affected.
      assert.equal((await fetch(`${hub(0).baseUrl}/municipalities?limit=1`, { headers: as('203.0.113.9') })).status, 200);
    });

    test('a vote retried with its Idempotency-Key on the other process counts once and gets the first answer', async () => {
      const client = as('203.0.113.2');
      // The test's helpers need only a Hub's address and admin key.
      const onA = pollClient({ baseUrl: hub(0).baseUrl, adminToken } as TestHub);
      const onB = pollClient({ baseUrl: hub(1).baseUrl, adminToken } as TestHub);
      const town = await onA.organizationId('Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
      const poll = await onA.created(town, pollBody({ resultsVisibility: 'always' }));
      const [choice] = poll.options;
      // The challenge from B, the vote on A, its retry on B: wherever the balancer sends each.
      const proof = await onB.proof(poll.id);
      const key = randomUUID();
      const vote = (baseUrl: string) =>
        fetch(`${baseUrl}/polls/${poll.id}/votes`, {
          method: 'POST',
          headers: as('203.0.113.2', { 'content-type': 'application/json', 'idempotency-key': key }),
          body: JSON.stringify({ choices: [choice!.id], proof }),
        });
      const first = await vote(hub(0).baseUrl);
      assert.equal(first.status, 201, await first.clone().text());
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const again = await vote(hub(1).baseUrl);
      assert.equal(again.status, 201, await again.clone().text());
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const [receipt, replayed] = (await Promise.all([first.json(), again.json()])) as { receivedAt: string }[];
      assert.equal(replayed!.receivedAt, receipt!.receivedAt);
      for (const { baseUrl } of hubs) {
        const results = await fetch(`${baseUrl}/polls/${poll.id}/results`, { headers: client });
        const body = (await results.json()) as { options: { online: number }[] };
        assert.deepEqual(
          body.options.map((option) => option.online),
          [1, 0, 0],
          'one vote',
        );
      }
    });

    test('an edit on one process is seen on the other as soon as the database tells it, also by a conditional GET with the old ETag', async () => {
      const client = as('203.0.113.3');
      const page = (await (await fetch(`${hub(1).baseUrl}/help-offers?limit=1`, { headers: client })).json()) as {
        items: { id: string }[];
      };
      const path = `/help-offers/${page.items[0]!.id}`;
      const loaded = await fetch(`${hub(1).baseUrl}${path}`, { headers: client });
      assert.equal(loaded.status, 200);
      const etag = loaded.headers.get('etag')!;
      assert.ok(etag, 'an ETag');
      // The second read comes from B's memory: the answer kept there must not outlive the edit.
      assert.equal((await fetch(`${hub(1).baseUrl}${path}`, { headers: as('203.0.113.3', { 'if-none-match': etag }) })).status, 304);

      const name = `Beratung nach der Änderung ${randomUUID().slice(0, 8)}`;
      const saved = await fetch(`${hub(0).baseUrl}${path}`, {
        method: 'PATCH',
        headers: as('203.0.113.3', { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }),
        body: JSON.stringify({ name }),
      });
      assert.equal(saved.status, 200, await saved.clone().text());

      // PostgreSQL tells B when A's change commits (NOTIFY); until B has heard it, it may still answer 304.
      // Each look is a client of its own, so that looking again never meets the rate limit.
      let look = 0;
      const conditional = () => fetch(`${hub(1).baseUrl}${path}`, { headers: as(`198.51.100.${(look += 1)}`, { 'if-none-match': etag }) });
      await eventually('B to answer the edited version', async () => (await conditional()).status === 200, 5_000);
      const seen = await conditional();
      assert.equal(seen.status, 200, 'not 304: the old version is gone on every process');
      assert.notEqual(seen.headers.get('etag'), etag);
      assert.equal(((await seen.json()) as { name: string }).name, name);
      const found = (await (await fetch(`${hub(1).baseUrl}/help-offers?q=${encodeURIComponent(name)}`, { headers: client })).json()) as {
        items: { name: string }[];
      };
      assert.ok(
        found.items.some((item) => item.name === name),
        'the search of the other process finds the new name',
      );
    });
  },
);

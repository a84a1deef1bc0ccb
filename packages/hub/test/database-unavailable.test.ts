import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/connection.js';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { serverUrl } from './support/server.js';
import { expectProblem } from './support/problems.js';

/**
 * A TCP relay between the Hub and the real PostgreSQL server, so the test can take the
 * database away and bring it back without touching the server.
 */
function relay(target: URL): { server: Server; port(): number; cut(): void; heal(): void } {
  const sockets = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return {
    server,
    port: () => (server.address() as { port: number }).port,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    heal() {
      down = false;
    },
  };
}

describe(
  'database down → 503 problem, and the Hub recovers',
  { skip: serverUrl ? false : 'needs DATABASE_URL (CI runs it against PostgreSQL)' },
  () => {
    let testDb: TestDatabase;
    let app: FastifyInstance;
    let link: ReturnType<typeof relay>;
    let baseUrl: string;

    before(async () => {
      testDb = await openTestDatabase();
      await testDb.database.close();
      const target = new URL(testDb.url!);
      link = relay(target);
      await new Promise<void>((resolve) => link.server.listen(0, '127.0.0.1', resolve));
      const viaRelay = new URL(testDb.url!);
      viaRelay.hostname = '127.0.0.1';
      viaRelay.port = String(link.port());
      const database = await openDatabase({ url: viaRelay.href, onConnectionError: () => {} });
      app = await buildApp({ database, rateLimit: false });
      baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app.close();
      link.server.close();
      await testDb.drop();
    });

    test('503 with Retry-After while the database is away, 200 again when it is back', async () => {
      assert.equal((await fetch(`${baseUrl}/health`)).status, 200);
      assert.equal((await fetch(`${baseUrl}/municipalities`)).status, 200);

      link.cut();
      for (const path of ['/health', '/municipalities', '/organizations']) {
        const response = await fetch(`${baseUrl}${path}`);
        assert.equal(response.headers.get('retry-after'), '5', path);
        await expectProblem(response, 503, 'service-unavailable');
      }

      link.heal();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await fetch(`${baseUrl}/health`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.equal(status, 200);
      assert.equal((await fetch(`${baseUrl}/municipalities`)).status, 200);
    });
  },
);

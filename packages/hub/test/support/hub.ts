import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp, type HubOptions } from '../../src/app.js';
import type { HubDatabase } from '../../src/db/connection.js';
import { openTestDatabase } from './database.js';
import { eventually } from './mail.js';

export interface TestHub {
  /** e.g. `http://127.0.0.1:40123`, a real Hub listening on loopback. */
  baseUrl: string;
  adminToken: string;
  app: FastifyInstance;
  database: HubDatabase;
  close(): Promise<void>;
}

/** Starts a real Hub on a real, migrated database with the demo data, on a free loopback port. */
export async function startTestHub(options: Partial<Omit<HubOptions, 'database'>> = {}): Promise<TestHub> {
  const { database, drop } = await openTestDatabase();
  const adminToken = randomBytes(24).toString('base64url');
  const app = await buildApp({ database, adminToken, rateLimit: false, logger: false, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The Hub did not listen on a TCP port.');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminToken,
    app,
    database,
    async close() {
      await app.close();
      await drop();
    },
  };
}

/**
 * Runs `write` straight in the database, as a job, a command or another process would, and waits
 * until `hub` has heard of it. PostgreSQL tells the Hub after the commit, on its listening
 * connection: a read sent at once may still be answered from what the Hub keeps in memory.
 */
export async function writtenStraight(hub: TestHub, write: () => Promise<unknown>): Promise<void> {
  const cache = hub.app.answerCache;
  if (!cache) throw new Error('The Hub keeps no answers: nothing tells when it heard of a change.');
  const generation = cache.generation;
  await write();
  await eventually('the Hub to hear of the change', () => cache.generation > generation, 5_000);
}

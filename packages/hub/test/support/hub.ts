import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp, type HubOptions } from '../../src/app.js';
import type { HubDatabase } from '../../src/db/connection.js';
import { openTestDatabase } from './database.js';

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

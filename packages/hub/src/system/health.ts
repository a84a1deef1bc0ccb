import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OperationHandler } from '../http/api.js';

export function healthHandlers(db: Kysely<Database>, version: string): { getHealth: OperationHandler<'getHealth'> } {
  return {
    async getHealth(_request, reply) {
      // A database that does not answer becomes the 503 of the error mapper (http/errors.ts),
      // counted in the outage log like every other request's.
      await sql`SELECT 1`.execute(db);
      // A load balancer asks often; it must always see the current state.
      reply.header('Cache-Control', 'no-store');
      return { status: 'ok' as const, database: 'ok' as const, version };
    },
  };
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OperationHandler } from '../http/api.js';
import { ProblemError } from '../http/problems.js';

export function healthHandlers(db: Kysely<Database>, version: string): { getHealth: OperationHandler<'getHealth'> } {
  return {
    async getHealth(_request, reply) {
      try {
        await sql`SELECT 1`.execute(db);
      } catch {
        throw new ProblemError('service-unavailable', 'The database does not answer. Try again shortly.', {
          headers: { 'Retry-After': '5' },
        });
      }
      // A load balancer asks often; it must always see the current state.
      reply.header('Cache-Control', 'no-store');
      return { status: 'ok' as const, database: 'ok' as const, version };
    },
  };
}

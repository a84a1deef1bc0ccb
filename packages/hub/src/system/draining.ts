import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { operationOf } from '../http/contract.js';
import { ProblemError } from '../http/problems.js';

/**
 * A Hub process that is told to stop drains first: for a moment it still answers everything,
 * but every answer carries `Connection: close`, and `/health` answers 503 so a load balancer
 * sends no new clients. Without this, a client that reuses a kept-alive connection at the
 * instant the server closes it gets a reset instead of an answer (a write it cannot know the
 * fate of). Connections that stay idle through the whole drain are closed by `app.close()`.
 *
 * Returns the function that starts draining and resolves when the drain time is over.
 */
export function registerDraining(app: FastifyInstance): (durationMs: number) => Promise<void> {
  let draining = false;
  // A callback, not an async hook: it runs on every request, and a promise each is measurable.
  app.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    reply.header('Connection', 'close');
    if (operationOf(request)?.operationId === 'getHealth') {
      return done(new ProblemError('service-unavailable', 'The Hub is shutting down.', { headers: { 'Retry-After': '5' } }));
    }
    done();
  });
  return async (durationMs) => {
    draining = true;
    await sleep(durationMs);
  };
}

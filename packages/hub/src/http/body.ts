import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problems.js';

/**
 * The Hub takes JSON bodies (and, where the contract says so, other types with their own parser).
 * Fastify's built-in text/plain parser would let plain text reach handlers, so it goes.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  // The route generator checks every media type of the contract, error responses included, for a
  // parser. Problem details are JSON; `requireContentType` still refuses them as request bodies.
  app.addContentTypeParser('application/problem+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
}

/** A `preValidation` hook: the body's media type must be one the operation lists in the contract. */
export function requireContentType(allowed: string[]): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (request.body === undefined) return;
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!allowed.includes(type)) {
      throw new ProblemError('unsupported-media-type', `Send the body as ${allowed.join(' or ')}, not "${type || 'no content type'}".`);
    }
  };
}

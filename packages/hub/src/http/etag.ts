import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { operationOf } from './contract.js';

function matches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}

/**
 * Weak ETags on every successful read, and `304 Not Modified` when the client already has that
 * version: the SDK's cache and the browser revalidate instead of downloading again. Of the
 * contract's operations only those that document a 304 take part: a one-time proof-of-work
 * challenge or a list of personal data is never "not modified" (not even for `If-None-Match: *`).
 */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' || reply.hasHeader('etag')) return payload;
    const operation = operationOf(request);
    if (operation && !operation.statuses.includes('304')) return payload;
    const etag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('ETag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-cache');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && matches(ifNoneMatch, etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationOf } from './contract.js';
import { versionOf } from './preconditions.js';

/** Whether an `If-None-Match` header names `etag` (weakly compared, as RFC 9110 asks for it). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}

/** The stored version of each answer that is an entry an organization edits (its top-level `updatedAt`). */
const versions = new WeakMap<FastifyReply, string>();

/** The answer as it leaves: with its ETag, or empty with 304 when the client has that version. */
function withEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (reply.statusCode !== 200 || typeof payload !== 'string' || reply.hasHeader('etag')) return payload;
  const operation = operationOf(request);
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read ? operation && !operation.statuses.includes('304') : !operation?.etagOnSuccess) return payload;
  const digest = hash('sha256', payload, 'base64url').slice(0, 27);
  const version = versions.get(reply);
  const etag = `W/"${version === undefined ? digest : `${version}.${digest}`}"`;
  reply.header('ETag', etag);
  if (!read) return payload;
  if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-cache');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && etagMatches(ifNoneMatch, etag)) {
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return '';
  }
  return payload;
}

/**
 * Weak ETags on every successful read, and `304 Not Modified` when the client already has that
 * version: the SDK's cache and the browser revalidate instead of downloading again. Of the
 * contract's operations only those that document a 304 take part: a one-time proof-of-work
 * challenge or a list of personal data is never "not modified" (not even for `If-None-Match: *`).
 * An entry an organization edits gets `W/"<version>.<hash>"`, the version being its stored
 * `updatedAt` (preconditions.ts compares it with `If-Match`); the changes that document an ETag
 * answer with the new one. `If-None-Match` compares the whole tag.
 */
export function registerEtags(app: FastifyInstance): void {
  // Hooks with a callback, not async ones: they run on every answer, and a promise each is measurable.
  app.addHook('preSerialization', (_request, reply, payload, done) => {
    const updatedAt = (payload as { updatedAt?: unknown } | null)?.updatedAt;
    if (typeof updatedAt === 'string') versions.set(reply, versionOf(updatedAt));
    done(null, payload);
  });
  app.addHook('onSend', (request, reply, payload, done) => done(null, withEtag(request, reply, payload)));
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { now } from '../clock.js';
import type { ContentFollower } from './content-changes.js';
import { operationOf } from './contract.js';
import { etagMatches } from './etag.js';

/**
 * The public reads whose answers are made of nothing but content tables (those migration 0021
 * watches), the URL, the language asked for and the minute: a municipality's site, a printed
 * guide's QR code and the help finder of every town ask the same questions again and again.
 * Polls and volunteer needs are not here: each vote or response changes them.
 */
export const CACHED_OPERATIONS: ReadonlySet<string> = new Set([
  'listMunicipalities',
  'getMunicipality',
  'listOrganizations',
  'getOrganization',
  'listOrganizationEvents',
  'listEventOccurrences',
  'getEvent',
  'listEventCategories',
  'listHelpTopics',
  'listEmergencyContacts',
  'listHelpOffers',
  'getHelpOffer',
  'listOrganizationHelpOffers',
]);

const MINUTE_MS = 60_000;

interface CachedAnswer {
  body: string;
  /** What the route and the hooks after it set; those set before it (security, CORS, rate limit) are set anew. */
  headers: Record<string, string | number | string[]>;
  etag: string;
}

interface PendingAnswer {
  key: string;
  generation: number;
  headersBefore: Record<string, unknown>;
}

export interface AnswerCacheOptions {
  /** The most the kept answers may take, in bytes of their bodies (default 32 MiB). */
  maxBytes?: number;
}

/**
 * Answers of public reads kept in this process, for the minute they belong to (opening hours and
 * "today" move with it). Every Hub process drops all of them when content changes anywhere
 * (`content-changes.ts`). While the listening connection is broken, notifications may be missed, so nothing is kept or
 * served until it listens again. An answer made while content changed is not kept, as it may
 * have read the content from before.
 */
export class AnswerCache implements ContentFollower {
  readonly #answers: LRUCache<string, CachedAnswer>;
  readonly #pending = new WeakMap<FastifyRequest, PendingAnswer>();
  #generation = 0;
  #live = false;
  /** Answers served from memory and answers made, since the Hub started (tests and logs read them). */
  hits = 0;
  misses = 0;

  constructor(options: AnswerCacheOptions = {}) {
    this.#answers = new LRUCache({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (answer) => answer.body.length + 256,
      ttl: MINUTE_MS,
    });
  }

  /** False while changes made elsewhere could go unheard. */
  get live(): boolean {
    return this.#live;
  }

  /** Counts every time the kept answers were dropped. */
  get generation(): number {
    return this.#generation;
  }

  setLive(live: boolean): void {
    this.#live = live;
    this.dropAll();
  }

  contentChanged(): void {
    this.dropAll();
  }

  dropAll(): void {
    this.#generation += 1;
    this.#answers.clear();
  }

  /** A public read that may be answered from memory; anyone signed in is always answered anew. */
  #keyOf(request: FastifyRequest): string | undefined {
    if (!this.#live || request.method !== 'GET') return undefined;
    const operation = operationOf(request);
    if (!operation || !CACHED_OPERATIONS.has(operation.operationId)) return undefined;
    const { authorization, cookie } = request.headers;
    if (authorization !== undefined || cookie !== undefined) return undefined;
    const minute = Math.floor(now().getTime() / MINUTE_MS);
    return `${minute}\n${request.headers['accept-language'] ?? ''}\n${request.headers.accept ?? ''}\n${request.url}`;
  }

  /** Answers `request` from memory, or notes what to keep once the route has answered; false when the route must. */
  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    const key = this.#keyOf(request);
    if (key === undefined) return false;
    const answer = this.#answers.get(key);
    if (!answer) {
      this.misses += 1;
      this.#pending.set(request, { key, generation: this.#generation, headersBefore: reply.getHeaders() });
      return false;
    }
    this.hits += 1;
    reply.headers(answer.headers);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && etagMatches(ifNoneMatch, answer.etag)) {
      // As the ETag hook answers a 304 the route made: no type, an empty body.
      reply.removeHeader('content-type');
      reply.header('content-length', 0).code(304).send();
    } else {
      reply.send(answer.body);
    }
    return true;
  }

  /** Keeps the answer the route made for `request`, unless content changed meanwhile. */
  keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const pending = this.#pending.get(request);
    if (!pending || pending.generation !== this.#generation || !this.#live) return;
    if (reply.statusCode !== 200 || typeof payload !== 'string') return;
    const headers: CachedAnswer['headers'] = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || name === 'content-length' || value === pending.headersBefore[name]) continue;
      headers[name] = value;
    }
    const etag = headers.etag;
    if (typeof etag !== 'string' || headers['set-cookie'] !== undefined) return;
    this.#answers.set(pending.key, { body: payload, headers, etag });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    answerCache: AnswerCache | undefined;
  }
}

/**
 * Puts the answer cache in front of the public reads. Register it after the ETag hook, so the
 * answer kept carries its ETag. The look-up runs as the first `preValidation` hook: after every
 * `onRequest` hook, the routes' own included, so rate limits and sign-in checks still apply.
 */
export function registerAnswerCache(app: FastifyInstance, options: AnswerCacheOptions = {}): AnswerCache {
  const cache = new AnswerCache(options);
  app.addHook('preValidation', (request, reply, done) => {
    if (!cache.serve(request, reply)) done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    cache.keep(request, reply, payload);
    done(null, payload);
  });
  return cache;
}

import type { Fetch } from './transport.js';

export interface CacheOptions {
  /** How many answers to keep; the least recently used goes first. Default 100. */
  maxEntries: number;
}

export const defaultCacheOptions: CacheOptions = { maxEntries: 100 };

/** A map that keeps at most `maxEntries` entries and forgets the least recently used first. */
export class LruCache<V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest entry first.
  readonly #entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }
}

/** What is kept of a `200` answer to answer a `304` later. */
export interface CachedAnswer {
  etag: string;
  contentType: string | null;
  body: string;
}

/**
 * Conditional GETs: remembers answers that have an `ETag`, sends `If-None-Match` when asking
 * again, and turns the Hub's `304 Not Modified` back into the remembered `200`, so callers never
 * see a 304. Each hit is a fresh `Response`, so every caller parses its own copy of the data
 * and no widget can change another's.
 *
 * A request that sets `If-None-Match` itself is passed through untouched.
 */
export function withEtagCache(fetch: Fetch, cache: LruCache<CachedAnswer>): Fetch {
  return async (request) => {
    if (request.method !== 'GET' || request.headers.has('If-None-Match')) return fetch(request);
    const key = cacheKey(request);
    const cached = cache.get(key);
    if (cached) request.headers.set('If-None-Match', cached.etag);

    const response = await fetch(request);
    if (cached && response.status === 304) return answerFrom(cached);

    const etag = response.headers.get('ETag');
    const noStore = /\bno-store\b/i.test(response.headers.get('Cache-Control') ?? '');
    if (response.status !== 200 || !etag || noStore) return response;
    const body = await response.text();
    cache.set(key, { etag, contentType: response.headers.get('Content-Type'), body });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * The same URL can have different answers per format (JSON or CSV), per language and per API key
 * (an organization's own data), so all three are part of the key: one client never serves one
 * key's answer to another, nor a CSV file to a caller that asked for JSON.
 */
function cacheKey(request: Request): string {
  const varying = ['Accept', 'Accept-Language', 'Authorization'].map((name) => request.headers.get(name) ?? '');
  return [request.url, ...varying].join('\n');
}

function answerFrom(cached: CachedAnswer): Response {
  const headers = new Headers({ ETag: cached.etag });
  if (cached.contentType !== null) headers.set('Content-Type', cached.contentType);
  return new Response(cached.body, { status: 200, headers });
}

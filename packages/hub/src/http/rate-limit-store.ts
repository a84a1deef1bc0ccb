import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { scheduleJob, type ScheduledJob } from '../system/jobs.js';

/*
 * The rate limiter's counters in the database, so every Hub process on one PostgreSQL counts a
 * client's requests together: a client that a load balancer spreads over N processes gets the
 * limit once, not N times. Windows are fixed, as in the plugin's memory store: the first request
 * opens one of `timeWindow` ms, later ones count into it until it ends. The database's clock
 * decides, so processes on machines whose clocks differ still agree on when a window ends.
 */

/** Requests in the current window and the milliseconds until it ends, as the plugin expects. */
export interface RateLimitHits {
  current: number;
  ttl: number;
}

/**
 * Counts one request of `key`: one statement, an upsert that opens a new window when there is
 * none or the last one ended. The row lock of the upsert makes concurrent requests on several
 * processes count one after the other, none lost.
 */
export async function countHit(db: Kysely<Database>, key: string, timeWindowMs: number): Promise<RateLimitHits> {
  const { rows } = await sql<{ hits: number; ttl: number }>`
    INSERT INTO rate_limits AS kept (key, hits, resets_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${timeWindowMs / 1000}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN kept.resets_at > now() THEN kept.hits + 1 ELSE 1 END,
      resets_at = CASE WHEN kept.resets_at > now() THEN kept.resets_at ELSE excluded.resets_at END
    RETURNING kept.hits, (extract(epoch FROM kept.resets_at - now()) * 1000)::float8 AS ttl`.execute(db);
  const [row] = rows;
  // `now()` is when the statement's transaction began: one that waited for the row lock behind a
  // later-begun one that opened the window may see slightly more than the window left.
  return { current: row!.hits, ttl: Math.min(timeWindowMs, Math.max(0, Math.ceil(row!.ttl))) };
}

/** Deletes the rows of windows that ended (a client that came back would have started a new one anyway). */
export async function deleteEndedWindows(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('resets_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The store for `@fastify/rate-limit` (whose store API is callback based): the plugin constructs it
 * once for the global limit and asks it for a `child` per route with a limit of its own (sign-in,
 * registration), whose counters are kept apart by a prefix of method and route.
 */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    /** The plugin passes its options; only `child` passes a prefix. */
    constructor(_options?: unknown, prefix = '') {
      this.#prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, result?: RateLimitHits) => void, timeWindow: number): void {
      countHit(db, this.#prefix + key, timeWindow).then(
        (hits) => callback(null, hits),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      // The plugin passes the route's merged limit with the route as `routeInfo` (empty for `createRateLimit`).
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseRateLimitStore(undefined, `${this.#prefix}${method} ${route.url ?? ''} `);
    }
  }
  return DatabaseRateLimitStore;
}

/**
 * Every process deletes ended windows once a minute (an indexed DELETE, harmless when another
 * process just did it): without it a row would stay for every address that ever came by.
 */
export function scheduleRateLimitCleanup(db: Kysely<Database>, intervalMs: number, log: FastifyBaseLogger): ScheduledJob {
  return scheduleJob(() => deleteEndedWindows(db), intervalMs, log, 'ended rate-limit windows: cleanup failed, retrying on the next round');
}

/** Where the rate limiter keeps its counters: `database` shares them between processes. */
export type RateLimitStoreKind = 'memory' | 'database';

/**
 * The plugin's `store` option for this Hub: the database's on PostgreSQL, where several processes
 * may serve one region; the plugin's own memory store on PGlite, which only one process can open
 * (db/data-dir-lock.ts). The cleanup stops before the database closes.
 */
export function rateLimitStoreOption(
  app: { log: FastifyBaseLogger; addHook(name: 'preClose', hook: () => Promise<void>): unknown },
  database: HubDatabase,
  kind: RateLimitStoreKind = database.kind === 'postgres' ? 'database' : 'memory',
  cleanupIntervalMs = 60_000,
): { store?: FastifyRateLimitStoreCtor } {
  if (kind === 'memory') return {};
  const cleanup = scheduleRateLimitCleanup(database.db, cleanupIntervalMs, app.log);
  app.addHook('preClose', () => cleanup.stop());
  return { store: databaseRateLimitStore(database.db) };
}

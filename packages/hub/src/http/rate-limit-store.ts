import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { scheduleJob, type ScheduledJob } from '../system/jobs.js';
import { compareCodeUnits } from '../order.js';

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

/** Requests of one key to add to its count; `timeWindowMs` is the length of a window they open. */
export interface KeyHits {
  key: string;
  added: number;
  timeWindowMs: number;
}

/**
 * Counts the requests of several keys (each key once) in one statement: an upsert per key that
 * opens a new window when there is none or the last one ended. The row locks of the upsert make
 * concurrent statements, of this process or others, count one after the other, none lost; the
 * keys are locked in one order (sorted), so two statements with the same keys cannot deadlock.
 */
export async function countHits(db: Kysely<Database>, hits: readonly KeyHits[]): Promise<Map<string, RateLimitHits>> {
  const sorted = [...hits].sort((a, b) => compareCodeUnits(a.key, b.key));
  const { rows } = await sql<{ key: string; hits: number; ttl: number }>`
    INSERT INTO rate_limits AS kept (key, hits, resets_at)
    SELECT key, added, now() + make_interval(secs => window_ms / 1000)
    FROM unnest(
      ${sorted.map((hit) => hit.key)}::text[],
      ${sorted.map((hit) => hit.added)}::int[],
      ${sorted.map((hit) => hit.timeWindowMs)}::float8[]
    ) AS batch (key, added, window_ms)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN kept.resets_at > now() THEN kept.hits + excluded.hits ELSE excluded.hits END,
      resets_at = CASE WHEN kept.resets_at > now() THEN kept.resets_at ELSE excluded.resets_at END
    RETURNING kept.key, kept.hits, (extract(epoch FROM kept.resets_at - now()) * 1000)::float8 AS ttl`.execute(db);
  const windows = new Map(hits.map((hit) => [hit.key, hit.timeWindowMs]));
  // `now()` is when the statement's transaction began: one that waited for the row lock behind a
  // later-begun one that opened the window may see slightly more than the window left.
  return new Map(
    rows.map((row) => [row.key, { current: row.hits, ttl: Math.min(windows.get(row.key)!, Math.max(0, Math.ceil(row.ttl))) }]),
  );
}

/** Counts one request of `key`, in a statement of its own. */
export async function countHit(db: Kysely<Database>, key: string, timeWindowMs: number): Promise<RateLimitHits> {
  const counted = await countHits(db, [{ key, added: 1, timeWindowMs }]);
  return counted.get(key)!;
}

/** The requests of one key that wait for the next statement, in the order they came. */
interface Waiting {
  timeWindowMs: number;
  callers: { resolve(hits: RateLimitHits): void; reject(error: unknown): void }[];
}

/**
 * A process's counting of requests, in as few statements as exactness allows (group commit): a
 * request that comes while no statement is on its way is sent at once, alone, as one statement
 * each would; the requests that come while one is on its way wait and go together as the next.
 * Under load N requests cost about N/k statements, k being how many come during one statement,
 * and the database's work stays one upsert per key. Counts stay exact: a key requested n times in
 * one statement adds n, and its n callers get the n counts up to the new total, in the order they
 * came — as n statements one after the other would have given them.
 */
export class RateLimitCounter {
  readonly #db: Kysely<Database>;
  #waiting = new Map<string, Waiting>();
  #sending: Promise<void> | undefined;
  #closed = false;
  #statements = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** How many statements this counter has sent (what the batching saves shows here). */
  get statements(): number {
    return this.#statements;
  }

  /** Counts one request of `key`; a new window lasts `timeWindowMs`. */
  count(key: string, timeWindowMs: number): Promise<RateLimitHits> {
    if (this.#closed) return Promise.reject(new Error('The rate-limit counter is closed: the Hub is stopping.'));
    return new Promise((resolve, reject) => {
      const waiting = this.#waiting.get(key);
      if (waiting) waiting.callers.push({ resolve, reject });
      else this.#waiting.set(key, { timeWindowMs, callers: [{ resolve, reject }] });
      this.#sending ??= this.#sendWhileWaiting();
    });
  }

  /** Refuses requests from now on; resolves once the ones it has are counted (or their statement failed). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#sending;
  }

  /** One statement at a time, each with everything that waits, until nothing does. */
  async #sendWhileWaiting(): Promise<void> {
    while (this.#waiting.size > 0) {
      const batch = this.#waiting;
      this.#waiting = new Map();
      this.#statements++;
      await this.#send(batch);
    }
    this.#sending = undefined;
  }

  async #send(batch: Map<string, Waiting>): Promise<void> {
    // A key keeps the window of its first request (one key's requests come from one route, with one window).
    const hits = [...batch].map(([key, { timeWindowMs, callers }]) => ({ key, added: callers.length, timeWindowMs }));
    let counted: Map<string, RateLimitHits>;
    try {
      counted = await countHits(this.#db, hits);
    } catch (error) {
      // Nothing of a failed statement was counted: each of its requests learns it failed.
      for (const { callers } of batch.values()) for (const caller of callers) caller.reject(error);
      return;
    }
    for (const [key, { callers }] of batch) {
      const { current, ttl } = counted.get(key)!;
      callers.forEach((caller, index) => caller.resolve({ current: current - callers.length + 1 + index, ttl }));
    }
  }
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
 * registration), whose counters are kept apart by a prefix of method and route. All of them count
 * through one `counter`, so the requests of every route share its statements.
 */
export function databaseRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    /** The plugin passes its options; only `child` passes a prefix. */
    constructor(_options?: unknown, prefix = '') {
      this.#prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, result?: RateLimitHits) => void, timeWindow: number): void {
      counter.count(this.#prefix + key, timeWindow).then(
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
 * (db/data-dir-lock.ts). The cleanup stops, and the counter sends what waits, before the database
 * closes; by preClose the server answers new requests 503 before they reach the rate limiter.
 */
export function rateLimitStoreOption(
  app: { log: FastifyBaseLogger; addHook(name: 'preClose', hook: () => Promise<void>): unknown },
  database: HubDatabase,
  kind: RateLimitStoreKind = database.kind === 'postgres' ? 'database' : 'memory',
  cleanupIntervalMs = 60_000,
): { store?: FastifyRateLimitStoreCtor } {
  if (kind === 'memory') return {};
  const cleanup = scheduleRateLimitCleanup(database.db, cleanupIntervalMs, app.log);
  const counter = new RateLimitCounter(database.db);
  app.addHook('preClose', async () => {
    await cleanup.stop();
    await counter.close();
  });
  return { store: databaseRateLimitStore(counter) };
}

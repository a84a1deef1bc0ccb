import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** A plain SQL session inside one transaction, for migration scripts with many statements. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * A statement sent by its name, for the few run so often that PostgreSQL's parsing and planning of
 * them shows: each connection prepares it on its first use and then only binds the values. One
 * name, one text, for the whole process.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export interface HubDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** PGlite only: the data directory as a gzipped tarball, to start others from (`loadDataDir`). */
  readonly dumpDataDir?: () => Promise<Blob>;
  /**
   * Runs one statement on its own (it commits or fails as a whole) and returns its rows: on
   * PostgreSQL as a named prepared statement on a pooled connection, on PGlite as any query.
   * Errors are the database's, as through `db`.
   */
  readonly prepared: <Row>(statement: PreparedStatement, values: readonly unknown[]) => Promise<Row[]>;
  /** Runs `work` in one transaction that may execute multi-statement scripts. */
  inScriptTransaction<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  /**
   * Listens to `NOTIFY channel` from every session of the database, this process's own included.
   * `onLive(true)` once listening; on PostgreSQL the listening connection can break, which calls
   * `onLive(false)` (notifications may then be missed) and retries until `stop`.
   */
  listen(channel: string, listener: NotificationListener): Promise<{ stop(): Promise<void> }>;
  close(): Promise<void>;
}

export interface NotificationListener {
  onNotification(payload: string): void;
  onLive(live: boolean): void;
  /** A failed (re)connection of the listening session, before the next try. */
  onError?(error: Error): void;
}

export interface DatabaseOptions {
  /** A PostgreSQL server (`postgres://…`). When absent, the Hub uses embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; in memory when absent (tests). */
  dataDir?: string | undefined;
  /**
   * PGlite: start from this data directory tarball (from `dumpDataDir`) instead of an empty
   * cluster. Tests clone one migrated, seeded database this way instead of building it per file.
   */
  loadDataDir?: Blob | undefined;
  /** Called when an idle PostgreSQL connection breaks, so the Hub can log it instead of crashing. */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<HubDatabase> {
  const database = await (options.url
    ? openPostgres(options.url, options.onConnectionError)
    : openPglite(options.dataDir, options.loadDataDir));
  preparedByDb.set(database.db, database.prepared);
  return database;
}

/** `prepared` of each open database, by its Kysely instance, for code that is handed only that. */
const preparedByDb = new WeakMap<Kysely<Database>, HubDatabase['prepared']>();

/**
 * `statement` run as `HubDatabase.prepared` does when `db` is a database's own instance; inside a
 * transaction (`db` is then its `Transaction`) or on any other instance, through `db` as an
 * ordinary query, so that it stays in the transaction.
 */
export async function runPrepared<Row>(db: Kysely<Database>, statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
  const prepared = preparedByDb.get(db);
  if (prepared) return prepared<Row>(statement, values);
  return (await db.executeQuery<Row>(CompiledQuery.raw(statement.text, [...values]))).rows;
}

/**
 * PostgreSQL's refusal to run a prepared statement whose rows would now have other columns (a
 * table it selects `*` from was changed after it was prepared, e.g. by a newer Hub's migration).
 */
const CACHED_PLAN_CHANGED = '0A000';

async function runPreparedOnPool<Row>(pool: pg.Pool, statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return (await client.query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: [...values] })).rows;
  } catch (error) {
    if ((error as { code?: unknown }).code !== CACHED_PLAN_CHANGED) throw error;
    broken = error as Error;
  } finally {
    // A connection whose statement went stale is closed (and with it the statement); the pool opens a new one.
    client.release(broken);
  }
  return (await pool.query<Row & pg.QueryResultRow>(statement.text, [...values])).rows;
}

/**
 * PGlite is one session, and Kysely's PGlite driver hands the same connection to every caller:
 * a query of one request would run inside another request's open transaction (and be rolled
 * back with it). Holding a lock from acquiring the connection to releasing it — a whole
 * transaction, or a single query — runs them one after another, as one session must.
 */
class OneAtATimeDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(private readonly driver: Driver) {}

  init() {
    return this.driver.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.driver.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.driver.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  beginTransaction(...args: Parameters<Driver['beginTransaction']>) {
    return this.driver.beginTransaction(...args);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.driver.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.driver.rollbackTransaction(connection);
  }
  destroy() {
    return this.driver.destroy();
  }
}

class OneAtATimePGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new OneAtATimeDriver(super.createDriver());
  }
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<HubDatabase> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new OneAtATimePGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    // One session, one process: nothing to gain from names. Through Kysely, so it waits its turn (OneAtATimeDriver).
    prepared: async <Row>(statement: PreparedStatement, values: readonly unknown[]) =>
      (await db.executeQuery<Row>(CompiledQuery.raw(statement.text, [...values]))).rows,
    inScriptTransaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows,
        }),
      ),
    async listen(channel, listener) {
      // PGlite is one session in this process: it hands notifications over as the committing query returns.
      const unlisten = await pglite.listen(channel, (payload) => listener.onNotification(payload));
      listener.onLive(true);
      return {
        async stop() {
          if (!pglite.closed) await unlisten();
        },
      };
    },
    async close() {
      await db.destroy();
      // Kysely closes PGlite only if it ran a query itself; migrations may have been all there was.
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string, onConnectionError?: (error: Error) => void): Promise<HubDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast while the server is down, so clients get a 503 instead of a hanging request.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // A connection that loses its server emits 'error' — on the pool while idle, on the client while
  // checked out. Unhandled, either would end the process; the failed query still rejects (→ 503).
  const report = (error: Error) => onConnectionError?.(error);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    prepared: (statement, values) => runPreparedOnPool(pool, statement, values),
    async inScriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          // Without parameters pg uses the simple protocol, which accepts many statements at once.
          exec: async (script) => {
            await client.query(script);
          },
          query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, listener) => listenOnPostgres(url, channel, listener),
    close: () => db.destroy(),
  };
}

const RELISTEN_DELAYS_MS = [100, 1_000, 5_000, 30_000];

/**
 * A session of its own outside the pool, as LISTEN holds it. When it breaks, the listener is told
 * at once (it must stop trusting what notifications kept fresh) and it is opened again, waiting a
 * little longer after each failure.
 */
async function listenOnPostgres(url: string, channel: string, listener: NotificationListener): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  const broken = (current: pg.Client, error?: Error) => {
    if (client !== current) return;
    client = undefined;
    listener.onLive(false);
    if (error) listener.onError?.(error);
    current.end().catch(() => undefined);
    if (!stopped) {
      retry = setTimeout(() => void open(), RELISTEN_DELAYS_MS[Math.min(failures, RELISTEN_DELAYS_MS.length - 1)]);
      retry.unref();
      failures += 1;
    }
  };
  async function open(): Promise<void> {
    const current = new pg.Client({ connectionString: url, application_name: `sr-hub ${channel}`, connectionTimeoutMillis: 3_000 });
    client = current;
    current.on('notification', (message) => listener.onNotification(message.payload ?? ''));
    current.on('error', (error) => broken(current, error));
    current.on('end', () => broken(current));
    try {
      await current.connect();
      await current.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      broken(current, error as Error);
      return;
    }
    if (client !== current || stopped) return;
    failures = 0;
    listener.onLive(true);
  }
  await open();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}

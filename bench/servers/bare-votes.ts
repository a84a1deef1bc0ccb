// The peer of the voting benchmark: a bare Fastify route that stores each vote with one INSERT
// (unique per idempotency key) on the same kind of database, with no contract, validation, proof,
// transaction or results. What this machine can do at most; the ratio to it is what the Hub adds.
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { openTestDatabase } from '../../packages/hub/test/support/database.js';
import { stopOnSigterm } from './stop.js';

const schema = `CREATE TABLE IF NOT EXISTS bare_votes (
  id bigserial PRIMARY KEY, poll_id text NOT NULL, idempotency_key text NOT NULL, choices text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (poll_id, idempotency_key))`;
const insert = 'INSERT INTO bare_votes (poll_id, idempotency_key, choices) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING created_at';
const count = 'SELECT count(*)::int AS n FROM bare_votes WHERE poll_id = $1';

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
let query: Query;
let close: () => Promise<void>;
// A throwaway database as the Hub gets (its migrated tables stay unused), reached without Kysely.
const throwaway = await openTestDatabase();
await throwaway.database.close();
if (throwaway.url) {
  const pool = new pg.Pool({ connectionString: throwaway.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Dropping the throwaway database ends connections the pool is still closing; nothing to report.
  pool.on('error', () => undefined);
  query = (text, values) => pool.query(text, values);
  close = () => pool.end().then(() => throwaway.drop());
} else {
  const pglite = await PGlite.create();
  query = (text, values) => pglite.query(text, values);
  close = () => pglite.close();
}
await query(schema);

const app = Fastify({ logger: false });
app.post<{ Params: { pollId: string }; Body: { choices: string[] } }>('/polls/:pollId/votes', async (request, reply) => {
  const { rows } = await query(insert, [request.params.pollId, request.headers['idempotency-key'], request.body.choices]);
  reply.code(201);
  return { pollId: request.params.pollId, choices: request.body.choices, receivedAt: rows[0]?.created_at };
});
app.get<{ Params: { pollId: string } }>('/polls/:pollId/count', async (request) => (await query(count, [request.params.pollId])).rows[0]);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
stopOnSigterm(app, close);

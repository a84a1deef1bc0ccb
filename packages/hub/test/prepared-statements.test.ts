import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, runPrepared, type HubDatabase, type PreparedStatement } from '../src/db/connection.js';
import { createServerDatabase, serverUrl } from './support/server.js';

/*
 * Statements sent by name (`HubDatabase.prepared`, `runPrepared`): on PostgreSQL each pooled
 * connection prepares one once and runs it again by name; on PGlite they are ordinary queries.
 * Either way they give what the same text gives through Kysely. Runs on PGlite, and on PostgreSQL
 * when DATABASE_URL is set.
 */

describe('prepared statements', () => {
  let database: HubDatabase;
  let drop = async () => {};

  before(async () => {
    if (serverUrl) {
      const server = await createServerDatabase('sr_prepared');
      drop = server.drop;
      database = await openDatabase({ url: server.url });
    } else {
      database = await openDatabase();
    }
    await sql`CREATE TABLE notes (id int PRIMARY KEY, words text[] NOT NULL, at timestamptz NOT NULL)`.execute(database.db);
  });
  after(async () => {
    await database.close();
    await drop();
  });

  const insertNote: PreparedStatement = {
    name: 'test-insert-note',
    text: 'INSERT INTO notes (id, words, at) VALUES ($1, $2, $3) RETURNING id, words, at',
  };

  test('give the rows the same text gives through Kysely, values of every kind bound as such', async () => {
    const at = new Date('2026-03-29T01:30:00Z');
    const inserted = await database.prepared(insertNote, [1, ['eins', 'zwei'], at]);
    assert.deepEqual(inserted, [{ id: 1, words: ['eins', 'zwei'], at }]);
    const read = { name: 'test-read-note', text: 'SELECT id, words, at FROM notes WHERE id = $1' };
    const ordinary = await sql`SELECT id, words, at FROM notes WHERE id = ${1}`.execute(database.db);
    for (let run = 0; run < 3; run++) assert.deepEqual(await database.prepared(read, [1]), ordinary.rows);
    assert.deepEqual(await database.prepared(read, [2]), []);
  });

  test('errors are the database’s own, with their code and constraint', async () => {
    await assert.rejects(database.prepared(insertNote, [1, ['noch', 'einmal'], new Date()]), {
      code: '23505',
      constraint: 'notes_pkey',
    });
  });

  test('on PostgreSQL, a connection prepares the statement once and runs it again by its name', { skip: !serverUrl }, async () => {
    // The statement reads its own entry: PostgreSQL counts a plan for every run of a prepared statement.
    const ownEntry = {
      name: 'test-own-entry',
      text: `SELECT pg_backend_pid() AS pid, statement, generic_plans + custom_plans AS runs
               FROM pg_prepared_statements WHERE name = $1`,
    };
    const runs = [];
    // One at a time, so the pool hands out the same connection each time.
    for (let run = 0; run < 3; run++)
      runs.push((await database.prepared<{ pid: number; statement: string; runs: string }>(ownEntry, [ownEntry.name]))[0]);
    assert.equal(new Set(runs.map((row) => row?.pid)).size, 1, 'one connection');
    assert.deepEqual(
      runs.map((row) => Number(row?.runs)),
      [1, 2, 3],
    );
    assert.equal(runs[0]?.statement, ownEntry.text);
  });

  test('a statement whose table changed since it was prepared still runs, with the new columns', async () => {
    const all = { name: 'test-whole-note', text: 'SELECT * FROM notes WHERE id = $1' };
    assert.deepEqual(Object.keys((await database.prepared<object>(all, [1]))[0] ?? {}), ['id', 'words', 'at']);
    await sql`ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'Rathaus'`.execute(database.db);
    const [note] = await database.prepared<{ author: string }>(all, [1]);
    assert.equal(note?.author, 'Rathaus');
    // And again, on whichever connection the pool hands out.
    assert.equal((await database.prepared<{ author: string }>(all, [1]))[0]?.author, 'Rathaus');
  });

  test('runPrepared runs on the database’s pool by name, and inside a transaction in that transaction', async () => {
    assert.equal((await runPrepared<{ id: number }>(database.db, insertNote, [2, ['drei'], new Date()]))[0]?.id, 2);
    if (serverUrl) {
      const [entry] = await database.prepared<{ n: string }>(
        { name: 'test-count-entries', text: 'SELECT count(*) AS n FROM pg_prepared_statements WHERE name = $1' },
        [insertNote.name],
      );
      assert.equal(entry?.n, '1');
    }
    const rolledBack = new Error('rolled back');
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        assert.equal((await runPrepared<{ id: number }>(trx, insertNote, [3, ['vier'], new Date()]))[0]?.id, 3);
        // Seen inside the transaction, which then rolls back.
        assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM notes WHERE id = 3`.execute(trx)).rows[0]?.n, 1);
        throw rolledBack;
      }),
      rolledBack,
    );
    assert.deepEqual((await sql`SELECT id FROM notes ORDER BY id`.execute(database.db)).rows, [{ id: 1 }, { id: 2 }]);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sharedSecret } from '../src/db/shared-secrets.js';
import { startTestHub, type TestHub } from './support/hub.js';

/*
 * The secrets every Hub process on one database shares (scale-out.test.ts shows two processes
 * verifying each other's proof-of-work challenges with it); here the database side, on PGlite and
 * PostgreSQL alike.
 */

describe('shared secrets', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.close());

  test('the first caller makes the secret; later and concurrent callers get the same one', async () => {
    const db = hub.database.db;
    await db.deleteFrom('shared_secrets').execute();
    const secrets = await Promise.all(Array.from({ length: 8 }, () => sharedSecret(db, 'proof-of-work')));
    assert.equal(new Set(secrets).size, 1);
    assert.match(secrets[0]!, /^[\w-]{43}$/);
    assert.equal(await sharedSecret(db, 'proof-of-work'), secrets[0]);
    assert.equal((await db.selectFrom('shared_secrets').selectAll().execute()).length, 1);
  });
});

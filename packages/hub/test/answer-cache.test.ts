import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { pinClock } from '../src/clock.js';
import { readConfig } from '../src/config.js';
import { CACHED_OPERATIONS } from '../src/http/answer-cache.js';
import { pinTestClock, testNow } from './support/clock.js';
import { helpClient } from './support/help.js';
import { startTestHub, writtenStraight, type TestHub } from './support/hub.js';
import { eventually } from './support/mail.js';

/** The headers a client sees, but the date, which moves with the clock. */
function headersOf(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers.date;
  return headers;
}

describe('answers kept in memory', () => {
  let hub: TestHub;
  const cache = () => hub.app.answerCache!;
  before(async () => {
    hub = await startTestHub();
    // On PostgreSQL the listening connection may still be opening (or trying again) on a busy server.
    await eventually('the Hub to listen for content changes', () => cache().live, 30_000);
  });
  after(() => hub.close());

  /**
   * `fetch`, whose failure says why and after how long: the test runner shows only "fetch
   * failed", and a read once failed so in CI after 104 s, with nothing left to tell the cause.
   */
  async function fetchTold(url: string, init?: RequestInit): Promise<Response> {
    const started = performance.now();
    try {
      return await fetch(`${hub.baseUrl}${url}`, init);
    } catch (error) {
      const { cause } = error as { cause?: unknown };
      const ms = Math.round(performance.now() - started);
      throw new Error(`${init?.method ?? 'GET'} ${url} failed after ${ms} ms (cache live: ${cache().live}): ${String(cause)}`, { cause });
    }
  }

  /** What a read counted: served from memory, made by the route, or neither (not for the cache). */
  async function counted(url: string, init?: RequestInit): Promise<{ response: Response; body: string; hit: boolean; miss: boolean }> {
    const { hits, misses } = cache();
    const response = await fetchTold(url, init);
    const body = await response.text();
    return { response, body, hit: cache().hits === hits + 1, miss: cache().misses === misses + 1 };
  }

  // Each test starts at the beginning of the pinned minute, so its reads share one minute.
  const atMinuteStart = () => pinTestClock();

  /**
   * Runs `steps` again, from nothing kept, when they failed while content changed: a job of the
   * Hub's (the stored occurrences moving their horizon as the Hub starts) may write at any moment
   * and drop what was kept. A failure without such a change counts at once; five in a row count too.
   */
  async function undisturbed(steps: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      atMinuteStart();
      // Each attempt starts with nothing kept, as the first did.
      cache().dropAll();
      const generation = cache().generation;
      try {
        await steps();
        return;
      } catch (error) {
        if (attempt === 5 || cache().generation === generation) throw error;
      }
    }
  }

  test('a repeated public read is answered from memory, byte for byte and header for header', async () => {
    await undisturbed(async () => {
      for (const url of [
        '/municipalities/hoechberg',
        '/help-offers?q=Sucht&limit=5',
        '/events?from=2026-12-01&to=2027-01-01&limit=3',
        '/help-topics',
      ]) {
        const made = await counted(url);
        assert.equal(made.response.status, 200, url);
        assert.ok(made.miss, `${url} is made by the route first`);
        const kept = await counted(url);
        assert.ok(kept.hit, `${url} is answered from memory the second time`);
        assert.equal(kept.body, made.body, url);
        assert.deepEqual(headersOf(kept.response), headersOf(made.response), url);
      }
    });
  });

  test('a 304 from memory is the 304 the route gives', async () => {
    await undisturbed(async () => {
      cache().dropAll();
      const url = '/municipalities/wuerzburg';
      const etag = (await counted(url)).response.headers.get('etag')!;
      cache().dropAll();
      const made = await counted(url, { headers: { 'if-none-match': etag } });
      assert.ok(made.miss);
      await counted(url);
      const kept = await counted(url, { headers: { 'if-none-match': `"other", ${etag}` } });
      assert.ok(kept.hit);
      assert.equal(kept.response.status, 304);
      assert.equal(made.response.status, 304);
      assert.equal(kept.body, '');
      assert.deepEqual(headersOf(kept.response), headersOf(made.response));
    });
  });

  test("an editor's change through the API shows in the very next read", async () => {
    await undisturbed(async () => {
      const help = helpClient(hub);
      const [offer] = (await help.search('q=Sucht&limit=1')).items;
      const url = `/help-offers/${offer!.id}`;
      await counted(url);
      assert.ok((await counted(url)).hit);
      const patched = await help.patch(offer!.id, { name: 'Suchtberatung am Abend' });
      assert.equal(patched.status, 200);
      const after = await counted(url);
      assert.ok(after.miss, 'the change dropped the kept answer');
      assert.equal((JSON.parse(after.body) as { name: string }).name, 'Suchtberatung am Abend');
    });
  });

  test('a change straight in the database (a job, a command, another process) drops the kept answers', async () => {
    await undisturbed(async () => {
      const url = '/municipalities/hoechberg';
      await counted(url);
      assert.ok((await counted(url)).hit);
      const rename = (name: string) => hub.database.db.updateTable('municipalities').set({ name }).where('id', '=', 'hoechberg').execute();
      // PostgreSQL tells the listening session when the change commits; PGlite as the statement returns.
      await writtenStraight(hub, () => rename('Höchberg am Main'));
      const after = await counted(url);
      assert.ok(after.miss);
      assert.equal((JSON.parse(after.body) as { name: string }).name, 'Höchberg am Main');
      await writtenStraight(hub, () => rename('Höchberg'));
    });
  });

  test('a citizen’s vote keeps the answers: it changes no content', async () => {
    await undisturbed(async () => {
      await counted('/help-topics');
      const generation = cache().generation;
      const refused = await fetchTold('/polls/no-such-poll/votes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ optionIds: ['x'] }),
      });
      assert.ok(refused.status >= 400);
      await refused.body?.cancel();
      assert.equal(cache().generation, generation);
      assert.ok((await counted('/help-topics')).hit);
    });
  });

  test('a signed-in read is neither answered from memory nor kept', async () => {
    await undisturbed(async () => {
      const url = '/municipalities/hoechberg';
      await counted(url);
      const signedIn: Record<string, string>[] = [{ authorization: `Bearer ${hub.adminToken}` }, { cookie: 'sr_session=whatever' }];
      for (const headers of signedIn) {
        const read = await counted(url, { headers });
        assert.equal(read.hit || read.miss, false, JSON.stringify(Object.keys(headers)));
      }
    });
  });

  test('each language, each query and each minute has answers of its own', async () => {
    await undisturbed(async () => {
      cache().dropAll();
      assert.ok((await counted('/help-topics', { headers: { 'accept-language': 'en' } })).miss);
      assert.ok((await counted('/help-topics', { headers: { 'accept-language': 'de' } })).miss);
      assert.ok((await counted('/help-topics', { headers: { 'accept-language': 'en' } })).hit);
      assert.ok((await counted('/help-offers?q=Sucht&limit=2')).miss);
      assert.ok((await counted('/help-offers?q=Sucht&limit=3')).miss);
      pinClock(new Date(new Date(testNow).getTime() + 60_000));
      assert.ok(
        (await counted('/help-topics', { headers: { 'accept-language': 'en' } })).miss,
        'a new minute: opening hours and today may have moved',
      );
      pinTestClock();
    });
  });

  test('a refused request is never kept', async () => {
    await undisturbed(async () => {
      for (let i = 0; i < 2; i += 1) {
        const read = await counted('/municipalities?limit=0');
        assert.equal(read.response.status, 400);
        assert.equal(read.hit, false);
      }
    });
  });

  test('every table a kept answer is made of tells every process when it changes', async (t) => {
    if (hub.database.kind !== 'pglite') {
      t.skip('the schema is the same on both databases; PGlite counts the scans of its one session without delay');
      return;
    }
    const db = hub.database.db;
    const help = helpClient(hub);
    const [offer] = (await help.search('q=Sucht&limit=1')).items;
    const events = (await (await fetch(`${hub.baseUrl}/events?from=2026-12-01&to=2027-01-01&limit=1`)).json()) as {
      items: { eventId: string }[];
    };
    const organization = offer!.organization.id;
    const reads: Record<string, string[]> = {
      listMunicipalities: ['/municipalities?q=h%C3%B6ch'],
      getMunicipality: ['/municipalities/hoechberg'],
      listOrganizations: ['/organizations?q=Caritas'],
      getOrganization: [`/organizations/${organization}`],
      listOrganizationEvents: [`/organizations/${organization}/events`],
      listEventOccurrences: [
        '/events?from=2026-12-01&to=2027-01-01&q=Konzert',
        '/events?from=2026-12-01&to=2027-01-01&municipality=hoechberg',
      ],
      getEvent: [`/events/${events.items[0]!.eventId}`],
      listEventCategories: ['/event-categories'],
      listHelpTopics: ['/help-topics'],
      listEmergencyContacts: ['/emergency-contacts'],
      listHelpOffers: [
        '/help-offers?q=Schuldnerberatng&openNow=true',
        '/help-offers?q=Beratung&near=49.7913,9.9534&sort=distance&topic=sucht',
      ],
      getHelpOffer: [`/help-offers/${offer!.id}`],
      listOrganizationHelpOffers: [`/organizations/${organization}/help-offers`],
    };
    assert.deepEqual(Object.keys(reads).sort(), [...CACHED_OPERATIONS].sort(), 'every cached operation is read here');
    const scans = async () => {
      await sql`SELECT pg_stat_force_next_flush()`.execute(db);
      await sql`SELECT pg_stat_clear_snapshot()`.execute(db);
      const { rows } = await sql<{ relname: string; scans: string }>`
        SELECT relname, seq_scan + coalesce(idx_scan, 0) AS scans FROM pg_stat_user_tables`.execute(db);
      return new Map(rows.map((row) => [row.relname, Number(row.scans)]));
    };
    const { rows: watched } = await sql<{ table: string }>`
      SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname LIKE '%notify_content_changed'`.execute(db);
    const watchedTables = new Set(watched.map((row) => row.table));
    const readByAny = new Set<string>();
    for (const [operationId, urls] of Object.entries(reads)) {
      cache().dropAll();
      const before = await scans();
      for (const url of urls) assert.equal((await fetchTold(url)).status, 200, url);
      const after = await scans();
      const read = [...after].filter(([table, count]) => count > (before.get(table) ?? 0)).map(([table]) => table);
      for (const table of read) readByAny.add(table);
      const unwatched = read.filter((table) => !watchedTables.has(table));
      assert.deepEqual(unwatched, [], `${operationId} reads tables whose changes no process hears`);
    }
    // Categories, topics and emergency numbers come from the code; the scans are seen for the others.
    for (const table of ['municipalities', 'organizations', 'events', 'event_occurrences', 'help_offers']) {
      assert.ok(readByAny.has(table), `the reads of ${table} were counted`);
    }
  });

  test('while changes cannot be heard, every read is made anew; listening again, answers are kept again', async (t) => {
    if (hub.database.kind !== 'postgres') {
      t.skip('PGlite is one session in the Hub’s own process: its notifications cannot be lost');
      return;
    }
    atMinuteStart();
    const db = hub.database.db;
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'sr-hub sr_content_changed' AND datname = current_database()`.execute(db);
    await eventually('the broken listening session to be noticed', () => !cache().live, 5_000);
    const url = '/municipalities/hoechberg';
    for (let i = 0; i < 2; i += 1) {
      const read = await counted(url);
      assert.equal(read.hit || read.miss, false);
      assert.equal(read.response.status, 200);
    }
    await eventually('the Hub to listen again', () => cache().live, 10_000);
    await counted(url);
    assert.ok((await counted(url)).hit);
  });

  test('ANSWER_CACHE_MB=0 turns keeping off; by default a process keeps 32 MiB', async () => {
    assert.equal(readConfig({}).answerCacheMb, 32);
    assert.equal(readConfig({ ANSWER_CACHE_MB: '0' }).answerCacheMb, 0);
    assert.throws(() => readConfig({ ANSWER_CACHE_MB: 'viel' }), /ANSWER_CACHE_MB must be a whole number/);
    const uncached = await startTestHub({ answerCache: false });
    try {
      assert.equal(uncached.app.answerCache, undefined);
      const reads = await Promise.all([1, 2].map(async () => (await fetch(`${uncached.baseUrl}/municipalities/hoechberg`)).text()));
      assert.equal(reads[0], reads[1]);
    } finally {
      await uncached.close();
    }
  });
});

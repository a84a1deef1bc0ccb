import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { readConfig } from '../src/config.js';
import { regionMoment } from '../src/help/opening-hours.js';
import { selectOffers } from '../src/help/queries.js';
import { lookUpInDatabase } from '../src/help/vocabulary.js';
import { searchSpellings } from '../src/http/text.js';
import { compareLexemes, operandsForRank, parseTsvector, storedOrder, type QueryOperand } from '../src/help/text-search.js';
import { helpClient, offerBody, type SearchPage } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { eventually } from './support/mail.js';

interface QualitySet {
  queries: { q: string; params?: string }[];
  offers?: Record<string, unknown>[];
}

const read = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as QualitySet;
const sets = [read('help-search-quality.json'), read('help-search-quality-region.json')];

/** Every search of the quality sets, as the widget asks them. */
const qualitySearches = sets.flatMap((set) =>
  set.queries.map((query) => `q=${encodeURIComponent(query.q)}${query.params ? `&${query.params}` : ''}`),
);

/** The filters and sorts a search can combine (each with a few queries, and without one). */
const filteredSearches = ['Beratung', 'Sucht', 'Hilfe', 'Trauernde', 'mein Mann trinkt', ''].flatMap((q) =>
  [
    'sort=name',
    'sort=distance&near=49.7913,9.9534',
    'near=49.7913,9.9534&radius=8',
    'municipality=wuerzburg',
    'municipality=ochsenfurt&municipality=hoechberg',
    'topic=sucht',
    'audience=relatives',
    'language=en',
    'cost=free',
    'anonymous=true',
    'barrierFree=true',
    'openNow=true',
  ].map((params) => (q ? `q=${encodeURIComponent(q)}&${params}` : params)),
);

/** Until a Hub's index is built and listening for changes (on PostgreSQL the listening connection may still be opening). */
function indexBuilt(hub: TestHub): Promise<void> {
  const index = hub.app.helpSearchIndex!;
  return eventually('the index to be built', async () => {
    await index.build();
    return index.ready;
  });
}

/**
 * The index must answer exactly as the SQL does: the same offers in the same order, the same
 * total, facets, distances, crisis flag and cursors, on the quality sets' data (the demo data and
 * the region set's offers), for every query of the sets and for each filter and sort.
 */
describe('the help search index answers as the database does', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;
  const index = () => hub.app.helpSearchIndex!;
  const built = () => indexBuilt(hub);

  before(async () => {
    hub = await startTestHub({ answerCache: false });
    client = helpClient(hub);
    const organization = await client.organization('Beratungsnetz Mainfranken');
    for (const set of sets) for (const offer of set.offers ?? []) await client.created(organization, offer);
  });
  after(() => hub.close());

  /** The page from the database and from the index, and that the index answered it. */
  async function bothWays(search: string): Promise<{ database: SearchPage; memory: SearchPage }> {
    index().enabled = false;
    const database = await client.search(search);
    index().enabled = true;
    await built();
    const searches = index().searches;
    const memory = await client.search(search);
    assert.equal(index().searches, searches + 1, `${search}: answered from memory`);
    return { database, memory };
  }

  async function assertSame(searches: string[]): Promise<number> {
    let compared = 0;
    for (const search of searches) {
      const first = await bothWays(`${search}&limit=10`);
      assert.deepEqual(first.memory, first.database, search);
      // The next page, from the cursor of the first.
      if (first.database.nextCursor) {
        const next = await bothWays(`${search}&limit=10&cursor=${encodeURIComponent(first.database.nextCursor)}`);
        assert.deepEqual(next.memory, next.database, `${search}, page 2`);
        compared += 1;
      }
      compared += 1;
    }
    return compared;
  }

  test('every query of the quality sets, first and second page', async (t) => {
    const compared = await assertSame(qualitySearches);
    t.diagnostic(`${compared} pages compared`);
    assert.ok(compared > qualitySearches.length, 'some searches have a second page');
  });

  test('each filter and sort, with and without words', async (t) => {
    t.diagnostic(`${await assertSame(filteredSearches)} pages compared`);
  });

  test('the vocabulary in memory says of every word what the database says, misspelled ones too', async (t) => {
    const typed = [
      ...new Set(sets.flatMap((set) => set.queries.flatMap((query) => query.q.toLowerCase().split(/[^\p{L}\p{N}]+/u)))),
    ].filter(Boolean);
    // Misspellings as people make them: a letter left out, two swapped, one doubled.
    const misspelled = typed
      .filter((word) => word.length >= 5)
      .flatMap((word) => [word.slice(0, 2) + word.slice(3), word.slice(0, 2) + word[3] + word[2] + word.slice(4), word + word.at(-1)]);
    const words = [...typed, ...misspelled, 'fuer', 'ueber', 'Hoechberg', 'Gruppe', 'angehoerigen', 'ǆemal', 'çocuk', 'депрессия'];
    await built();
    let fromMemory = 0;
    for (let from = 0; from < words.length; from += 10) {
      const tokens = words.slice(from, from + 10).map((raw) => ({ raw, spellings: searchSpellings(raw) }));
      const memory = await index().wordsInMemory(tokens);
      if (memory === undefined) continue;
      fromMemory += tokens.length;
      assert.deepEqual(memory, await lookUpInDatabase(hub.database.db, tokens), tokens.map((token) => token.raw).join(' '));
    }
    t.diagnostic(`${fromMemory} of ${words.length} words compared`);
    assert.ok(fromMemory > words.length * 0.8, `${fromMemory} of ${words.length} looked up in memory`);
  });

  test('an edit is searched at once: the index is made anew, and until then the database answers', async () => {
    await built();
    const organization = await client.organization('Neuer Träger Kürnach', 'kuernach');
    const before = await client.search('q=Zwetschgenbaumpflege');
    await client.created(organization, offerBody({ name: 'Zwetschgenbaumpflege Kürnach' }));
    // On PostgreSQL the notification arrives a moment after the commit; the Hub's own write made it stale before its answer.
    assert.equal(index().ready, false, 'the change made the index stale');
    const searches = index().searches;
    const afterEdit = await client.search('q=Zwetschgenbaumpflege');
    assert.equal(afterEdit.total, before.total + 1);
    assert.equal(afterEdit.items[0]?.name, 'Zwetschgenbaumpflege Kürnach');
    assert.equal(index().searches, searches, 'the database answered');
    await built();
    const fromMemory = await client.search('q=Zwetschgenbaumpflege');
    assert.equal(index().searches, searches + 1);
    assert.deepEqual(fromMemory, afterEdit);
  });

  test('a change made straight in the database makes the index stale too', async () => {
    await built();
    const before = await client.search('q=Zwetschgenbaumpflege');
    const result = await sql`UPDATE help_offers SET published = false WHERE name = 'Zwetschgenbaumpflege Kürnach'`.execute(hub.database.db);
    assert.equal(result.numAffectedRows, 1n);
    await eventually('the change to be heard', () => !index().ready, 5_000);
    assert.equal((await client.search('q=Zwetschgenbaumpflege')).total, before.total - 1);
    const { database, memory } = await bothWays('q=Zwetschgenbaumpflege');
    assert.deepEqual(memory, database);
    assert.ok(!memory.items.some((item) => item.name === 'Zwetschgenbaumpflege Kürnach'));
  });
});

/**
 * Opening hours that test the rules: past midnight, on and after public holidays, exceptions that
 * close a day, open a holiday or run past midnight, periods listed out of order, none at all.
 */
const hoursToTest: Record<string, unknown>[] = [
  {
    schedules: [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '20:00', closesAt: '02:00' },
      { byDay: ['SA'], opensAt: '22:00', closesAt: '00:00' },
    ],
  },
  {
    schedules: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '09:00', closesAt: '17:00' }],
    exceptions: [
      { date: '2026-12-24', opensAt: '09:00', closesAt: '12:00' },
      { date: '2026-12-31', description: 'Geschlossen' },
      { date: '2026-12-26', opensAt: '10:00', closesAt: '14:00' },
    ],
  },
  {
    schedules: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '08:00', closesAt: '12:00' }],
    openOnPublicHolidays: true,
    exceptions: [{ date: '2026-12-31', opensAt: '20:00', closesAt: '03:00' }],
  },
  {
    schedules: [
      { byDay: ['TH', 'FR'], opensAt: '13:00', closesAt: '17:00' },
      { byDay: ['TH', 'FR'], opensAt: '08:00', closesAt: '12:00' },
      { byDay: ['SU'], opensAt: '01:00', closesAt: '03:30' },
    ],
  },
  { alwaysOpen: true, schedules: [{ byDay: ['MO'], opensAt: '09:00', closesAt: '10:00' }] },
  { exceptions: [{ date: '2026-12-25', description: 'Geschlossen' }] },
  {},
];

/** Days around the turn of the year and its holidays, the clock changes, 29 February; times at the edges of the periods. */
const daysToTest = [
  '2026-03-29',
  '2026-10-25',
  '2026-12-24',
  '2026-12-25',
  '2026-12-26',
  '2026-12-27',
  '2026-12-31',
  '2027-01-01',
  '2028-02-29',
];
const timesToTest = [
  '00:00:00',
  '00:59:59',
  '01:00:00',
  '02:00:00',
  '02:30:00',
  '03:29:59',
  '08:59:59',
  '09:00:00',
  '09:00:30',
  '12:00:00',
  '13:00:00',
  '16:59:59',
  '17:00:00',
  '19:59:59',
  '20:00:00',
  '22:00:00',
  '23:59:59',
];

test('whether an offer is open, and its hours that day, are what the database says, at every moment tested', async (t) => {
  const hub = await startTestHub({ answerCache: false });
  try {
    const client = helpClient(hub);
    const organization = await client.organization('Öffnungszeiten-Prüfstelle');
    for (const [i, openingHours] of hoursToTest.entries())
      await client.created(organization, offerBody({ name: `Öffnungszeiten ${i}`, openingHours }));
    // Stored with seconds, as only a write straight to the database can: the SQL compares them.
    const db = hub.database.db;
    await sql`UPDATE help_offer_hours SET opens = '09:00:15', closes = '16:59:45.5'
      WHERE opens = '09:00' AND closes = '17:00'`.execute(db);
    const index = hub.app.helpSearchIndex!;
    await indexBuilt(hub);
    let compared = 0;
    for (const day of daysToTest) {
      for (const time of timesToTest) {
        const moment = regionMoment(new Date(`${day}T${time}+01:00`));
        const rows = await selectOffers(db, moment).where('help_offers.published', '=', true).execute();
        const states = index.statesAt(
          rows.map((row) => row.id),
          moment,
        )!;
        assert.equal(states.size, rows.length, 'the index keeps every published offer');
        for (const row of rows) {
          const expected = { open_now: row.open_now, hours_today: row.hours_today };
          assert.deepEqual(states.get(row.id), expected, `${row.name} at ${JSON.stringify(moment)}`);
        }
        compared += rows.length;
      }
    }
    t.diagnostic(`${compared} states compared at ${daysToTest.length * timesToTest.length} moments`);
  } finally {
    await hub.close();
  }
});

describe('a change no notification told of (a pooler that loses them)', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ answerCache: false, helpSearchIndex: { recheckMs: 0 } });
  });
  after(() => hub.close());

  test('is found when the index asks the database, and the index is made anew', async () => {
    const index = hub.app.helpSearchIndex!;
    const client = helpClient(hub);
    const organization = await client.organization('Obstbauverein Kürnach', 'kuernach');
    await client.created(organization, offerBody({ name: 'Zwetschgenbaumpflege Kürnach' }));
    await indexBuilt(hub);
    const db = hub.database.db;
    await sql`ALTER TABLE help_offers DISABLE TRIGGER help_offers_notify_content_changed`.execute(db);
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE help_offers SET published = false WHERE name = 'Zwetschgenbaumpflege Kürnach'`.execute(trx);
      // The statistics the check reads are reported at the end of a transaction, not at once.
      await sql`SELECT pg_stat_force_next_flush()`.execute(trx);
    });
    await sql`ALTER TABLE help_offers ENABLE TRIGGER help_offers_notify_content_changed`.execute(db);
    assert.equal(index.ready, true, 'no notification came');
    const searches = index.searches;
    const page = await client.search('q=Zwetschgenbaumpflege');
    assert.ok(!page.items.some((item) => item.name === 'Zwetschgenbaumpflege Kürnach'));
    assert.equal(index.searches, searches, 'the database answered, as the index had changed unheard');
  });
});

test('HELP_SEARCH_INDEX=false runs every search in the database', async () => {
  assert.equal(readConfig({}).helpSearchIndex, true);
  assert.equal(readConfig({ HELP_SEARCH_INDEX: 'false' }).helpSearchIndex, false);
  const hub = await startTestHub({ helpSearchIndex: false });
  try {
    assert.equal(hub.app.helpSearchIndex, undefined);
    assert.ok((await helpClient(hub).search('q=Sucht')).total > 0);
  } finally {
    await hub.close();
  }
});

describe('PostgreSQL full text search, restated', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ answerCache: false });
  });
  after(() => hub.close());

  test('tsvector text is read with its weights and escapes', async () => {
    const { rows } = await sql<{ vector: string }>`
      SELECT (setweight(to_tsvector('simple', 'Ab ab cd'), 'A') || setweight(to_tsvector('simple', 'cd ef'), 'C') || $$'it''s' 'back\\\\slash':7$$::tsvector)::text AS vector`.execute(
      hub.database.db,
    );
    assert.deepEqual(parseTsvector(rows[0]!.vector), [
      { lexeme: 'ab', positions: [(3 << 14) | 1, (3 << 14) | 2] },
      { lexeme: 'back\\slash', positions: [12] },
      { lexeme: 'cd', positions: [(3 << 14) | 3, (1 << 14) | 4] },
      { lexeme: 'ef', positions: [(1 << 14) | 5] },
      { lexeme: "it's", positions: [] },
    ]);
  });

  test('lexemes sort as PostgreSQL sorts them (bytes, a beginning first)', async () => {
    const words = ['zz', 'a', 'ab', 'äb', 'b', 'ß', 'ss', 'é', 'e', '𝔸', '\uffef'];
    const { rows } = await sql<{ lexeme: string }>`
      SELECT unnest(tsvector_to_array(array_to_tsvector(${words}::text[]))) AS lexeme`.execute(hub.database.db);
    assert.deepEqual(
      [...words].sort(compareLexemes),
      rows.map((row) => row.lexeme),
    );
  });

  test('ts_rank keeps of a lexeme asked as a word and as a beginning the one PostgreSQL keeps', async () => {
    // The operand kept decides whether longer words count; the rank shows which one it was.
    const queries = [
      'a | a:*',
      'a:* | a',
      'b | a | a:* | c',
      'a:* | b | c | d | e | f | a | g',
      'g | a | b:* | c | b | d | a:* | e | f | b',
    ];
    for (const text of queries) {
      const { rows } = await sql<{
        rank: number;
      }>`SELECT ts_rank('aa:1A a:2 bb:3 b:4C'::tsvector, to_tsquery('simple', ${text})) AS rank`.execute(hub.database.db);
      const operands: QueryOperand[] = text
        .split(' | ')
        .map((term) => ({ lexeme: term.replace(':*', ''), prefix: term.endsWith(':*'), weights: 0 }));
      const kept = operandsForRank(storedOrder(operands));
      const counts = (lexeme: string) => kept.find((operand) => operand.lexeme === lexeme)?.prefix ?? false;
      // With the beginning kept, "aa" (weight A) counts and the rank is larger.
      const aPrefix = await sql<{
        rank: number;
      }>`SELECT ts_rank('aa:1A a:2 bb:3 b:4C'::tsvector, to_tsquery('simple', ${kept.map((operand) => `${operand.lexeme}${operand.prefix ? ':*' : ''}`).join(' | ')})) AS rank`.execute(
        hub.database.db,
      );
      assert.equal(aPrefix.rows[0]!.rank, rows[0]!.rank, `${text}: kept a${counts('a') ? ':*' : ''}`);
    }
  });
});

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Schemas } from '../http/api.js';
import type { ContentFollower } from '../http/content-changes.js';
import type { OfferRow } from './model.js';
import { keptHoursToday, keptOpenNow, type KeptHours, type RegionMoment } from './opening-hours.js';
import {
  facetCounts,
  NO_DISTANCE,
  selectOfferContent,
  type OfferContent,
  type OfferFilters,
  type SearchPosition,
  type SearchResult,
  type SearchSort,
} from './queries.js';
import { relevanceScores, tieBreakScores, searchQueries, type OfferSets, type SearchPlan, type WordsInMemory } from './search.js';
import { restoredUmlauts, Vocabulary } from './vocabulary.js';
import {
  compareLexemes,
  operandsForRank,
  parseAlternatives,
  parseTsvector,
  rankShare,
  roundHalfEven,
  storedOrder,
  type QueryOperand,
} from './text-search.js';
import { compareCodeUnits } from '../order.js';

/** The vocabulary's table: a change to it makes the vocabulary in memory stale. */
const VOCABULARY_TABLE = 'help_search_words';

/** The tables the index is made of: a change to any of them makes it stale. */
const INDEXED_TABLES: ReadonlySet<string> = new Set([
  'help_offers',
  'help_offer_locations',
  'help_offer_hours',
  'municipalities',
  'organizations',
]);

interface Place {
  municipalityId: string | null;
  lat: number | null;
  lon: number | null;
}

/** What a search reads of a published offer of an approved organization. */
interface IndexedOffer {
  /** The offer as stored, for the page (its state at the moment is read with the page). */
  content: OfferContent;
  id: string;
  sortName: string;
  topics: string[];
  closure: string[];
  audiences: string[];
  /** Primary language subtags, lower case. */
  languages: string[];
  organizationId: string;
  cost: string;
  anonymous: boolean;
  barrierFree: boolean;
  crisis: boolean;
  /** Serves the whole region or further (`service_area` other than local). */
  regional: boolean;
  places: Place[];
  /** What its state at a moment (open now, hours today) is computed from. */
  hours: KeptHours;
}

type OfferState = Pick<OfferRow, 'open_now' | 'hours_today'>;

/** Whether an offer is open at `moment`, and its hours that day (`openNowSql`, `hoursTodaySql`). */
function stateAt({ hours }: IndexedOffer, moment: RegionMoment): OfferState {
  return { open_now: keptOpenNow(hours, moment), hours_today: keptHoursToday(hours, moment) };
}

/**
 * An offer of a page as the search's row: its kept content is the row's prototype, and only what
 * differs per search is its own. Spread into a copy per row (forty fields), the rows outlived
 * V8's young generation and made each scavenge take 7–14 ms instead of 2 (bench/profiles/help-search.md).
 */
function searchRow(offer: IndexedOffer, moment: RegionMoment, distance: number | null, key: number): SearchResult['rows'][number] {
  const row = Object.create(offer.content) as OfferContent;
  return Object.assign(row, stateAt(offer, moment), { distance_m: distance, sort_key: key });
}

/** Per lexeme: the offers whose vector has it, the weights it has there and its share of `ts_rank`. */
interface Postings {
  offers: Int32Array;
  weights: Uint8Array;
  shares: Float64Array;
}

interface BuiltIndex {
  offers: IndexedOffer[];
  /** Each offer's place in (sort_name, id) order, and the offers in that order. */
  nameOrder: Int32Array;
  byName: Int32Array;
  /** Topic and audience values, and per offer the numbers of its closure's and audiences' values (for counting facets). */
  facetValues: { topics: string[]; audiences: string[] };
  facetIds: { topics: NumberLists; audiences: NumberLists };
  /** Per topic the offers with it in their closure, and those tagged with it; per audience its offers. */
  inClosure: Map<string, Int32Array>;
  tagged: Map<string, Int32Array>;
  forAudience: Map<string, Int32Array>;
  crisis: Uint8Array;
  /** Lexemes in PostgreSQL's order, and their postings. */
  lexicon: string[];
  postings: Postings[];
  municipalities: Map<string, { lat: number; lon: number }>;
  coordinates: Coordinates;
}

/**
 * Each offer's places that have coordinates, one after the other: offer `i`'s are at
 * `starts[i]` up to `starts[i + 1]`. A search by distance reads them for thousands of matches;
 * from the offers' place objects, that read was the query's slowest line.
 */
interface Coordinates {
  starts: Int32Array;
  lats: Float64Array;
  lons: Float64Array;
}

function coordinatesOf(offers: IndexedOffer[]): Coordinates {
  const starts = new Int32Array(offers.length + 1);
  const lats: number[] = [];
  const lons: number[] = [];
  offers.forEach((offer, i) => {
    for (const { lat, lon } of offer.places) {
      if (lat === null || lon === null) continue;
      lats.push(lat);
      lons.push(lon);
    }
    starts[i + 1] = lats.length;
  });
  return { starts, lats: Float64Array.from(lats), lons: Float64Array.from(lons) };
}

/** Offers read per statement while building: on PGlite, other queries run between them. */
const BUILD_CHUNK = 2_000;

/** The published offers of approved organizations as stored, with their topic closure and search vector. */
async function readOffers(db: Kysely<Database>) {
  const rows = [];
  for (let last: string | undefined; ;) {
    const offers = selectOfferContent(db)
      .select([
        'help_offers.topic_closure',
        sql<string>`help_offers.search_vector::text`.as('vector'),
        // The times as stored (the content's are `HH:MM`), so that states are computed from what the SQL compares.
        sql<KeptHours['periods']>`(SELECT coalesce(json_agg(json_build_object('weekdays', h.weekdays,
          'onDate', to_char(h.on_date, 'YYYY-MM-DD'), 'opens', h.opens::text, 'closes', h.closes::text)), '[]')
          FROM help_offer_hours h WHERE h.offer_id = help_offers.id)`.as('periods'),
      ])
      .where(sql<boolean>`help_offers.published`);
    const chunk = await (last === undefined ? offers : offers.where('help_offers.id', '>', last))
      .orderBy('help_offers.id')
      .limit(BUILD_CHUNK)
      .execute();
    rows.push(...chunk);
    if (chunk.length < BUILD_CHUNK) return rows;
    last = chunk.at(-1)!.id;
  }
}

async function buildIndex(db: Kysely<Database>): Promise<BuiltIndex> {
  const rows = await readOffers(db);
  const municipalities = await db.selectFrom('municipalities').select(['id', 'lat', 'lon']).execute();
  const offers: IndexedOffer[] = [];
  const entries = new Map<string, { offers: number[]; weights: number[]; shares: number[] }>();
  for (const { topic_closure: closure, vector, periods, ...row } of rows) {
    const index = offers.length;
    offers.push({
      content: row,
      id: row.id,
      sortName: row.sort_name,
      topics: row.topics,
      closure,
      audiences: row.audiences,
      languages: row.languages.map((tag) => tag.split('-', 1)[0]!.toLowerCase()),
      organizationId: row.organization_id,
      cost: row.cost,
      anonymous: row.anonymous,
      barrierFree: row.barrier_free,
      crisis: row.crisis,
      regional: row.service_area === 'region' || row.service_area === 'nationwide',
      places: row.locations.map(({ municipalityId, coordinates }) => ({
        municipalityId: municipalityId ?? null,
        lat: coordinates?.lat ?? null,
        lon: coordinates?.lon ?? null,
      })),
      hours: { alwaysOpen: row.always_open, openOnPublicHolidays: row.open_on_public_holidays, periods },
    });
    for (const { lexeme, positions } of parseTsvector(vector)) {
      let postings = entries.get(lexeme);
      if (!postings) entries.set(lexeme, (postings = { offers: [], weights: [], shares: [] }));
      postings.offers.push(index);
      postings.weights.push(positions.reduce((mask, position) => mask | (1 << (position >> 14)), positions.length > 0 ? 0 : 1));
      postings.shares.push(rankShare(positions));
    }
  }
  const lexicon = [...entries.keys()].sort(compareLexemes);
  const byName = Int32Array.from(offers.keys()).sort((a, b) => compareByName(offers[a]!, offers[b]!));
  const nameOrder = new Int32Array(offers.length);
  byName.forEach((offer, place) => (nameOrder[offer] = place));
  const topics = numbering(offers.map((offer) => offer.closure));
  const audiences = numbering(offers.map((offer) => offer.audiences));
  return {
    offers,
    nameOrder,
    byName,
    facetValues: { topics: topics.values, audiences: audiences.values },
    facetIds: { topics: topics.ids, audiences: audiences.ids },
    inClosure: offersPer(offers.map((offer) => offer.closure)),
    tagged: offersPer(offers.map((offer) => offer.topics)),
    forAudience: offersPer(offers.map((offer) => offer.audiences)),
    crisis: Uint8Array.from(offers, (offer) => (offer.crisis ? 1 : 0)),
    lexicon,
    postings: lexicon.map((lexeme) => {
      const { offers: ids, weights, shares } = entries.get(lexeme)!;
      return { offers: Int32Array.from(ids), weights: Uint8Array.from(weights), shares: Float64Array.from(shares) };
    }),
    municipalities: new Map(municipalities.map((m) => [m.id, { lat: m.lat, lon: m.lon }])),
    coordinates: coordinatesOf(offers),
  };
}

/** Lists of numbers, one after the other: list `i` is `numbers[starts[i]]` up to `numbers[starts[i + 1]]`. */
interface NumberLists {
  starts: Int32Array;
  numbers: Int32Array;
}

/** Numbers for the values of lists, and each list as numbers. */
function numbering(lists: string[][]): { values: string[]; ids: NumberLists } {
  const numbers = new Map<string, number>();
  const starts = new Int32Array(lists.length + 1);
  const ids: number[] = [];
  lists.forEach((list, i) => {
    for (const value of list) {
      let id = numbers.get(value);
      if (id === undefined) numbers.set(value, (id = numbers.size));
      ids.push(id);
    }
    starts[i + 1] = ids.length;
  });
  return { values: [...numbers.keys()], ids: { starts, numbers: Int32Array.from(ids) } };
}

/** Per value of the lists, the numbers of the lists that have it. */
function offersPer(lists: string[][]): Map<string, Int32Array> {
  const offers = new Map<string, number[]>();
  lists.forEach((list, offer) => {
    for (const value of new Set(list)) {
      const numbers = offers.get(value);
      if (numbers) numbers.push(offer);
      else offers.set(value, [offer]);
    }
  });
  return new Map([...offers].map(([value, list]) => [value, Int32Array.from(list)]));
}

/** Counts per value of the matches' lists (the facets). */
function countFacet(values: string[], lists: NumberLists, matched: Int32Array): Schemas['HelpFacetCount'][] {
  const counts = countNumbers(values.length, lists, matched);
  return facetCounts(values.flatMap((value, id) => (counts[id]! > 0 ? [[value, counts[id]!] as [string, number]] : [])));
}

/**
 * How often each number is in the lists of `matched`. Its own function, as the other hot loops
 * are: V8 compiled a loop inside a longer function on its own (on-stack replacement) and threw
 * that code away on each return to the rest of the function.
 */
function countNumbers(size: number, { starts, numbers }: NumberLists, matched: Int32Array): Int32Array {
  const counts = new Int32Array(size);
  for (let i = 0; i < matched.length; i++) {
    const offer = matched[i]!;
    for (let k = starts[offer]!; k < starts[offer + 1]!; k++) counts[numbers[k]!]! += 1;
  }
  return counts;
}

/** `(sort_name, id)` as PostgreSQL orders them: the name in bytes (`COLLATE "C"`), then the uuid. */
function compareByName(a: { sortName: string; id: string }, b: { sortName: string; id: string }): number {
  return compareLexemes(a.sortName, b.sortName) || compareCodeUnits(a.id, b.id);
}

/** `help_distance_km` (migration 0003) in the same double-precision steps. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const radians = (degrees: number) => degrees * 0.017453292519943295;
  const a =
    Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Filters the index cannot answer; such searches go to the database. */
function answerable(filters: OfferFilters): boolean {
  return filters.modifiedAfter === undefined;
}

export interface HelpSearchIndexOptions {
  /**
   * How long the index is used before the database is asked whether its tables changed without a
   * notification (a pooler in transaction mode loses them): a minute by default, as long as the
   * answer cache keeps an answer.
   */
  recheckMs?: number;
}

export interface IndexSearch {
  filters: OfferFilters;
  plan: SearchPlan | undefined;
  sort: SearchSort;
  after: SearchPosition | undefined;
  limit: number;
}

/**
 * Something read from the database and kept until a change makes it stale. A read during which
 * it changed (or while changes could go unheard, `usable` false) is thrown away: what changed
 * may be missing from what was read.
 */
class KeptUntilChanged<T> {
  #value: T | undefined;
  #reading: Promise<void> | undefined;
  #generation = 0;

  constructor(
    private readonly readFromDatabase: () => Promise<T>,
    private readonly usable: () => boolean,
  ) {}

  get value(): T | undefined {
    return this.#value;
  }

  /** Counts the changes: what was computed from `value` under another count is stale. */
  get generation(): number {
    return this.#generation;
  }

  drop(): void {
    this.#generation += 1;
    this.#value = undefined;
  }

  /** Reads it unless a read is under way; resolves when that read has ended. */
  read(): Promise<void> {
    this.#reading ??= (async () => {
      const generation = this.#generation;
      try {
        const value = await this.readFromDatabase();
        if (generation === this.#generation && this.usable()) this.#value = value;
      } finally {
        this.#reading = undefined;
      }
    })();
    return this.#reading;
  }
}

/**
 * The help offers' search in memory: which offers match, their scores, the total and the facets,
 * computed from the stored search vectors as the SQL of `queries.ts` computes them, and the
 * page's offers as stored, with their state at the moment computed from the hours kept with
 * them: a search asks the database only about words this process has not seen yet. Broad German
 * queries match thousands of offers, and the total and the facets need all of them, which no
 * index of PostgreSQL's spares it.
 *
 * Built on the first search and again after any change to the tables it reads (`INDEXED_TABLES`,
 * heard through `content-changes.ts` from every process); until it is built, or while changes
 * could go unheard, searches run in the database. Both ways give the same answers
 * (`help-search-index.test.ts`).
 */
export class HelpSearchIndex implements ContentFollower {
  readonly #db: Kysely<Database>;
  readonly #index: KeptUntilChanged<BuiltIndex>;
  #live = false;
  readonly #vocabulary: KeptUntilChanged<Vocabulary>;
  /** Whether a typed word is a German stop word (as typed or with its umlauts restored). */
  readonly #stopWords = new Map<string, boolean>();
  /** Lexemes of each term as `to_tsquery('german', …)` makes them; null when it makes more than one. */
  readonly #lexemes = new Map<string, string[] | null>();
  #openAt: { key: string; built: BuiltIndex; flags: Uint8Array } | undefined;
  /** Off: every search runs in the database (tests compare both; the bench measures both). */
  enabled = true;
  /** Searches answered from memory since the Hub started (tests read it). */
  searches = 0;
  readonly #recheckMs: number;
  /** When the database was last asked whether the tables changed unheard, and what it said then. */
  #checked: { at: number; writes: string } | undefined;

  constructor(db: Kysely<Database>, options: HelpSearchIndexOptions = {}) {
    this.#db = db;
    const live = () => this.#live;
    this.#index = new KeptUntilChanged(async () => {
      // Counted before reading: a write after this shows at the next check, at worst once too often.
      this.#checked = { at: performance.now(), writes: await this.#writes() };
      return buildIndex(db);
    }, live);
    this.#vocabulary = new KeptUntilChanged(() => Vocabulary.read(db), live);
    this.#recheckMs = options.recheckMs ?? 60_000;
  }

  /** Rows written to the indexed tables since the statistics began, as PostgreSQL counts them. */
  async #writes(): Promise<string> {
    const { rows } = await sql<{ writes: string }>`
      SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text AS writes
      FROM pg_stat_user_tables WHERE relname = ANY (${[...INDEXED_TABLES]}::text[])`.execute(this.#db);
    return rows[0]!.writes;
  }

  /** Once per `recheckMs`: whether the indexed tables were written since the index was built, heard or not. */
  async #changedUnheard(): Promise<boolean> {
    if (this.#checked && performance.now() - this.#checked.at < this.#recheckMs) return false;
    const writes = await this.#writes();
    const changed = this.#checked !== undefined && this.#checked.writes !== writes;
    this.#checked = { at: performance.now(), writes };
    return changed;
  }

  contentChanged(table?: string): void {
    if (table === undefined || table === VOCABULARY_TABLE) this.#vocabulary.drop();
    if (table === undefined || INDEXED_TABLES.has(table)) this.#index.drop();
  }

  /**
   * The plan's vocabulary look-up (`planSearch`) from memory, or undefined when the database must
   * make it: the vocabulary is read on the first search and again after it changed; whether a
   * typed word is a German stop word is asked of PostgreSQL once per word and kept.
   */
  readonly wordsInMemory: WordsInMemory = async (tokens) => {
    if (!this.enabled || !this.#live) return undefined;
    const vocabulary = this.#vocabulary.value;
    if (!vocabulary) {
      this.#vocabulary.read().catch(() => undefined);
      return undefined;
    }
    const unknown = [...new Set(tokens.map((token) => token.raw))].filter((raw) => !this.#stopWords.has(raw));
    if (unknown.length > 0) {
      const { rows } = await sql<{ raw: string; stop: boolean }>`
        SELECT raw, to_tsvector('german', raw) = ''::tsvector OR to_tsvector('german', restored) = ''::tsvector AS stop
        FROM unnest(${unknown}::text[], ${unknown.map(restoredUmlauts)}::text[]) AS q (raw, restored)`.execute(this.#db);
      for (const { raw, stop } of rows) remember(this.#stopWords, raw, stop);
    }
    if (vocabulary !== this.#vocabulary.value) return undefined;
    return vocabulary.lookUp(tokens, (raw) => this.#stopWords.get(raw)!);
  };

  setLive(live: boolean): void {
    this.#live = live;
    this.contentChanged();
  }

  /** Whether searches are answered from memory now (the vocabulary included). */
  get ready(): boolean {
    return this.enabled && this.#live && this.#index.value !== undefined && this.#vocabulary.value !== undefined;
  }

  /** Builds the index and reads the vocabulary now if need be (searches would anyway); resolves when both are in memory. */
  async build(): Promise<void> {
    while (this.#live && !this.#index.value) await this.#index.read();
    while (this.#live && !this.#vocabulary.value) await this.#vocabulary.read();
  }

  /** The search's result from memory, or undefined when the database must answer it. */
  async search(search: IndexSearch, moment: RegionMoment): Promise<SearchResult | undefined> {
    if (!this.enabled || !this.#live || !answerable(search.filters)) return undefined;
    if (this.#index.value && (await this.#changedUnheard())) this.contentChanged();
    const built = this.#index.value;
    if (!built) {
      this.#index.read().catch(() => undefined);
      return undefined;
    }
    const generation = this.#index.generation;
    const queries = search.plan ? await this.#operands(searchQueries(search.plan)) : new Map<string, QueryOperand[]>();
    if (!queries) return undefined;
    if (generation !== this.#index.generation) return undefined;
    const openNow = search.filters.openNow ? this.#openNow(built, moment) : undefined;
    const found = findMatches(built, search, queries, openNow);
    const rows = found.page.map(({ offer, key }) => searchRow(built.offers[offer]!, moment, found.distances(offer), key));
    this.searches += 1;
    return { rows, total: found.total, facets: found.facets };
  }

  /**
   * Each query of the plan as operands: its terms normalized by PostgreSQL (German stems) once
   * per term and kept; undefined when a term makes a phrase, which the index does not match.
   */
  async #operands(queries: string[]): Promise<Map<string, QueryOperand[]> | undefined> {
    const parsed = new Map(queries.map((query) => [query, parseAlternatives(query)]));
    const unknown = [...new Set([...parsed.values()].flat().map((term) => term.term))].filter((term) => !this.#lexemes.has(term));
    if (unknown.length > 0) {
      const { rows } = await sql<{ term: string; query: string }>`
        SELECT term, to_tsquery('german', term)::text AS query FROM unnest(${unknown}::text[]) AS term`.execute(this.#db);
      for (const { term, query } of rows) remember(this.#lexemes, term, lexemesOf(query));
    }
    const result = new Map<string, QueryOperand[]>();
    for (const [query, terms] of parsed) {
      const operands: QueryOperand[] = [];
      for (const { term, prefix, weights } of terms) {
        const lexemes = this.#lexemes.get(term);
        if (lexemes === null || lexemes === undefined) return undefined;
        operands.push(...lexemes.map((lexeme) => ({ lexeme, prefix, weights })));
      }
      result.set(query, operands);
    }
    return result;
  }

  /** The offers open at `moment` (`openNowFilterSql`) as flags by offer number, once per moment. */
  #openNow(built: BuiltIndex, moment: RegionMoment): Uint8Array {
    const key = JSON.stringify(moment);
    if (this.#openAt?.key === key && this.#openAt.built === built) return this.#openAt.flags;
    const flags = new Uint8Array(built.offers.length);
    built.offers.forEach(({ hours }, offer) => (flags[offer] = keptOpenNow(hours, moment) ? 1 : 0));
    this.#openAt = { key, built, flags };
    return flags;
  }

  /**
   * Whether offers are open at `moment`, and their hours that day, from the hours the index keeps
   * (what `selectOffers` reads with `openNowSql` and `hoursTodaySql`); undefined until it is
   * built. Offers it does not keep are left out.
   */
  statesAt(ids: string[], moment: RegionMoment): Map<string, OfferState> | undefined {
    const built = this.#index.value;
    if (!built) return undefined;
    const wanted = new Set(ids);
    const states = new Map<string, OfferState>();
    for (const offer of built.offers) if (wanted.has(offer.id)) states.set(offer.id, stateAt(offer, moment));
    return states;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    helpSearchIndex: HelpSearchIndex | undefined;
  }
}

/** Words kept per process at most: anyone can type new ones, so the memory of them is bounded. */
const MAX_WORDS_KEPT = 100_000;

/** Keeps what PostgreSQL said of a word; starts afresh once `MAX_WORDS_KEPT` are kept. */
function remember<T>(kept: Map<string, T>, word: string, value: T): void {
  if (kept.size >= MAX_WORDS_KEPT) kept.clear();
  kept.set(word, value);
}

/** The lexemes of `to_tsquery`'s text for one term: none (a stop word), one, or null for a phrase. */
function lexemesOf(query: string): string[] | null {
  if (query === '') return [];
  const single = /^'((?:[^'\\]|''|\\.)*)'$/.exec(query);
  return single ? [single[1]!.replace(/''/g, "'").replace(/\\(.)/g, '$1')] : null;
}

/** The index range of the lexemes an operand finds: the lexeme itself, or all it begins. */
function lexemeRange(lexicon: string[], operand: QueryOperand): [number, number] {
  let low = 0;
  let high = lexicon.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareLexemes(lexicon[middle]!, operand.lexeme) < 0) low = middle + 1;
    else high = middle;
  }
  let end = low;
  if (operand.prefix) while (end < lexicon.length && lexicon[end]!.startsWith(operand.lexeme)) end++;
  else if (lexicon[low] === operand.lexeme) end = low + 1;
  return [low, end];
}

/** Which offers a query of alternatives matches (`search_vector @@ query`), as one flag per offer. */
function matchesOf(built: BuiltIndex, operands: QueryOperand[]): Uint8Array {
  const matched = new Uint8Array(built.offers.length);
  for (const operand of operands) {
    const [from, to] = lexemeRange(built.lexicon, operand);
    for (let lexeme = from; lexeme < to; lexeme++) {
      const { offers, weights } = built.postings[lexeme]!;
      for (let k = 0; k < offers.length; k++) {
        if (operand.weights === 0 || (weights[k]! & operand.weights) !== 0) matched[offers[k]!] = 1;
      }
    }
  }
  return matched;
}

/** `ts_rank(search_vector, query)` of the offers flagged in `of`, as `float4`s. */
function ranksOf(built: BuiltIndex, operands: QueryOperand[], of: Uint8Array): Float32Array {
  const ranks = new Float32Array(built.offers.length);
  const counted = operandsForRank(storedOrder(operands));
  if (counted.length === 0) return ranks;
  for (const operand of counted) {
    const [from, to] = lexemeRange(built.lexicon, operand);
    for (let lexeme = from; lexeme < to; lexeme++) {
      const { offers, shares } = built.postings[lexeme]!;
      for (let k = 0; k < offers.length; k++) {
        const offer = offers[k]!;
        if (of[offer]) ranks[offer] = ranks[offer]! + shares[k]!;
      }
    }
  }
  for (let offer = 0; offer < ranks.length; offer++) if (of[offer]) ranks[offer] = ranks[offer]! / counted.length;
  return ranks;
}

const intersects = (values: string[], set: ReadonlySet<string>) => values.some((value) => set.has(value));

/** Whether an offer passes the filters other than the words (`conditionSql` of queries.ts); undefined when there are none. */
function filterOf(
  built: BuiltIndex,
  filters: OfferFilters,
  openNow: Uint8Array | undefined,
  metres: (offer: number) => number | null,
): ((offer: number) => boolean) | undefined {
  const { offers } = built;
  // Topics and audiences by their postings: a broad query passes thousands of offers through the filter.
  const topics = filters.topic?.length ? flagsOf(built, built.inClosure, filters.topic) : undefined;
  const audiences = filters.audience?.length ? flagsOf(built, built.forAudience, filters.audience) : undefined;
  const languages = filters.language?.length ? new Set(filters.language) : undefined;
  const municipalities = filters.municipality?.length ? new Set(filters.municipality) : undefined;
  const organizations = filters.organization?.length ? new Set(filters.organization.map((id) => id.toLowerCase())) : undefined;
  const costs = filters.cost?.length ? new Set(filters.cost) : undefined;
  const radius = filters.near && filters.radius !== undefined ? Math.round(filters.radius * 1000) : undefined;
  const none = [topics, audiences, languages, municipalities, organizations, costs, openNow, radius].every(
    (filter) => filter === undefined,
  );
  if (none && !filters.anonymous && !filters.barrierFree) return undefined;
  return (number: number): boolean => {
    const offer = offers[number]!;
    if (topics && !topics[number]) return false;
    if (audiences && !audiences[number]) return false;
    if (languages && !intersects(offer.languages, languages)) return false;
    if (
      municipalities &&
      !offer.regional &&
      !offer.places.some((place) => place.municipalityId !== null && municipalities.has(place.municipalityId))
    )
      return false;
    if (organizations && !organizations.has(offer.organizationId)) return false;
    if (costs && !costs.has(offer.cost)) return false;
    if (filters.anonymous && !offer.anonymous) return false;
    if (filters.barrierFree && !offer.barrierFree) return false;
    if (openNow && !openNow[number]) return false;
    if (radius !== undefined) {
      const distance = metres(number);
      if (distance === null || distance > radius) return false;
    }
    return true;
  };
}

/** The distance in km from an offer's nearest place with coordinates to a point, Infinity without one. */
function nearestKm({ coordinates: { starts, lats, lons } }: BuiltIndex, offer: number, lat: number, lon: number): number {
  let nearest = Infinity;
  for (let k = starts[offer]!; k < starts[offer + 1]!; k++) {
    const km = distanceKm(lats[k]!, lons[k]!, lat, lon);
    if (km < nearest) nearest = km;
  }
  return nearest;
}

/** The distance from an offer's nearest place to `near` in whole metres (`nearestPlaces`), or null. */
function nearestMetres(built: BuiltIndex, near: NonNullable<OfferFilters['near']>) {
  return (offer: number): number | null => {
    const km = nearestKm(built, offer, near.lat, near.lon);
    return km === Infinity ? null : roundHalfEven(km * 1000);
  };
}

interface Found {
  page: { offer: number; key: number }[];
  distances: (offer: number) => number | null;
  total: number;
  facets: SearchResult['facets'];
}

/** The `count` smallest numbers added, ascending: a page is a few of thousands of matches, so no sort of them all. */
function smallest(count: number): { values: number[]; add(value: number): void } {
  const values: number[] = [];
  return {
    values,
    add(value) {
      if (values.length === count && value >= values[count - 1]!) return;
      let at = values.length === count ? count - 1 : values.length;
      while (at > 0 && values[at - 1]! > value) {
        values[at] = values[at - 1]!;
        at--;
      }
      values[at] = value;
    },
  };
}

/** Offer numbers per key: up to 2^20 offers, keys of int4 (composite keys stay exact doubles). */
const OFFER_BITS = 2 ** 20;
const KEY_OFFSET = 2 ** 31;

/**
 * The page in keyset order (key, sort_name, id) after `after`. Every key is a coarse key (the
 * score, the distance or 0) less a tie-break below one step of it (0–999, relevance only), so
 * the page can only hold offers from the coarse keys up to the (limit + 1)th match's, plus all
 * of the coarse key `after` ended in: only those are tie-broken and sorted, as `rankedPage` does.
 */
function pageOf(
  built: BuiltIndex,
  matched: Int32Array,
  coarse: (offer: number) => number,
  tieBreak: ((offer: number) => number) | undefined,
  after: SearchPosition | undefined,
  limit: number,
): { offer: number; key: number }[] {
  const step = tieBreak ? 1000 : 1;
  // The coarse key of the key `after` ended in (keys of a coarse key c lie in (c − step, c]).
  const from = after ? Math.ceil(after[1] / step) * step : -Infinity;
  // Indexed loops over typed arrays here and below: `from` and `for … of` make an object per element.
  const keys = new Float64Array(matched.length);
  for (let i = 0; i < matched.length; i++) keys[i] = coarse(matched[i]!);
  const later = smallest(limit + 1);
  for (let i = 0; i < keys.length; i++) if (keys[i]! > from) later.add(keys[i]!);
  const threshold = later.values.length > limit ? later.values[limit]! : Infinity;
  const afterName = after && { sortName: after[2], id: after[3].toLowerCase() };
  const first = smallest(limit + 1);
  for (let i = 0; i < matched.length; i++) {
    const offer = matched[i]!;
    if (keys[i]! < from || keys[i]! > threshold) continue;
    const key = keys[i]! - (tieBreak?.(offer) ?? 0);
    if (after && (key < after[1] || (key === after[1] && compareByName(built.offers[offer]!, afterName!) <= 0))) continue;
    first.add((key + KEY_OFFSET) * OFFER_BITS + built.nameOrder[offer]!);
  }
  const page = first.values.map((composite) => ({
    offer: built.byName[composite % OFFER_BITS]!,
    key: Math.floor(composite / OFFER_BITS) - KEY_OFFSET,
  }));
  return page;
}

/** The offers that have one of `values` (by the postings of a topic or audience), as one flag per offer. */
function flagsOf(built: BuiltIndex, postings: Map<string, Int32Array>, values: readonly string[]): Uint8Array {
  const flags = new Uint8Array(built.offers.length);
  for (const value of values) {
    const offers = postings.get(value);
    if (offers) for (let k = 0; k < offers.length; k++) flags[offers[k]!] = 1;
  }
  return flags;
}

/** The index's postings as the sets of offers the scores read. */
function offerSets(built: BuiltIndex, queries: Map<string, QueryOperand[]>): OfferSets {
  const texts = new Map<string, Uint8Array>();
  return {
    text(query) {
      let flags = texts.get(query);
      if (!flags) texts.set(query, (flags = matchesOf(built, queries.get(query)!)));
      return flags;
    },
    inClosure: (topics) => flagsOf(built, built.inClosure, topics),
    tagged: (topics) => flagsOf(built, built.tagged, topics),
    forAudience: (audiences) => flagsOf(built, built.forAudience, audiences),
    crisis: built.crisis,
  };
}

function findMatches(built: BuiltIndex, search: IndexSearch, queries: Map<string, QueryOperand[]>, openNow: Uint8Array | undefined): Found {
  const { filters, plan, sort, after, limit } = search;
  const { offers } = built;
  const metres = filters.near && nearestMetres(built, filters.near);
  // Metres per offer as computed (−1: no place; NaN: not computed yet); none without `near`.
  const distances = metres && new Float64Array(offers.length).fill(NaN);
  const distanceOf = (offer: number) => {
    if (!metres || !distances) return null;
    if (Number.isNaN(distances[offer])) distances[offer] = metres(offer) ?? -1;
    return distances[offer] === -1 ? null : distances[offer]!;
  };
  const passes = filterOf(built, filters, openNow, distanceOf);
  const sets = offerSets(built, queries);
  const relevance = plan ? relevanceScores(plan, sets) : undefined;

  const matching = new Int32Array(offers.length);
  let count = 0;
  for (let offer = 0; offer < offers.length; offer++) {
    if (relevance && !relevance.matched[offer]) continue;
    if (!passes || passes(offer)) matching[count++] = offer;
  }
  const matched = matching.subarray(0, count);

  let page: { offer: number; key: number }[];
  if (sort === 'relevance' && plan && relevance) {
    let wanted: { topics: ReadonlySet<string>; flags: Uint8Array } | undefined;
    // Ranked for all the words match, the filters aside: the page reads only its candidates' ranks.
    const ranks = relevance.rankQuery !== null ? ranksOf(built, queries.get(relevance.rankQuery)!, relevance.matched) : undefined;
    const tieBreak = tieBreakScores(plan, sets, {
      rank: (offer) => (ranks ? ranks[offer]! : 0),
      topicShare: (offer, topics) => {
        // Over the closure's topic numbers: string lookups for each of thousands of tied offers cost more.
        if (wanted?.topics !== topics) wanted = { topics, flags: topicFlags(built.facetValues.topics, topics) };
        const { starts, numbers } = built.facetIds.topics;
        let shared = 0;
        for (let k = starts[offer]!; k < starts[offer + 1]!; k++) shared += wanted.flags[numbers[k]!]!;
        return shared / (starts[offer + 1]! - starts[offer]!);
      },
      nearness: (offer) => nearness(built, offer, filters.municipality),
      sortName: (offer) => offers[offer]!.sortName,
    });
    page = pageOf(built, matched, (offer) => -relevance.score(offer), tieBreak, after, limit);
  } else if (sort === 'distance') {
    page = pageOf(built, matched, (offer) => distanceOf(offer) ?? NO_DISTANCE, undefined, after, limit);
  } else {
    page = pageOf(built, matched, () => 0, undefined, after, limit);
  }
  return {
    page,
    distances: distanceOf,
    total: matched.length,
    facets: {
      topics: countFacet(built.facetValues.topics, built.facetIds.topics, matched),
      audiences: countFacet(built.facetValues.audiences, built.facetIds.audiences, matched),
    },
  };
}

/** Per topic number, whether the topic is one of `topics`. */
function topicFlags(values: string[], topics: ReadonlySet<string>): Uint8Array {
  const flags = new Uint8Array(values.length);
  values.forEach((topic, number) => (flags[number] = topics.has(topic) ? 1 : 0));
  return flags;
}

/** The tie-break's nearness to the chosen municipalities: 9 − a point per 4 km of the nearest place, 0 without places. */
function nearness(built: BuiltIndex, offer: number, municipalities: string[] | undefined): number {
  if (!municipalities?.length) return 0;
  let nearest = Infinity;
  for (const id of municipalities) {
    const municipality = built.municipalities.get(id);
    if (municipality) nearest = Math.min(nearest, nearestKm(built, offer, municipality.lat, municipality.lon));
  }
  return nearest === Infinity ? 0 : 9 - Math.min(9, roundHalfEven(nearest / 4));
}

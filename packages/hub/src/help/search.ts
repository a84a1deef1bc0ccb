import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { searchSpellings, sortKey } from '../http/text.js';
import { fillers, phraseTopics } from './phrases.js';
import { otherPeople } from './people.js';
import { helpTopicIds, helpVerbs, isCrisisTopic, parentTopic, searchSynonyms, type HelpTopicId } from './topics.js';
import { roundHalfEven } from './text-search.js';
import { verbForms } from './verbs.js';
import { lookUpInDatabase, MIN_PART, type QueryToken, type VocabularyRow } from './vocabulary.js';

/**
 * German search over help offers. A query is planned in three steps:
 *
 * 1. Each word is looked up in the vocabulary (`help_search_words`): German stop words are
 *    dropped, misspellings are corrected by trigram similarity ("Depresion" → "depression"),
 *    shorter words it starts with are found ("Trauernde" → "trauer": the German stemmer makes
 *    "trauernd" and "trau" of them, which never match), and so are compounds it ends
 *    ("Gruppe" → "selbsthilfegruppen", which count as the word: compounds are not split; German
 *    compounds end in their head word, so a match in the middle, "saufen" in
 *    "tagesaufenthalt", does not count).
 *    "ae/oe/ue" is read as an umlaut only where that gives a word of the vocabulary
 *    ("Hoechberg" → "hochberg"; "Schule" stays "schule", not "schul…" of "Schulden").
 * 2. Each word and phrase is matched against the topics' synonyms and verb forms ("säuft" →
 *    Alkohol, "ich will nicht mehr" → Krisen & Suizidgedanken, see `phrases.ts`); a sub-topic's
 *    word also finds offers tagged with its parent only, ranked lower.
 * 3. A person named after a possessive ("mein Mann schlägt mich") is someone other than the
 *    reader: the word finds nothing by itself, offers only for that person's group rank lower,
 *    and offers for relatives higher when it is not the reader it happens to (`people.ts`).
 *
 * An offer matches when it matches any word; `relevanceSql` ranks the matches.
 */

/** One word (or phrase) of the query and what it matches. tsquery texts use the `german` configuration. */
export interface SearchUnit {
  /** The word as typed (or read with umlauts, or corrected), its verb forms and its compounds, in names (weight A). */
  nameWord: string | null;
  /** The same in the offer's own text (name, description, places: weights A and C, not the labels). */
  word: string | null;
  /** The word's spellings as beginnings ("Psychose" of "Psychosoziale"), in names only. */
  namePrefix: string | null;
  /** Everything the word finds: `word` anywhere, beginnings, word parts and other similar words. */
  expanded: string | null;
  topics: HelpTopicId[];
  /** The single-word synonyms of `topics` and the word's compounds, in names: an offer named for the topic. */
  topicInName: string | null;
  /** Parents of `topics` (not among them): offers tagged with one of them match, ranked lower. */
  parents: HelpTopicId[];
}

export interface SearchPlan {
  units: SearchUnit[];
  /** The crisis topics the query hit ("Suizid" → Krisen & Suizidgedanken). */
  crisisTopics: HelpTopicId[];
  crisisDetected: boolean;
  /** The query folded as a whole, to recognise an offer's exact name. */
  folded: string;
  /** Audiences of people the query names as someone other than the reader ("mein Mann" → men). */
  otherAudiences: string[];
  /** The query is about someone close to the reader ("mein Mann trinkt", see `people.ts`). */
  readerIsRelative: boolean;
}

const MAX_WORDS = 10;
/** The shortest typed beginning that finds the synonyms it starts ("depr" → "depression"). */
const MIN_TYPED_PREFIX = 4;

/**
 * Words of a request for help that say nothing about the help wanted, beyond PostgreSQL's
 * German stop words: "mehr" would find "nicht mehr mobil" for "ich will nicht mehr".
 */
const requestWords = new Set([...fillers, 'mehr', 'immer', 'viel', 'ganz', 'bitte', 'brauche', 'suche', 'gibt', 'geht', 'jeden', 'tag']);

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Single-word synonyms and verb forms (folded like sort keys) → topics; a hyphenated one ("Ess-Brech-Sucht") as one word. */
const synonymWords: Map<string, Set<HelpTopicId>> = (() => {
  const result = new Map<string, Set<HelpTopicId>>();
  for (const topic of helpTopicIds) {
    for (const synonym of searchSynonyms(topic)) {
      if (/\s/.test(synonym.trim())) continue;
      const word = words(sortKey(synonym)).join('');
      result.set(word, (result.get(word) ?? new Set<HelpTopicId>()).add(topic));
    }
  }
  return result;
})();

/** Per topic, its single-word synonyms as tsquery terms. */
const topicWords: Map<HelpTopicId, string[]> = new Map(
  helpTopicIds.map((topic) => [
    topic,
    [
      ...new Set(
        searchSynonyms(topic)
          .map(sortKey)
          .filter((synonym) => /^[\p{L}\p{N}]+$/u.test(synonym)),
      ),
    ],
  ]),
);

/** A verb form (folded) → all forms of its verb that are single words ("sauft" → "saufen", "gesoffen", …). */
const verbFamilies: Map<string, string[]> = (() => {
  const result = new Map<string, string[]>();
  for (const verb of helpVerbs) {
    const forms = verbForms(verb)
      .map(sortKey)
      .filter((form) => !/\s/.test(form));
    for (const form of forms) result.set(form, [...new Set([...(result.get(form) ?? []), ...forms])]);
  }
  return result;
})();

const helpVerbInfinitives = new Set(helpVerbs.map(sortKey));

/** Every synonym word and verb form, for the vocabulary: a misspelled synonym is corrected like any word. */
export const synonymText = helpTopicIds.flatMap(searchSynonyms).join('\n');

/**
 * Topics of a word: of the synonym it is, else (for words as typed, not stop words) of the
 * synonyms it starts with ("alkoholproblem") or that start with it ("depr", typed so far).
 */
function topicsOfWord(spelling: string, typed: boolean): HelpTopicId[] {
  const exact = synonymWords.get(spelling);
  if (exact || !typed) return [...(exact ?? [])];
  const found = new Set<HelpTopicId>();
  for (const [synonym, topics] of synonymWords) {
    if (
      (synonym.length >= MIN_PART && spelling.startsWith(synonym)) ||
      (spelling.length >= MIN_TYPED_PREFIX && synonym.startsWith(spelling))
    ) {
      topics.forEach((topic) => found.add(topic));
    }
  }
  return [...found];
}

const plainWord = /^[\p{L}\p{N}]+$/u;

/** Vocabulary words of one kind; only plain words, which parse as tsquery terms. */
function wordsOf(rows: VocabularyRow[], kind: VocabularyRow['kind']): string[] {
  return rows.filter((row) => row.kind === kind && plainWord.test(row.word!)).map((row) => row.word!);
}

function anyOf(terms: string[]): string | null {
  return terms.length > 0 ? [...new Set(terms)].join(' | ') : null;
}

/**
 * A unit of topics only (a phrase, a stop word that is a synonym); `words` add what the word
 * itself matches. An offer is named for a topic by one of its synonyms ("Schuldnerberatung")
 * or by a compound of the word typed ("Angehörigengruppe" for "Gruppe"); not by a word that
 * only begins like one ("Psychosoziale" is no "Psychose").
 */
function unitOf(
  topics: HelpTopicId[],
  words?: Pick<SearchUnit, 'nameWord' | 'word' | 'namePrefix' | 'expanded'>,
  compounds: string[] = [],
): SearchUnit {
  const names = topics.flatMap((topic) => topicWords.get(topic) ?? []);
  return {
    nameWord: null,
    word: null,
    namePrefix: null,
    expanded: null,
    ...words,
    topics,
    topicInName: anyOf([...names, ...compounds].map((name) => `${name}:A`)),
    parents: parentsOf(topics),
  };
}

function parentsOf(topics: HelpTopicId[]): HelpTopicId[] {
  return [...new Set(topics.flatMap((topic) => parentTopic(topic) ?? []))].filter((parent) => !topics.includes(parent));
}

/** The vocabulary look-up from memory (`search-index.ts`), undefined when the database must make it. */
export type WordsInMemory = (tokens: QueryToken[]) => Promise<VocabularyRow[] | undefined>;

export async function planSearch(db: Kysely<Database>, q: string, inMemory?: WordsInMemory): Promise<SearchPlan> {
  const tokens = words(q.toLowerCase())
    .slice(0, MAX_WORDS)
    .map((raw) => ({ raw, spellings: searchSpellings(raw) }));
  const found = tokens.length > 0 ? ((await inMemory?.(tokens)) ?? (await lookUpInDatabase(db, tokens))) : [];
  const people = otherPeople(tokens.map((token) => token.spellings[0]!));

  const units: SearchUnit[] = tokens.map((token, i) => {
    const [literal, transcribed] = token.spellings as [string, string?];
    const rows = found.filter((row) => row.i === i);
    const known = (spelling: string) => synonymWords.has(spelling) || rows.some((row) => row.spelling === spelling && row.kind === 'known');
    // The umlaut reading counts only as a word of the vocabulary, and below the literal one when that is a word too.
    const umlauts = transcribed !== undefined && known(transcribed) ? transcribed : undefined;
    const spellings = umlauts && !known(literal) ? [literal, umlauts] : [literal];
    const ownRows = rows.filter((row) => row.spelling === literal || row.spelling === umlauts);
    // Single letters ("K.-o.-Tropfen") count only inside phrases: as prefixes they would match everything.
    const stop = token.raw.length < 2 || requestWords.has(literal) || rows.some((row) => row.kind === 'stop');
    // Synonyms that start with the word count only while it is no word of its own ("depr", not "Kind" → "Kinderwunsch").
    const typed = !stop && !people.positions.has(i) && !known(literal) && !umlauts;
    const topics = new Set([literal, umlauts].flatMap((spelling) => (spelling ? topicsOfWord(spelling, typed) : [])));
    if (people.positions.has(i)) return unitOf([...topics]);
    // A word no offer or synonym uses, in none of its spellings, is taken as misspelled
    // ("Depresion"): its corrections count as if typed. Known words are not corrected.
    const misspelled = !stop && !known(literal) && !umlauts;
    const corrections = misspelled ? wordsOf(ownRows, 'similar') : [];
    if (topics.size === 0) corrections.forEach((word) => topicsOfWord(word, false).forEach((topic) => topics.add(topic)));
    if (stop) return unitOf([...topics]);
    const family = spellings.flatMap((spelling) => verbFamilies.get(spelling) ?? []);
    // Compounds that end in the word are the word ("Angehörigengruppe" is a "Gruppe").
    const compounds = wordsOf(ownRows, 'compound');
    const exact = [...spellings, ...corrections, ...family, ...compounds].filter((term) => plainWord.test(term));
    // A verb's stem also begins its nouns ("geschieden" → "scheid…" of "Scheidung").
    const beginnings = [literal, umlauts, ...corrections, ...family.filter((form) => helpVerbInfinitives.has(form))];
    const prefixes = beginnings.flatMap((term) => (term ? [`${term}:*`] : []));
    // Shorter words it starts with ("trauer" of "Trauernde") are beginnings too, but less exact than the word typed.
    const parts = wordsOf(ownRows, 'part').map((part) => `${part}:*`);
    return unitOf(
      [...topics],
      {
        nameWord: anyOf(exact.map((term) => `${term}:A`)),
        // In the offer's own text: a match only in the labels (topic, audience and organization names) counts as expanded.
        word: anyOf(exact.map((term) => `${term}:AC`)),
        namePrefix: anyOf(prefixes.map((term) => `${term}A`)),
        expanded: anyOf([...exact, ...prefixes, ...parts, ...wordsOf(ownRows, 'similar')]),
      },
      compounds,
    );
  });

  // Phrases, in both readings of the whole query ("keine Wohnung", "ich will nicht mehr").
  const readings = [tokens.map((token) => token.spellings[0]!), tokens.map((token) => token.spellings.at(-1)!)];
  for (const topic of phraseTopics(readings)) units.push(unitOf([topic]));

  const useful = units.filter((unit) => unit.expanded !== null || unit.topics.length > 0);
  const crisisTopics = [...new Set(useful.flatMap((unit) => unit.topics.filter(isCrisisTopic)))];
  return {
    units: useful,
    crisisTopics,
    crisisDetected: crisisTopics.length > 0,
    folded: sortKey(q).trim().replace(/\s+/g, ' '),
    otherAudiences: people.audiences,
    readerIsRelative: people.readerIsRelative,
  };
}

function tsquery(text: string): RawBuilder<unknown> {
  return sql`to_tsquery('german', ${text})`;
}

function allTopics(plan: SearchPlan): HelpTopicId[] {
  return [...new Set(plan.units.flatMap((unit) => unit.topics))];
}

function allParents(plan: SearchPlan): HelpTopicId[] {
  const topics = allTopics(plan);
  return [...new Set(plan.units.flatMap((unit) => unit.parents))].filter((parent) => !topics.includes(parent));
}

function anyQuery(plan: SearchPlan): string | null {
  return anyOf(plan.units.flatMap((unit) => (unit.expanded ? [unit.expanded] : [])));
}

/**
 * Offers tagged with one of `parents` themselves (not only through a child): the GIN index on
 * the closure finds the candidates, the tags decide.
 */
function taggedWith(parents: HelpTopicId[]): RawBuilder<boolean> {
  return sql<boolean>`(help_offers.topic_closure && ${parents}::text[] AND help_offers.topics && ${parents}::text[])`;
}

/** Offers that match at least one word: by text (GIN on the tsvector) or by topic (GIN on topics). */
export function matchSql(plan: SearchPlan): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  const text = anyQuery(plan);
  if (text) conditions.push(sql`help_offers.search_vector @@ ${tsquery(text)}`);
  const topics = allTopics(plan);
  if (topics.length > 0) conditions.push(sql`help_offers.topic_closure && ${topics}::text[]`);
  const parents = allParents(plan);
  if (parents.length > 0) conditions.push(taggedWith(parents));
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` OR `)})` : sql<boolean>`false`;
}

/**
 * Crisis services of the crisis topics the query hit come first, above any sum of word scores
 * (a 24/7 line for violence does not, when someone types "nicht mehr leben").
 */
const CRISIS_BOOST = 100_000;

/**
 * Per word: a topic of the offer counts most (the sentence's main word names what the offer is
 * about), more when the offer's name says it, its parent topic much less; then where the word is — the whole word (or stem, verb
 * form, correction) in the name, anywhere, as a beginning in the name, anywhere as a beginning
 * or a word part: "Psychose" in a text before "Psychosoziale" in a name. Once per query: an
 * offer for relatives when the reader is one, and one only for the other person named, lower.
 */
const SCORE = {
  topicInName: 8,
  topic: 6,
  parent: 2,
  nameWord: 4,
  word: 3,
  namePrefix: 2,
  expanded: 1,
  forRelatives: 2,
  onlyForOthers: -1,
} as const;

/**
 * Relevance as an integer (stable in cursors) in two parts, `relevanceSql` + `tieBreakSql`:
 * the sum of the scores (`SCORE`) × 1000, plus the crisis boost — a multiple of 1000 — and a tie-break
 * (0–999). The tie-break costs the most, and only decides between offers of the same first part.
 */
export function relevanceSql(plan: SearchPlan): RawBuilder<number> {
  const unitScores = plan.units.map((unit) => {
    const topicCases: RawBuilder<unknown>[] = [];
    if (unit.topics.length > 0) {
      const topic = sql`help_offers.topic_closure && ${unit.topics}::text[]`;
      if (unit.topicInName)
        topicCases.push(sql`WHEN ${topic} AND help_offers.search_vector @@ ${tsquery(unit.topicInName)} THEN ${SCORE.topicInName}`);
      topicCases.push(sql`WHEN ${topic} THEN ${SCORE.topic}`);
    }
    if (unit.parents.length > 0) topicCases.push(sql`WHEN ${taggedWith(unit.parents)} THEN ${SCORE.parent}`);
    const textCases: RawBuilder<unknown>[] = [];
    // `expanded` finds all the others find: an offer it misses (one found by a topic) is not checked four times.
    if (unit.expanded) textCases.push(sql`WHEN NOT help_offers.search_vector @@ ${tsquery(unit.expanded)} THEN 0`);
    if (unit.nameWord) textCases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.nameWord)} THEN ${SCORE.nameWord}`);
    if (unit.word) textCases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.word)} THEN ${SCORE.word}`);
    if (unit.namePrefix) textCases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.namePrefix)} THEN ${SCORE.namePrefix}`);
    if (unit.expanded) textCases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.expanded)} THEN ${SCORE.expanded}`);
    const score = (cases: RawBuilder<unknown>[]) => (cases.length > 0 ? sql`CASE ${sql.join(cases, sql` `)} ELSE 0 END` : sql`0`);
    return sql`${score(topicCases)} + ${score(textCases)}`;
  });
  const words = unitScores.length > 0 ? sql.join(unitScores, sql` + `) : sql`0`;
  const forRelatives = sql`help_offers.audiences && ARRAY['relatives', 'families']::text[]`;
  const cases: RawBuilder<unknown>[] = [];
  if (plan.readerIsRelative) cases.push(sql`WHEN ${forRelatives} THEN ${SCORE.forRelatives}`);
  if (plan.otherAudiences.length > 0)
    cases.push(sql`WHEN help_offers.audiences && ${plan.otherAudiences}::text[] AND NOT ${forRelatives} THEN ${SCORE.onlyForOthers}`);
  const people = cases.length > 0 ? sql`CASE ${sql.join(cases, sql` `)} ELSE 0 END` : sql`0`;
  const crisis = plan.crisisDetected
    ? sql`CASE WHEN help_offers.crisis AND help_offers.topic_closure && ${plan.crisisTopics}::text[] THEN ${CRISIS_BOOST}::int ELSE 0 END`
    : sql`0`;
  return sql<number>`((${words} + ${people}) * 1000 + ${crisis})`;
}

/**
 * Between offers of the same score, what a person expects: the offer whose name is exactly
 * what they typed (500), then the one most about the topics hit (35 per twelfth of its topics:
 * a couples' counselling before a family service that also does it), then — between offers
 * about them alike, such as namesakes — a crisis service (20), then the one nearest to the
 * chosen municipalities (up to 9: 1 per 4 km closer than 36 km), then the closer text match (up
 * to 5). Each step outweighs all that follow (500 > 420 + 34, 35 > 20 + 9 + 5, 20 > 9 + 5,
 * 9 > 5), and all of them together one step of the score (1000). The municipalities' distance
 * is computed for the page's candidates only.
 */
export function tieBreakSql(plan: SearchPlan, municipalities: string[] | undefined): RawBuilder<number> {
  const query = anyQuery(plan);
  const rank = query ? sql`least(1, ts_rank(help_offers.search_vector, ${tsquery(query)}))` : sql`0`;
  const topics = allTopics(plan);
  const focus =
    topics.length > 0
      ? sql`(SELECT count(*) FROM unnest(help_offers.topic_closure) AS topic WHERE topic = ANY (${topics}::text[]))::float8 / cardinality(help_offers.topic_closure)`
      : sql`0`;
  const near = municipalities?.length
    ? sql`coalesce((SELECT 9 - least(9, round(min(help_distance_km(l.lat, l.lon, m.lat, m.lon)) / 4))
        FROM help_offer_locations l JOIN municipalities m ON m.id = ANY (${municipalities}::text[])
        WHERE l.offer_id = help_offers.id AND l.lat IS NOT NULL), 0)`
    : sql`0`;
  return sql<number>`(CASE WHEN help_offers.sort_name = ${plan.folded} THEN 500 ELSE 0 END
    + 35 * round(12 * ${focus})::int
    + CASE WHEN help_offers.crisis THEN 20 ELSE 0 END
    + ${near}::int + round(5 * ${rank})::int)`;
}

/** Every query of alternatives the plan's SQL matches vectors with (the index matches each). */
export function searchQueries(plan: SearchPlan): string[] {
  const queries = plan.units.flatMap((unit) => [unit.nameWord, unit.word, unit.namePrefix, unit.expanded, unit.topicInName]);
  return [...new Set([...queries, anyQuery(plan)].filter((query): query is string => query !== null))];
}

/**
 * Sets of offers as flags by offer number (`search-index.ts` makes them from its postings): what
 * `relevanceScores` and `tieBreakScores` read instead of the columns the SQL reads.
 */
export interface OfferSets {
  /** Offers whose vector matches `query`, one of `searchQueries` (`search_vector @@ query`). */
  text(query: string): Uint8Array;
  /** Offers whose topic closure has one of `topics` (`topic_closure && topics`). */
  inClosure(topics: readonly string[]): Uint8Array;
  /** Offers tagged with one of `topics` themselves (`topics && topics`). */
  tagged(topics: readonly string[]): Uint8Array;
  /** Offers for one of `audiences` (`audiences && audiences`). */
  forAudience(audiences: readonly string[]): Uint8Array;
  /** Crisis services (`crisis`). */
  crisis: Uint8Array;
}

function both(a: Uint8Array, b: Uint8Array): Uint8Array {
  const flags = new Uint8Array(a.length);
  for (let offer = 0; offer < a.length; offer++) flags[offer] = a[offer]! & b[offer]!;
  return flags;
}

/** Flags in `flags` what `set` flags (a loop of its own: see `countNumbers` in search-index.ts). */
function addFlags(flags: Uint8Array, set: Uint8Array): void {
  for (let offer = 0; offer < set.length; offer++) flags[offer]! |= set[offer]!;
}

/** `taggedWith` as flags. */
function taggedIn(sets: OfferSets, parents: readonly string[]): Uint8Array {
  return both(sets.inClosure(parents), sets.tagged(parents));
}

/**
 * `matchSql` and `relevanceSql` restated over sets of offers, case for case; `rankQuery` is the
 * query whose `ts_rank` the tie-break uses.
 */
export function relevanceScores(plan: SearchPlan, sets: OfferSets) {
  const text = (query: string | null) => (query === null ? undefined : sets.text(query));
  const anyText = anyQuery(plan);
  const topics = allTopics(plan);
  const parents = allParents(plan);
  const matched = new Uint8Array(sets.crisis.length);
  for (const set of [
    text(anyText),
    topics.length > 0 ? sets.inClosure(topics) : undefined,
    parents.length > 0 ? taggedIn(sets, parents) : undefined,
  ])
    if (set) addFlags(matched, set);
  const units = plan.units.map((unit) => ({
    topic: unit.topics.length > 0 ? sets.inClosure(unit.topics) : undefined,
    topicInName: text(unit.topicInName),
    parent: unit.parents.length > 0 ? taggedIn(sets, unit.parents) : undefined,
    nameWord: text(unit.nameWord),
    word: text(unit.word),
    namePrefix: text(unit.namePrefix),
    expanded: text(unit.expanded),
  }));
  const forRelatives = sets.forAudience(['relatives', 'families']);
  const forOthers = plan.otherAudiences.length > 0 ? sets.forAudience(plan.otherAudiences) : undefined;
  const crisis = plan.crisisDetected ? both(sets.crisis, sets.inClosure(plan.crisisTopics)) : undefined;
  return {
    rankQuery: anyText,
    /** The offers that match (flags by offer number). */
    matched,
    score(offer: number): number {
      let words = 0;
      for (const unit of units) {
        if (unit.topic?.[offer]) words += unit.topicInName?.[offer] ? SCORE.topicInName : SCORE.topic;
        else if (unit.parent?.[offer]) words += SCORE.parent;
        if (unit.expanded && !unit.expanded[offer]) continue;
        if (unit.nameWord?.[offer]) words += SCORE.nameWord;
        else if (unit.word?.[offer]) words += SCORE.word;
        else if (unit.namePrefix?.[offer]) words += SCORE.namePrefix;
        else if (unit.expanded) words += SCORE.expanded;
      }
      const people =
        plan.readerIsRelative && forRelatives[offer]
          ? SCORE.forRelatives
          : forOthers?.[offer] && !forRelatives[offer]
            ? SCORE.onlyForOthers
            : 0;
      return (words + people) * 1000 + (crisis?.[offer] ? CRISIS_BOOST : 0);
    },
  };
}

/**
 * `tieBreakSql` restated; what the index measures per offer: `rank` (`ts_rank` of the query
 * `relevanceScores` names), `topicShare` (the share of its topic closure among the query's
 * topics), `nearness` (the municipalities' part) and its `sortName`.
 */
export function tieBreakScores(
  plan: SearchPlan,
  sets: OfferSets,
  measures: {
    rank(offer: number): number;
    topicShare(offer: number, topics: ReadonlySet<string>): number;
    nearness(offer: number): number;
    sortName(offer: number): string;
  },
): (offer: number) => number {
  const topics = new Set<string>(allTopics(plan));
  const ranked = anyQuery(plan) !== null;
  return (offer) => {
    const focus = topics.size > 0 ? measures.topicShare(offer, topics) : 0;
    const rank = ranked ? Math.min(1, measures.rank(offer)) : 0;
    return (
      (measures.sortName(offer) === plan.folded ? 500 : 0) +
      35 * roundHalfEven(12 * focus) +
      (sets.crisis[offer] ? 20 : 0) +
      measures.nearness(offer) +
      roundHalfEven(5 * rank)
    );
  };
}

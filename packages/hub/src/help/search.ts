import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { searchSpellings, sortKey } from '../http/text.js';
import { helpTopics, isCrisisTopic, type HelpTopicId } from './topics.js';

/**
 * German search over help offers. A query is planned in two steps:
 *
 * 1. Each word is looked up in the vocabulary (`help_search_words`): German stop words are
 *    dropped, misspellings are corrected by trigram similarity ("Depresion" → "depression"),
 *    shorter words it starts with are found ("Trauernde" → "trauer": the German stemmer makes
 *    "trauernd" and "trau" of them, which never match), and so are compounds it ends
 *    ("Gruppe" → "selbsthilfegruppen": compounds are not split; German compounds end in their
 *    head word, so a match in the middle, "saufen" in "tagesaufenthalt", does not count).
 * 2. Each word and phrase is matched against the topics' synonyms ("saufen" → Alkohol,
 *    "nicht mehr leben" → Krisen & Suizidgedanken), in every spelling (ae/oe/ue/ss folded).
 *
 * An offer matches when it matches any word; `scoreSql` ranks the matches.
 */

/** One word (or phrase) of the query and what it matches. tsquery texts use the `german` configuration. */
export interface SearchUnit {
  /** The word's spellings as prefixes (and, if misspelled, its corrections), in names only (weight A). */
  name: string | null;
  /** The same, anywhere. */
  own: string | null;
  /** `own` plus the vocabulary's corrections, word parts and compounds. */
  expanded: string | null;
  topics: HelpTopicId[];
}

export interface SearchPlan {
  units: SearchUnit[];
  /** The crisis topics the query hit ("Suizid" → Krisen & Suizidgedanken). */
  crisisTopics: HelpTopicId[];
  crisisDetected: boolean;
}

const MAX_WORDS = 10;
/** Trigram similarity from which a vocabulary word counts as the word misspelled. */
const TYPO_SIMILARITY = 0.45;
/** The shortest word part that counts: as a prefix ("trauer" in "trauernde") or a synonym's start. */
const MIN_PART = 5;
/** The shortest typed beginning that finds the synonyms it starts ("depr" → "depression"). */
const MIN_TYPED_PREFIX = 4;

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

interface Synonyms {
  words: Map<string, Set<HelpTopicId>>;
  phrases: { text: string; topic: HelpTopicId }[];
}

/** Synonyms folded like sort keys; a hyphenated one ("Ess-Brech-Sucht") also as one word. */
const synonyms: Synonyms = (() => {
  const result: Synonyms = { words: new Map(), phrases: [] };
  const addWord = (word: string, topic: HelpTopicId) => {
    const topics = result.words.get(word) ?? new Set<HelpTopicId>();
    topics.add(topic);
    result.words.set(word, topics);
  };
  for (const topic of helpTopics) {
    for (const synonym of topic.synonyms) {
      const parts = words(sortKey(synonym));
      if (parts.length === 1) addWord(parts[0]!, topic.id);
      else {
        result.phrases.push({ text: parts.join(' '), topic: topic.id });
        if (/-/.test(synonym) && !/\s/.test(synonym)) addWord(parts.join(''), topic.id);
      }
    }
  }
  return result;
})();

/** Every synonym word, for the vocabulary: a misspelled synonym is corrected like any word. */
export const synonymText = helpTopics.flatMap((topic) => topic.synonyms).join('\n');

/**
 * Topics of a word: of the synonym it is, else (for words as typed, not stop words) of the
 * synonyms it starts with ("alkoholproblem") or that start with it ("depr", typed so far).
 */
function topicsOfWord(spelling: string, typed: boolean): HelpTopicId[] {
  const exact = synonyms.words.get(spelling);
  if (exact || !typed) return [...(exact ?? [])];
  const found = new Set<HelpTopicId>();
  for (const [synonym, topics] of synonyms.words) {
    if (
      (synonym.length >= MIN_PART && spelling.startsWith(synonym)) ||
      (spelling.length >= MIN_TYPED_PREFIX && synonym.startsWith(spelling))
    ) {
      topics.forEach((topic) => found.add(topic));
    }
  }
  return [...found];
}

interface VocabularyRow {
  i: number;
  kind: 'stop' | 'known' | 'similar' | 'part' | 'compound';
  word: string | null;
}

/**
 * Step 1 for all spellings at once. A word is a stop word when PostgreSQL's German list has it
 * as typed or with its umlauts restored ("fuer" → "für").
 */
async function lookUp(db: Kysely<Database>, tokens: { spellings: string[]; raw: string }[]): Promise<VocabularyRow[]> {
  const index: number[] = [];
  const spellings: string[] = [];
  const raws: string[] = [];
  const restored: string[] = [];
  tokens.forEach((token, i) => {
    for (const spelling of token.spellings) {
      index.push(i);
      spellings.push(spelling);
      raws.push(token.raw);
      restored.push(token.raw.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü'));
    }
  });
  const result = await sql<VocabularyRow>`
    WITH q AS (
      SELECT i, spelling,
        to_tsvector('german', raw) = ''::tsvector OR to_tsvector('german', restored) = ''::tsvector AS stop,
        EXISTS (SELECT 1 FROM help_search_words WHERE word = spelling) AS known
      FROM unnest(${index}::int[], ${spellings}::text[], ${raws}::text[], ${restored}::text[]) AS q (i, spelling, raw, restored)
    )
    SELECT i, 'stop' AS kind, NULL AS word FROM q WHERE stop
    UNION ALL
    SELECT i, 'known', spelling FROM q WHERE known
    UNION ALL
    SELECT q.i, 'similar', v.word FROM q CROSS JOIN LATERAL (
      SELECT word FROM help_search_words
      WHERE word % q.spelling AND similarity(word, q.spelling) >= ${TYPO_SIMILARITY}
      ORDER BY similarity(word, q.spelling) DESC, word LIMIT 3
    ) v WHERE NOT q.stop AND NOT q.known
    UNION ALL
    SELECT q.i, 'part', v.word FROM q CROSS JOIN LATERAL generate_series(${MIN_PART}, length(q.spelling) - 1) AS n
      JOIN help_search_words v ON v.word = left(q.spelling, n)
    WHERE NOT q.stop
    UNION ALL
    SELECT q.i, 'compound', v.word FROM q CROSS JOIN LATERAL (
      SELECT word FROM help_search_words
      WHERE length(q.spelling) >= ${MIN_PART} AND word LIKE '%' || q.spelling || '%' AND word NOT LIKE q.spelling || '%'
        AND word ~ (q.spelling || '[[:alpha:]]{0,3}$')
      ORDER BY length(word), word LIMIT 20
    ) v WHERE NOT q.stop`.execute(db);
  return result.rows;
}

const plainWord = /^[\p{L}\p{N}]+$/u;

/** Vocabulary words of one kind; only plain words, which parse as tsquery terms. */
function wordsOf(rows: VocabularyRow[], kind: VocabularyRow['kind']): string[] {
  return rows.filter((row) => row.kind === kind && plainWord.test(row.word!)).map((row) => row.word!);
}

function anyOf(terms: string[]): string | null {
  return terms.length > 0 ? [...new Set(terms)].join(' | ') : null;
}

export async function planSearch(db: Kysely<Database>, q: string): Promise<SearchPlan> {
  const tokens = words(q.toLowerCase())
    .slice(0, MAX_WORDS)
    .map((raw) => ({ raw, spellings: searchSpellings(raw) }));
  const found = tokens.length > 0 ? await lookUp(db, tokens) : [];

  const units: SearchUnit[] = tokens.map((token, i) => {
    const rows = found.filter((row) => row.i === i);
    // Single letters ("K.-o.-Tropfen") count only inside phrases: as prefixes they would match everything.
    const stop = token.raw.length < 2 || rows.some((row) => row.kind === 'stop');
    const topics = new Set(token.spellings.flatMap((spelling) => topicsOfWord(spelling, !stop)));
    // A word no offer or synonym uses, in none of its spellings, is taken as misspelled
    // ("Depresion"): its corrections count as if typed. Known words are not corrected.
    const misspelled = !stop && !rows.some((row) => row.kind === 'known');
    const corrections = misspelled ? wordsOf(rows, 'similar') : [];
    if (topics.size === 0) corrections.forEach((word) => topicsOfWord(word, false).forEach((topic) => topics.add(topic)));
    if (stop) return { name: null, own: null, expanded: null, topics: [...topics] };
    const own = [...token.spellings.map((spelling) => `${spelling}:*`), ...corrections];
    return {
      name: anyOf([...token.spellings.map((spelling) => `${spelling}:*A`), ...corrections.map((word) => `${word}:A`)]),
      own: anyOf(own),
      expanded: anyOf([...own, ...wordsOf(rows, 'similar'), ...wordsOf(rows, 'part'), ...wordsOf(rows, 'compound')]),
      topics: [...topics],
    };
  });

  // Phrases, in every spelling of the whole query ("keine Wohnung", "nicht mehr leben").
  const texts = new Set([tokens.map((token) => token.spellings[0]).join(' '), tokens.map((token) => token.spellings.at(-1)).join(' ')]);
  for (const phrase of synonyms.phrases) {
    if ([...texts].some((text) => ` ${text} `.includes(` ${phrase.text} `))) {
      units.push({ name: null, own: null, expanded: null, topics: [phrase.topic] });
    }
  }

  const useful = units.filter((unit) => unit.expanded !== null || unit.topics.length > 0);
  const crisisTopics = [...new Set(useful.flatMap((unit) => unit.topics.filter(isCrisisTopic)))];
  return { units: useful, crisisTopics, crisisDetected: crisisTopics.length > 0 };
}

function tsquery(text: string): RawBuilder<unknown> {
  return sql`to_tsquery('german', ${text})`;
}

function allTopics(plan: SearchPlan): HelpTopicId[] {
  return [...new Set(plan.units.flatMap((unit) => unit.topics))];
}

function anyQuery(plan: SearchPlan): string | null {
  return anyOf(plan.units.flatMap((unit) => (unit.expanded ? [unit.expanded] : [])));
}

/** Offers that match at least one word: by text (GIN on the tsvector) or by topic (GIN on topics). */
export function matchSql(plan: SearchPlan): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  const text = anyQuery(plan);
  if (text) conditions.push(sql`help_offers.search_vector @@ ${tsquery(text)}`);
  const topics = allTopics(plan);
  if (topics.length > 0) conditions.push(sql`help_offers.topic_closure && ${topics}::text[]`);
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` OR `)})` : sql<boolean>`false`;
}

/**
 * Crisis services of the crisis topics the query hit come first, above any sum of word scores
 * (a 24/7 line for violence does not, when someone types "nicht mehr leben").
 */
const CRISIS_BOOST = 100_000;

/**
 * Relevance as an integer (stable in cursors) in two parts, `relevanceSql` + `tieBreakSql`:
 * per word, 3 when it names a topic of the offer plus 3 / 2 / 1 when it is in the offer's name /
 * text / only as a correction or compound; the sum × 1000, plus the crisis boost — a multiple of
 * 1000 — and a tie-break (0–999) from the text rank and from how much of the offer is about the
 * topics hit (a couples' counselling before a family service that also does it). The tie-break
 * costs the most, and only decides between offers of the same first part.
 */
export function relevanceSql(plan: SearchPlan): RawBuilder<number> {
  const unitScores = plan.units.map((unit) => {
    const topic = unit.topics.length > 0 ? sql`CASE WHEN help_offers.topic_closure && ${unit.topics}::text[] THEN 3 ELSE 0 END` : sql`0`;
    const cases: RawBuilder<unknown>[] = [];
    if (unit.name) cases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.name)} THEN 3`);
    if (unit.own) cases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.own)} THEN 2`);
    if (unit.expanded) cases.push(sql`WHEN help_offers.search_vector @@ ${tsquery(unit.expanded)} THEN 1`);
    const text = cases.length > 0 ? sql`CASE ${sql.join(cases, sql` `)} ELSE 0 END` : sql`0`;
    return sql`${topic} + ${text}`;
  });
  const words = unitScores.length > 0 ? sql.join(unitScores, sql` + `) : sql`0`;
  const crisis = plan.crisisDetected
    ? sql`CASE WHEN help_offers.crisis AND help_offers.topic_closure && ${plan.crisisTopics}::text[] THEN ${CRISIS_BOOST}::int ELSE 0 END`
    : sql`0`;
  return sql<number>`((${words}) * 1000 + ${crisis})`;
}

export function tieBreakSql(plan: SearchPlan): RawBuilder<number> {
  const query = anyQuery(plan);
  const rank = query ? sql`least(1, ts_rank(help_offers.search_vector, ${tsquery(query)}))` : sql`0`;
  const topics = allTopics(plan);
  const focus = topics.length > 0
    ? sql`(SELECT count(*) FROM unnest(help_offers.topic_closure) AS topic WHERE topic = ANY (${topics}::text[]))::float8 / cardinality(help_offers.topic_closure)`
    : sql`0`;
  return sql<number>`round(500 * ${rank} + 499 * ${focus})::int`;
}

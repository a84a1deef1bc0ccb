import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What the vocabulary says of one spelling of a query's word (`search.ts` plans with it). */
export interface VocabularyRow {
  i: number;
  spelling: string;
  kind: 'stop' | 'known' | 'similar' | 'part' | 'compound';
  word: string | null;
}

/** A word of a query: its spellings (folded; with umlauts read from ae/oe/ue) and the word as typed. */
export interface QueryToken {
  spellings: string[];
  raw: string;
}

/** Trigram similarity from which a vocabulary word counts as the word misspelled. */
export const TYPO_SIMILARITY = 0.45;
/** The shortest word part that counts: as a prefix ("trauer" in "trauernde") or a synonym's start. */
export const MIN_PART = 5;

/** The typed word with "ae/oe/ue" read as umlauts, for the stop-word check ("fuer" → "für"). */
export function restoredUmlauts(raw: string): string {
  return raw.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü');
}

/**
 * Step 1 of a search's plan for all spellings at once, in the database: a word is a stop word
 * when PostgreSQL's German list has it as typed or with its umlauts restored; misspellings are
 * found by trigram similarity, beginnings and compounds among the vocabulary's words. The rows come
 * kind by kind, each in the tokens' order.
 */
export async function lookUpInDatabase(db: Kysely<Database>, tokens: QueryToken[]): Promise<VocabularyRow[]> {
  const index: number[] = [];
  const spellings: string[] = [];
  const raws: string[] = [];
  const restored: string[] = [];
  tokens.forEach((token, i) => {
    for (const spelling of token.spellings) {
      index.push(i);
      spellings.push(spelling);
      raws.push(token.raw);
      restored.push(restoredUmlauts(token.raw));
    }
  });
  const result = await sql<VocabularyRow>`
    WITH q AS (
      SELECT i, spelling,
        to_tsvector('german', raw) = ''::tsvector OR to_tsvector('german', restored) = ''::tsvector AS stop,
        EXISTS (SELECT 1 FROM help_search_words WHERE word = spelling) AS known
      FROM unnest(${index}::int[], ${spellings}::text[], ${raws}::text[], ${restored}::text[]) AS q (i, spelling, raw, restored)
    )
    SELECT i, spelling, 'stop' AS kind, NULL AS word FROM q WHERE stop
    UNION ALL
    SELECT i, spelling, 'known', spelling FROM q WHERE known
    UNION ALL
    SELECT q.i, q.spelling, 'similar', v.word FROM q CROSS JOIN LATERAL (
      SELECT word FROM help_search_words
      WHERE word % q.spelling AND similarity(word, q.spelling) >= ${TYPO_SIMILARITY}
      ORDER BY similarity(word, q.spelling) DESC, word LIMIT 3
    ) v WHERE NOT q.stop AND NOT q.known
    UNION ALL
    SELECT q.i, q.spelling, 'part', v.word FROM q CROSS JOIN LATERAL generate_series(${MIN_PART}, length(q.spelling) - 1) AS n
      JOIN help_search_words v ON v.word = left(q.spelling, n)
    WHERE NOT q.stop
    UNION ALL
    SELECT q.i, q.spelling, 'compound', v.word FROM q CROSS JOIN LATERAL (
      SELECT word FROM help_search_words
      WHERE length(q.spelling) >= ${MIN_PART} AND word LIKE '%' || q.spelling || '%' AND word NOT LIKE q.spelling || '%'
        AND word ~ (q.spelling || '[[:alpha:]]{0,3}$')
      ORDER BY length(word), word LIMIT 20
    ) v WHERE NOT q.stop`.execute(db);
  return result.rows;
}

/** Spellings the vocabulary in memory answers for: letters a–z and digits, where every locale agrees. */
const plainAscii = /^[a-z0-9]+$/;

/** pg_trgm's trigrams of one word of letters and digits: padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const result = new Set<string>();
  const chars = [...padded];
  for (let at = 0; at + 3 <= chars.length; at++) result.add(chars.slice(at, at + 3).join(''));
  return result;
}

/**
 * The vocabulary (`help_search_words`) in memory, for `lookUpInDatabase` without the database:
 * `similarity()` as pg_trgm computes it (shared trigrams over all trigrams, in `float4`), the
 * vocabulary's order as the database sorts it (its collation), and whether a typed word is a stop
 * word asked of PostgreSQL once per word and kept. Spellings other than a–z and digits, and
 * compounds whose ending the database's locale decides, are left to the database.
 */
export class Vocabulary {
  readonly #words: string[];
  /** Each word's place in the database's order. */
  readonly #rank: Map<string, number>;
  readonly #byTrigram = new Map<string, number[]>();
  readonly #trigramCounts: Int32Array;
  /**
   * Trigrams of the words with other characters than a–z and digits, read both as one word and
   * split at those characters: how pg_trgm splits them depends on the database's locale.
   */
  readonly #otherByTrigram = new Map<string, number[]>();

  private constructor(words: string[]) {
    this.#words = words;
    this.#rank = new Map(words.map((word, place) => [word, place]));
    this.#trigramCounts = new Int32Array(words.length);
    const add = (map: Map<string, number[]>, trigram: string, id: number) => {
      const ids = map.get(trigram);
      if (ids) ids.push(id);
      else map.set(trigram, [id]);
    };
    words.forEach((word, id) => {
      if (plainAscii.test(word)) {
        const own = trigrams(word);
        this.#trigramCounts[id] = own.size;
        for (const trigram of own) add(this.#byTrigram, trigram, id);
      } else {
        const readings = new Set([
          ...trigrams(word),
          ...word
            .split(/[^a-z0-9]+/)
            .filter(Boolean)
            .flatMap((part) => [...trigrams(part)]),
        ]);
        for (const trigram of readings) add(this.#otherByTrigram, trigram, id);
      }
    });
  }

  static async read(db: Kysely<Database>): Promise<Vocabulary> {
    const rows = await db.selectFrom('help_search_words').select('word').orderBy('word').execute();
    return new Vocabulary(rows.map((row) => row.word));
  }

  /**
   * The words most similar to `spelling` from `TYPO_SIMILARITY` on, most similar first, then in
   * the database's order; undefined when a word of other characters could be among them.
   */
  #similar(spelling: string): string[] | undefined {
    const own = trigrams(spelling);
    // At most the shared trigrams over the spelling's own: below the threshold, such a word cannot count.
    const sharedWithOthers = new Map<number, number>();
    for (const trigram of own)
      for (const id of this.#otherByTrigram.get(trigram) ?? []) sharedWithOthers.set(id, (sharedWithOthers.get(id) ?? 0) + 1);
    for (const count of sharedWithOthers.values()) if (count / own.size >= Math.fround(TYPO_SIMILARITY)) return undefined;
    const shared = new Map<number, number>();
    for (const trigram of own) for (const id of this.#byTrigram.get(trigram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const found: { id: number; similarity: number }[] = [];
    for (const [id, count] of shared) {
      const similarity = Math.fround(count / (own.size + this.#trigramCounts[id]! - count));
      // The statement's parameter takes the type of `similarity()`: the threshold is a float4 there too.
      if (similarity >= Math.fround(TYPO_SIMILARITY)) found.push({ id, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
    return found.slice(0, 3).map(({ id }) => this.#words[id]!);
  }

  /** Words that contain `spelling` and end in it plus up to three letters, not beginning with it; undefined when the locale would decide. */
  #compounds(spelling: string): string[] | undefined {
    if (spelling.length < MIN_PART) return [];
    const found: string[] = [];
    for (const word of this.#words) {
      if (!word.includes(spelling) || word.startsWith(spelling)) continue;
      // After the last occurrence the ending is shortest: if it is longer than three characters, so is every other.
      const tail = word.slice(word.lastIndexOf(spelling) + spelling.length);
      if ([...tail].length > 3) continue;
      if (/^[a-z]*$/.test(tail)) found.push(word);
      // Whether other letters are letters, the database's locale decides.
      else if (!/^[\p{ASCII}]*$/u.test(tail)) return undefined;
    }
    return found.sort((a, b) => [...a].length - [...b].length || this.#rank.get(a)! - this.#rank.get(b)!).slice(0, 20);
  }

  /**
   * `lookUpInDatabase`'s rows for `tokens`, or undefined when the database must answer. `stop`
   * says whether a typed word (or it with umlauts restored) is a German stop word.
   */
  lookUp(tokens: QueryToken[], stop: (raw: string) => boolean): VocabularyRow[] | undefined {
    const q = tokens.flatMap((token, i) => token.spellings.map((spelling) => ({ i, spelling, stop: stop(token.raw) })));
    if (!q.every(({ spelling }) => plainAscii.test(spelling))) return undefined;
    const rows: VocabularyRow[] = [];
    for (const { i, spelling, stop: isStop } of q) if (isStop) rows.push({ i, spelling, kind: 'stop', word: null });
    for (const { i, spelling } of q) if (this.#rank.has(spelling)) rows.push({ i, spelling, kind: 'known', word: spelling });
    for (const { i, spelling, stop: isStop } of q) {
      if (isStop || this.#rank.has(spelling)) continue;
      const similar = this.#similar(spelling);
      if (!similar) return undefined;
      for (const word of similar) rows.push({ i, spelling, kind: 'similar', word });
    }
    for (const { i, spelling, stop: isStop } of q) {
      if (isStop) continue;
      for (let n = MIN_PART; n <= spelling.length - 1; n++) {
        const part = spelling.slice(0, n);
        if (this.#rank.has(part)) rows.push({ i, spelling, kind: 'part', word: part });
      }
    }
    for (const { i, spelling, stop: isStop } of q) {
      if (isStop) continue;
      const compounds = this.#compounds(spelling);
      if (!compounds) return undefined;
      for (const word of compounds) rows.push({ i, spelling, kind: 'compound', word });
    }
    return rows;
  }
}

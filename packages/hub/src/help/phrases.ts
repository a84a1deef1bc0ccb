import { sortKey } from '../http/text.js';
import { helpTopicIds, searchSynonyms, type HelpTopicId } from './topics.js';

/**
 * The phrases of a query: several words that together mean a topic ("keine Wohnung", "nicht
 * mehr leben"), found in the query's words in order. Each word alone may mean nothing (or, like
 * "mehr" in "nicht mehr mobil", something else), so phrases are matched here, not word by word.
 */

/** Words people put into a sentence without changing what it says ("ich kann einfach nicht mehr"); folded. */
export const fillers = new Set([
  'einfach',
  'echt',
  'wirklich',
  'halt',
  'eben',
  'irgendwie',
  'eigentlich',
  'gar',
  'uberhaupt',
  'total',
  'so',
  'schon',
  'bald',
  'gerade',
]);

/**
 * How people say that they are thinking of ending their life, with the variants they type:
 * `a|b` is either word, `a?` may be missing, `$` is the end of the query ("ich will nicht mehr"
 * says it, "ich will nicht mehr trinken" does not). Written folded (ä → a, ß → ss) and matched after
 * dropping the fillers above.
 */
const crisisPatterns = [
  'ich? will|mag|mochte|kann nicht mehr $',
  'will|mag|mochte|kann nicht mehr leben|weiterleben|aufwachen|existieren',
  'will|mochte nicht mehr da sein',
  'will|mochte|wurde nur? noch? lieber? sterben',
  'will|mochte|ware nur? noch? lieber? tot sein?',
  'will|mochte mich umbringen|toten|ritzen|verletzen',
  'bringe|bring|bringt mich|sich um',
  'mir|sich das leben nehmen',
  'mir|sich was|etwas antun',
  'halte|ertrage das|es? alles? nicht mehr aus',
  'halte|ertrage das|es alles? nicht mehr',
  'kein|keinen ausweg|sinn mehr?',
  'keine hoffnung mehr',
  'keinen bock|lust mehr auf das? leben',
  'weiss nicht mehr weiter',
];

interface Phrase {
  /** Per word, the words that may stand there; `optional` ones may be missing; `end` must close the query. */
  words: { options: string[]; optional: boolean }[];
  end: boolean;
  /** How many other words may stand between two of the phrase's ("hört mir zu", "keine eigene Wohnung"). */
  gap: number;
  topic: HelpTopicId;
}

/** Words a synonym's words may have between them in a sentence; the crisis patterns spell out their variants. */
const SYNONYM_GAP = 2;

function compile(pattern: string, topic: HelpTopicId, gap = 0): Phrase {
  const parts = pattern.split(' ').filter(Boolean);
  const end = parts.at(-1) === '$';
  const words = (end ? parts.slice(0, -1) : parts).map((part) => ({
    options: part.replace(/\?$/, '').split('|'),
    optional: part.endsWith('?'),
  }));
  return { words, end, gap, topic };
}

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Multi-word synonyms of the topics, and the crisis patterns. Hyphenated synonyms are words, not phrases. */
const phrases: Phrase[] = [
  ...helpTopicIds.flatMap((topic) =>
    searchSynonyms(topic)
      .filter((synonym) => /\s/.test(synonym.trim()))
      .map((synonym) => compile(words(sortKey(synonym)).join(' '), topic, SYNONYM_GAP)),
  ),
  ...crisisPatterns.map((pattern) => compile(pattern, 'krise-suizid')),
];

/** Whether `phrase` matches `tokens` from `at` on (backtracking over optional words and gaps). */
function matchesAt(phrase: Phrase, tokens: string[], at: number, word = 0): boolean {
  if (word === phrase.words.length) return !phrase.end || at === tokens.length;
  const { options, optional } = phrase.words[word]!;
  const reach = word === 0 ? 0 : phrase.gap;
  for (let skip = 0; skip <= reach && at + skip < tokens.length; skip++) {
    if (options.includes(tokens[at + skip]!) && matchesAt(phrase, tokens, at + skip + 1, word + 1)) return true;
  }
  return optional && matchesAt(phrase, tokens, at, word + 1);
}

/**
 * The topics of the phrases in a query, given as its words' folded spellings (one list per
 * way of reading it: as typed, with ae/oe/ue as umlauts).
 */
export function phraseTopics(readings: string[][]): HelpTopicId[] {
  const found = new Set<HelpTopicId>();
  for (const reading of readings) {
    const tokens = reading.filter((token) => !fillers.has(token));
    for (const phrase of phrases) {
      if (tokens.some((_, at) => matchesAt(phrase, tokens, at))) found.add(phrase.topic);
    }
  }
  return [...found];
}

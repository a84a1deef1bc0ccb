/**
 * People a query names as someone close to the reader: a word for a person right after a
 * possessive ("mein Mann", "meine Tochter", "unser Sohn"), and "Papa" or "Mama" anyway. The
 * sentence is then about that person ("mein Mann trinkt") or what they do to the reader ("mein
 * Mann schlägt mich"): the word must not find offers for that person's group as if the reader
 * belonged to it. When the reader is not the one it happens to (no "mich", "mir", "uns"), the
 * reader is a relative, and offers for relatives come first.
 */
const possessives = new Set([
  'mein',
  'meine',
  'meinen',
  'meinem',
  'meiner',
  'meines',
  'unser',
  'unsere',
  'unseren',
  'unserem',
  'unserer',
  'dein',
  'deine',
  'deinen',
  'deinem',
  'deiner',
  'sein',
  'seine',
  'seinen',
  'seinem',
  'seiner',
  'ihr',
  'ihre',
  'ihren',
  'ihrem',
  'ihrer',
]);

const alwaysSomeoneElse = new Set(['papa', 'mama']);

const theReader = new Set(['mich', 'mir', 'uns']);

/** Folded person words → the offers' audiences they belong to. */
const people: Record<string, string[]> = Object.fromEntries(
  (
    [
      [['mann', 'ehemann', 'freund', 'partner', 'vater', 'papa', 'bruder', 'exmann', 'expartner'], ['men']],
      [['frau', 'ehefrau', 'freundin', 'partnerin', 'mutter', 'mama', 'schwester', 'exfrau', 'expartnerin'], ['women']],
      [
        ['sohn', 'tochter', 'kind', 'kinder', 'baby', 'enkel', 'enkelin'],
        ['children', 'youth'],
      ],
      [['oma', 'opa', 'grossmutter', 'grossvater'], ['seniors']],
    ] as [string[], string[]][]
  ).flatMap(([words, audiences]) => words.map((word) => [word, audiences])),
);

export interface OtherPeople {
  /** Positions of the person words in the query. */
  positions: Set<number>;
  /** Their audiences: offers only for these rank lower. */
  audiences: string[];
  /** Whether offers for relatives and families rank higher. */
  readerIsRelative: boolean;
}

/** The people other than the reader in the query's folded words. */
export function otherPeople(words: string[]): OtherPeople {
  const positions = new Set<number>();
  words.forEach((word, i) => {
    if (people[word] && (alwaysSomeoneElse.has(word) || (i > 0 && possessives.has(words[i - 1]!)))) positions.add(i);
  });
  return {
    positions,
    audiences: [...new Set([...positions].flatMap((i) => people[words[i]!]!))],
    readerIsRelative: positions.size > 0 && !words.some((word) => theReader.has(word)),
  };
}

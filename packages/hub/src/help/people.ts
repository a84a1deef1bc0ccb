/**
 * People a query names as someone close to the reader: a word for a person right after a
 * possessive ("mein Mann", "meine Tochter", "unser Sohn"). The sentence is then about that
 * person ("mein Mann trinkt") or what they do to the reader ("mein Mann schlägt mich"): the
 * word must not find offers for that person's group as if the reader belonged to it.
 */
const possessives = new Set(['mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'unser', 'unsere', 'unseren', 'unserem', 'unserer',
  'dein', 'deine', 'deinen', 'deinem', 'deiner', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer']);

/** Folded person words → the offers' audiences they belong to. */
const people: Record<string, string[]> = Object.fromEntries(
  ([
    [['mann', 'ehemann', 'freund', 'partner', 'vater', 'papa', 'bruder', 'exmann', 'expartner'], ['men']],
    [['frau', 'ehefrau', 'freundin', 'partnerin', 'mutter', 'mama', 'schwester', 'exfrau', 'expartnerin'], ['women']],
    [['sohn', 'tochter', 'kind', 'kinder', 'baby', 'enkel', 'enkelin'], ['children', 'youth']],
    [['oma', 'opa', 'grossmutter', 'grossvater'], ['seniors']],
  ] as [string[], string[]][]).flatMap(([words, audiences]) => words.map((word) => [word, audiences])),
);

/** The positions of person words after a possessive in the query's folded words, with their audiences. */
export function otherPeople(words: string[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  words.forEach((word, i) => {
    const audiences = people[word];
    if (audiences && i > 0 && possessives.has(words[i - 1]!)) found.set(i, audiences);
  });
  return found;
}

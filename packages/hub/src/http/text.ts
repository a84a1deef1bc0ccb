/**
 * The key names are sorted by: lower case, accents and umlauts folded to their base letter
 * (DIN 5007-1, as in German dictionaries: "Öko" sorts with "Oko"), ß as "ss".
 */
export function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Search spellings of a user's text: folded like `sortKey`, and with the German
 * transcriptions ae/oe/ue read as umlauts ("Hoechberg" finds "Höchberg").
 */
export function searchSpellings(text: string): string[] {
  const folded = sortKey(text);
  const transcribed = folded.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  return transcribed === folded ? [folded] : [folded, transcribed];
}

/** Dates and times in messages to people: the region's wall clock, as Germans write it. */
export const berlinDateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

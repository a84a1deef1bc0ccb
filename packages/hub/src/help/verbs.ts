/**
 * Person and tense forms of the verbs among the topics' synonyms, so "er säuft", "sohn kifft" and
 * "geschieden" find what "saufen", "kiffen" and "scheiden" find. The German snowball stemmer
 * does not relate them ("säuft" → "sauft", "saufen" → "sauf"), and neither PGlite nor a stock
 * PostgreSQL ships a German Hunspell dictionary for the full-text configuration: generated forms
 * work the same on both.
 *
 * Regular verbs are conjugated by rule; strong and separable ones list their other forms here.
 */
const irregular: Record<string, string[]> = {
  erbrechen: ['erbrichst', 'erbricht', 'erbrach', 'erbrochen'],
  fremdgehen: ['geht fremd', 'gehe fremd', 'ging fremd', 'fremdgegangen'],
  saufen: ['säufst', 'säuft', 'soff', 'soffen', 'gesoffen'],
  scheiden: ['schied', 'geschieden'],
  schlagen: ['schlägst', 'schlägt', 'schlug', 'schlugen', 'geschlagen'],
  sterben: ['stirbst', 'stirbt', 'starb', 'starben', 'gestorben'],
  trinken: ['trank', 'tranken', 'getrunken'],
  zuhören: ['hört zu', 'hören zu', 'zugehört'],
};

/** Inseparable prefixes: their participle takes no "ge-" ("verprügelt", "belästigt"). */
const inseparable = /^(be|emp|ent|er|ge|miss|ver|zer)/;

/** Present and simple past in every person, and the participle; strong verbs add their own. */
export function verbForms(infinitive: string): string[] {
  const extra = irregular[infinitive] ?? [];
  // Separable verbs ("geht fremd") split in a sentence: only their listed forms apply.
  if (extra.some((form) => form.includes(' '))) return [infinitive, ...extra];
  // "hungern", "prügeln" keep their e ("hungert"); others drop "-en" ("kiffen" → "kiff").
  const stem = /e[lr]n$/.test(infinitive) ? infinitive.slice(0, -1) : infinitive.replace(/e?n$/, '');
  // "reden" → "redet", "redest": an e before endings after d or t.
  const e = /[dt]$/.test(stem) ? 'e' : '';
  const present = [`${stem}e`, /[szßx]$/.test(stem) ? `${stem}t` : `${stem}${e}st`, `${stem}${e}t`, infinitive];
  if (extra.length > 0) return [...present, ...extra];
  const participle = `${inseparable.test(infinitive) ? '' : 'ge'}${stem}${e}t`;
  return [...present, `${stem}${e}te`, `${stem}${e}ten`, participle];
}

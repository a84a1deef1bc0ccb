import { sortKey } from '../../http/text.js';
import { helpTopicIds, helpTopics, type HelpTopicId } from '../../help/topics.js';
import { HELP_TOPICS_TAXONOMY, taxonomyId, topicTermId } from '../hsds/ids.js';
import { type HsdsTerm, text } from './dataset.js';

/**
 * Terms of other taxonomies by name: Open Eligibility, 211 LA County (AIRS/211 names) and the
 * words German directories use. Names are compared folded (case, accents, ß), so one spelling
 * here serves "Suchtberatung", "SUCHTBERATUNG" and "suchtberatung".
 */
const otherTaxonomies: Record<string, HelpTopicId> = {
  // Open Eligibility
  'mental health care': 'seelische-gesundheit',
  'mental health': 'seelische-gesundheit',
  counseling: 'seelische-gesundheit',
  'addiction & recovery': 'sucht',
  'substance abuse': 'sucht',
  'substance use': 'sucht',
  'crisis intervention': 'krise-suizid',
  'suicide prevention': 'krise-suizid',
  'domestic violence': 'haeusliche-gewalt',
  'sexual assault': 'sexualisierte-gewalt',
  'family counseling': 'familie-erziehung',
  'parenting education': 'familie-erziehung',
  'family planning': 'schwangerschaft',
  pregnancy: 'schwangerschaft',
  'prenatal care': 'schwangerschaft',
  bereavement: 'trauer',
  'grief counseling': 'trauer',
  'debt management': 'schulden',
  'financial education': 'schulden',
  'money management': 'schulden',
  housing: 'wohnen',
  'emergency shelter': 'wohnen',
  homelessness: 'wohnen',
  food: 'grundversorgung',
  'food pantry': 'grundversorgung',
  clothing: 'grundversorgung',
  immigration: 'migration',
  'refugee services': 'migration',
  'senior services': 'pflege-alter',
  'elder care': 'pflege-alter',
  'disability services': 'behinderung',
  'support groups': 'selbsthilfegruppen',
  'peer support': 'selbsthilfegruppen',
  // 211 LA County / AIRS
  'suicide prevention hotlines': 'krise-suizid',
  'crisis intervention hotlines': 'krise-suizid',
  'general crisis intervention hotlines': 'krise-suizid',
  'mental health evaluation': 'psychische-erkrankungen',
  'psychiatric inpatient facilities': 'psychische-erkrankungen',
  'depression support groups': 'depression',
  'anxiety disorders support groups': 'angst',
  'eating disorders treatment': 'essstoerungen',
  'alcohol dependency support groups': 'sucht-alkohol',
  'alcohol use disorder treatment': 'sucht-alkohol',
  'drug use disorder treatment': 'sucht-drogen',
  'gambling addiction counseling': 'sucht-gluecksspiel',
  'internet addiction counseling': 'sucht-medien',
  'domestic violence hotlines': 'haeusliche-gewalt',
  'domestic violence shelters': 'haeusliche-gewalt',
  'sexual assault counseling': 'sexualisierte-gewalt',
  'child abuse counseling': 'sexualisierte-gewalt',
  'bullying prevention': 'mobbing',
  'discrimination assistance': 'mobbing',
  'bereavement support groups': 'trauer',
  'marriage counseling': 'partnerschaft',
  'divorce counseling': 'partnerschaft',
  'credit counseling': 'schulden',
  'homeless shelter': 'wohnen',
  'food pantries': 'grundversorgung',
  'soup kitchens': 'grundversorgung',
  'immigrant/refugee services': 'migration',
  'caregiver support': 'pflege-alter',
  'in home assistance': 'pflege-alter',
  'disability related support groups': 'behinderung',
  'friendly visiting': 'einsamkeit',
  'telephone reassurance': 'einsamkeit',
  'mutual support groups': 'selbsthilfegruppen',
  // German directories
  'psychosoziale beratung': 'seelische-gesundheit',
  suchtberatung: 'sucht',
  krisendienst: 'krise-suizid',
  schuldnerberatung: 'schulden',
  erziehungsberatung: 'familie-erziehung',
  'ehe- und paarberatung': 'partnerschaft',
  schwangerschaftsberatung: 'schwangerschaft',
  schwangerschaftskonfliktberatung: 'schwangerschaft',
  trauerbegleitung: 'trauer',
  frauenhaus: 'haeusliche-gewalt',
  wohnungslosenhilfe: 'wohnen',
  tafel: 'grundversorgung',
  migrationsberatung: 'migration',
  pflegeberatung: 'pflege-alter',
  seniorenberatung: 'pflege-alter',
  behindertenberatung: 'behinderung',
  selbsthilfe: 'selbsthilfegruppen',
};

/**
 * Every name a term may carry for a topic, folded: the table above first, then each topic's own
 * German and English name and its synonyms (the first topic to claim a word keeps it).
 */
const byName = new Map<string, HelpTopicId>();
for (const [name, topic] of Object.entries(otherTaxonomies)) byName.set(sortKey(name), topic);
for (const topic of helpTopics) {
  for (const name of [topic.name.de, topic.name.en, ...topic.synonyms]) {
    const key = sortKey(name);
    if (!byName.has(key)) byName.set(key, topic.id);
  }
}

const topicIds = new Set<string>(helpTopicIds);

/** The name of a term's taxonomy, as HSDS 3 (`taxonomy_detail`) or HSDS 2 (`taxonomy`) writes it. */
export function taxonomyName(term: HsdsTerm): string | undefined {
  return text(term.taxonomy_detail?.name) ?? text(term.taxonomy);
}

const topicsByTermId = new Map(helpTopicIds.map((topic) => [topicTermId(topic), topic]));
const hubTaxonomyId = taxonomyId(HELP_TOPICS_TAXONOMY);

/**
 * The Hub topic a term stands for: a term of the Hub's own taxonomy by its id or `code` (also a
 * term that names no taxonomy), any other by its name through the mapping table.
 */
export function topicOfTerm(term: HsdsTerm): HelpTopicId | undefined {
  const byId = typeof term.id === 'string' ? topicsByTermId.get(term.id) : undefined;
  if (byId) return byId;
  const code = text(term.code);
  const taxonomy = taxonomyName(term);
  const taxonomyIdOfTerm = text(term.taxonomy_id);
  const own = taxonomy === HELP_TOPICS_TAXONOMY || taxonomyIdOfTerm === hubTaxonomyId;
  if (code && topicIds.has(code) && (own || (taxonomy === undefined && taxonomyIdOfTerm === undefined))) return code as HelpTopicId;
  if (own) return undefined;
  const name = text(term.name);
  return name === undefined ? undefined : byName.get(sortKey(name));
}

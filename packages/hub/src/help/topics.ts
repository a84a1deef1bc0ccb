import type { Schemas } from '../http/api.js';
import { verbForms } from './verbs.js';

export type HelpTopicId = Schemas['HelpTopicId'];

interface TopicDefinition {
  parentId: HelpTopicId | null;
  de: string;
  en: string;
  /**
   * Words and phrases people type for this topic, in their own words: synonyms, everyday and
   * colloquial words, a few English ones for people not fluent in German. Written as people
   * write them; the search folds case, umlauts and ß.
   */
  synonyms: string[];
  /** Verbs among them, as infinitives: every person and tense form finds the topic too ("er säuft"). */
  verbs?: string[];
  crisis?: boolean;
}

/**
 * The taxonomy: parents first, each followed by its children (the order of `GET /help-topics`).
 * Typed by the contract's enum, so a topic missing here or there fails the type check.
 */
const definitions: { [Id in HelpTopicId]: TopicDefinition } = {
  'seelische-gesundheit': {
    parentId: null, de: 'Seelische Gesundheit', en: 'Mental health',
    synonyms: ['seelische Gesundheit', 'psychische Gesundheit', 'psychosoziale Beratung', 'mental health'],
  },
  'krise-suizid': {
    parentId: 'seelische-gesundheit', de: 'Krisen & Suizidgedanken', en: 'Crisis & suicidal thoughts', crisis: true,
    synonyms: [
      'Suizid', 'suizidal', 'Suizidgedanken', 'Suizidversuch', 'Selbstmord', 'Selbstmordgedanken', 'umbringen',
      'lebensmüde', 'Todessehnsucht', 'Krise', 'Krisen', 'Lebenskrise', 'Krisendienst', 'Krisenhilfe',
      'Krisentelefon', 'Krisenintervention', 'Notfall', 'verzweifelt', 'Verzweiflung', 'ausweglos',
      'hoffnungslos', 'Selbstverletzung', 'nicht mehr leben', 'keinen Sinn mehr', 'kein Sinn mehr',
      'will sterben', 'sterben wollen', 'nicht mehr weiter', 'mir das Leben nehmen', 'Leben beenden',
      'alles beenden', 'kein Ausweg', 'sinnlos', 'mich töten', 'suicide', 'suicidal', 'kill myself',
    ],
    verbs: ['ritzen'],
  },
  depression: {
    parentId: 'seelische-gesundheit', de: 'Depression', en: 'Depression',
    synonyms: [
      'Depression', 'Depressionen', 'depressiv', 'niedergeschlagen', 'antriebslos', 'Antriebslosigkeit',
      'traurig', 'Traurigkeit', 'Schwermut', 'Burnout', 'ausgebrannt', 'erschöpft', 'Erschöpfung', 'freudlos',
      'Stimmungstief', 'keine Kraft', 'keine Freude', 'down', 'depressed',
    ],
  },
  angst: {
    parentId: 'seelische-gesundheit', de: 'Angst & Panik', en: 'Anxiety & panic',
    synonyms: [
      'Angst', 'Ängste', 'ängstlich', 'Angststörung', 'Angsterkrankung', 'Panik', 'Panikattacke',
      'Panikattacken', 'Phobie', 'Sozialphobie', 'Zwang', 'Zwänge', 'Zwangsstörung', 'Herzrasen',
      'Prüfungsangst', 'Grübeln', 'anxiety', 'panic',
    ],
  },
  essstoerungen: {
    parentId: 'seelische-gesundheit', de: 'Essstörungen', en: 'Eating disorders',
    synonyms: [
      'Essstörung', 'Essstörungen', 'Magersucht', 'magersüchtig', 'Anorexie', 'Bulimie', 'Ess-Brech-Sucht',
      'Binge-Eating', 'Essanfälle', 'Fressattacken', 'Essen', 'eating disorder',
    ],
    verbs: ['hungern', 'erbrechen', 'kotzen'],
  },
  'psychische-erkrankungen': {
    parentId: 'seelische-gesundheit', de: 'Psychische Erkrankungen', en: 'Mental illness',
    synonyms: [
      'psychisch krank', 'psychische Erkrankung', 'Psychiatrie', 'Psychiater', 'Psychotherapie', 'Therapeut',
      'Therapieplatz', 'Psychose', 'Schizophrenie', 'Borderline', 'bipolar', 'Manie', 'Trauma', 'traumatisiert',
      'PTBS', 'Nervenzusammenbruch', 'Stimmen hören', 'mental illness',
    ],
  },
  sucht: {
    parentId: null, de: 'Sucht', en: 'Addiction',
    synonyms: [
      'Sucht', 'süchtig', 'Abhängigkeit', 'abhängig', 'Suchtberatung', 'suchtkrank', 'Entzug', 'Entgiftung',
      'Rückfall', 'Co-Abhängigkeit', 'addiction', 'addicted',
    ],
  },
  'sucht-alkohol': {
    parentId: 'sucht', de: 'Alkohol', en: 'Alcohol',
    synonyms: [
      'Alkohol', 'Alkoholiker', 'Alkoholismus', 'Alkoholsucht', 'alkoholabhängig', 'betrunken',
      'besoffen', 'Suff', 'Bier', 'Schnaps', 'Promille', 'Kater', 'alcohol', 'drinking',
    ],
    verbs: ['trinken', 'saufen'],
  },
  'sucht-drogen': {
    parentId: 'sucht', de: 'Drogen & Medikamente', en: 'Drugs & medication',
    synonyms: [
      'Drogen', 'Droge', 'Drogensucht', 'Cannabis', 'Haschisch', 'Kokain', 'Koks', 'Heroin',
      'Crystal', 'Ecstasy', 'Pillen', 'Tabletten', 'Medikamente', 'Medikamentenabhängigkeit', 'Schlaftabletten',
      'Opioide', 'Substitution', 'drugs',
    ],
    verbs: ['kiffen'],
  },
  'sucht-gluecksspiel': {
    parentId: 'sucht', de: 'Glücksspiel', en: 'Gambling',
    synonyms: [
      'Glücksspiel', 'Glücksspielsucht', 'Spielsucht', 'spielsüchtig', 'Zocker', 'Casino',
      'Spielhalle', 'Spielautomaten', 'Automaten', 'Sportwetten', 'Wetten', 'Poker', 'Spielschulden', 'verspielt',
      'verzockt', 'gambling',
    ],
    verbs: ['zocken', 'wetten'],
  },
  'sucht-medien': {
    parentId: 'sucht', de: 'Medien & Internet', en: 'Media & internet',
    synonyms: [
      'Mediensucht', 'Internetsucht', 'Onlinesucht', 'Computerspiele', 'Computerspielsucht', 'Gaming',
      'Handy', 'Handysucht', 'Smartphone', 'Social Media', 'Bildschirmzeit', 'Pornosucht',
      'Onlinespiele',
    ],
    verbs: ['zocken'],
  },
  familie: {
    parentId: null, de: 'Familie & Beziehungen', en: 'Family & relationships',
    synonyms: ['Familie', 'Familien', 'Familienberatung', 'family'],
  },
  'familie-erziehung': {
    parentId: 'familie', de: 'Familie & Erziehung', en: 'Parenting',
    synonyms: [
      'Erziehung', 'Erziehungsberatung', 'Elternberatung', 'Elternkurs', 'Pubertät', 'Schreibaby',
      'alleinerziehend', 'Alleinerziehende', 'Streit mit den Eltern', 'Stress mit den Eltern', 'Schulprobleme',
      'ADHS', 'Kinderschutz', 'parenting',
    ],
  },
  partnerschaft: {
    parentId: 'familie', de: 'Partnerschaft & Trennung', en: 'Relationships & separation',
    synonyms: [
      'Partnerschaft', 'Beziehung', 'Beziehungsprobleme', 'Ehe', 'Eheberatung', 'Paarberatung', 'Paartherapie',
      'Trennung', 'getrennt', 'Scheidung', 'Ehekrise', 'Beziehungskrise', 'Eifersucht',
      'Liebeskummer', 'Sexualität', 'divorce',
    ],
    verbs: ['scheiden', 'fremdgehen'],
  },
  schwangerschaft: {
    parentId: 'familie', de: 'Schwangerschaft', en: 'Pregnancy',
    synonyms: [
      'schwanger', 'Schwangerschaft', 'Schwangerschaftskonflikt', 'Schwangerschaftskonfliktberatung',
      'Schwangerschaftsabbruch', 'Abtreibung', 'ungewollt schwanger', 'Verhütung', 'Kinderwunsch', 'Geburt',
      'pregnant',
    ],
  },
  trauer: {
    parentId: 'familie', de: 'Trauer & Verlust', en: 'Grief & loss',
    synonyms: [
      'Trauer', 'Trauernde', 'Trauerbegleitung', 'Trauergruppe', 'Trauercafé', 'Verlust', 'verloren',
      'gestorben', 'Tod', 'tot', 'Todesfall', 'verstorben', 'Abschied', 'Hinterbliebene', 'Witwe',
      'Witwer', 'Sternenkind', 'Fehlgeburt', 'Hospiz', 'Sterbebegleitung', 'palliativ', 'grief',
    ],
    verbs: ['trauern', 'sterben'],
  },
  gewalt: {
    parentId: null, de: 'Gewalt & Schutz', en: 'Violence & protection',
    synonyms: ['Gewalt', 'Gewaltschutz', 'Opfer', 'Opferhilfe', 'violence'],
  },
  'haeusliche-gewalt': {
    parentId: 'gewalt', de: 'Häusliche Gewalt', en: 'Domestic violence',
    synonyms: [
      'häusliche Gewalt', 'verprügelt', 'Misshandlung',
      'Bedrohung', 'Stalking', 'Frauenhaus', 'Partnergewalt', 'Gewaltschutzgesetz',
      'domestic violence',
    ],
    verbs: ['schlagen', 'prügeln', 'misshandeln', 'bedrohen'],
  },
  'sexualisierte-gewalt': {
    parentId: 'gewalt', de: 'Sexualisierte Gewalt & Missbrauch', en: 'Sexual violence & abuse',
    synonyms: [
      'Missbrauch', 'sexueller Missbrauch', 'Vergewaltigung', 'sexuelle Gewalt',
      'Übergriff', 'Übergriffe', 'Belästigung', 'K.-o.-Tropfen', 'abuse', 'rape',
    ],
    verbs: ['vergewaltigen', 'belästigen', 'missbrauchen'],
  },
  mobbing: {
    parentId: 'gewalt', de: 'Mobbing & Diskriminierung', en: 'Bullying & discrimination',
    synonyms: [
      'Mobbing', 'Cybermobbing', 'ausgegrenzt', 'Ausgrenzung', 'fertiggemacht', 
      'Schikane', 'Diskriminierung', 'diskriminiert', 'Rassismus', 'bullying',
    ],
    verbs: ['mobben', 'hänseln'],
  },
  'geld-wohnen': {
    parentId: null, de: 'Geld, Wohnen & Alltag', en: 'Money, housing & daily life',
    synonyms: ['Sozialberatung', 'Armut', 'arm', 'Geldsorgen', 'Existenzsorgen'],
  },
  schulden: {
    parentId: 'geld-wohnen', de: 'Schulden & Geld', en: 'Debt & money',
    synonyms: [
      'Schulden', 'Schuldnerberatung', 'verschuldet', 'überschuldet', 'Überschuldung', 'pleite', 'Insolvenz',
      'Privatinsolvenz', 'Inkasso', 'Mahnung', 'Mahnungen', 'Kredit', 'Raten', 'zahlungsunfähig',
      'Gerichtsvollzieher', 'Pfändung', 'P-Konto', 'kein Geld', 'Stromschulden', 'Haushaltsbudget', 'debt',
    ],
  },
  wohnen: {
    parentId: 'geld-wohnen', de: 'Wohnen & Wohnungslosigkeit', en: 'Housing & homelessness',
    synonyms: [
      'Wohnung', 'wohnungslos', 'Wohnungslosigkeit', 'obdachlos', 'Obdachlosigkeit', 'Obdach', 'auf der Straße',
      'keine Wohnung', 'Räumung', 'Räumungsklage', 'Zwangsräumung', 'Mietschulden', 'Notunterkunft',
      'Übernachtung', 'Schlafplatz', 'Wohngeld', 'rausgeflogen', 'homeless',
    ],
  },
  grundversorgung: {
    parentId: 'geld-wohnen', de: 'Lebensmittel & Kleidung', en: 'Food & clothing',
    synonyms: [
      'Tafel', 'Lebensmittel', 'Lebensmittelausgabe', 'Essensausgabe', 'Essen', 'Mittagstisch', 'Hunger',
      'Kleiderkammer', 'Kleidung', 'Sozialkaufhaus', 'bedürftig', 'Bürgergeld', 'Grundsicherung', 'Sozialhilfe',
      'food bank',
    ],
  },
  migration: {
    parentId: 'geld-wohnen', de: 'Migration & Flucht', en: 'Migration & refuge',
    synonyms: [
      'Migration', 'Migrant', 'Migrantin', 'Migranten', 'Flucht', 'geflüchtet', 'Geflüchtete', 'Flüchtling',
      'Flüchtlinge', 'Asyl', 'Asylantrag', 'Aufenthalt', 'Aufenthaltstitel', 'Duldung', 'Ausländerbehörde',
      'Integration', 'Integrationskurs', 'Deutschkurs', 'Einbürgerung', 'refugee', 'asylum',
    ],
  },
  'alter-behinderung': {
    parentId: null, de: 'Alter, Pflege & Behinderung', en: 'Older age, care & disability',
    synonyms: ['Teilhabe', 'Unterstützung im Alltag'],
  },
  'pflege-alter': {
    parentId: 'alter-behinderung', de: 'Pflege & Alter', en: 'Care & older age',
    synonyms: [
      'Pflege', 'pflegebedürftig', 'Pflegegrad', 'Pflegeberatung', 'pflegende Angehörige', 'Alter',
      'Senioren', 'Seniorin', 'Rente', 'Rentner', 'Demenz', 'dement', 'Alzheimer', 'vergesslich', 'Tagespflege',
      'Kurzzeitpflege', 'Pflegeheim', 'Essen auf Rädern', 'Hausnotruf', 'Oma', 'Opa', 'elderly',
    ],
    verbs: ['pflegen'],
  },
  behinderung: {
    parentId: 'alter-behinderung', de: 'Behinderung & Teilhabe', en: 'Disability & inclusion',
    synonyms: [
      'Behinderung', 'behindert', 'Beeinträchtigung', 'schwerbehindert', 'Schwerbehindertenausweis', 'Inklusion',
      'Rollstuhl', 'blind', 'sehbehindert', 'gehörlos', 'taub', 'schwerhörig', 'Gebärdensprache', 'Autismus',
      'Eingliederungshilfe', 'Assistenz', 'disability',
    ],
  },
  begegnung: {
    parentId: null, de: 'Begegnung & Selbsthilfe', en: 'Meeting people & self-help',
    synonyms: ['Begegnung', 'Treffpunkt', 'Treff', 'Gemeinschaft'],
  },
  einsamkeit: {
    parentId: 'begegnung', de: 'Einsamkeit', en: 'Loneliness',
    synonyms: [
      'einsam', 'Einsamkeit', 'allein', 'alleine', 'Alleinsein', 'niemand', 'niemanden', 'isoliert', 'Isolation',
      'keine Freunde', 'niemand zum Reden', 'mit jemandem reden', 'Gespräch', 'Besuch',
      'Besuchsdienst', 'Kontakt', 'Anschluss', 'Freunde finden', 'zugezogen', 'lonely', 'loneliness',
    ],
    verbs: ['reden', 'zuhören'],
  },
  selbsthilfegruppen: {
    parentId: 'begegnung', de: 'Selbsthilfegruppen', en: 'Self-help groups',
    synonyms: [
      'Selbsthilfe', 'Selbsthilfegruppe', 'Selbsthilfegruppen', 'SHG', 'Gesprächskreis', 'Gesprächsgruppe',
      'Gruppe', 'Austausch', 'Gleichgesinnte', 'Betroffene', 'Erfahrungsaustausch', 'self-help group',
    ],
  },
};

export const helpTopicIds = Object.keys(definitions) as HelpTopicId[];

export const helpTopics: Schemas['HelpTopic'][] = helpTopicIds.map((id) => {
  const { parentId, de, en, synonyms, verbs, crisis } = definitions[id];
  return { id, parentId, name: { de, en }, synonyms: [...synonyms, ...(verbs ?? [])], crisis: crisis ?? false };
});

/** What the search matches to a topic: its synonyms and every form of its verbs. */
export function searchSynonyms(id: HelpTopicId): string[] {
  const { synonyms, verbs } = definitions[id];
  return [...synonyms, ...(verbs ?? []).flatMap(verbForms)];
}

export function parentTopic(id: HelpTopicId): HelpTopicId | null {
  return definitions[id].parentId;
}

/** The infinitives of all topics' verbs. */
export const helpVerbs: string[] = [...new Set(helpTopicIds.flatMap((id) => definitions[id].verbs ?? []))];

/** The topics and their parents: what an offer is found by when filtering or counting by topic. */
export function topicClosure(topics: readonly HelpTopicId[]): HelpTopicId[] {
  const closure = new Set<HelpTopicId>();
  for (const topic of topics) {
    closure.add(topic);
    const parent = definitions[topic].parentId;
    if (parent) closure.add(parent);
  }
  return [...closure];
}

/** The German names of topics, written into an offer's search text. */
export function topicNames(topics: readonly HelpTopicId[]): string[] {
  return topics.map((topic) => definitions[topic].de);
}

export function isCrisisTopic(topic: HelpTopicId): boolean {
  return definitions[topic].crisis ?? false;
}

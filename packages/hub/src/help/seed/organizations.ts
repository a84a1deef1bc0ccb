import type { Schemas } from '../../http/api.js';

/**
 * Organizations the help offers need besides the foundation's example organizations. The real
 * ones run the nationwide and Bavarian crisis lines (`isExample: false`, no invented contact
 * data); the others are invented, marked as example data and use `.example` addresses.
 */
export const helpOrganizations: Schemas['OrganizationInput'][] = [
  {
    name: 'TelefonSeelsorge Deutschland',
    kind: 'church',
    description: 'Ökumenische Telefon-, Chat- und Mailseelsorge der evangelischen und katholischen Kirche.',
    website: 'https://www.telefonseelsorge.de',
    isExample: false,
  },
  {
    name: 'Nummer gegen Kummer e.V.',
    kind: 'welfare',
    description: 'Kinder- und Jugendtelefon und Elterntelefon, bundesweit.',
    website: 'https://www.nummergegenkummer.de',
    isExample: false,
  },
  {
    name: 'Bundesamt für Familie und zivilgesellschaftliche Aufgaben',
    kind: 'public-body',
    description: 'Betreibt das bundesweite Hilfetelefon „Gewalt gegen Frauen“.',
    website: 'https://www.hilfetelefon.de',
    isExample: false,
  },
  {
    name: 'Krisendienste Bayern',
    kind: 'public-body',
    description: 'Psychosoziale Krisendienste der bayerischen Bezirke, in Unterfranken für Stadt und Landkreis Würzburg.',
    website: 'https://www.krisendienste.bayern',
    isExample: false,
  },
  example('Sozialpsychiatrischer Dienst Würzburg', 'welfare', 'wuerzburg', 'spdi-wuerzburg', 'Beratung und Begleitung für Menschen mit psychischen Erkrankungen und ihre Angehörigen.'),
  example('Selbsthilfe-Kontaktbüro Würzburg', 'self-help', 'wuerzburg', 'selbsthilfe-wuerzburg', 'Vermittelt Selbsthilfegruppen in Stadt und Landkreis und hilft bei der Gründung.'),
  example('Suchtberatung Mainfranken', 'welfare', 'wuerzburg', 'suchtberatung-mainfranken', 'Beratung bei Alkohol, Drogen, Glücksspiel und Medien für Betroffene und Angehörige.'),
  example('Schuldner- und Insolvenzberatung Würzburger Land', 'welfare', 'ochsenfurt', 'schuldnerberatung-land', 'Kostenlose Schuldner- und Insolvenzberatung für Stadt und Landkreis Würzburg.'),
  example('Hospiz- und Trauerbegleitung Maindreieck e.V.', 'club', 'eibelstadt', 'hospiz-maindreieck', 'Ehrenamtliche Hospizbegleitung, Trauercafés und Trauergruppen.'),
  example('Familienzentrum Veitshöchheim', 'welfare', 'veitshoechheim', 'familienzentrum-veitshoechheim', 'Treffpunkt, Kurse und Beratung für Familien.'),
  example('Erziehungs- und Familienberatung Würzburg Süd', 'welfare', 'giebelstadt', 'efb-wuerzburg-sued', 'Beratung für Eltern, Kinder und Jugendliche im südlichen Landkreis.'),
  example('Frauenberatung Mainfranken', 'welfare', 'wuerzburg', 'frauenberatung-mainfranken', 'Beratung und Schutz für Frauen, die Gewalt erleben.'),
  example('Wohnungslosenhilfe Würzburg', 'welfare', 'wuerzburg', 'wohnungslosenhilfe-wuerzburg', 'Beratung, Notübernachtung und Tagesaufenthalt für Menschen ohne Wohnung.'),
  example('Migrationsberatung Würzburg-Land', 'welfare', 'hoechberg', 'migrationsberatung-land', 'Beratung für Zugewanderte und Geflüchtete im Landkreis Würzburg.'),
  example('Pflegeberatung Würzburger Land', 'public-body', 'estenfeld', 'pflegeberatung-land', 'Neutrale Beratung zu Pflege, Demenz und Entlastung für Angehörige.'),
  example('Inklusionsberatung Mainfranken', 'welfare', 'rimpar', 'inklusion-mainfranken', 'Beratung von Menschen mit Behinderung für Menschen mit Behinderung.'),
  example('Beratungsstelle für Schwangerschaftsfragen Würzburg', 'welfare', 'wuerzburg', 'schwangerschaft-wuerzburg', 'Beratung rund um Schwangerschaft, Geburt und Schwangerschaftskonflikt.'),
];

function example(
  name: string,
  kind: Schemas['OrganizationKind'],
  municipalityId: string,
  domain: string,
  description: string,
): Schemas['OrganizationInput'] {
  const website = `https://${domain}.example`;
  return {
    name,
    kind,
    description,
    municipalityId,
    website,
    email: `kontakt@${domain}.example`,
    privacyPolicyUrl: `${website}/datenschutz`,
    isExample: true,
  };
}

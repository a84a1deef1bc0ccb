/**
 * The licence the Hub's open data is published under, and how every open-data response names it:
 * one place for the downloads, the HSDS API, the schema.org feed and the DCAT catalogue.
 */

export interface Licence {
  /** The setting's value (`OPEN_DATA_LICENCE`). */
  id: string;
  /** The licence's name as its authors write it. */
  name: string;
  /** Its text, for people (and the `Link` header). */
  url: string;
  /** Its URI in the DCAT-AP.de licence vocabulary, for the catalogue. */
  dcatUri: string;
  /** Whether reusers must name the source. */
  attributionRequired: boolean;
}

export const LICENCES = {
  'dl-de/by-2-0': {
    id: 'dl-de/by-2-0',
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
    dcatUri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    attributionRequired: true,
  },
  'dl-de/zero-2-0': {
    id: 'dl-de/zero-2-0',
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
    dcatUri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    attributionRequired: false,
  },
  'cc-by-4.0': {
    id: 'cc-by-4.0',
    name: 'Creative Commons Namensnennung – 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    dcatUri: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
    attributionRequired: true,
  },
  'cc0-1.0': {
    id: 'cc0-1.0',
    name: 'Creative Commons Zero (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    dcatUri: 'http://dcat-ap.de/def/licenses/cc-zero',
    attributionRequired: false,
  },
} as const satisfies Record<string, Licence>;

export type LicenceId = keyof typeof LICENCES;

/** The open-data settings (`OPEN_DATA_*`). */
export interface OpenDataOptions {
  licence: Licence;
  /** Who publishes the data: the region (`OPEN_DATA_PUBLISHER`). */
  publisher: string;
  /** The catalogue's contact point (`OPEN_DATA_CONTACT_EMAIL`); the Hub's open-data page when unset. */
  contactEmail: string | undefined;
}

/** `OPEN_DATA_*` from the environment, with the defaults of the Würzburg region. */
export function openDataOptions(env: NodeJS.ProcessEnv): OpenDataOptions {
  const id = env.OPEN_DATA_LICENCE ?? 'dl-de/by-2-0';
  if (!Object.hasOwn(LICENCES, id)) {
    throw new Error(`OPEN_DATA_LICENCE must be one of ${Object.keys(LICENCES).join(', ')}, not "${id}".`);
  }
  const contactEmail = env.OPEN_DATA_CONTACT_EMAIL?.trim() || undefined;
  if (contactEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(contactEmail)) {
    throw new Error(`OPEN_DATA_CONTACT_EMAIL must be an e-mail address, not "${contactEmail}".`);
  }
  return {
    licence: LICENCES[id as LicenceId],
    publisher: env.OPEN_DATA_PUBLISHER?.trim() || 'Smart Region Würzburg',
    contactEmail,
  };
}

/** The attribution line reusers print: source, licence and where its text is. */
export function attribution(options: OpenDataOptions): string {
  return `Datenquelle: ${options.publisher}, ${options.licence.name} (${options.licence.url})`;
}

/** RFC 8187 `title*` for text beyond ASCII (the licences' names have dashes and umlauts). */
function extendedTitle(text: string): string {
  return `title*=UTF-8''${encodeURIComponent(text)}`;
}

/**
 * The `Link` header every open-data response carries: the licence (`rel="license"`, RFC 4946)
 * and the publisher to name (`rel="author"`), both with their names.
 */
export function licenceLinkHeader(options: OpenDataOptions, publicUrl: string): string {
  return [
    `<${options.licence.url}>; rel="license"; ${extendedTitle(options.licence.name)}`,
    `<${publicUrl}/open-data/>; rel="author"; ${extendedTitle(options.publisher)}`,
  ].join(', ');
}

/** The `licence` and `attribution` members a JSON or GeoJSON download carries. */
export function licenceMembers(options: OpenDataOptions): { licence: { id: string; name: string; url: string }; attribution: string } {
  const { id, name, url } = options.licence;
  return { licence: { id, name, url }, attribution: attribution(options) };
}

import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import { formatLocal, today } from '../../events/recurrence.js';
import { DATASETS, type Dataset } from '../datasets.js';
import { attribution, type OpenDataOptions } from '../licence.js';
import { accessesOf, FILE_TYPES } from './accesses.js';
import type { CatalogFacts } from './facts.js';

/**
 * The DCAT-AP.de 3.0 catalogue as RDF triples, built once: the JSON-LD and the Turtle answers are
 * both written from these. Every node has an IRI on the human page `/open-data/` (its anchors),
 * no blank nodes, so a harvester can refer to each part and both answers are comparable triple by
 * triple.
 */

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);
const literal = (value: string, languageOrDatatype?: string | NamedNode) => DataFactory.literal(value, languageOrDatatype);
const quad = (subject: NamedNode, predicate: NamedNode, object: Quad_Object): Quad => DataFactory.quad(subject, predicate, object);
const term = (prefix: keyof typeof PREFIXES, local: string): NamedNode => namedNode(PREFIXES[prefix] + local);
const dcat = (local: string) => term('dcat', local);
const dct = (local: string) => term('dct', local);
const dcatde = (local: string) => term('dcatde', local);
const foaf = (local: string) => term('foaf', local);
const vcard = (local: string) => term('vcard', local);
const a = term('rdf', 'type');

const authority = (vocabulary: string, code: string) => namedNode(`http://publications.europa.eu/resource/authority/${vocabulary}/${code}`);
const iana = (mediaType: string) => namedNode(`https://www.iana.org/assignments/media-types/${mediaType}`);
const dateTime = (instant: Date) => literal(instant.toISOString(), term('xsd', 'dateTime'));
const date = (day: string) => literal(day, term('xsd', 'date'));
const de = (text: string) => literal(text, 'de');
const en = (text: string) => literal(text, 'en');

/** The IRIs of the catalogue's parts: anchors of the human page. */
export function catalogIris(publicUrl: string) {
  const page = `${publicUrl}/open-data/`;
  return {
    page,
    catalog: `${page}#catalog`,
    publisher: `${page}#publisher`,
    contact: `${page}#contact`,
    hsds: `${page}#hsds`,
    dataset: (id: string) => `${page}#${id}`,
    part: (id: string, part: string) => `${page}#${id}-${part}`,
  };
}

/** A day as the region's calendar has it (`YYYY-MM-DD`). */
const regionDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** The data's period: a year ahead of today for the events, since the first entry for the rest. */
export function datasetPeriod(dataset: Dataset, facts: CatalogFacts): { start: string; end?: string } | undefined {
  if (dataset.temporal === 'rolling-year') {
    const start = today();
    const end = start.clone();
    end.adjust(365, 0, 0, 0);
    return { start: formatLocal(start), end: formatLocal(end) };
  }
  const first = facts.dates[dataset.id].first;
  return first === undefined ? undefined : { start: regionDay.format(first) };
}

export interface CatalogOptions {
  openData: OpenDataOptions;
  publicUrl: string;
}

/** Every triple of the catalogue. */
export function catalogGraph(facts: CatalogFacts, { openData, publicUrl }: CatalogOptions): Quad[] {
  const quads: Quad[] = [];
  const iris = catalogIris(publicUrl);
  const add = (subject: string, predicate: NamedNode, ...objects: Quad_Object[]) => {
    for (const object of objects) quads.push(quad(namedNode(subject), predicate, object));
  };
  const licence = namedNode(openData.licence.dcatUri);
  const publisher = namedNode(iris.publisher);
  const contact = namedNode(iris.contact);

  add(iris.publisher, a, foaf('Agent'));
  add(iris.publisher, foaf('name'), literal(openData.publisher));

  add(iris.contact, a, vcard('Organization'));
  add(iris.contact, vcard('fn'), literal(openData.publisher));
  if (openData.contactEmail === undefined) add(iris.contact, vcard('hasURL'), namedNode(iris.page));
  else add(iris.contact, vcard('hasEmail'), namedNode(`mailto:${openData.contactEmail}`));

  const spatial = facts.municipalityKeys.map((key) => namedNode(`http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${key}`));
  for (const place of spatial) add(place.value, a, dct('Location'));

  add(iris.hsds, a, dcat('DataService'));
  add(iris.hsds, dct('title'), de('Open Referral HSDS 3.0 API der Hilfeangebote'), en('Open Referral HSDS 3.0 API of the help services'));
  add(iris.hsds, dcat('endpointURL'), namedNode(`${publicUrl}/hsds`));
  add(iris.hsds, dcat('endpointDescription'), namedNode(`${publicUrl}/openapi.json`));
  add(iris.hsds, dct('conformsTo'), namedNode('https://docs.openreferral.org/en/latest/hsds/overview.html'));
  add(iris.hsds, dct('publisher'), publisher);
  add(iris.hsds, dct('license'), licence);
  add(iris.hsds, dcat('servesDataset'), namedNode(iris.dataset('help-offers')));

  const modified = DATASETS.map((dataset) => facts.dates[dataset.id].last).reduce<Date | undefined>(
    (latest, last) => (last !== undefined && (latest === undefined || last > latest) ? last : latest),
    undefined,
  );
  add(iris.catalog, a, dcat('Catalog'));
  add(iris.catalog, dct('title'), de(`Offene Daten – ${openData.publisher}`), en(`Open data – ${openData.publisher}`));
  add(
    iris.catalog,
    dct('description'),
    de(
      'Die öffentlichen Daten des Smart-Region-Hubs: Gemeinden, Organisationen, Hilfeangebote, Veranstaltungen, ehrenamtliche Einsätze und Ergebnisse von Befragungen, immer aktuell.',
    ),
    en(
      'The public data of the Smart Region Hub: municipalities, organizations, help services, events, volunteer needs and poll results, always current.',
    ),
  );
  add(iris.catalog, dct('publisher'), publisher);
  add(iris.catalog, foaf('homepage'), namedNode(iris.page));
  add(iris.catalog, dct('language'), authority('language', 'DEU'), authority('language', 'ENG'));
  add(iris.catalog, dct('license'), licence);
  add(iris.catalog, dct('spatial'), ...spatial);
  if (modified !== undefined) add(iris.catalog, dct('modified'), dateTime(modified));
  add(iris.catalog, dcat('service'), namedNode(iris.hsds));

  for (const dataset of DATASETS) {
    const id = iris.dataset(dataset.id);
    const { first, last } = facts.dates[dataset.id];
    add(iris.catalog, dcat('dataset'), namedNode(id));
    add(id, a, dcat('Dataset'));
    add(id, dct('identifier'), literal(id));
    add(id, dct('title'), de(dataset.title.de), en(dataset.title.en));
    add(id, dct('description'), de(dataset.description.de), en(dataset.description.en));
    add(id, dcat('keyword'), ...dataset.keywords.de.map(de), ...dataset.keywords.en.map(en));
    add(id, dcat('theme'), authority('data-theme', dataset.theme));
    add(id, dct('publisher'), publisher);
    add(id, dcat('contactPoint'), contact);
    add(id, dct('accrualPeriodicity'), authority('frequency', dataset.frequency));
    add(id, dct('spatial'), ...spatial);
    add(id, dcatde('politicalGeocodingLevelURI'), namedNode('http://dcat-ap.de/def/politicalGeocoding/Level/municipality'));
    add(id, dcat('landingPage'), namedNode(id));
    const covered = datasetPeriod(dataset, facts);
    if (covered !== undefined) {
      const temporal = iris.part(dataset.id, 'period');
      add(id, dct('temporal'), namedNode(temporal));
      add(temporal, a, dct('PeriodOfTime'));
      add(temporal, dcat('startDate'), date(covered.start));
      if (covered.end !== undefined) add(temporal, dcat('endDate'), date(covered.end));
    }
    if (first !== undefined) add(id, dct('issued'), dateTime(first));
    if (last !== undefined) add(id, dct('modified'), dateTime(last));

    for (const access of accessesOf(dataset, publicUrl)) {
      const distribution = iris.part(dataset.id, access.key);
      const { fileType, mediaType } = FILE_TYPES[access.type];
      add(id, dcat('distribution'), namedNode(distribution));
      add(distribution, a, dcat('Distribution'));
      add(distribution, dct('title'), de(access.title.de), en(access.title.en));
      add(distribution, dcat('accessURL'), namedNode(access.url));
      if (access.api) add(distribution, dcat('accessService'), namedNode(iris.hsds));
      else add(distribution, dcat('downloadURL'), namedNode(access.url));
      add(distribution, dct('format'), authority('file-type', fileType));
      add(distribution, dcat('mediaType'), iana(mediaType));
      add(distribution, dct('license'), licence);
      add(distribution, dcatde('licenseAttributionByText'), de(attribution(openData)));
      if (last !== undefined) add(distribution, dct('modified'), dateTime(last));
    }
  }
  return quads;
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import rdf from '@zazuko/env';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { DATASETS, downloadUrl } from '../src/opendata/datasets.js';
import { catalogFacts } from '../src/opendata/catalog/facts.js';
import { catalogGraph } from '../src/opendata/catalog/graph.js';
import { attribution, openDataOptions } from '../src/opendata/licence.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { pinTestClock } from './support/clock.js';
import { startTestHub, type TestHub } from './support/hub.js';

// The DCAT-AP.de catalogue as GovData harvests it: both serializations carry the same triples,
// and those conform to the official shapes of DCAT-AP 3.0 (SEMIC) and GovData's German additions.

const fixtures = new URL('./fixtures/dcat-ap-de/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SH = 'http://www.w3.org/ns/shacl#';
const publicUrl = 'https://hub.example.org';

/**
 * The shapes the validator here can run: SEMIC's DCAT-AP 3.0.0 SHACL and GovData's German
 * messages, additions and deprecations. Left out: `dcat-ap-de-imports.ttl` (owl:imports of the
 * EU and DCAT-AP.de vocabularies from the network) and `dcat-ap-de-controlledvocabularies.ttl`,
 * whose checks read `skos:inScheme` of those imported vocabularies; the codes are checked below
 * against lists instead.
 */
const SHAPE_FILES = ['dcat-ap-SHACL.ttl', 'dcat-ap-SHACL-DE.ttl', 'dcat-ap-spec-german-additions.ttl', 'dcat-ap-de-deprecated.ttl'];

function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text);
}

function parseJsonLd(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new JsonLdParser();
    parser.on('data', (quad: Quad) => quads.push(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.end(text);
  });
}

/** One line per triple; with no blank nodes, equal sets are isomorphic graphs. */
function tripleSet(quads: readonly Quad[]): Set<string> {
  const key = (term: Quad['object']) =>
    term.termType === 'Literal' ? `"${term.value}"@${term.language}^^${term.datatype.value}` : `<${term.value}>`;
  return new Set(quads.map((quad) => `${key(quad.subject)} ${key(quad.predicate)} ${key(quad.object)}`));
}

const shapes = rdf.dataset(SHAPE_FILES.flatMap((name) => parseTurtle(fixture(name))));
// What the validator would import for the data: vCard's classes (vcard:Organization is a vcard:Kind).
const vcardOntology = parseTurtle(fixture('vcard.ttl'));

interface Finding {
  severity: string;
  message: string;
  focus: string;
  path: string | undefined;
}

async function validate(quads: readonly Quad[]): Promise<Finding[]> {
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(rdf.dataset([...quads, ...vcardOntology]));
  return report.results.map((result) => ({
    severity: result.severity?.value.replace(SH, '') ?? '',
    message: result.message.map((message) => message.value).join(' / '),
    focus: result.focusNode?.value ?? '',
    path: result.path?.value,
  }));
}

const violations = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'Violation');

const objects = (quads: readonly Quad[], subject: string, predicate: string) =>
  quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate).map((quad) => quad.object);
const subjectsOf = (quads: readonly Quad[], type: string) =>
  quads.filter((quad) => quad.predicate.value === RDF_TYPE && quad.object.value === DCAT + type).map((quad) => quad.subject.value);

/**
 * The mandatory properties of each class in DCAT-AP 3.0 and DCAT-AP.de 3.0 (publisher of
 * datasets and services, licence of distributions), checked on their own as well: a list that
 * still holds should a shape file ever be left out.
 */
const MANDATORY: Record<string, string[]> = {
  Catalog: [`${DCT}title`, `${DCT}description`, `${DCT}publisher`],
  Dataset: [`${DCT}title`, `${DCT}description`, `${DCT}publisher`],
  Distribution: [`${DCAT}accessURL`, `${DCT}license`],
  DataService: [`${DCAT}endpointURL`, `${DCT}title`, `${DCT}publisher`],
};

/** Codes of the EU vocabularies as published (frequency: GovData's copy of the 2019 list). */
const FILE_TYPES = ['CSV', 'JSON', 'GEOJSON', 'ICS', 'JSON_LD'];
const DATA_THEMES = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN'];
const frequencies = new Set(
  parseTurtle(fixture('nal-lists.ttl'))
    .map((quad) => quad.object.value)
    .filter((iri) => iri.startsWith('http://publications.europa.eu/resource/authority/frequency/')),
);

describe('DCAT-AP.de catalogue', () => {
  let hub: TestHub;
  let jsonLd: Quad[];
  let turtle: Quad[];
  let responses: { jsonld: Response; ttl: Response };

  before(async () => {
    pinTestClock();
    hub = await startTestHub({ publicUrl });
    const [jsonld, ttl] = await Promise.all([
      fetch(`${hub.baseUrl}/open-data/catalog.jsonld`),
      fetch(`${hub.baseUrl}/open-data/catalog.ttl`),
    ]);
    responses = { jsonld, ttl };
    jsonLd = await parseJsonLd(await jsonld.clone().text());
    turtle = parseTurtle(await ttl.clone().text());
  });
  after(() => hub?.close());

  test('answers JSON-LD and Turtle with the licence link and an ETag, and 304 when unchanged', async () => {
    assert.equal(responses.jsonld.status, 200);
    assert.match(responses.jsonld.headers.get('content-type')!, /^application\/ld\+json/);
    assert.match(responses.ttl.headers.get('content-type')!, /^text\/turtle/);
    for (const [format, response] of Object.entries(responses)) {
      assert.match(response.headers.get('link')!, /<https:\/\/www\.govdata\.de\/dl-de\/by-2-0>; rel="license"/);
      const etag = response.headers.get('etag')!;
      assert.ok(etag, `an ETag on the ${format}`);
      const again = await fetch(`${hub.baseUrl}/open-data/catalog.${format}`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
    }
    const body = (await responses.jsonld.clone().json()) as { '@context': Record<string, string>; '@graph': object[] };
    assert.equal(body['@context']['dcat'], DCAT, 'the context is inline, no address to fetch');
  });

  test('JSON-LD and Turtle carry the same triples', () => {
    assert.ok(jsonLd.length > 300, `${jsonLd.length} triples`);
    assert.ok([...jsonLd, ...turtle].every((quad) => quad.subject.termType !== 'BlankNode' && quad.object.termType !== 'BlankNode'));
    assert.deepEqual(tripleSet(jsonLd), tripleSet(turtle));
    assert.equal(tripleSet(jsonLd).size, jsonLd.length, 'no triple twice');
  });

  test('conforms to the DCAT-AP 3.0 and DCAT-AP.de 3.0 shapes', async () => {
    for (const quads of [jsonLd, turtle]) {
      const findings = await validate(quads);
      assert.deepEqual(findings, [], 'no violation, no warning');
    }
  });

  test('a violation fails the validation', async () => {
    const dataset = `${publicUrl}/open-data/#events`;
    const broken = turtle.filter((quad) => !(quad.subject.value === dataset && quad.predicate.value === `${DCT}description`));
    const found = violations(await validate(broken));
    assert.ok(
      found.some((finding) => finding.focus === dataset && finding.path === `${DCT}description`),
      JSON.stringify(found),
    );
  });

  test('every class has its mandatory properties', () => {
    for (const [type, properties] of Object.entries(MANDATORY)) {
      const subjects = subjectsOf(turtle, type);
      assert.ok(subjects.length > 0, type);
      for (const subject of subjects) {
        for (const property of properties) assert.ok(objects(turtle, subject, property).length > 0, `${subject} ${property}`);
      }
    }
    assert.equal(subjectsOf(turtle, 'Catalog').length, 1);
    assert.deepEqual(subjectsOf(turtle, 'Dataset').sort(), DATASETS.map((dataset) => `${publicUrl}/open-data/#${dataset.id}`).sort());
  });

  test('codes come from the EU vocabularies', () => {
    const codes = (predicate: string, vocabulary: string) =>
      turtle
        .filter((quad) => quad.predicate.value === predicate)
        .map((quad) => quad.object.value.replace(`http://publications.europa.eu/resource/authority/${vocabulary}/`, ''));
    for (const iri of turtle.filter((quad) => quad.predicate.value === `${DCT}accrualPeriodicity`).map((quad) => quad.object.value)) {
      assert.ok(frequencies.has(iri), iri);
    }
    for (const code of codes(`${DCT}format`, 'file-type')) assert.ok(FILE_TYPES.includes(code), code);
    for (const code of codes(`${DCAT}theme`, 'data-theme')) assert.ok(DATA_THEMES.includes(code), code);
  });

  test('spatial coverage is every municipality by its official key, at municipality level', async () => {
    const keys = (await hub.database.db.selectFrom('municipalities').select('official_key').execute()).map((row) => row.official_key);
    assert.ok(keys.length > 50);
    const expected = keys.map((key) => `http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${key}`).sort();
    for (const dataset of subjectsOf(turtle, 'Dataset')) {
      assert.deepEqual(
        objects(turtle, dataset, `${DCT}spatial`)
          .map((term) => term.value)
          .sort(),
        expected,
      );
      assert.deepEqual(
        objects(turtle, dataset, 'http://dcat-ap.de/def/dcatde/politicalGeocodingLevelURI').map((term) => term.value),
        ['http://dcat-ap.de/def/politicalGeocoding/Level/municipality'],
      );
    }
  });

  test('temporal coverage: the events a year from today, the rest since their first entry; modified is the last change', async () => {
    const period = (id: string) => {
      const [node] = objects(turtle, `${publicUrl}/open-data/#${id}`, `${DCT}temporal`);
      return {
        start: objects(turtle, node!.value, `${DCAT}startDate`)[0]?.value,
        end: objects(turtle, node!.value, `${DCAT}endDate`)[0]?.value,
      };
    };
    assert.deepEqual(period('events'), { start: '2026-12-02', end: '2027-12-02' });
    const offers = await hub.database.db
      .selectFrom('help_offers')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('updated_at').as('last')])
      .where('published', '=', true)
      .executeTakeFirstOrThrow();
    const first = new Date(offers.first);
    assert.deepEqual(period('help-offers'), {
      start: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(first),
      end: undefined,
    });
    const modified = objects(turtle, `${publicUrl}/open-data/#help-offers`, `${DCT}modified`)[0]!.value;
    assert.equal(modified, new Date(offers.last).toISOString());
  });

  test('each format is a distribution with its download address, media type, licence and attribution', () => {
    const distributions = (id: string) => objects(turtle, `${publicUrl}/open-data/#${id}`, `${DCAT}distribution`).map((term) => term.value);
    for (const dataset of DATASETS) {
      const downloads = distributions(dataset.id).flatMap((distribution) =>
        objects(turtle, distribution, `${DCAT}downloadURL`).map((term) => term.value),
      );
      for (const format of dataset.formats)
        assert.ok(downloads.includes(downloadUrl(publicUrl, dataset.id, format)), `${dataset.id}.${format}`);
      for (const distribution of distributions(dataset.id)) {
        assert.equal(objects(turtle, distribution, `${DCT}license`)[0]?.value, 'http://dcat-ap.de/def/licenses/dl-by-de/2.0');
        assert.equal(
          objects(turtle, distribution, 'http://dcat-ap.de/def/dcatde/licenseAttributionByText')[0]?.value,
          attribution(openDataOptions({})),
        );
        assert.equal(objects(turtle, distribution, `${DCAT}mediaType`).length, 1);
      }
    }
    const eventUrls = distributions('events').flatMap((distribution) =>
      objects(turtle, distribution, `${DCAT}accessURL`).map((term) => term.value),
    );
    assert.ok(eventUrls.includes(`${publicUrl}/events.ics`) && eventUrls.includes(`${publicUrl}/events.jsonld`));
    const hsds = distributions('help-offers').find((distribution) => objects(turtle, distribution, `${DCAT}accessService`).length > 0)!;
    assert.equal(objects(turtle, hsds, `${DCAT}accessURL`)[0]?.value, `${publicUrl}/hsds/services`);
    const [service] = subjectsOf(turtle, 'DataService');
    assert.equal(objects(turtle, service!, `${DCAT}endpointURL`)[0]?.value, `${publicUrl}/hsds`);
  });

  test('the contact point is the open-data page, or the e-mail address when one is set', async () => {
    const contact = `${publicUrl}/open-data/#contact`;
    assert.deepEqual(
      objects(turtle, contact, 'http://www.w3.org/2006/vcard/ns#hasURL').map((term) => term.value),
      [`${publicUrl}/open-data/`],
    );
    const openData = openDataOptions({ OPEN_DATA_CONTACT_EMAIL: 'opendata@example.org', OPEN_DATA_PUBLISHER: 'Landkreis Würzburg' });
    const withMail = catalogGraph(await catalogFacts(hub.database.db), { openData, publicUrl });
    assert.deepEqual(
      objects(withMail, contact, 'http://www.w3.org/2006/vcard/ns#hasEmail').map((term) => term.value),
      ['mailto:opendata@example.org'],
    );
    assert.deepEqual(objects(withMail, contact, 'http://www.w3.org/2006/vcard/ns#hasURL'), []);
    assert.deepEqual(violations(await validate(withMail)), []);
  });

  test('the open-data page describes each dataset with its downloads, and every part of the catalogue has its anchor there', async () => {
    const bare = await fetch(`${hub.baseUrl}/open-data`, { redirect: 'manual' });
    assert.equal(bare.headers.get('location'), '/open-data/');
    const response = await fetch(`${hub.baseUrl}/open-data/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.match(response.headers.get('link')!, /rel="license"/);
    const page = await response.text();
    const ids = new Set([...page.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
    const anchors = new Set(
      turtle
        .map((quad) => quad.subject.value)
        .filter((iri) => iri.startsWith(`${publicUrl}/open-data/#`))
        .map((iri) => iri.split('#')[1]),
    );
    for (const anchor of anchors) assert.ok(ids.has(anchor), `#${anchor} on the page`);
    const links = new Set([...page.matchAll(/\bhref="([^"]+)"/g)].map((match) => match[1]));
    for (const url of turtle.filter((quad) => quad.predicate.value === `${DCAT}accessURL`).map((quad) => quad.object.value)) {
      assert.ok(links.has(url), url);
    }
    for (const path of ['/open-data/catalog.jsonld', '/open-data/catalog.ttl', '/hsds/services']) assert.ok(links.has(path), path);
    assert.ok(page.includes(attribution(openDataOptions({}))));

    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 320, height: 640 } });
      await tab.goto(`${hub.baseUrl}/open-data/`);
      assert.deepEqual(await axeViolations(tab), []);
      assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'fits 320 px');
    } finally {
      await browser.close();
    }
  });
});

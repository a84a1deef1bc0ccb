import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { html, type Html } from '../../http/html.js';
import { printPolicy } from '../../print/page.js';
import { DATASETS, type Dataset, type UpdateFrequency } from '../datasets.js';
import { attribution, licenceLinkHeader } from '../licence.js';
import { catalogFacts, type CatalogFacts } from './facts.js';
import { accessesOf } from './accesses.js';
import { catalogIris, datasetPeriod, type CatalogOptions } from './graph.js';

/**
 * The open-data page (`/open-data/`): what the catalogue says, for people. Each part of the
 * catalogue's graph has its anchor here (`#catalog`, `#events`, `#events-csv`, …), so its IRIs
 * lead to a description. Outside the contract, like the print views: HTML for people.
 */

const FREQUENCIES: Record<UpdateFrequency, string> = {
  CONT: 'laufend, sobald eine Organisation etwas ändert',
  DAILY: 'täglich',
  IRREG: 'unregelmäßig',
  NEVER: 'nie',
};

const germanDay = (day: string) =>
  new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const germanInstant = (instant: Date) => new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(instant);

function datasetSection(dataset: Dataset, facts: CatalogFacts, { openData, publicUrl }: CatalogOptions): Html {
  const iris = catalogIris(publicUrl);
  const period = datasetPeriod(dataset, facts);
  const { last } = facts.dates[dataset.id];
  const formats = accessesOf(dataset, publicUrl).map(
    (access) => html`<li id="${dataset.id}-${access.key}"><a href="${access.url}">${access.label}</a></li>`,
  );
  return html`<section id="${dataset.id}" aria-labelledby="${dataset.id}-title">
<h2 id="${dataset.id}-title">${dataset.title.de}</h2>
<p>${dataset.description.de}</p>
<dl>
<dt>Formate</dt>
<dd><ul class="inline">${formats}</ul></dd>
<dt>Lizenz</dt>
<dd><a href="${openData.licence.url}">${openData.licence.name}</a></dd>
<dt>Aktualisierung</dt>
<dd>${FREQUENCIES[dataset.frequency]}${last === undefined ? '' : `, zuletzt am ${germanInstant(last)}`}</dd>
${
  period === undefined
    ? ''
    : html`<dt>Zeitraum</dt>
<dd id="${dataset.id}-period">${period.end === undefined ? `seit ${germanDay(period.start)}` : `${germanDay(period.start)} bis ${germanDay(period.end)}`}</dd>`
}
<dt>Gebiet</dt>
<dd>Stadt und Landkreis Würzburg, ${facts.municipalityKeys.length} Gemeinden (amtliche Gemeindeschlüssel im Katalog)</dd>
</dl>
<p><a href="${iris.dataset(dataset.id)}">Dauerhafter Link zu diesem Datensatz</a></p>
</section>`;
}

export function renderOpenDataPage(facts: CatalogFacts, options: CatalogOptions): string {
  const { openData } = options;
  const title = `Offene Daten – ${openData.publisher}`;
  const email = openData.contactEmail;
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/hub.css">
<link rel="alternate" type="application/ld+json" href="/open-data/catalog.jsonld" title="DCAT-AP.de (JSON-LD)">
<link rel="alternate" type="text/turtle" href="/open-data/catalog.ttl" title="DCAT-AP.de (Turtle)">
</head>
<body>
<main>
<h1>${title}</h1>
<p>Alle öffentlichen Daten des Hubs zum Herunterladen, immer aktuell aus dem laufenden Betrieb: veröffentlichte Einträge der Organisationen, ohne Entwürfe und ohne personenbezogene Daten. Beispieldaten sind als solche gekennzeichnet.</p>
<section id="licence" aria-labelledby="licence-title">
<h2 id="licence-title">Lizenz und Namensnennung</h2>
<p>Die Daten stehen unter der <a href="${openData.licence.url}">${openData.licence.name}</a>.${
    openData.licence.attributionRequired ? ' Wer sie weiterverwendet, nennt die Quelle so:' : ' Eine Quellenangabe ist willkommen:'
  }</p>
<blockquote><p>${attribution(openData)}</p></blockquote>
<p id="publisher">Herausgeber: ${openData.publisher}.</p>
<p id="contact">Fragen zu den offenen Daten beantwortet ${openData.publisher}${
    email === undefined ? '' : html`: <a href="mailto:${email}">${email}</a>`
  }.</p>
</section>
<section id="catalog" aria-labelledby="catalog-title">
<h2 id="catalog-title">Für Datenportale und Programme</h2>
<ul>
<li><a href="/open-data/catalog.jsonld">Katalog nach DCAT-AP.de 3.0 (JSON-LD)</a> – für GovData, das Open-Data-Portal Bayern oder das CKAN einer Kommune</li>
<li><a href="/open-data/catalog.ttl">Derselbe Katalog als Turtle</a></li>
<li id="hsds"><a href="/hsds/services">HSDS-API der Hilfeangebote</a> (Open Referral HSDS 3.0, mit Seiten und <code>modified_after</code>)</li>
<li><a href="/docs">API-Referenz des Hubs</a>: alle Listen mit <code>modifiedAfter</code> und gelöschte Einträge unter <code>/deletions</code> für den Abgleich von Änderungen</li>
</ul>
</section>
${DATASETS.map((dataset) => datasetSection(dataset, facts, options))}
</main>
</body>
</html>
`.markup;
}

/** Registers `/open-data/`: the page, made from the live data like the catalogue. */
export function registerOpenDataPage(app: FastifyInstance, db: Kysely<Database>, options: CatalogOptions): void {
  app.get('/open-data', async (_request, reply) => reply.redirect('/open-data/', 301));
  app.get('/open-data/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', printPolicy)
      .header('Link', licenceLinkHeader(options.openData, options.publicUrl))
      .send(renderOpenDataPage(await catalogFacts(db), options)),
  );
}

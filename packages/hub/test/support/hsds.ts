import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

/** HSDS datasets as other directories publish them, for the tests of the HSDS import and its CLI. */

export type Service = Record<string, unknown>;

/** An HSDS 3.0 service as another directory's HSDS API answers it. */
export function service(id: string, overrides: Service = {}): Service {
  return {
    id,
    name: 'Trauercafé Höchberg',
    description: 'Eine Gesprächsgruppe für Trauernde, jeden Montag und Mittwoch.',
    status: 'active',
    url: 'https://trauercafe.example/',
    email: 'info@trauercafe.example',
    eligibility_description: 'Für Erwachsene, die einen Menschen verloren haben.',
    fees_description: null,
    assured_date: '2026-10-01',
    languages: [{ code: 'de' }, { code: 'TR' }],
    phones: [{ number: '0931 123456', description: 'Anmeldung' }],
    schedules: [
      { freq: 'WEEKLY', byday: 'MO,WE', opens_at: '14:00:00', closes_at: '16:00:00' },
      { valid_from: '2026-12-24', valid_to: '2026-12-24', description: 'Heiligabend geschlossen' },
    ],
    service_at_locations: [
      {
        location: {
          name: 'Pfarrheim',
          location_type: 'physical',
          latitude: 49.7836,
          longitude: 9.8817,
          addresses: [{ address_1: 'Kirchplatz 2', postal_code: '97204', city: 'Höchberg', address_type: 'physical' }],
        },
      },
    ],
    attributes: [
      { taxonomy_term: { code: 'trauer', name: 'Trauer & Verlust', taxonomy_detail: { name: 'smart-region-help-topics' } } },
      { taxonomy_term: { code: 'PH-1400.2000', name: 'Bereavement Support Groups', taxonomy: '211 LA' } },
      { taxonomy_term: { code: 'K7', name: 'Kaffee und Kuchen', taxonomy: 'Eigene Kategorien' } },
    ],
    ...overrides,
  };
}

/** The same services as an HSDS datapackage: datapackage.json and the CSV tables, joined by ids. */
export function datapackage(services: { id: string; name: string; topic: string; day: string }[], extra: Record<string, Uint8Array> = {}) {
  const csv = (header: string[], rows: string[][]) =>
    strToU8([header, ...rows].map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n'));
  const locationIds = services.map(() => randomUUID());
  const termIds = services.map(() => randomUUID());
  const taxonomyId = randomUUID();
  return zipSync({
    'datapackage.json': strToU8(JSON.stringify({ name: 'hsds-test', resources: [{ name: 'services', path: 'services.csv' }] })),
    'services.csv': csv(
      ['id', 'name', 'description', 'status', 'url'],
      services.map((entry) => [entry.id, entry.name, `${entry.name}: Beratung, auch am Telefon.`, 'active', 'https://beratung.example/']),
    ),
    'locations.csv': csv(
      ['id', 'name', 'location_type', 'latitude', 'longitude'],
      services.map((_, index) => [locationIds[index]!, 'Beratungsstelle', 'physical', '49.7913', '9.9534']),
    ),
    'addresses.csv': csv(
      ['id', 'location_id', 'address_1', 'postal_code', 'city', 'address_type'],
      services.map((_, index) => [randomUUID(), locationIds[index]!, 'Domstraße 10', '97070', 'Würzburg', 'physical']),
    ),
    'service_at_locations.csv': csv(
      ['id', 'service_id', 'location_id'],
      services.map((entry, index) => [randomUUID(), entry.id, locationIds[index]!]),
    ),
    'schedules.csv': csv(
      ['id', 'service_id', 'freq', 'byday', 'opens_at', 'closes_at'],
      services.map((entry) => [randomUUID(), entry.id, 'WEEKLY', entry.day, '09:00', '12:00']),
    ),
    'phones.csv': csv(
      ['id', 'service_id', 'number', 'description'],
      services.map((entry) => [randomUUID(), entry.id, '0931 4711', '']),
    ),
    'languages.csv': csv(
      ['id', 'service_id', 'name', 'code'],
      services.map((entry) => [randomUUID(), entry.id, 'Deutsch', 'de']),
    ),
    'taxonomies.csv': csv(['id', 'name'], [[taxonomyId, 'smart-region-help-topics']]),
    'taxonomy_terms.csv': csv(
      ['id', 'code', 'name', 'taxonomy_id'],
      services.map((entry, index) => [termIds[index]!, entry.topic, entry.topic, taxonomyId]),
    ),
    'attributes.csv': csv(
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      services.map((entry, index) => [randomUUID(), entry.id, 'service', 'service', termIds[index]!]),
    ),
    ...extra,
  });
}

import type { Schema } from '@smart-region/sdk';
import { expectDocumented } from './contract.js';
import type { TestHub } from './hub.js';
import { everyPage } from './pages.js';
import { jsonWithKey, organizationWrites } from './writes.js';

export type SearchPage = Schema<'HelpOfferSearchPage'>;
export type HelpOffer = Schema<'HelpOffer'>;

/** A minimal offer body; tests override what they are about. */
export function offerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Offene Sprechstunde',
    description: 'Beratung ohne Termin.',
    topics: ['einsamkeit'],
    serviceArea: 'local',
    locations: [
      { name: 'Rathaus', address: 'Marktplatz 1, 97204 Höchberg', municipalityId: 'hoechberg', coordinates: { lat: 49.7836, lon: 9.8817 } },
    ],
    ...overrides,
  };
}

/** Helpers bound to one test Hub. */
export function helpClient(hub: TestHub) {
  return {
    async search(query: string): Promise<SearchPage> {
      return expectDocumented(await fetch(`${hub.baseUrl}/help-offers?${query}`), 'listHelpOffers');
    },
    /** Every item of a search, following `nextCursor`. */
    searchAll(query: string, limit = 100): Promise<SearchPage['items']> {
      return everyPage(`${hub.baseUrl}/help-offers?${query}&limit=${limit}`, 'listHelpOffers');
    },
    ...organizationWrites(hub, 'help-offers', 'createHelpOffer'),
    patch(id: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/help-offers/${id}`, { method: 'PATCH', headers: jsonWithKey(key), body: JSON.stringify(body) });
    },
    remove(id: string, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/help-offers/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    },
    async organization(name: string, municipalityId = 'hoechberg'): Promise<string> {
      const response = await fetch(`${hub.baseUrl}/organizations`, {
        method: 'POST',
        headers: jsonWithKey(hub.adminToken),
        body: JSON.stringify({ name, kind: 'welfare', municipalityId, isExample: true }),
      });
      return (await expectDocumented(response, 'createOrganization', 201)).id;
    },
  };
}

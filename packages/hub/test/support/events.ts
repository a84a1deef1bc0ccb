import type { Schema } from '@smart-region/sdk';
import type { TestHub } from './hub.js';
import { everyPage } from './pages.js';
import { jsonWithKey, organizationWrites } from './writes.js';

/** An event body; tests override what they are about. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Chorprobe',
    start: '2026-03-03T19:00',
    end: '2026-03-03T21:00',
    location: { name: 'Pfarrheim', address: 'Kirchgasse 3, 97236 Randersacker', municipalityId: 'randersacker' },
    categories: ['culture'],
    ...overrides,
  };
}

export type Occurrence = Schema<'EventOccurrence'>;

/** Helpers bound to one test Hub. */
export function eventClient(hub: TestHub) {
  return {
    /** A new club of Randersacker: an organization of its own for each feed a test imports. */
    async newOrganization(name: string): Promise<string> {
      const response = await fetch(`${hub.baseUrl}/organizations`, {
        method: 'POST',
        headers: jsonWithKey(hub.adminToken),
        body: JSON.stringify({ name, kind: 'club', municipalityId: 'randersacker' }),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`Creating the organization failed: ${response.status} ${text}`);
      return (JSON.parse(text) as Schema<'Organization'>).id;
    },
    ...organizationWrites(hub, 'events', 'createEvent'),
    patch(eventId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/events/${eventId}`, { method: 'PATCH', headers: jsonWithKey(key), body: JSON.stringify(body) });
    },
    remove(eventId: string, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/events/${eventId}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    },
    importFeed(organizationId: string, feed: string, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/calendar-imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/calendar; charset=utf-8', authorization: `Bearer ${key}` },
        body: feed,
      });
    },
    /** All occurrences in a range (every page), for the given extra query. */
    occurrences(from: string, to: string, query = ''): Promise<Occurrence[]> {
      return everyPage(
        `${hub.baseUrl}/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100${query}`,
        'listEventOccurrences',
      );
    },
    /** Occurrences of one event. */
    async of(eventId: string, from: string, to: string): Promise<Occurrence[]> {
      return (await this.occurrences(from, to)).filter((item) => item.eventId === eventId);
    },
  };
}

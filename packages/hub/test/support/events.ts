import assert from 'node:assert/strict';
import type { TestHub } from './hub.js';

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

export interface Occurrence {
  eventId: string;
  recurrenceId: string | null;
  title: string;
  start: string;
  end: string;
  status: string;
  allDay: boolean;
  location: { name: string; municipalityId: string | null } | null;
  recurrence: { rule: string | null; summary: { de: string; en: string } } | null;
}

/** Helpers bound to one test Hub. */
export function eventClient(hub: TestHub) {
  const json = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  return {
    async organizationId(name: string): Promise<string> {
      const page = await (await fetch(`${hub.baseUrl}/organizations?limit=100`)).json();
      const found = page.items.find((item: { name: string }) => item.name === name);
      assert.ok(found, `example organization ${name}`);
      return found.id;
    },
    create(organizationId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/organizations/${organizationId}/events`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
    },
    async created(organizationId: string, body: unknown): Promise<{ id: string; [key: string]: unknown }> {
      const response = await this.create(organizationId, body);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return JSON.parse(text);
    },
    patch(eventId: string, body: unknown, key = hub.adminToken): Promise<Response> {
      return fetch(`${hub.baseUrl}/events/${eventId}`, { method: 'PATCH', headers: json(key), body: JSON.stringify(body) });
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
    async occurrences(from: string, to: string, query = ''): Promise<Occurrence[]> {
      const items: Occurrence[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `${hub.baseUrl}/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await fetch(url);
        const text = await response.text();
        assert.equal(response.status, 200, text);
        const page = JSON.parse(text);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    /** Occurrences of one event. */
    async of(eventId: string, from: string, to: string): Promise<Occurrence[]> {
      return (await this.occurrences(from, to)).filter((item) => item.eventId === eventId);
    },
  };
}

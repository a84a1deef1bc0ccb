import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LICENCES } from '../src/opendata/licence.js';
import { dayFromNow } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient, type Occurrence } from './support/events.js';
import { startTestHub, type TestHub } from './support/hub.js';

type JsonLdEvent = Record<string, unknown> & { location?: Record<string, unknown>; organizer?: Record<string, unknown> };

/** Every member at every depth that JSON-LD should not carry: null, or an empty string. */
function emptyMembers(value: unknown, path = ''): string[] {
  if (value === null || value === '') return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => emptyMembers(member, `${path}/${key}`));
}

/** The targets of a `Link` header by their `rel`. */
function links(header: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of (header ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) found.set(match[2]!, match[1]!);
  return found;
}

describe('schema.org Event feed (GET /events.jsonld)', () => {
  let hub: TestHub;
  let client: ReturnType<typeof eventClient>;
  let range: string;

  before(async () => {
    hub = await startTestHub({ publicUrl: 'https://hub.example.org' });
    client = eventClient(hub);
    // The test Hub pins the clock: the range is read from it, never from the real date.
    range = `from=${dayFromNow(0)}&to=${dayFromNow(45)}`;
  });
  after(() => hub.close());

  const feed = async (query: string) => {
    const response = await fetch(`${hub.baseUrl}/events.jsonld?${query}`);
    const link = response.headers.get('link');
    assert.match(response.headers.get('content-type') ?? '', /^application\/ld\+json/);
    const body = await expectDocumented(response, 'getEventsJsonLd');
    return { graph: body['@graph'] as JsonLdEvent[], context: body['@context'], link, etag: response.headers.get('etag') };
  };
  const list = async (query: string) => expectDocumented(await fetch(`${hub.baseUrl}/events?${query}`), 'listEventOccurrences');

  test('a range: the occurrences GET /events answers, one Event each, mapped', async () => {
    const query = `${range}&limit=100`;
    const [{ graph, context }, page] = await Promise.all([feed(query), list(query)]);
    assert.equal(context, 'https://schema.org');
    assert.ok(page.items.length > 20, `${page.items.length} occurrences`);
    assert.equal(graph.length, page.items.length);
    page.items.forEach((item: Occurrence, index) => {
      const event = graph[index]!;
      assert.equal(event['@type'], 'Event');
      assert.equal(event['name'], item.title);
      // Times as the list has them: with the offset in force, or dates for all-day events.
      assert.equal(event['startDate'], item.start);
      assert.equal(event['endDate'], item.end);
      assert.match(item.start, item.allDay ? /^\d{4}-\d{2}-\d{2}$/ : /T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      assert.equal(event['eventStatus'], `https://schema.org/${item.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`);
      assert.equal(event['eventAttendanceMode'], 'https://schema.org/OfflineEventAttendanceMode');
      assert.equal(event.organizer?.['name'], item.organizer.name);
      assert.equal(event['url'], item.link ?? undefined);
      if (item.location) {
        assert.equal(event.location?.['name'], item.location.name);
        const [, street, postcode, town] = /^(.*), (\d{5}) (.+)$/.exec(item.location.address ?? '') ?? [];
        assert.deepEqual(event.location?.['address'], {
          '@type': 'PostalAddress',
          streetAddress: street,
          postalCode: postcode,
          addressLocality: town,
          addressCountry: 'DE',
        });
        if (item.location.coordinates) {
          const { lat, lon } = item.location.coordinates;
          assert.deepEqual(event.location?.['geo'], { '@type': 'GeoCoordinates', latitude: lat, longitude: lon });
        }
      }
      if (item.price)
        assert.deepEqual(event['offers'], { '@type': 'Offer', description: item.price, ...(item.link && { url: item.link }) });
      else if (item.isFree)
        assert.deepEqual(event['offers'], { '@type': 'Offer', price: 0, priceCurrency: 'EUR', ...(item.link && { url: item.link }) });
      else assert.equal(event['offers'], undefined);
    });
    assert.ok(page.items.some((item) => item.allDay) && page.items.some((item) => item.price) && page.items.some((item) => item.isFree));
  });

  test("every Event has what Google's Event rich results require, and no empty member", async () => {
    const { graph } = await feed(`${range}&limit=100`);
    for (const event of graph) {
      assert.ok(event['name'] && event['startDate'], JSON.stringify(event));
      assert.equal(event.location?.['@type'], 'Place');
      assert.ok(
        event.location['name'] && (event.location['address'] as Record<string, unknown>)['addressLocality'],
        JSON.stringify(event.location),
      );
      assert.deepEqual(emptyMembers(event), [], JSON.stringify(event));
    }
  });

  test('a cancelled occurrence is EventCancelled', async () => {
    const query = `${range}&limit=100`;
    const [{ graph }, page] = await Promise.all([feed(query), list(query)]);
    const cancelled = page.items.findIndex((item) => item.status === 'cancelled');
    assert.ok(cancelled >= 0, 'the demo data has a cancelled occurrence');
    assert.equal(graph[cancelled]!['name'], page.items[cancelled]!.title);
    assert.equal(graph[cancelled]!['eventStatus'], 'https://schema.org/EventCancelled');
  });

  test('pages: Link rel=next continues as GET /events does, with the licence in the same header', async () => {
    const first = await feed(`${range}&limit=5&category=culture`);
    const next = links(first.link).get('next');
    assert.ok(next, first.link ?? 'no Link');
    const url = new URL(next);
    assert.equal(url.origin + url.pathname, 'https://hub.example.org/events.jsonld');
    assert.equal(url.searchParams.get('category'), 'culture');
    assert.equal(url.searchParams.get('limit'), '5');
    const listed = await list(`${range}&limit=5&category=culture`);
    assert.equal(url.searchParams.get('cursor'), listed.nextCursor);
    const second = await feed(url.search.slice(1));
    const secondList = await list(url.search.slice(1));
    assert.deepEqual(
      second.graph.map((event) => [event['name'], event['startDate']]),
      secondList.items.map((item) => [item.title, item.start]),
    );
    assert.equal(links(first.link).get('license'), LICENCES['dl-de/by-2-0'].url);
    assert.equal(links(first.link).get('author'), 'https://hub.example.org/open-data/');
  });

  test('the last page names no next one, but the licence; an unchanged feed is 304', async () => {
    const last = await feed(`${range}&limit=100`);
    assert.deepEqual([...links(last.link).keys()].sort(), ['author', 'license']);
    assert.ok(last.etag);
    const again = await fetch(`${hub.baseUrl}/events.jsonld?${range}&limit=100`, { headers: { 'if-none-match': last.etag } });
    assert.equal(again.status, 304);
  });

  test("an event without a place happens in its organizer's municipality; its link is the url; a moved date is rescheduled", async () => {
    const club = await client.organizationId('TSV Ochsenfurt 1862 e.V.');
    const start = `${dayFromNow(3)}T18:00`;
    const moved = `${dayFromNow(10)}T18:00`;
    const event = await client.created(
      club,
      eventBody({
        title: 'Vereinsabend ohne Ort',
        start,
        end: `${dayFromNow(3)}T20:00`,
        location: null,
        link: 'https://tsv-ochsenfurt.example/vereinsabend',
        recurrence: { rule: 'FREQ=WEEKLY;COUNT=2' },
        overrides: [{ recurrenceId: moved, start: `${dayFromNow(11)}T18:00`, end: `${dayFromNow(11)}T20:00` }],
      }),
    );
    const { graph } = await feed(`${range}&limit=100&organization=${club}&q=Vereinsabend`);
    const events = graph.filter((item) => item['name'] === 'Vereinsabend ohne Ort');
    assert.equal(events.length, 2, `${event.id}: ${JSON.stringify(graph)}`);
    for (const item of events) {
      assert.deepEqual(item.location, {
        '@type': 'Place',
        name: 'Ochsenfurt',
        address: { '@type': 'PostalAddress', addressLocality: 'Ochsenfurt', addressCountry: 'DE' },
      });
      assert.equal(item['url'], 'https://tsv-ochsenfurt.example/vereinsabend');
      assert.deepEqual(item.organizer, {
        '@type': 'Organization',
        name: 'TSV Ochsenfurt 1862 e.V.',
        url: 'https://tsv-ochsenfurt.example',
      });
    }
    assert.equal(events[0]!['eventStatus'], 'https://schema.org/EventScheduled');
    assert.equal(events[1]!['eventStatus'], 'https://schema.org/EventRescheduled');
    assert.equal(events[1]!['previousStartDate'], `${moved}:00`);
  });
});

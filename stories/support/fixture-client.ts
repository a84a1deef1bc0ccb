import { HubError, type HubClient, type Municipality } from '@smart-region/sdk';

/**
 * How a fixture answers one GET: with data, by throwing a `HubError`, or never (`pending`).
 * `query` holds the request's query parameters.
 */
export type FixtureRoute = (query: Record<string, unknown>, signal: AbortSignal | undefined) => unknown;

/** A client that has answered `calls.length` requests, to tell a refetch from a cached answer. */
export type FixtureClient = HubClient & { calls: string[] };

/**
 * An in-memory Hub for stories and tests, injected with `<sr-hub .client=${…}>`: no network, and
 * every state on demand. It answers GET by the contract's path template (`/municipalities`)
 * from `routes`; a path without a route is a 404, as on the real Hub. A write answers from a
 * route named with its method (`POST /polls/{pollId}/votes`, given the request body as `query`);
 * other writes reject.
 */
export function fixtureClient(routes: Record<string, FixtureRoute>): FixtureClient {
  const calls: string[] = [];
  const GET = async (path: string, init?: { params?: { query?: Record<string, unknown> }; signal?: AbortSignal }) => {
    calls.push(path);
    const route = routes[path];
    if (!route) throw new HubError({ status: 404, type: '/problems/not-found', title: 'Not Found' });
    // A copy, as from the network: widgets must not share mutable data with the fixture.
    return structuredClone(await route(init?.params?.query ?? {}, init?.signal));
  };
  const write = (method: string) => async (path: string, init?: { body?: Record<string, unknown>; signal?: AbortSignal }) => {
    calls.push(`${method} ${path}`);
    const route = routes[`${method} ${path}`];
    if (!route) throw new Error(`The fixture client has no route for ${method} ${path}.`);
    return structuredClone(await route(init?.body ?? {}, init?.signal));
  };
  // The widgets call with typed paths; the fixture accepts any, so the cast is safe here.
  return {
    GET,
    PUT: write('PUT'),
    POST: write('POST'),
    DELETE: write('DELETE'),
    OPTIONS: write('OPTIONS'),
    HEAD: write('HEAD'),
    PATCH: write('PATCH'),
    calls,
  } as unknown as FixtureClient;
}

/** An answer that never comes, until the request is aborted: the loading state. */
export function pending(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** A failure as the SDK reports it, e.g. `hubError(503)` or `hubError(0)` for "no answer". */
export function hubError(status: number, retryAfter?: number): HubError {
  if (status === 0) return HubError.network(new TypeError('Failed to fetch'));
  return new HubError({ status, type: `/problems/http-${status}`, title: `HTTP ${status}`, retryAfter });
}

/** Real municipalities of the region, as the seeded Hub has them. */
// prettier-ignore
export const municipalities: Municipality[] = [
  { id: 'eibelstadt', name: 'Eibelstadt', officialKey: '09679124', kind: 'city', district: 'Landkreis Würzburg', center: { lat: 49.7239, lon: 10.0008 } },
  { id: 'gerbrunn', name: 'Gerbrunn', officialKey: '09679136', kind: 'municipality', district: 'Landkreis Würzburg', center: { lat: 49.7753, lon: 9.9936 } },
  { id: 'hoechberg', name: 'Höchberg', officialKey: '09679147', kind: 'market', district: 'Landkreis Würzburg', center: { lat: 49.7831, lon: 9.8817 } },
  { id: 'ochsenfurt', name: 'Ochsenfurt', officialKey: '09679170', kind: 'city', district: 'Landkreis Würzburg', center: { lat: 49.6711, lon: 10.0498 } },
  { id: 'randersacker', name: 'Randersacker', officialKey: '09679175', kind: 'market', district: 'Landkreis Würzburg', center: { lat: 49.7589, lon: 9.9828 } },
  { id: 'veitshoechheim', name: 'Veitshöchheim', officialKey: '09679202', kind: 'municipality', district: 'Landkreis Würzburg', center: { lat: 49.8328, lon: 9.8817 } },
  { id: 'wuerzburg', name: 'Würzburg', officialKey: '09663000', kind: 'city', district: 'Stadt Würzburg', center: { lat: 49.7944, lon: 9.9294 } },
];

/** A `/municipalities` route answering pages of `items` as the Hub does (`limit`, `nextCursor`). */
export function municipalityPages(items: Municipality[] = municipalities): FixtureRoute {
  return (query) => {
    const limit = Number(query['limit'] ?? 20);
    return { items: items.slice(0, limit), nextCursor: items.length > limit ? 'next' : null };
  };
}

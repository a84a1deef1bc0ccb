import type { HubClient, HubPath, HubRequestInit, HubResponseData, InitArgs } from './client.js';
import type { paths } from './generated/hub.js';
import type { Page } from './schemas.js';

type ListData<P extends HubPath<'get'>> = HubResponseData<P, 'get'>;
type ListQuery<P extends HubPath<'get'>> = NonNullable<paths[P]['get']['parameters']['query']>;

/** The GET paths of the contract that answer with a `Page` and take a `cursor`. */
export type PaginatedPath = {
  [P in HubPath<'get'>]: ListData<P> extends Page<unknown> ? ('cursor' extends keyof ListQuery<P> ? P : never) : never;
}[HubPath<'get'>];

/** The type of the items of a paginated path, e.g. `PageItem<'/municipalities'>` is `Municipality`. */
export type PageItem<P extends PaginatedPath> = ListData<P> extends Page<infer Item> ? Item : never;

/** What the loop below needs to know of a list request, whatever its path. */
interface UntypedListInit {
  params?: { query?: Record<string, unknown>; [location: string]: unknown };
  [option: string]: unknown;
}

/**
 * The pages of a list, one request each, following `nextCursor` until the last page. The
 * requests carry the same `init` (query, `signal`, …); a `cursor` in it is where to start.
 * Stopping the loop early sends no further request.
 *
 * ```ts
 * for await (const page of pages(hub, '/municipalities', { params: { query: { limit: 50 } } })) { … }
 * ```
 */
export async function* pages<P extends PaginatedPath>(
  client: HubClient,
  path: P,
  ...[init]: InitArgs<HubRequestInit<P, 'get'>>
): AsyncGenerator<Page<PageItem<P>>, void, undefined> {
  // Typed at the signature; inside, any paginated path looks the same.
  const get = client.GET as (path: string, init: UntypedListInit) => Promise<Page<unknown>>;
  const { params = {}, ...options } = (init ?? {}) as UntypedListInit;
  let cursor = params.query?.cursor;
  do {
    const page = await get(path, { ...options, params: { ...params, query: { ...params.query, cursor } } });
    yield page as Page<PageItem<P>>;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * The items of a list across all its pages, fetched page by page as the loop goes on.
 *
 * ```ts
 * for await (const municipality of paginate(hub, '/municipalities', { params: { query: { limit: 50 } } })) { … }
 * ```
 */
export async function* paginate<P extends PaginatedPath>(
  client: HubClient,
  path: P,
  ...init: InitArgs<HubRequestInit<P, 'get'>>
): AsyncGenerator<PageItem<P>, void, undefined> {
  for await (const page of pages(client, path, ...init)) {
    yield* page.items;
  }
}

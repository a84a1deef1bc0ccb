import createClient, { type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import { HubError } from './errors.js';
import { defaultCacheOptions, LruCache, withEtagCache, type CacheOptions } from './etag-cache.js';
import type { paths as contractPaths } from './generated/hub.js';
import { idempotentOperations } from './generated/idempotent-operations.js';
import { newIdempotencyKey } from './idempotency.js';
import { defaultRetryOptions, withRetries, type RetryOptions } from './retry.js';
import { transport, type Fetch } from './transport.js';
import { rememberVersion } from './version.js';

export interface HubClientOptions {
  /** Where the Hub is, e.g. `https://hub.example.org` (paths of the contract are appended). */
  baseUrl: string;
  /** An organization's or admin's API key, sent as `Authorization: Bearer <key>`. */
  apiKey?: string | undefined;
  /** Preferred language of the answers, sent as `Accept-Language`, e.g. `de` or `en`. */
  locale?: string | undefined;
  /**
   * Whether a browser sends its cookies with the requests: `'omit'` by default, so citizens'
   * widgets never carry a session of the Hub (nor set one) even on a page the Hub serves itself.
   * The Hub's own pages for organizations (`/manage/`) use `'same-origin'`: their session cookie.
   */
  credentials?: RequestCredentials | undefined;
  /** A `fetch` to use instead of the global one (tests, instrumentation, other runtimes). */
  fetch?: Fetch | undefined;
  /** Retries of idempotent requests; `false` sends every request once. */
  retry?: Partial<RetryOptions> | false | undefined;
  /** ETag cache for GET requests; `false` turns it off. */
  cache?: Partial<CacheOptions> | false | undefined;
}

/** A header set whose `Idempotency-Key` may be left out: the client then makes one. */
type OptionalIdempotencyKey<Header> = Header extends { 'Idempotency-Key': infer Key }
  ? Omit<Header, 'Idempotency-Key'> & { 'Idempotency-Key'?: Key }
  : Header;

type WithOptionalIdempotencyKey<Operation> = Operation extends { parameters: { header: infer Header } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'header'> & { header?: OptionalIdempotencyKey<Header> };
    }
  : Operation;

/**
 * The contract's paths as the client takes them: the same, except that an `Idempotency-Key` the
 * contract requires is optional — the client adds one when the caller does not.
 */
export type paths = {
  [P in keyof contractPaths]: { [M in keyof contractPaths[P]]: WithOptionalIdempotencyKey<contractPaths[P][M]> };
};

/** The HTTP methods a client has, as openapi-typescript names them in `paths`. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/** The paths of the contract that have `method`, e.g. `HubPath<'post'>` is `'/organizations'`. */
export type HubPath<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

/** The second argument of a call: `params` (path, query, header), `body`, `signal`, … */
export type HubRequestInit<P extends HubPath<M>, M extends HttpMethod> = MaybeOptionalInit<paths[P], M>;

/**
 * The data a successful call resolves to: the body of the operation's 2XX answer, or
 * `undefined` for an answer without a body (204).
 */
export type HubResponseData<P extends HubPath<M>, M extends HttpMethod, Init = object> = OrUndefined<
  // `data` is optional in openapi-fetch's result because it is absent on errors, which throw here.
  Exclude<FetchResponse<paths[P][M] & Record<string | number, unknown>, Init, `${string}/${string}`>['data'], undefined>
>;

type OrUndefined<T> = [T] extends [never] ? undefined : T;

/** The init argument is optional exactly when nothing in it is required (no path params, no body). */
export type InitArgs<Init> = object extends Init ? [init?: Init] : [init: Init];

/**
 * One HTTP method of the client: typed by the contract's path, resolving to the answer's data
 * and rejecting with a `HubError` (or the abort reason).
 */
export type HubMethod<M extends HttpMethod> = <P extends HubPath<M>, Init extends HubRequestInit<P, M>>(
  path: P,
  ...init: InitArgs<Init>
) => Promise<HubResponseData<P, M, Init>>;

/**
 * A typed client of the Hub. Methods are named and typed as in openapi-fetch —
 * `hub.GET('/municipalities/{municipalityId}', { params: { path: { municipalityId } } })` — but
 * resolve to the data itself and reject with `HubError`, so widgets need no `{ data, error }`
 * checks. Paths added to the contract are typed as soon as the types are regenerated.
 */
export interface HubClient {
  GET: HubMethod<'get'>;
  PUT: HubMethod<'put'>;
  POST: HubMethod<'post'>;
  DELETE: HubMethod<'delete'>;
  OPTIONS: HubMethod<'options'>;
  HEAD: HubMethod<'head'>;
  PATCH: HubMethod<'patch'>;
}

/** openapi-fetch's `request`, seen without the per-path types it is called with here. */
type UntypedRequest = (method: HttpMethod, path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function createHubClient(options: HubClientOptions): HubClient {
  // Layers, innermost first: network errors become HubErrors; retries resend the same request;
  // the ETag cache sits outside the retries so that a retried GET is still conditional.
  let fetch = transport(options.fetch);
  if (options.retry !== false) fetch = withRetries(fetch, { ...defaultRetryOptions, ...options.retry });
  if (options.cache !== false) {
    const { maxEntries } = { ...defaultCacheOptions, ...options.cache };
    fetch = withEtagCache(fetch, new LruCache(maxEntries));
  }

  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch,
    credentials: options.credentials ?? 'omit',
    headers: {
      Authorization: options.apiKey === undefined ? undefined : `Bearer ${options.apiKey}`,
      'Accept-Language': options.locale,
    },
  });
  // Citizen writes carry an Idempotency-Key: the caller's own, or a new one. The retry layer
  // resends this very request, so every retry has the same key and the Hub counts it once.
  client.use({
    onRequest({ request, schemaPath }) {
      if (!request.headers.has('Idempotency-Key') && idempotentOperations.has(`${request.method} ${schemaPath}`)) {
        request.headers.set('Idempotency-Key', newIdempotencyKey());
      }
      return request;
    },
  });
  const request = client.request as UntypedRequest;

  // The types come from HubMethod; the body only has to turn every failure into a HubError.
  const method = <M extends HttpMethod>(name: M) =>
    (async (path: string, init?: { signal?: AbortSignal | null }) => {
      let result: Awaited<ReturnType<UntypedRequest>>;
      try {
        result = await request(name, path, init);
      } catch (error) {
        if (init?.signal?.aborted) throw init.signal.reason;
        // Besides the transport's network errors: a connection lost while the body was read, or
        // a body that is not the JSON it should be (a captive portal's login page). Either way
        // there is no usable answer, which is what a network error means.
        throw error instanceof HubError ? error : HubError.network(error);
      }
      const { data, error, response } = result;
      if (!response.ok) throw HubError.fromResponse(response, error);
      rememberVersion(data, response);
      return data;
    }) as HubMethod<M>;

  return {
    GET: method('get'),
    PUT: method('put'),
    POST: method('post'),
    DELETE: method('delete'),
    OPTIONS: method('options'),
    HEAD: method('head'),
    PATCH: method('patch'),
  };
}

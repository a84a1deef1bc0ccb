import { HubError } from './errors.js';

/**
 * The shape of `fetch` every layer of the client speaks: one `Request` in, one `Response` out.
 * openapi-fetch calls it with a fully built `Request` (URL, headers, body and `signal`).
 */
export type Fetch = (request: Request) => Promise<Response>;

/**
 * The innermost layer: the injected (or global) `fetch`, with every failure that is not an
 * answer turned into a `HubError` with status 0, so callers can tell "offline" from "the Hub
 * said no". An abort is not a failure: it rejects with the signal's reason, as `fetch` does.
 */
export function transport(fetch: Fetch | undefined): Fetch {
  // Looked up per call, not captured: tests and polyfills may replace `globalThis.fetch` later.
  const send: Fetch = fetch ?? ((request) => globalThis.fetch(request));
  return async (request) => {
    // An aborted call sends nothing, whatever the injected fetch does with the signal.
    request.signal.throwIfAborted();
    try {
      return await send(request);
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw HubError.network(error);
    }
  };
}

import type { Fetch } from '../../src/index.js';

/** A scripted answer: a `Response`, or an `Error` that the fake `fetch` rejects with (no answer). */
export type Answer = Response | Error | ((request: Request) => Response | Error);

export interface FakeFetch {
  fetch: Fetch;
  /** Every request the client sent, in order. */
  requests: Request[];
}

/**
 * A `fetch` that answers with the scripted answers in order and records each request: the
 * client's own logic (errors, retries, cache, pagination) is what these tests exercise.
 */
export function fakeFetch(...answers: Answer[]): FakeFetch {
  const requests: Request[] = [];
  const fetch: Fetch = async (request) => {
    requests.push(request);
    const next = answers.shift();
    if (next === undefined) throw new Error(`No answer scripted for request ${requests.length}: ${request.url}`);
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, requests };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/** What `fetch` rejects with when the network fails (undici's shape). */
export function networkFailure(): Error {
  return new TypeError('fetch failed');
}

export const baseUrl = 'https://hub.example';

export const wuerzburg = {
  id: 'wuerzburg',
  name: 'Würzburg',
  officialKey: '09663000',
  kind: 'city',
  district: 'Stadt Würzburg',
  center: { lat: 49.7913, lon: 9.9534 },
} as const;

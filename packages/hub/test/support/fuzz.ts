import { randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import fc from 'fast-check';
import { sample } from 'openapi-sampler';
import type { JSONSchema7 } from 'json-schema';
import { resolve, type ContractDocument as Document, type Json } from './contract.js';
import { sessionHeaders } from './accounts.js';
import type { TestHub } from './hub.js';

/*
 * A fuzzer driven by the contract (openapi/hub.yaml): for every operation, requests built from
 * the contract's own schemas (valid samples by openapi-sampler) and mutations of them by
 * fast-check (NUL, wrong types, huge strings, missing and malformed bodies, bad path
 * parameters, no key or a wrong one), each answer checked against what the contract promises.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JSONSchema7;
}

interface FuzzOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  bodyTypes: string[];
  bodySchema: JSONSchema7 | undefined;
  /** The contract's example of the body (a valid one, written by hand). */
  bodyExample: unknown;
  secured: boolean;
  /** Takes the admin token (`apiKey: [admin]`); others are called with a session that may do them. */
  adminKey: boolean;
}

export function fuzzOperations(document: Document): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths)) {
    for (const [method, rawOperation] of Object.entries(rawItem)) {
      if (method === 'parameters') continue;
      const operation = rawOperation as Json;
      const parameters = [...((rawItem['parameters'] as Json[]) ?? []), ...((operation['parameters'] as Json[]) ?? [])].map(
        (parameter) => resolve(document, parameter, '').value as unknown as Parameter,
      );
      const requestBody = operation['requestBody'] as { content: Record<string, { schema?: JSONSchema7; example?: unknown }> } | undefined;
      const bodyTypes = Object.keys(requestBody?.content ?? {});
      operations.push({
        operationId: operation['operationId'] as string,
        method: method.toUpperCase(),
        path,
        parameters,
        bodyTypes,
        bodySchema: requestBody?.content['application/json']?.schema,
        bodyExample: Object.values(requestBody?.content ?? {})[0]?.example,
        secured:
          Array.isArray(operation['security']) &&
          (operation['security'] as Json[]).some((requirement) => Object.keys(requirement).length > 0),
        adminKey:
          Array.isArray(operation['security']) &&
          (operation['security'] as Json[]).some((requirement) => (requirement['apiKey'] as string[] | undefined)?.includes('admin')),
      });
    }
  }
  return operations;
}

/** Hostile and wrong values a field or parameter may get instead of a valid one. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`) },
  fc.constant('\u0000'),
  fc.constant('x'.repeat(20_000)),
  fc.constant(''),
  fc.constant('\u202eevil\u202c'),
  fc.constant('=HYPERLINK("http://evil.example")'),
  fc.constant('info?bcc=someone@elsewhere.example&subject=x@example.org'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('Zeile\r\nBEGIN:VEVENT'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant(1e308),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** Raw text a path or query parameter may get instead of a valid one (already URL-ready for the path). */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constant('%00'),
  fc.constant('%ZZ'),
  fc.constant('%C3'),
  fc.constant('a'.repeat(150)),
  fc.constant('1e400'),
  fc.constant('abc'),
  fc.constant('00000000-0000-0000-0000-000000000000'),
  fc.constant(randomUUID()),
  fc.constant('%F0%9F%98%80'),
  fc.constant('%E2%80%AE'),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);

type BodyPlan =
  | { kind: 'example' }
  | { kind: 'sample' }
  | { kind: 'mutate'; selector: number; value: unknown; drop: boolean }
  | { kind: 'missing' }
  | { kind: 'raw'; contentType: string; text: string };

const bodyPlan: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<BodyPlan>({ kind: 'example' }) },
  { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'sample' }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('mutate' as const), selector: fc.nat(), value: hostileValue, drop: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'missing' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'text/calendar',
        'application/x-www-form-urlencoded',
        'application/problem+json',
      ),
      text: fc.constantFrom(
        '{',
        'null',
        '[]',
        '"text"',
        '42',
        '{"a":',
        'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:\u0000\r\n',
        '',
        'name=x',
      ),
    }),
  },
);

export interface FuzzCase {
  operation: number;
  /** `granted`: a credential that may do the operation (see `adminKey`); `wrong`: a key that does not exist. */
  auth: 'granted' | 'none' | 'wrong';
  /** Per parameter: use a real value (ids from the Hub), the sample, a hostile one, or leave it out. */
  parameters: { choice: 'real' | 'sample' | 'hostile' | 'omit'; pick: number; hostile: string }[];
  body: BodyPlan;
  ifNoneMatch: boolean;
  /** Fit the example body to the Hub's data (proof, option ids, notice version), as a widget would. */
  fit: boolean;
}

export function fuzzCases(operationCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    operation: fc.nat({ max: operationCount - 1 }),
    auth: fc.constantFrom('granted', 'granted', 'granted', 'none', 'wrong'),
    parameters: fc.array(
      fc.record({
        choice: fc.constantFrom('real', 'real', 'real', 'real', 'sample', 'hostile', 'omit'),
        pick: fc.nat(),
        hostile: hostileText,
      }),
      { minLength: 8, maxLength: 8 },
    ),
    body: bodyPlan,
    ifNoneMatch: fc.boolean(),
    fit: fc.boolean(),
  });
}

/** Every place in a JSON value, as a path of keys: the leaves first (mostly the text), then the inner nodes and the root. */
function places(value: unknown): (string | number)[][] {
  const all = nodes(value);
  const leaf = (path: (string | number)[]) => {
    const node = path.reduce<unknown>((inner, key) => (inner as Json)[key], value);
    return node === null || typeof node !== 'object';
  };
  return [...all.filter(leaf), ...all.filter((path) => !leaf(path))];
}

function nodes(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const found = [path];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...nodes(item, [...path, index])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...nodes(item, [...path, key]));
  return found;
}

function mutated(body: unknown, selector: number, value: unknown, drop: boolean): unknown {
  const all = places(body);
  // Three in four mutations hit a leaf: one wrong field in an otherwise valid body gets furthest.
  const leaves = all.filter((path) => path.length > 0).length;
  const path =
    all[selector % 4 === 0 || leaves === 0 ? selector % all.length : (selector >> 2) % Math.max(1, Math.min(leaves, all.length))]!;
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Json;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, copy);
  const last = path.at(-1)!;
  if (drop && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

export interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  description: string;
}

/** Values of path parameters that exist on the Hub (by parameter name), for requests that get past the 404. */
export type RealValues = Record<string, string[]>;

/** Builds the request of one case. */
export async function buildRequest(
  hub: TestHub,
  operation: FuzzOperation,
  fuzzCase: FuzzCase,
  real: RealValues,
  document: Document,
  /** A fresh session cookie of someone who owns the real organizations and is region admin (fresh: the fuzzer may sign out). */
  grantedSession: () => Promise<string>,
): Promise<Request> {
  const valueOf = (parameter: Parameter, index: number): string | string[] | undefined => {
    const plan = fuzzCase.parameters[index % fuzzCase.parameters.length]!;
    const choice = plan.choice === 'omit' && (parameter.required || parameter.in === 'path') ? 'sample' : plan.choice;
    const reals = real[parameter.name];
    if (choice === 'real' && reals?.length) return reals[plan.pick % reals.length];
    if (choice === 'hostile') return parameter.in === 'path' ? plan.hostile : decodeURIComponentSafe(plan.hostile);
    if (choice === 'omit' || (choice === 'real' && parameter.in === 'query')) return undefined;
    const sampled = sample(parameter.schema, { enablePatterns: true, quiet: true }, document);
    return Array.isArray(sampled) ? sampled.map(String) : String(sampled);
  };
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  operation.parameters.forEach((parameter, index) => {
    const value = valueOf(parameter, index);
    if (value === undefined) return;
    if (parameter.in === 'path')
      path = path.replace(
        `{${parameter.name}}`,
        Array.isArray(value) ? value.join(',') : value.includes('%') ? value : encodeURIComponent(value),
      );
    else if (parameter.in === 'query') for (const item of [value].flat()) query.append(parameter.name, item);
    else if (parameter.name.toLowerCase() === 'idempotency-key') headers['idempotency-key'] = randomUUID();
  });
  if (fuzzCase.auth === 'granted' && operation.adminKey) headers['authorization'] = `Bearer ${hub.adminToken}`;
  else if (fuzzCase.auth === 'granted') Object.assign(headers, sessionHeaders(hub.baseUrl, await grantedSession()));
  if (fuzzCase.auth === 'wrong') headers['authorization'] = 'Bearer sr_not-a-key';
  if (fuzzCase.ifNoneMatch) headers['if-none-match'] = '*';

  let body: string | undefined;
  const plan = fuzzCase.body;
  if (operation.bodyTypes.length > 0 && plan.kind !== 'missing') {
    if (plan.kind === 'raw') {
      headers['content-type'] = plan.contentType;
      body = plan.text;
    } else if (!operation.bodySchema) {
      // An iCalendar feed: the contract's example, or one of its lines made hostile.
      const feed = String(operation.bodyExample);
      headers['content-type'] = operation.bodyTypes[0]!;
      body =
        plan.kind === 'mutate'
          ? feed.replace(/^SUMMARY:.*$/m, `SUMMARY:${typeof plan.value === 'string' ? plan.value : JSON.stringify(plan.value)}`)
          : feed;
    } else {
      let value =
        plan.kind === 'sample'
          ? sample(operation.bodySchema, { skipReadOnly: true, enablePatterns: true, quiet: true }, document)
          : structuredClone(operation.bodyExample);
      if (fuzzCase.fit && value && typeof value === 'object' && !Array.isArray(value)) await fitToHub(hub, path, value as Json);
      if (plan.kind === 'mutate') value = mutated(value, plan.selector, plan.value, plan.drop);
      headers['content-type'] = 'application/json';
      body = JSON.stringify(value);
    }
  }
  const search = query.toString();
  const url = `${hub.baseUrl}${path}${search ? `?${search}` : ''}`;
  const shownBody = body && body.length > 300 ? `${body.slice(0, 300)}…(${body.length} chars)` : body;
  return {
    method: operation.method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    description: `${operation.method} ${url.slice(hub.baseUrl.length, 300)} auth: ${fuzzCase.auth}, ${headers['content-type'] ?? 'no content type'}, ${shownBody === undefined ? 'no body' : JSON.stringify(shownBody)}`,
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The contract's example body fitted to the Hub's data, as a widget or an organizer's tool sends
 * it: citizen writes with a real challenge of the Hub, solved (the test Hub's difficulty is low);
 * votes and tallies with the poll's own option ids; responses with the need's notice version.
 */
async function fitToHub(hub: TestHub, path: string, body: Json): Promise<void> {
  const citizen = /^(\/(polls|volunteer-needs)\/[^/]+)\/(votes|responses)$/.exec(path);
  const poll = /^\/polls\/[^/]+/.exec(path)?.[0];
  const resource = citizen?.[1] ?? poll;
  if (!resource) return;
  const current = (await (await fetch(`${hub.baseUrl}${resource}`)).json()) as {
    options?: { id: string }[];
    privacyNotice?: { version: string } | null;
  };
  const options = current.options ?? [];
  if (citizen) {
    const challenge = await fetch(`${hub.baseUrl}${resource}/challenge`);
    if (challenge.status === 200) {
      const parsed = (await challenge.json()) as Challenge;
      const solution = await solveChallenge({ challenge: parsed, deriveKey });
      if (solution) body['proof'] = { challenge: parsed, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
      delete body['code'];
    }
  }
  if (path.endsWith('/votes') && options.length) body['choices'] = [options[0]!.id];
  if (Array.isArray(body['counts'])) body['counts'] = options.map((option, index) => ({ optionId: option.id, count: index + 1 }));
  if (current.privacyNotice && body['consent'] && typeof body['consent'] === 'object')
    (body['consent'] as Json)['privacyNoticeVersion'] = current.privacyNotice.version;
}

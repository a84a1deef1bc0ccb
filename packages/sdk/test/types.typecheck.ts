/**
 * Compile-time checks of the SDK's types, run by `tsc -p packages/sdk` (not by the test runner:
 * every assertion here is about what compiles). `@ts-expect-error` fails the type check when the
 * line below it stops being an error, so each negative case really is rejected.
 */
import {
  createHubClient,
  HubError,
  pages,
  paginate,
  type FieldError,
  type Municipality,
  type Organization,
  type Page,
  type PageItem,
  type PaginatedPath,
  type paths,
  type Problem,
  type Schema,
} from '../src/index.js';

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

const hub = createHubClient({ baseUrl: 'https://hub.example' });

export async function readsAreTypedByPath(signal: AbortSignal): Promise<void> {
  const municipality = await hub.GET('/municipalities/{municipalityId}', {
    params: { path: { municipalityId: 'wuerzburg' } },
    signal,
  });
  expectType<Equal<typeof municipality, Municipality>>();
  const name: string = municipality.name;
  const officialKey: string = municipality.officialKey;
  const kind: 'city' | 'market' | 'municipality' = municipality.kind;
  const district: 'Stadt Würzburg' | 'Landkreis Würzburg' = municipality.district;
  const lat: number = municipality.center.lat;
  void [name, officialKey, kind, district, lat];

  const page = await hub.GET('/municipalities', { params: { query: { limit: 10, district: 'Landkreis Würzburg' } } });
  expectType<Equal<(typeof page)['items'][number], Municipality>>();
  expectType<Equal<(typeof page)['nextCursor'], string | null>>();

  // Nothing is required for /health, so the init argument may be left out.
  const health = await hub.GET('/health');
  expectType<Equal<(typeof health)['status'], 'ok'>>();

  // parseAs changes what a call resolves to, as in openapi-fetch.
  const text = await hub.GET('/health', { parseAs: 'text' });
  expectType<Equal<typeof text, string>>();
}

export async function writesAreTypedByPath(): Promise<void> {
  const created = await hub.POST('/organizations', { body: { name: 'Tafel Würzburg e.V.', kind: 'welfare' } });
  expectType<Equal<typeof created, Organization>>();
  const updated = await hub.PATCH('/organizations/{organizationId}', {
    params: { path: { organizationId: created.id } },
    body: { website: null },
  });
  expectType<Equal<typeof updated, Organization>>();
}

export async function citizenWritesNeedNoIdempotencyKey(pollId: string, optionId: string): Promise<void> {
  // The client makes the key when none is given…
  const receipt = await hub.POST('/polls/{pollId}/votes', {
    params: { path: { pollId } },
    body: { choices: [optionId], code: 'K7QM-3HXP' },
  });
  const when: string = receipt.receivedAt;
  // …and sends the caller's own, e.g. one kept across a "try again" after an offline error.
  await hub.POST('/polls/{pollId}/votes', {
    params: { path: { pollId }, header: { 'Idempotency-Key': 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d' } },
    body: { choices: [optionId], code: 'K7QM-3HXP' },
  });
  await hub.POST('/polls/{pollId}/votes', {
    // @ts-expect-error: the key is a string
    params: { path: { pollId }, header: { 'Idempotency-Key': 42 } },
    body: { choices: [optionId] },
  });
  void when;
}

export async function volunteerResponsesNeedNoIdempotencyKey(volunteerNeedId: string, proof: Schema<'Proof'>): Promise<void> {
  const need = await hub.GET('/volunteer-needs/{volunteerNeedId}', { params: { path: { volunteerNeedId } } });
  const receipt = await hub.POST('/volunteer-needs/{volunteerNeedId}/responses', {
    params: { path: { volunteerNeedId } },
    body: {
      name: 'Alex',
      email: 'alex@example.org',
      consent: { accepted: true, privacyNoticeVersion: need.privacyNotice?.version ?? '' },
      proof,
    },
  });
  const organization: string = receipt.organization.name;
  await hub.POST('/volunteer-needs/{volunteerNeedId}/responses', {
    params: { path: { volunteerNeedId } },
    // @ts-expect-error: consent is given explicitly, never as false
    body: { name: 'Alex', email: 'alex@example.org', consent: { accepted: false, privacyNoticeVersion: 'x' }, proof },
  });
  void organization;
}

export async function wrongCallsDoNotCompile(): Promise<void> {
  // @ts-expect-error: no such path in the contract
  await hub.GET('/municipality');
  // @ts-expect-error: /municipalities has no POST
  await hub.POST('/municipalities', { body: {} });
  // @ts-expect-error: limit is a number
  await hub.GET('/municipalities', { params: { query: { limit: '10' } } });
  // @ts-expect-error: district is one of two names
  await hub.GET('/municipalities', { params: { query: { district: 'Landkreis Kitzingen' } } });
  // @ts-expect-error: the path parameter municipalityId is required
  await hub.GET('/municipalities/{municipalityId}');
  // @ts-expect-error: the path parameter municipalityId is required
  await hub.GET('/municipalities/{municipalityId}', { params: { path: {} } });
  // @ts-expect-error: the body is required
  await hub.POST('/organizations', {});
  // @ts-expect-error: kind is one of the contract's organization kinds
  await hub.POST('/organizations', { body: { name: 'Verein', kind: 'clubb' } });
}

export async function listsArePaginated(): Promise<void> {
  expectType<
    Equal<
      PaginatedPath,
      | '/municipalities'
      | '/organizations'
      | '/events'
      | '/organizations/{organizationId}/events'
      | '/event-categories'
      | '/help-topics'
      | '/emergency-contacts'
      | '/help-offers'
      | '/organizations/{organizationId}/help-offers'
      | '/polls'
      | '/polls/{pollId}/tallies'
      | '/volunteer-needs'
      | '/organizations/{organizationId}/volunteer-needs'
      | '/organization-registrations'
      | '/organizations/{organizationId}/audit-log'
      | '/audit-log'
      | '/deletions'
    >
  >();
  expectType<Equal<PageItem<'/organizations'>, Organization>>();

  for await (const municipality of paginate(hub, '/municipalities', { params: { query: { limit: 50 } } })) {
    expectType<Equal<typeof municipality, Municipality>>();
  }
  for await (const page of pages(hub, '/organizations', { params: { query: { kind: 'club' } } })) {
    expectType<Equal<typeof page, Page<Organization>>>();
  }
  // @ts-expect-error: /health is not a list
  paginate(hub, '/health');
  // @ts-expect-error: a list's query is typed
  paginate(hub, '/municipalities', { params: { query: { limit: 'all' } } });
}

export function errorsAreTyped(error: unknown): void {
  if (!(error instanceof HubError)) return;
  const status: number = error.status;
  const type: string = error.type;
  const fields: FieldError[] = error.errors;
  const pointer: string | undefined = fields[0]?.pointer;
  const retryAfter: number | undefined = error.retryAfter;
  const problem: Problem | undefined = error.problem;
  void [status, type, pointer, retryAfter, problem];
}

// The generated contract types are re-exported for paths the aliases do not cover.
expectType<Equal<paths['/municipalities']['get']['responses'][200]['content']['application/json']['items'][number], Municipality>>();

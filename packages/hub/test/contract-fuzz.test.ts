import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { contract } from './support/contract.js';
import { buildRequest, fuzzCases, fuzzOperations, type RealValues } from './support/fuzz.js';
import { signedInAs } from './support/accounts.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { needBody, shiftBody, volunteerClient } from './support/volunteering.js';
import { fromNow } from './support/clock.js';

const HOUR = 3_600_000;

/** Seeded and bounded, so `npm test` stays fast and a failure repeats; `FUZZ_RUNS`/`FUZZ_SEED` for longer runs. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1500);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);
/** Requests in flight at once: the Hub answers some while the database works on others. */
const PARALLEL = 4;

/** Who the fuzzer acts as with a session: region admin, and owner of the organizations it uses. */
const FUZZER = 'fuzzer@hub.example';
const grantedSession = (hub: TestHub) => () => signedInAs(hub.database.db, { email: FUZZER, regionAdmin: true });

/** Ids that exist on the seeded Hub, by the contract's path parameter names. */
async function realValues(hub: TestHub): Promise<RealValues> {
  const ids = async (path: string, field = 'id') =>
    ((await (await fetch(`${hub.baseUrl}${path}`)).json()) as { items: Record<string, string>[] }).items.map((item) => item[field]!);
  const hsdsIds = async (kind: string) =>
    ((await (await fetch(`${hub.baseUrl}/hsds/${kind}?per_page=3`)).json()) as { contents: { id: string }[] }).contents.map(
      (item) => item.id,
    );
  const organizationId = await ids('/organizations?limit=5');
  for (const id of organizationId) await signedInAs(hub.database.db, { email: FUZZER, organizationId: id, role: 'owner' });
  const auth = { cookie: await grantedSession(hub)() };
  const pollId = await ids('/polls?limit=10');
  const tallyId = (
    await Promise.all(
      pollId
        .slice(0, 5)
        .map(
          async (poll) =>
            ((await (await fetch(`${hub.baseUrl}/polls/${poll}/tallies`, { headers: auth })).json()) as { items?: { id: string }[] })
              .items ?? [],
        ),
    )
  )
    .flat()
    .map((tally) => tally.id);
  const volunteerResponseId = (
    await Promise.all(
      organizationId.map(
        async (org) =>
          (
            (await (await fetch(`${hub.baseUrl}/organizations/${org}/volunteer-responses`, { headers: auth })).json()) as {
              items?: { id: string }[];
            }
          ).items ?? [],
      ),
    )
  )
    .flat()
    .map((response) => response.id);
  const shifts = await shiftValues(hub, organizationId[0]!);
  return {
    municipalityId: await ids('/municipalities?limit=5'),
    organizationId,
    eventId: (await Promise.all(organizationId.map((org) => ids(`/organizations/${org}/events?limit=3`)))).flat(),
    helpOfferId: await ids('/help-offers?limit=10'),
    pollId,
    tallyId,
    volunteerNeedId: await ids('/volunteer-needs?limit=10'),
    volunteerResponseId,
    volunteerShiftId: [shifts.volunteerShiftId],
    volunteerSignupId: [shifts.volunteerSignupId],
    // A range of the events' operations that holds the demo events.
    from: ['2026-12-01'],
    to: ['2027-02-28'],
    // A moment before the demo data was written, so lists with it are not empty.
    modifiedAfter: ['2026-01-01T00:00:00.000Z'],
    modified_after: ['2026-01-01T00:00:00.000Z'],
    // The HSDS API's objects (`/hsds/<kind>/{id}`): services, organizations, taxonomies, terms, places.
    id: (
      await Promise.all(['services', 'organizations', 'taxonomies', 'taxonomy_terms', 'service_at_locations'].map((kind) => hsdsIds(kind)))
    ).flat(),
  };
}

/**
 * A shift of the organization's with a sign-up, made as the API makes them, and then started (so
 * its attendance can be marked): the organization's roster, message and attendance operations
 * find them. Its need stays out of `volunteerNeedId`, which the fuzzer may delete.
 */
async function shiftValues(hub: TestHub, organizationId: string) {
  const client = volunteerClient(hub);
  const need = await client.created(organizationId, needBody({ startsAt: fromNow(HOUR), endsAt: fromNow(30 * 24 * HOUR) }));
  const [shift] = await client.shiftsMade(need.id, shiftBody(48));
  const signedUp = await client.respond(need.id, await client.responseBody(need, { shiftIds: [shift!.id] }));
  assert.equal(signedUp.status, 201, await signedUp.text());
  await hub.database.db
    .updateTable('volunteer_shifts')
    .set({ starts_at: new Date(fromNow(-HOUR)) })
    .where('id', '=', shift!.id)
    .execute();
  const signup = await hub.database.db
    .selectFrom('volunteer_signups')
    .select('id')
    .where('shift_id', '=', shift!.id)
    .executeTakeFirstOrThrow();
  return { volunteerShiftId: shift!.id, volunteerSignupId: signup.id };
}

describe('contract fuzzing: every operation, with and without credentials, valid and hostile input', () => {
  let hub: TestHub;
  before(async () => {
    // Easy proofs: the fuzzer solves real challenges, so citizen writes also get past the proof.
    const proofDifficulty = { minCounter: 1, maxCounter: 20 };
    hub = await startTestHub({ polls: { proofDifficulty }, volunteering: { proofDifficulty, purgeIntervalMs: 0 } });
  });
  after(() => hub.close());

  test(`${RUNS} seeded requests: no 5xx, every 4xx a problem, every answer as the contract documents it`, async (t) => {
    const { document, brokenPromises } = contract();
    const operations = fuzzOperations(document);
    const real = await realValues(hub);
    const cases = fc.sample(fuzzCases(operations.length), { seed: SEED, numRuns: RUNS });
    const failures = new Map<string, string[]>();
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++]!;
        const operation = operations[fuzzCase.operation]!;
        const request = await buildRequest(hub, operation, fuzzCase, real, document, grantedSession(hub));
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status < 300) reached.add(operation.operationId);
        for (const broken of brokenPromises(operation.operationId, response.status, response.headers.get('content-type') ?? '', text)) {
          const key = `${operation.operationId}: ${broken.slice(0, 160)}`;
          if (!failures.has(key)) failures.set(key, [request.description]);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    t.diagnostic(
      `${cases.length} requests in ${Math.round(performance.now() - started)} ms: ${summary}; 2xx reached for ${reached.size} of ${operations.length} operations (not: ${operations
        .filter((operation) => !reached.has(operation.operationId))
        .map((operation) => operation.operationId)
        .join(', ')})`,
    );
    const report = [...failures].map(([broken, [example]]) => `${broken}\n    e.g. ${example}`).join('\n');
    assert.equal(failures.size, 0, `${failures.size} broken promises (${summary}):\n${report}`);
    // The fuzzer must get past validation, not only be refused: most operations answered 2xx at least once.
    assert.ok(
      reached.size >= operations.length * 0.6,
      `2xx reached for ${reached.size} of ${operations.length} operations (${summary}): ${[...reached].join(', ')}`,
    );
  });
});

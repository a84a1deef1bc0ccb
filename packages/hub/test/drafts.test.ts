import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { signedInAs } from './support/accounts.js';
import { pinTestClock } from './support/clock.js';
import { expectDocumented } from './support/contract.js';
import { eventBody, eventClient } from './support/events.js';
import { helpClient, offerBody } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';

/** Who asks: nobody, a key of another organization, the organization's key, its editor signed in. */
type Caller = 'anonymous' | 'other key' | 'own key' | 'own editor';

describe('drafts of events, help offers and volunteer needs', () => {
  let hub: TestHub;
  let organization: string;
  const headers: Record<Caller, Record<string, string>> = { anonymous: {}, 'other key': {}, 'own key': {}, 'own editor': {} };
  const scopes = ['events:write', 'help-offers:write', 'volunteer-needs:write'] as const;

  before(async () => {
    pinTestClock();
    hub = await startTestHub();
    const events = eventClient(hub);
    organization = await events.newOrganization('Heimatverein Entwurf');
    const other = await events.newOrganization('Heimatverein Nachbarort');
    // Volunteers answer only organizations with a privacy notice.
    await fetch(`${hub.baseUrl}/organizations/${organization}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ privacyPolicyUrl: 'https://heimatverein.example/datenschutz' }),
    });
    const key = async (organizationId: string) => (await createApiKey(hub.database.db, { organizationId, scopes: [...scopes] })).key;
    headers['own key'] = { authorization: `Bearer ${await key(organization)}` };
    headers['other key'] = { authorization: `Bearer ${await key(other)}` };
    headers['own editor'] = {
      cookie: await signedInAs(hub.database.db, { email: 'editor@heimatverein.example', role: 'editor', organizationId: organization }),
    };
  });
  after(() => hub.close());

  const get = (path: string, caller: Caller = 'anonymous') => fetch(`${hub.baseUrl}${path}`, { headers: headers[caller] });
  const idsIn = async (path: string, caller: Caller = 'anonymous') => {
    const page = (await (await get(path, caller)).json()) as { items: { id?: string; eventId?: string }[] };
    return page.items.map((item) => item.id ?? item.eventId);
  };
  /** Whether the entry is found by id and in the organization's list, per caller. */
  const foundBy = async (entry: string, list: string) => {
    const found: Record<string, boolean> = {};
    for (const caller of Object.keys(headers) as Caller[]) {
      const byId = await get(entry, caller);
      const listed = (await idsIn(list, caller)).includes(entry.split('/').at(-1));
      if (byId.status !== 200) await expectProblem(byId, 404, 'not-found');
      assert.equal(byId.status === 200, listed, `${caller}: found by id and listed agree`);
      found[caller] = listed;
    }
    return found;
  };
  const onlyTheOrganization = { anonymous: false, 'other key': false, 'own key': true, 'own editor': true };
  const everyone = { anonymous: true, 'other key': true, 'own key': true, 'own editor': true };

  test('a draft event is in none of the citizen reads, the organization finds it, publishing shows it', async () => {
    const events = eventClient(hub);
    const draft = await events.created(organization, eventBody({ title: 'Heimatabend Entwurf', published: false }));
    assert.equal(draft.published, false);
    const citizenReads = async () => ({
      occurrences: (await events.of(draft.id, '2026-03-01', '2026-04-01')).length > 0,
      feed: (await (await get(`/events.ics?from=2026-03-01&to=2026-04-01&organization=${organization}`)).text()).includes('Heimatabend'),
      eventFeed: (await get(`/events/${draft.id}.ics`)).status === 200,
    });
    assert.deepEqual(await citizenReads(), { occurrences: false, feed: false, eventFeed: false });
    const list = `/organizations/${organization}/events`;
    assert.deepEqual(await foundBy(`/events/${draft.id}`, list), onlyTheOrganization);
    const seen = await expectDocumented(await get(`/events/${draft.id}`, 'own editor'), 'getEvent');
    assert.equal(seen.published, false);

    assert.equal((await events.patch(draft.id, { published: true })).status, 200);
    assert.deepEqual(await citizenReads(), { occurrences: true, feed: true, eventFeed: true });
    assert.deepEqual(await foundBy(`/events/${draft.id}`, list), everyone);
    // An edit without `published` keeps what is stored.
    const edited = await expectDocumented(await events.patch(draft.id, { title: 'Heimatabend' }), 'updateEvent');
    assert.equal(edited.published, true);
  });

  test('a draft help offer is in no search, facet or total; the organization finds it', async () => {
    const help = helpClient(hub);
    const name = 'Entwurfsberatung Heimatverein';
    const search = `organization=${organization}&q=${encodeURIComponent('Entwurfsberatung')}`;
    const draft = await help.created(organization, offerBody({ name, topics: ['trauer'], published: false }));
    const citizenReads = async () => {
      const byName = await help.search(`organization=${organization}`);
      const byWords = await help.search(search);
      return {
        listed: [...byName.items, ...byWords.items].some((item) => item.id === draft.id),
        total: byName.total + byWords.total,
        facet: byName.facets.topics.some((facet) => facet.id === 'trauer'),
      };
    };
    assert.deepEqual(await citizenReads(), { listed: false, total: 0, facet: false });
    const emergency = await expectDocumented(await get('/emergency-contacts'), 'listEmergencyContacts');
    assert.ok(!JSON.stringify(emergency).includes(name));
    const list = `/organizations/${organization}/help-offers`;
    assert.deepEqual(await foundBy(`/help-offers/${draft.id}`, list), onlyTheOrganization);
    await expectDocumented(await get(list, 'own key'), 'listOrganizationHelpOffers');

    assert.equal((await help.patch(draft.id, { published: true })).status, 200);
    assert.deepEqual(await citizenReads(), { listed: true, total: 2, facet: true });
    assert.deepEqual(await foundBy(`/help-offers/${draft.id}`, list), everyone);
  });

  test('a draft volunteer need is not listed and takes no responses; the organization finds it', async () => {
    const volunteering = volunteerClient(hub);
    const need = await volunteering.created(organization, needBody({ title: 'Helfende für den Heimatabend' }));
    // A response prepared while the need was public, sent after it went back to draft.
    const response = await volunteering.responseBody(need);
    const unpublished = await expectDocumented(await volunteering.patch(need.id, { published: false }), 'updateVolunteerNeed');
    assert.equal(unpublished.published, false);

    const citizenLists = async () =>
      idsIn(`/volunteer-needs?organization=${organization}&status=open&status=filled&status=closed&status=expired`);
    assert.deepEqual(await citizenLists(), []);
    await expectProblem(await get(`/volunteer-needs/${need.id}/challenge`), 404, 'not-found');
    await expectProblem(await volunteering.respond(need.id, response), 404, 'not-found');
    const list = `/organizations/${organization}/volunteer-needs`;
    assert.deepEqual(await foundBy(`/volunteer-needs/${need.id}`, list), onlyTheOrganization);
    await expectDocumented(await get(list, 'own editor'), 'listOrganizationVolunteerNeeds');

    assert.equal((await volunteering.patch(need.id, { published: true })).status, 200);
    assert.deepEqual(await citizenLists(), [need.id]);
    assert.deepEqual(await foundBy(`/volunteer-needs/${need.id}`, list), everyone);
    assert.equal((await get(`/volunteer-needs/${need.id}/challenge`)).status, 200);
  });

  test("the organization's lists page through drafts and published entries alike", async () => {
    const events = eventClient(hub);
    const organizationOnly = await events.newOrganization('Heimatverein Seitenweise');
    const created = [];
    for (let index = 0; index < 5; index += 1) {
      const body = needBody({ title: `Aufgabe Nummer ${index}`, published: index % 2 === 0 });
      created.push((await volunteerClient(hub).created(organizationOnly, body)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const path: string = `/organizations/${organizationOnly}/volunteer-needs?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await expectDocumented(
        await fetch(`${hub.baseUrl}${path}`, { headers: { authorization: `Bearer ${hub.adminToken}` } }),
        'listOrganizationVolunteerNeeds',
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(seen, created.reverse(), 'newest first, every one once');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/auth/api-keys.js';
import { auditLogOf, signedInAs, sessionHeaders } from './support/accounts.js';
import { expectDocumented } from './support/contract.js';
import { helpClient, offerBody, type HelpOffer } from './support/help.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { expectProblem } from './support/problems.js';
import { jsonWithKey } from './support/writes.js';

/** The test clock's now is a Wednesday at 10:15 in the region. */
const wednesdayMorning = { schedules: [{ byDay: ['WE'], opensAt: '09:00', closesAt: '12:00' }] };

describe('the preview of a help offer', () => {
  let hub: TestHub;
  let client: ReturnType<typeof helpClient>;
  let org: string;
  let other: string;
  let orgKey: string;
  let ownerCookie: string;

  before(async () => {
    hub = await startTestHub();
    client = helpClient(hub);
    org = await client.organization('Beratung Vorschau Höchberg');
    other = await client.organization('Andere Beratung Vorschau');
    orgKey = (await createApiKey(hub.database.db, { organizationId: org, scopes: ['help-offers:write'] })).key;
    ownerCookie = await signedInAs(hub.database.db, { email: 'vorschau@beratung.example', organizationId: org, role: 'owner' });
  });
  after(() => hub.close());

  const preview = (organization: string, body: unknown, key = orgKey) =>
    fetch(`${hub.baseUrl}/organizations/${organization}/help-offers/preview`, {
      method: 'POST',
      headers: jsonWithKey(key),
      body: JSON.stringify(body),
    });

  /** What citizens and the organization can see of the organization's offers, and its audit log. */
  async function stored(): Promise<unknown> {
    const headers = sessionHeaders(hub.baseUrl, ownerCookie);
    const own = await fetch(`${hub.baseUrl}/organizations/${org}/help-offers?limit=100`, { headers });
    return {
      own: (await expectDocumented(own, 'listOrganizationHelpOffers')).items,
      public: await client.searchAll(`organization=${org}`),
      log: await auditLogOf(hub.baseUrl, org, ownerCookie),
    };
  }

  test('a new offer, a draft too, is shown as the help finder would show it, and nothing is stored', async () => {
    const before = await stored();
    const body = offerBody({ name: 'Trauertreff Vorschau', topics: ['trauer'], openingHours: wednesdayMorning, published: false });
    const offer = await expectDocumented(await preview(org, { offer: body }), 'previewHelpOffer');
    assert.equal(offer.name, 'Trauertreff Vorschau');
    assert.deepEqual(offer.organization, { id: org, name: 'Beratung Vorschau Höchberg' });
    assert.equal(offer.published, true, 'a draft previews as the website would show it');
    assert.equal(offer.openNow, true);
    assert.deepEqual(offer.hoursToday, [{ opensAt: '09:00', closesAt: '12:00' }]);
    assert.deepEqual(offer.languages, ['de'], 'defaults are filled in as a save fills them');
    assert.deepEqual(await stored(), before);
    await expectProblem(await fetch(`${hub.baseUrl}/help-offers/${offer.id}`), 404, 'not-found');
  });

  test('with replaces: the stored offer with the sent fields in place, the rest kept, the stored one unchanged', async () => {
    const saved = await client.created(
      org,
      offerBody({ name: 'Sprechstunde Vorschau', phones: [{ number: '0931 0000 123' }], openingHours: wednesdayMorning, published: false }),
    );
    const before = await stored();
    const body = { offer: offerBody({ name: 'Neue Sprechstunde Vorschau', description: 'Jetzt auch mit Termin.' }), replaces: saved.id };
    const offer: HelpOffer = await expectDocumented(await preview(org, body), 'previewHelpOffer');
    assert.equal(offer.id, saved.id);
    assert.equal(offer.name, 'Neue Sprechstunde Vorschau');
    assert.equal(offer.description, 'Jetzt auch mit Termin.');
    assert.deepEqual(offer.phones, saved.phones, 'fields not sent are kept, as an update keeps them');
    assert.deepEqual(offer.openingHours, saved.openingHours);
    assert.equal(offer.openNow, true);
    assert.equal(offer.createdAt, saved.createdAt);
    assert.equal(offer.published, true);
    assert.deepEqual(await stored(), before);
    const reread = await fetch(`${hub.baseUrl}/help-offers/${saved.id}`, { headers: sessionHeaders(hub.baseUrl, ownerCookie) });
    assert.deepEqual(await expectDocumented(reread, 'getHelpOffer'), saved);
  });

  test('a 422 names the fields inside the offer', async () => {
    const body = offerBody({ topics: [], openingHours: { schedules: [{ byDay: ['MO'], opensAt: '18:00', closesAt: '09:00' }] } });
    const problem = await expectProblem(await preview(org, { offer: body }), 422, 'validation-failed');
    const pointers = problem.errors!.map((error) => error.pointer);
    assert.ok(pointers.length > 0 && pointers.every((pointer) => pointer.startsWith('/body/offer/')), pointers.join(', '));
    assert.ok(pointers.includes('/body/offer/topics'), pointers.join(', '));
  });

  test("another organization's offer is not found; another organization's key is forbidden", async () => {
    const theirs = await client.created(other, offerBody({ name: 'Fremdes Angebot' }));
    await expectProblem(await preview(org, { offer: offerBody(), replaces: theirs.id }), 404, 'not-found');
    await expectProblem(await preview(other, { offer: offerBody() }), 403, 'forbidden');
  });
});

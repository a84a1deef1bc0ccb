import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from './support/axe.js';
import {
  assertA4,
  printedLink,
  printedView,
  printPublicUrl,
  readable,
  redirectTarget,
  startPrintHub,
  type PrintHub,
} from './support/print.js';
import { expectProblem } from './support/problems.js';
import { needBody, volunteerClient } from './support/volunteering.js';
import { jsonWithKey } from './support/writes.js';

// The volunteer need notice as a club prints it for a notice board: Chromium prints the Hub's page
// to PDF, poppler reads it back, and the QR code on the paper leads to the volunteer board.

describe('print view of a volunteer need', () => {
  let printing: PrintHub;
  let slug: string;
  const ids = { festival: '', draft: '', example: '', closed: '' };

  before(async () => {
    printing = await startPrintHub();
    const { hub } = printing;
    const client = volunteerClient(hub);
    const response = await fetch(`${hub.baseUrl}/organizations`, {
      method: 'POST',
      headers: jsonWithKey(hub.adminToken),
      body: JSON.stringify({
        name: 'Heimatverein Randersacker',
        kind: 'club',
        municipalityId: 'randersacker',
        email: 'info@heimatverein-randersacker.example',
        phone: '09303 0000 42',
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const organization = (await response.json()) as { id: string; slug: string };
    slug = organization.slug;
    ids.festival = (
      await client.created(
        organization.id,
        needBody({
          title: 'Helfende für den Winzerfest-Ausschank',
          description: 'Getränke ausschenken und Gläser spülen <im Zelt>.\n\nEinweisung vor Ort.',
          municipalityId: 'randersacker',
          place: { name: 'Festzelt am Main', address: 'Mainlände 1, 97236 Randersacker' },
          startsAt: '2026-12-12T09:00:00Z',
          endsAt: '2026-12-12T15:00:00Z',
          timeCommitment: '3 Stunden (Schichten)',
          skills: ['Ausschank', 'Spülen'],
          peopleNeeded: 6,
          contactRole: 'Festausschuss',
        }),
      )
    ).id;
    ids.draft = (await client.created(organization.id, needBody({ title: 'Noch nicht veröffentlicht', published: false }))).id;
    ids.closed = (await client.created(organization.id, needBody({ title: 'Laubrechen im Pfarrgarten' }))).id;
    assert.equal((await client.patch(ids.closed, { status: 'closed' })).status, 200);
    const board = (await (await fetch(`${hub.baseUrl}/volunteer-needs?municipality=ochsenfurt`)).json()) as {
      items: { id: string; isExample: boolean }[];
    };
    ids.example = board.items.find((need) => need.isExample)!.id;
  });
  after(() => printing?.close());

  test('one A4 page with what, when, where, how many and the contact; its code leads to the volunteer board', async () => {
    const { facts, codes, page } = await printedView(printing, `/print/volunteer-needs/${ids.festival}`, 'print-need');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    for (const expected of [
      'Heimatverein Randersacker',
      'Stand: 2. Dezember 2026',
      'Wir suchen Helferinnen und Helfer',
      'Helfende für den Winzerfest-Ausschank',
      'Getränke ausschenken und Gläser spülen <im Zelt>.',
      'Ausschank, Spülen',
      'Samstag, 12. Dezember 2026, 10:00 – 16:00 Uhr',
      '3 Stunden (Schichten)',
      'Festzelt am Main',
      'Mainlände 1, 97236 Randersacker',
      '6 Personen',
      'Festausschuss',
      '09303 0000 42',
      'info@heimatverein-randersacker.example',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    assert.ok(!text.includes('Beispieldaten'), 'a real need carries no example mark');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/n/${ids.festival.slice(0, 8)}`);
    const location = await redirectTarget(printing, url);
    assert.equal(location, `/w/volunteer-board?organization=${slug}#need=${ids.festival}`);
    assert.deepEqual(await axeViolations(page), []);
    // The board behind the code shows the need; its organization has no privacy notice yet, so
    // no form opens (print-shifts.test.ts follows a code to an open form).
    await page.goto(`${printing.hub.baseUrl}${location}`);
    await page.getByText('Helfende für den Winzerfest-Ausschank').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole('dialog').count(), 0);
  });

  test('demo data keeps its mark; in English the labels are English', async () => {
    const { facts } = await printedView(printing, `/print/volunteer-needs/${ids.example}`, 'print-need-example');
    assert.equal(facts.pages, 1);
    assert.ok(readable(facts.text).includes('Beispieldaten'), facts.text);
    const english = await printedView(printing, `/print/volunteer-needs/${ids.festival}`, 'print-need-en', 'en');
    assert.ok(readable(english.facts.text).includes('Volunteers wanted'), english.facts.text);
    assert.ok(readable(english.facts.text).includes('Saturday, December 12, 2026'), english.facts.text);
  });

  test('an ended need still prints, and says that it has ended', async () => {
    const { facts } = await printedView(printing, `/print/volunteer-needs/${ids.closed}`, 'print-need-closed');
    assert.equal(facts.pages, 1);
    assert.ok(readable(facts.text).includes('Diese Suche ist beendet.'), facts.text);
  });

  test('a draft, an unknown and a malformed need are 404 problems, as in the API', async () => {
    const get = (path: string) => fetch(`${printing.hub.baseUrl}${path}`);
    await expectProblem(await get(`/print/volunteer-needs/${ids.draft}`), 404, 'not-found');
    await expectProblem(await get('/print/volunteer-needs/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
    await expectProblem(await get('/print/volunteer-needs/not-an-id'), 404, 'not-found');
    await expectProblem(await get(`/n/${ids.draft.slice(0, 8)}`), 404, 'not-found');
  });
});

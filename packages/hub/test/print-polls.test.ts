import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations } from './support/axe.js';
import { fromNow } from './support/clock.js';
import { pollBody, pollClient, type PollJson } from './support/polls.js';
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

// The poll notice for a meeting or a notice board: Chromium prints the Hub's page to PDF, poppler
// reads it back, and the QR code on the paper leads to the poll's page.

const town = 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)';

describe('print view of a poll', () => {
  let printing: PrintHub;
  const polls: Record<'open' | 'codes' | 'draft', PollJson | undefined> = { open: undefined, codes: undefined, draft: undefined };

  before(async () => {
    printing = await startPrintHub();
    const client = pollClient(printing.hub);
    const townId = await client.organizationId(town);
    polls.open = await client.created(
      townId,
      pollBody({
        question: 'Wie soll der neue Dorfplatz in Eisingen heißen?',
        description: 'Der Gemeinderat entscheidet im Januar <nach der Abstimmung>.',
        options: [
          { label: 'Lindenplatz', description: 'nach der alten Linde' },
          { label: 'Brunnenplatz' },
          { label: 'Platz der Begegnung' },
        ],
        kind: 'multiple',
        maxChoices: 2,
        closesAt: '2026-12-20T17:00:00Z',
      }),
    );
    polls.codes = await client.created(
      townId,
      pollBody({ question: 'Soll die Ortsdurchfahrt Tempo 30 bekommen?', participation: 'codes' }),
    );
    polls.draft = await client.created(
      townId,
      pollBody({ question: 'Noch nicht offen', opensAt: fromNow(86_400_000), closesAt: fromNow(2 * 86_400_000) }),
    );
  });
  after(() => printing?.close());

  test('one A4 page: question, options as boxes, how to vote online and in person, until when; the code leads to the poll', async () => {
    const poll = polls.open!;
    const inPerson = 'Im Rathaus Eisingen, Zimmer 3, montags 8–12 Uhr <Stimmzettel>';
    const path = `/print/polls/${poll.shortCode}?vor-ort=${encodeURIComponent(inPerson)}`;
    const { facts, codes, page } = await printedView(printing, path, 'print-poll');
    assert.equal(facts.pages, 1);
    assertA4(facts);
    const text = readable(facts.text);
    for (const expected of [
      'Gemeinde Eisingen',
      'Stand: 2. Dezember 2026',
      'Wie soll der neue Dorfplatz in Eisingen heißen?',
      'Der Gemeinderat entscheidet im Januar <nach der Abstimmung>.',
      'Lindenplatz',
      'nach der alten Linde',
      'Brunnenplatz',
      'Platz der Begegnung',
      'bis zu 2 Antworten',
      'So stimmen Sie ab',
      'Sonntag, 20. Dezember 2026, 18:00 Uhr',
      inPerson,
      'Beispieldaten',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${facts.text}`);
    }
    assert.ok(!text.includes('persönlichen Code'), 'an open poll needs no code');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/p/${poll.shortCode}`);
    const location = await redirectTarget(printing, url);
    assert.equal(location, `/w/poll?poll-id=${poll.shortCode}`);
    assert.equal((await fetch(printing.local(`${printPublicUrl}${location}`))).status, 200);
    assert.deepEqual(await axeViolations(page), []);
    // By UUID the same notice.
    const byId = await fetch(`${printing.hub.baseUrl}/print/polls/${poll.id}`);
    assert.equal(byId.status, 200);
  });

  test('without ?vor-ort= lines to fill in by hand; a code poll says a personal code is needed', async () => {
    const { facts, codes, page } = await printedView(printing, `/print/polls/${polls.codes!.id}`, 'print-poll-codes');
    assert.equal(facts.pages, 1);
    const text = readable(facts.text);
    assert.ok(text.includes('Vor Ort'), facts.text);
    assert.ok(text.includes('Zum Abstimmen brauchen Sie einen persönlichen Code.'), facts.text);
    assert.equal(await page.locator('.fill-in').count(), 2);
    assert.equal(printedLink(facts, codes), `${printPublicUrl}/p/${polls.codes!.shortCode}`);
    assert.deepEqual(await axeViolations(page), []);
  });

  test('a too long ?vor-ort= is a 400 naming it; an unknown poll is a 404 problem; one not yet open is announced with its window', async () => {
    const get = (path: string) => fetch(`${printing.hub.baseUrl}${path}`);
    const problem = await expectProblem(await get(`/print/polls/${polls.open!.id}?vor-ort=${'x'.repeat(201)}`), 400, 'invalid-request');
    assert.deepEqual(
      problem.errors?.map((error) => error.pointer),
      ['/query/vor-ort'],
    );
    assert.equal((await get(`/print/polls/${polls.open!.id}?vor-ort=${'x'.repeat(200)}`)).status, 200);
    const upcoming = await get(`/print/polls/${polls.draft!.id}`);
    assert.equal(upcoming.status, 200);
    const announced = await upcoming.text();
    assert.ok(announced.includes('Abstimmen ab') && announced.includes('Abstimmen bis'), announced);
    await expectProblem(await get('/print/polls/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
    await expectProblem(await get('/print/polls/ZZZZZZ'), 404, 'not-found');
    await expectProblem(await get('/print/polls/not-a-poll'), 404, 'not-found');
  });
});

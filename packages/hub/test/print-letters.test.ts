import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../src/auth/api-keys.js';
import { signedInAs } from './support/accounts.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { fromNow, pinTestClock, testNow } from './support/clock.js';
import { pollBody, pollClient, type PollJson } from './support/polls.js';
import { lookAtPdf, pdfFacts, printPublicUrl, printToPdf, qrCodesOf, startPrintHub, type PrintHub } from './support/print.js';
import { startTestHub } from './support/hub.js';
import { captureLogs } from './support/logs.js';
import { expectProblem } from './support/problems.js';

// Participation-code letters (POST /print/polls/{pollId}/letters) against a real Hub, printed by
// Chromium to PDF and read back with poppler and jsQR: 100 codes made through the API become 100
// A4 letters (50 sheets as A5), each page's QR code opens the poll with that page's code, and the
// code printed on the page is the same; one letter's link, opened, fills the code into the poll
// page, and the vote counts once.

const town = 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)';
const letterUrl = (poll: PollJson, code: string) => `${printPublicUrl}/p/${poll.shortCode}#code=${code}`;

describe('participation-code letters, printed in Chromium', () => {
  let printing: PrintHub;
  let browser: Browser;
  let client: ReturnType<typeof pollClient>;
  let townId: string;
  let poll: PollJson;
  let codes: string[];

  before(async () => {
    pinTestClock();
    printing = await startPrintHub();
    browser = await launchChromium();
    townId = await pollClient(printing.hub).organizationId(town);
    const key = (await createApiKey(printing.hub.database.db, { organizationId: townId, scopes: ['polls:write', 'poll-codes:manage'] }))
      .key;
    client = pollClient(printing.hub, key);
    poll = await client.created(
      townId,
      pollBody({
        participation: 'codes',
        question: 'Soll der Dorfplatz in Eisingen einen Brunnen bekommen?',
        closesAt: fromNow(20 * 86_400_000),
      }),
    );
    codes = await client.codes(poll.id, 100);
  });
  after(async () => {
    await browser?.close();
    await printing?.close();
  });

  /** The letters as the workspace opens them: a page of the Hub posts the codes in a form. */
  async function lettersFromForm(forPoll: PollJson, sent: string[], format: 'a4' | 'a5'): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de' } })).newPage();
    const formPage = `${printing.hub.baseUrl}/test/letters-form`;
    await page.route(formPage, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="de"><title>Codes</title><form method="post" action="/print/polls/${forPoll.id}/letters">
          <input type="hidden" name="codes"><input type="hidden" name="format" value="${format}"><button>Briefe drucken</button></form>`,
      }),
    );
    await page.goto(formPage);
    await page.locator('input[name="codes"]').evaluate((input: HTMLInputElement, value) => (input.value = value), sent.join('\n'));
    const [answer] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/letters')), page.click('button')]);
    assert.equal(answer.status(), 200, await answer.text());
    await page.waitForLoadState('load');
    return page;
  }

  /** Every page's QR codes open the poll with that page's codes, and the page prints the same codes. */
  async function expectLetters(pdf: Buffer, perPage: number): Promise<void> {
    const facts = await pdfFacts(pdf);
    assert.equal(facts.pages, codes.length / perPage);
    for (const [width, height] of facts.pageSizesMm) {
      assert.ok(Math.abs(width - 210) < 1 && Math.abs(height - 297) < 1, `A4, not ${width} × ${height} mm`);
    }
    for (let page = 1; page <= facts.pages; page++) {
      const mine = codes.slice((page - 1) * perPage, page * perPage);
      const decoded = await qrCodesOf(pdf, page, { dpi: 75, strips: perPage });
      assert.deepEqual(decoded.sort(), mine.map((code) => letterUrl(poll, code)).sort(), `the QR codes of page ${page}`);
      const text = facts.pageTexts[page - 1]!;
      for (const code of mine) {
        assert.ok(text.includes(code), `page ${page} prints its code ${code}`);
        assert.ok(text.replace(/\s+/g, '').includes(letterUrl(poll, code).replace('https://', '')), `page ${page} prints its address`);
      }
      assert.equal(
        text.split(/\s+/).filter((word) => /^[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(word)).length,
        perPage,
        `page ${page}: only its own codes`,
      );
      assert.ok(text.replace(/\s+/g, ' ').includes(poll.question), `page ${page} asks the question`);
    }
  }

  test('100 codes: 100 A4 letters, each with its own code and QR code; the letter page passes axe', async () => {
    const page = await lettersFromForm(poll, codes, 'a4');
    assert.deepEqual(await axeViolations(page), [], 'axe on the letters');
    const pdf = await printToPdf(page);
    await expectLetters(pdf, 1);
    const text = (await pdfFacts(pdf)).pageTexts[0]!.replace(/\s+/g, ' ');
    for (const words of [
      'Gemeinde Eisingen',
      'Stand: 2. Dezember 2026',
      'Ihr persönlicher Code',
      'Abstimmen bis',
      'nicht mit Ihrem Namen verbunden',
      'einmal abstimmen',
    ]) {
      assert.ok(text.includes(words), `the letter says "${words}": ${text}`);
    }
    await page.context().close();
  });

  test('as A5: 50 A4 sheets of two letters each, a cut line between them', async () => {
    const page = await lettersFromForm(poll, codes, 'a5');
    await expectLetters(await printToPdf(page), 2);
    await page.context().close();
  });

  test('a letter as an 80-year-old gets it, A4 and A5 (screenshots in SR_SHOTS_DIR)', async () => {
    for (const format of ['a4', 'a5'] as const) {
      const page = await lettersFromForm(poll, codes.slice(0, 2), format);
      await lookAtPdf(await printToPdf(page), `letters-${format}`);
      await page.context().close();
    }
  });

  test("a letter's QR code opens the poll with the code filled in; the vote counts once", async () => {
    const code = codes[7]!;
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(testNow));
    await page.goto(printing.local(letterUrl(poll, code)));
    const field = page.getByLabel('Ihr Teilnahmecode');
    await field.waitFor();
    assert.equal((await field.inputValue()).toUpperCase(), code);
    assert.equal(new URL(page.url()).hash, '', 'the code leaves the address');
    await page.getByRole('radio', { name: poll.options[1]!.label }).check();
    await page.getByRole('button', { name: 'Abstimmen' }).click();
    await page.getByText('Vielen Dank! Ihre Stimme wurde gezählt.').waitFor();
    await context.close();

    const results = await client.results(poll.id);
    assert.equal(results.participants?.online, 1);
    assert.equal(results.options?.find((option) => option.label === poll.options[1]!.label)?.online, 1);
    await expectProblem(await client.vote(poll.id, { choices: [poll.options[0]!.id], code }), 409, 'code-already-used');
    assert.equal((await client.results(poll.id)).participants?.online, 1, 'counted once');
  });

  const post = (pollId: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${printing.hub.baseUrl}/print/polls/${pollId}/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  test('bad input is a 400 naming the field; the answer is kept in no cache', async () => {
    const pointers = async (body: string) =>
      (await expectProblem(await post(poll.id, body), 400, 'invalid-request')).errors?.map((error) => error.pointer);
    assert.deepEqual(await pointers(form({ codes: '' })), ['/body/codes']);
    assert.deepEqual(await pointers(''), ['/body/codes']);
    assert.deepEqual(await pointers(form({ codes: `${codes[0]}\nABCD-EFG0` })), ['/body/codes'], '0 is never in a code');
    assert.deepEqual(await pointers(form({ codes: Array.from({ length: 2001 }, () => codes[0]).join('\n') })), ['/body/codes']);
    assert.deepEqual(await pointers(form({ codes: codes[0]!, format: 'a3' })), ['/body/format']);

    // Typed by hand: any case, spaces, a blank line; printed as XXXX-XXXX.
    const typed = await post(poll.shortCode, form({ codes: `${codes[0]!.toLowerCase().replace('-', ' ')}\r\n\r\n${codes[1]}\r\n` }));
    assert.equal(typed.status, 200);
    assert.equal(typed.headers.get('cache-control'), 'no-store');
    assert.match(typed.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const letters = await typed.text();
    assert.equal(letters.match(/class="code"/g)?.length, 2);
    assert.ok(letters.includes(`>${codes[0]}<`));
  });

  test('a poll in draft: letters only for a member who manages its codes; none for a poll without codes or one that ended', async () => {
    const draft = await client.created(
      townId,
      pollBody({ participation: 'codes', opensAt: fromNow(2 * 86_400_000), closesAt: fromNow(10 * 86_400_000) }),
    );
    const [code] = await client.codes(draft.id, 1);
    const body = form({ codes: code! });
    await expectProblem(await post(draft.id, body), 404, 'not-found');
    const db = printing.hub.database.db;
    const editor = await signedInAs(db, { email: 'redaktion@eisingen.example', role: 'editor', organizationId: townId });
    await expectProblem(await post(draft.id, body, { cookie: editor }), 404, 'not-found');
    const coordinator = await signedInAs(db, { email: 'beteiligung@eisingen.example', role: 'coordinator', organizationId: townId });
    const answer = await post(draft.id, body, { cookie: coordinator });
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /Abstimmen vom Freitag, 4\. Dezember 2026 um \d\d:\d\d Uhr bis/);

    const open = await client.created(townId, pollBody());
    await expectProblem(await post(open.id, body), 409, 'conflict');
    assert.equal((await client.patch(poll.id, { status: 'closed' })).status, 200);
    await expectProblem(await post(poll.id, body), 409, 'poll-not-open');
    await expectProblem(await post('00000000-0000-4000-8000-000000000000', body), 404, 'not-found');
  });

  test('the codes reach no log, even at debug level; the letters in English', async () => {
    const logs = captureLogs('debug');
    const logged = await startTestHub({ logger: logs.logger });
    try {
      const organization = await pollClient(logged).organizationId(town);
      const key = (await createApiKey(logged.database.db, { organizationId: organization, scopes: ['polls:write', 'poll-codes:manage'] }))
        .key;
      const organizer = pollClient(logged, key);
      const codePoll = await organizer.created(organization, pollBody({ participation: 'codes' }));
      const made = await organizer.codes(codePoll.id, 3);
      const answer = await fetch(`${logged.baseUrl}/print/polls/${codePoll.id}/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        body: form({ codes: made.join('\n'), format: 'a5' }),
      });
      const letters = await answer.text();
      assert.equal(answer.status, 200, letters);
      assert.match(letters, /<html lang="en">/);
      for (const words of ['Your personal code:', 'Vote until', 'The code is not linked to your name.'])
        assert.ok(letters.includes(words), words);
      const text = logs.text();
      assert.ok(text.includes('/print/polls/:pollId/letters'), 'the request is logged, by its route');
      for (const code of made) assert.ok(!text.includes(code) && !text.includes(code.replace('-', '')), `${code} is in no log line`);
    } finally {
      await logged.close();
    }
  });
});

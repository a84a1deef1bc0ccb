import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Schema } from '@smart-region/sdk';
import { axeViolations } from './support/axe.js';
import { assertA4, printedLink, printedView, printPublicUrl, readable, startPrintHub, type PrintHub } from './support/print.js';
import { expectProblem } from './support/problems.js';

// The Hilfe-Wegweiser of a real municipality of the demo data, as a town hall prints it: Chromium
// prints the Hub's page to PDF, poppler reads it back. Crisis numbers come first, every offer the
// help finder lists for the place is on paper whole (its name and its phone on one page), and the
// QR code leads to the help finder of the place.

const municipality = 'hoechberg';

describe('print view of the help guide', () => {
  let printing: PrintHub;
  let offers: Schema<'HelpOffer'>[];
  let officialKey: string;

  before(async () => {
    printing = await startPrintHub();
    const base = printing.hub.baseUrl;
    offers = (
      (await (await fetch(`${base}/help-offers?municipality=${municipality}&limit=100`)).json()) as { items: Schema<'HelpOffer'>[] }
    ).items;
    officialKey = ((await (await fetch(`${base}/municipalities/${municipality}`)).json()) as { officialKey: string }).officialKey;
  });
  after(() => printing?.close());

  test('crisis numbers first, then every offer by topic, none split across pages; the code leads to the help finder', async () => {
    const { facts, codes, page } = await printedView(printing, `/print/help-guide/${municipality}`, 'print-help-guide');
    assertA4(facts);
    // The demo data's Höchberg: its own offers and those for the region and nationwide.
    assert.ok(offers.length > 20, `${offers.length} offers`);
    // 11 pages when this was written: large type, one entry never split.
    assert.ok(facts.pages >= 6 && facts.pages <= 14, `${facts.pages} pages for ${offers.length} offers`);
    const text = readable(facts.text);
    assert.ok(text.includes('Hilfe-Wegweiser Höchberg'), facts.text);
    const first = readable(facts.pageTexts[0]!);
    for (const crisis of ['In einer Krise oder im Notfall', 'Notruf 112', 'Polizei 110', '0800 111 0 111']) {
      assert.ok(first.includes(crisis), `"${crisis}" on page 1:\n${facts.pageTexts[0]}`);
    }
    assert.ok(text.indexOf('116 117') < text.indexOf('Seelische Gesundheit'), 'the crisis numbers before the first topic');
    for (const offer of offers) {
      const pages = facts.pageTexts.map(readable).filter((pageText) => pageText.includes(offer.name));
      assert.ok(pages.length >= 1, `${offer.name} is in the guide`);
      const phone = offer.phones[0]?.number;
      if (phone)
        assert.ok(
          pages.some((pageText) => pageText.includes(phone)),
          `${offer.name} and its phone ${phone} on one page`,
        );
    }
    assert.ok(text.includes('Beispieldaten'), 'demo offers keep their mark');
    assert.ok(/Montag bis Freitag \d+(\.\d\d)? bis \d+(\.\d\d)? Uhr/.test(text), 'opening hours in words');
    const url = printedLink(facts, codes);
    assert.equal(url, `${printPublicUrl}/w/help-finder?municipality=${municipality}`);
    assert.equal((await fetch(printing.local(url))).status, 200);
    assert.deepEqual(await axeViolations(page), []);
  });

  test('by official key the same guide; an unknown municipality is a 404 problem', async () => {
    const byKey = await fetch(`${printing.hub.baseUrl}/print/help-guide/${officialKey}`);
    assert.equal(byKey.status, 200);
    assert.match(await byKey.text(), /Hilfe-Wegweiser Höchberg/);
    await expectProblem(await fetch(`${printing.hub.baseUrl}/print/help-guide/atlantis`), 404, 'not-found');
  });
});

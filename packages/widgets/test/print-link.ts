import { expect } from '@open-wc/testing';
import { tabTo } from './helpers.js';

/**
 * "Aushang drucken" as every widget shows it: the Hub's print view of the item, in a new tab,
 * named by its text, reached with Tab from where the focus is.
 */
export async function expectPrintLink(widget: Element, link: HTMLAnchorElement | null, href: string): Promise<void> {
  expect(link, 'no link "Aushang drucken"').to.not.equal(null);
  expect(link!.href).to.equal(href);
  expect(link!.textContent.trim()).to.equal('Aushang drucken');
  expect([link!.target, link!.rel]).to.deep.equal(['_blank', 'noopener']);
  expect(await tabTo(widget, `[part~="print"][href="${link!.getAttribute('href')}"]`)).to.equal(link);
}

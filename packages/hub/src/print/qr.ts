import encodeQR from '@paulmillr/qr';
import { html, trustedHtml, type Html } from '../http/html.js';
import type { PrintLanguage } from './page.js';

/** Light modules around the code, as the QR standard asks, so a reader finds its edges on any paper. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as inline SVG. The library encodes (error correction medium: a notice on
 * a board gets creased and scratched); its dark modules are drawn here as one path instead of a
 * rectangle per module, which keeps a page of a hundred letters small and leaves no hairline seams
 * between modules when a printer or a camera scales it.
 */
export function qrSvg(text: string): Html {
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
  const size = modules.length;
  const path = modules.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return trustedHtml(
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" aria-hidden="true">` +
      `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`,
  );
}

/** An address as people type it: without `https://`, which every browser adds by itself. */
export function displayUrl(url: string): string {
  return url.replace(/^https:\/\//, '');
}

/** A long address breaks before its `?` and each `&`, not inside a word a reader then misreads. */
function breakable(address: string): Html[] {
  return address.split(/(?=[?&])/).map((part, index) => html`${index > 0 ? html`<wbr>` : ''}${part}`);
}

const scanHint = {
  de: 'Mit dem Handy scannen oder die Adresse eingeben:',
  en: 'Scan with your phone or type the address:',
};

/**
 * The block that leads from paper back to the item's page: the QR code, and under it the address
 * written out in large monospace type for those who type it. The code itself is hidden from
 * screen readers; the address says the same.
 */
export function qrBlock(url: string, lang: PrintLanguage, hint: string = scanHint[lang]): Html {
  return html`<figure class="qr">
  ${qrSvg(url)}
  <figcaption><span class="qr-hint">${hint}</span> <span class="qr-url">${breakable(displayUrl(url))}</span></figcaption>
</figure>`;
}

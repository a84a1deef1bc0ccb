import type { FastifyReply, FastifyRequest } from 'fastify';
import { now } from '../clock.js';
import { html, type Html } from '../http/html.js';
import { pageLanguage } from '../system/manage.js';
import { qrBlock } from './qr.js';

/**
 * The A4 page every print view is: one stylesheet (`/print/print.css`), no script, no navigation;
 * the organization's name and "Stand: <date>" at the top, the view's content, and the QR code that
 * leads back to the item's page. The browser prints it ("Drucken" or "Als PDF speichern"): the one
 * layout for paper and PDF.
 */

export type PrintLanguage = 'de' | 'en';

/** No script at all, style only from the Hub's stylesheet, the QR codes are inline. */
export const printPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

export const printTimeZone = 'Europe/Berlin';

export interface PrintPage {
  lang: PrintLanguage;
  /** The page's title and its heading. */
  title: string;
  /** Whose notice it is: printed above the heading. */
  organization: string;
  body: Html;
  /** The item's public page: drawn as QR code with the address under it, at the end of the page. */
  link?: string | undefined;
  /**
   * `sheets`: the body is a series of `.sheet` elements (one per printed page, e.g. letters), each
   * with its own heading and QR code; the page then has no common header or heading.
   */
  layout?: 'page' | 'sheets';
}

/** The language of a print view: the reader's `Accept-Language`, German unless English is preferred. */
export function printLanguage(request: FastifyRequest): PrintLanguage {
  return pageLanguage(request.headers['accept-language']);
}

/** A day as printed, e.g. "Mittwoch, 2. Dezember 2026". */
export function printDate(instant: Date, lang: PrintLanguage, weekday = false): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: weekday ? 'full' : 'long',
    timeZone: printTimeZone,
  }).format(instant);
}

/** A time of day as printed, e.g. "19:30". */
export function printTime(instant: Date, lang: PrintLanguage): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: printTimeZone }).format(instant);
}

/** "Stand: 2. Dezember 2026" by the Hub's clock: how current the paper is. */
export function asOf(lang: PrintLanguage): string {
  return `${lang === 'de' ? 'Stand' : 'As of'}: ${printDate(now(), lang)}`;
}

/** The header of a page or of one sheet: whose it is and how current. */
export function printHeader(organization: string, lang: PrintLanguage): Html {
  return html`<header class="print-header"><p class="organization">${organization}</p><p class="as-of">${asOf(lang)}</p></header>`;
}

/** The whole document of a print view. */
export function renderPrintPage({ lang, title, organization, body, link, layout = 'page' }: PrintPage): string {
  const content =
    layout === 'sheets'
      ? body
      : html`${printHeader(organization, lang)}
<h1>${title}</h1>
${body}
${link === undefined ? '' : qrBlock(link, lang)}`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${organization}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/print/print.css">
</head>
<body>
<main class="${layout}">
${content}
</main>
</body>
</html>
`.markup;
}

/** Sends a print view with its headers: the strict policy, no caching without asking, per language. */
export function sendPrintPage(reply: FastifyReply, page: PrintPage): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', printPolicy)
    .header('Cache-Control', 'no-cache')
    .header('Vary', 'Accept-Language')
    .send(renderPrintPage(page));
}

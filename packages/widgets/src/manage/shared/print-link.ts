import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** The items the Hub prints a notice of, each under its own address (`/print/<kind>/<id>`). */
export type PrintableKind = 'events' | 'volunteer-needs' | 'polls';

/** The Hub's print view of one item: a clean A4 page with a QR code back to it, to print or save as PDF. */
export const printUrl = (kind: PrintableKind, id: string): string => `/print/${kind}/${encodeURIComponent(id)}`;

/**
 * "Aushang drucken": the way from a saved item's screen to its notice for a notice board. In a new
 * tab, so the screen and anything typed in it stay; the link says so, as a new tab is a surprise.
 */
export const printLink = (kind: PrintableKind, id: string): TemplateResult =>
  html`<p><a href=${printUrl(kind, id)} target="_blank" rel="noopener">${msg('Aushang drucken')} ${newTab()}</a></p>`;

/**
 * "Monatsprogramm drucken": the Hub's programme of one month (`YYYY-MM`) of an organization (its
 * slug or id), every date on A4 with a QR code to the calendar; in a new tab, as `printLink`.
 */
export const programmeLink = (organization: string, month: string): TemplateResult =>
  html`<a href=${`/print/events?${new URLSearchParams({ organization, month }).toString()}`} target="_blank" rel="noopener"
    >${msg('Monatsprogramm drucken')} ${newTab()}</a
  >`;

/**
 * "Hilfe-Wegweiser drucken": the Hub's printable guide of a municipality (its slug): crisis numbers
 * first, then every published offer there by topic, for a town hall to lay out; in a new tab.
 */
export const helpGuideLink = (municipality: string): TemplateResult =>
  html`<a href=${`/print/help-guide/${encodeURIComponent(municipality)}`} target="_blank" rel="noopener"
    >${msg('Hilfe-Wegweiser der Gemeinde drucken')} ${newTab()}</a
  >`;

/**
 * Another print view of the Hub (`path`), e.g. a shift's sign-in sheet or a certificate of
 * hours: in a new tab, as `printLink`.
 */
export const printPageLink = (path: string, label: string): TemplateResult =>
  html`<a href=${path} target="_blank" rel="noopener">${label} ${newTab()}</a>`;

/** Said inside a link that opens a new tab, so a screen reader says it too. */
export const newTab = (): string => msg('(öffnet einen neuen Tab)');

import { html, nothing, type TemplateResult } from 'lit';

/**
 * An organization's optional summary of an item in Leichte Sprache (`easyReadSummary`), shown
 * above the item's own text when the widget speaks Leichte Sprache (`lang="de-x-ls"`) and
 * nowhere else. The heading is no `msg()`: it only ever shows in that language.
 *
 * @param level - The heading's level below the item's own heading.
 */
export function easyReadSummary(locale: string, summary: string | null | undefined, level: 3 | 4): TemplateResult | typeof nothing {
  if (locale !== 'de-x-ls' || !summary) return nothing;
  const heading = 'In Leichter Sprache';
  return html`<section part="easy-read">${level === 3 ? html`<h3>${heading}</h3>` : html`<h4>${heading}</h4>`}<p dir="auto">${summary}</p></section>`;
}

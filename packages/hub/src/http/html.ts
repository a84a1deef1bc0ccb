/**
 * HTML the Hub writes itself (embed pages, print views): every value from the database or a
 * request goes through `escapeHtml`, or through the `html` template, which escapes what it is given
 * unless it is already `Html`.
 */

/** `<`, `>`, `&`, quotes, and `{` (the embed page's placeholders) as character references. */
export const escapeHtml = (value: string): string => value.replace(/[<>&"'{]/g, (character) => `&#${character.charCodeAt(0)};`);

/** Markup that is safe to insert as it is: made by `html` or `trustedHtml`. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template may interpolate: text (escaped), markup, lists of either, or nothing (left out). */
export type HtmlValue = string | number | Html | readonly HtmlValue[] | null | undefined | false;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose values are escaped (markup and lists of markup are inserted as they are). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((markup, part, index) => markup + render(values[index - 1]) + part));
}

/** Markup made by code, not from input (an SVG drawn by a library): inserted unescaped. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

import { html, type Html, type HtmlValue } from '../http/html.js';
import type { PrintLanguage } from './page.js';

/** One label and value of a `.facts` list; nothing without a value. */
export function fact(label: string, value: HtmlValue): Html | undefined {
  return value === undefined ? undefined : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** Lines of text, one under the other. */
export function lines(parts: readonly (string | Html | null | undefined)[]): Html | undefined {
  const present = parts.filter((part): part is string | Html => part !== null && part !== undefined && part !== '');
  return present.length === 0 ? undefined : html`${present.map((part, index) => html`${index > 0 ? html`<br>` : ''}${part}`)}`;
}

/** A text's paragraphs as written (blank lines between them, line breaks kept). */
export function paragraphs(text: string | null): Html[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => html`<p class="description">${lines(paragraph.split('\n'))}</p>`);
}

const exampleNotes = {
  de: 'Beispieldaten: erfunden, nur zur Vorführung.',
  en: 'Example data: invented, for demonstration only.',
};

/** The demo data's mark on paper too, so an invented item is never taken for a real one. */
export function exampleNote(isExample: boolean, lang: PrintLanguage): Html | undefined {
  return isExample ? html`<p class="example-note">${exampleNotes[lang]}</p>` : undefined;
}

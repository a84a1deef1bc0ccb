import { html, type TemplateResult } from 'lit';

/**
 * Text from the Hub within the widget's own sentence or line, isolated (`<bdi>`: its direction
 * from its own letters, `unicode-bidi: isolate`). Text is stored as entered, so it may hold
 * direction controls: an unclosed U+202E (right-to-left override) in a name would otherwise
 * turn the rest of the sentence around it, e.g. the consent a volunteer gives. Text that fills
 * an element alone gets `dir="auto"` on that element instead, which isolates it the same way.
 */
export const isolated = (text: string): TemplateResult => html`<bdi>${text}</bdi>`;

/** Several texts from the Hub on one line (topics, skills), each isolated, between `separator`s. */
export const isolatedList = (texts: string[], separator: string): TemplateResult[] =>
  texts.map((text, index) => html`${index ? separator : ''}<bdi>${text}</bdi>`);

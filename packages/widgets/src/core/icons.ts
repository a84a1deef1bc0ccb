import { svg } from 'lit';

// Decorative: the text next to an icon says everything, so icons are hidden from assistive tech.
const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">${path}</svg>`;

/** A circle with an exclamation mark: something went wrong. */
export const alertIcon = icon(svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z"/>`);

/** A circle with an "i": something worth knowing about what is shown. */
export const infoIcon = icon(svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z"/>`);

/** Pointing back: the previous month, week or page. */
export const previousIcon = icon(svg`<path d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z"/>`);

/** Pointing on: the next month, week or page. */
export const nextIcon = icon(svg`<path d="M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z"/>`);

/**
 * The messages between an embed page of the Hub (in an iframe) and the page that frames it.
 * Types only: `frame.ts` and `parent.ts` are separate CDN files, and a shared module would become
 * a chunk each of them loads.
 */

/** The embed page's content height in CSS pixels, sent to `window.parent` whenever it changes. */
export interface HeightMessage {
  type: 'sr-embed:height';
  height: number;
}

/** The parent script asks an iframe that loaded before it for its height again. */
export interface MeasureMessage {
  type: 'sr-embed:measure';
}

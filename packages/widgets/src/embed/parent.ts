import type { HeightMessage, MeasureMessage } from './protocol.js';

/**
 * `sr-embed.js`, for the page that frames a widget: each `<iframe data-sr-embed>` takes the height
 * its embed page reports, so it shows the widget without a scroll bar of its own. Only messages
 * from the Hub's origin count — the origin this script was loaded from — and only for the iframe
 * that sent them. Without this script the iframe keeps the height of its snippet and scrolls.
 */

const hubOrigin = new URL(import.meta.url).origin;

/** The embed iframes of the page. */
const frames = () => [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-sr-embed]')];

/** No border around the widget: set here, as a strict CSP on the page refuses a snippet's `style` attribute. */
const borderless = (frame: HTMLIFrameElement) => {
  frame.style.border = '0';
};

const isHeight = (data: unknown): data is HeightMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as HeightMessage).type === 'sr-embed:height' &&
  Number.isInteger((data as HeightMessage).height) &&
  (data as HeightMessage).height > 0;

addEventListener('message', (event) => {
  if (event.origin !== hubOrigin || !isHeight(event.data)) return;
  const frame = frames().find((candidate) => candidate.contentWindow === event.source);
  if (!frame) return;
  borderless(frame);
  frame.style.height = `${event.data.height}px`;
});

// Embed pages that loaded before this script reported their height to no one: ask again.
for (const frame of frames()) {
  borderless(frame);
  frame.contentWindow?.postMessage({ type: 'sr-embed:measure' } satisfies MeasureMessage, hubOrigin);
}

import type { HeightMessage, MeasureMessage } from './protocol.js';

/**
 * The script of the Hub's embed pages (`/embed/<widget>`), inside the iframe of another site:
 * - it tells the parent page the height of its content whenever that changes, so the parent's
 *   `sr-embed.js` can size the iframe (any parent may read it: a height says nothing about the reader);
 *   the help finder's at most a screen high;
 * - the help finder's quick exit leaves the whole site, not only the frame: it navigates the top
 *   page when the browser lets a frame do that (after the reader's click or key), else it empties the frame.
 */

const framed = window.parent !== window;

/** The content's height, not the document's: that never gets smaller than the iframe itself. */
const content = document.querySelector('main');

/**
 * The help finder keeps its quick exit at the top of the screen as the reader scrolls. A frame as
 * high as its whole list would scroll with the site, and the exit with it, out of sight: its frame
 * is at most a screen high and scrolls inside, the exit always in reach.
 */
const maxHeight = document.querySelector('sr-help-finder') ? screen.availHeight : Infinity;

let reported = 0;
function reportHeight(force = false): void {
  if (!framed || !content) return;
  const height = Math.min(Math.ceil(content.getBoundingClientRect().height), maxHeight);
  if (height === 0 || (height === reported && !force)) return;
  reported = height;
  window.parent.postMessage({ type: 'sr-embed:height', height } satisfies HeightMessage, '*');
}

if (content) new ResizeObserver(() => reportHeight()).observe(content);

addEventListener('message', (event) => {
  if (event.source === window.parent && (event.data as MeasureMessage | undefined)?.type === 'sr-embed:measure') reportHeight(true);
});

/**
 * Where the quick exit goes from a frame: the finder's `exit-url`, else the start page of the site
 * that frames it (its origin is the referrer a browser sends by default), else a blank page.
 */
function exitUrl(finder: Element): string {
  const own = finder.getAttribute('exit-url')?.trim();
  if (own) return own;
  return document.referrer ? new URL('/', document.referrer).href : 'about:blank';
}

document.addEventListener('sr-quick-exit', (event) => {
  if (!framed || !(event.target instanceof Element)) return;
  event.preventDefault();
  try {
    // Allowed to a frame of another origin only after the reader's click or key press, and not
    // in a frame the site sandboxed without `allow-top-navigation`.
    window.top!.location.replace(exitUrl(event.target));
  } catch {
    // Then at least the frame empties: a site's page in it could be refused framing and show an error.
    location.replace('about:blank');
  }
});

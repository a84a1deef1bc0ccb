/**
 * Loads each widget the first time its tag appears in `root`: now, or later when a page or a
 * CMS adds it. Stops watching once every tag is loaded. Elements inside other components'
 * shadow roots are not seen: pages that put widgets there load the widget files directly.
 */
export function autoload(root: Document | Element, tags: readonly string[], load: (tag: string) => Promise<unknown>): MutationObserver {
  const pending = new Set(tags);
  const loadFound = () => {
    for (const tag of pending) {
      const defined = customElements.get(tag) !== undefined; // its file came through a script tag of its own
      if (!defined && !root.querySelector(tag)) continue; // not on the page (yet)
      pending.delete(tag);
      if (defined) continue;
      load(tag).catch((error: unknown) => console.warn(`@smart-region/widgets: ${tag}.js could not be loaded.`, error));
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(loadFound);
  observer.observe(root, { childList: true, subtree: true });
  loadFound();
  return observer;
}

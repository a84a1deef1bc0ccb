/**
 * Registers `tag` unless it already is. A page may load a widget twice — the autoloader and a
 * script tag, or two bundles that both bring `<sr-hub>` — and `customElements.define` would
 * throw on the second call; the first definition simply stays.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

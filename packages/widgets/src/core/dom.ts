/**
 * The element and its ancestors up to `<html>`, stepping out of shadow roots to their hosts:
 * a widget inside another component's shadow DOM still belongs to the page around it.
 */
export function* selfAndAncestors(element: Element): Generator<Element> {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element) yield node;
  }
}

/** The focused element, looking into shadow roots (the page only sees the widget's host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

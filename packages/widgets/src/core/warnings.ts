const warned = new WeakMap<Element, Set<string>>();

/**
 * Tells the page's developer, once per element and message, what is wrong and how to fix it,
 * e.g. `<sr-poll> hub-url="hub.example.org" is not a URL. …`. A widget re-renders often and
 * retries on request; repeating the same warning would bury it.
 */
export function warnOnce(element: Element, message: string): void {
  let messages = warned.get(element);
  if (!messages) warned.set(element, (messages = new Set()));
  if (messages.has(message)) return;
  messages.add(message);
  console.warn(`<${element.localName}> ${message}`);
}

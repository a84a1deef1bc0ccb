/**
 * The element matching `selector` in the shadow root of the story's `tag`, once it is there: for
 * `play` functions that act on a widget after it loaded.
 */
export async function inWidget(canvasElement: HTMLElement, tag: string, selector: string): Promise<HTMLElement> {
  const widget = canvasElement.querySelector(tag)!;
  for (;;) {
    const found = widget.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

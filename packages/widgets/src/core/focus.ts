import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Moves the focus to what an update is about to render: a confirmation, an error message, the
 * next question. The element is looked for after each update until one has rendered it (a
 * calendar day may still be loading), then focused once.
 */
export class FocusAfterUpdate implements ReactiveController {
  #selector: string | undefined;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Focuses the first element in the widget matching `selector` once rendered; `undefined` cancels. */
  request(selector?: string): void {
    this.#selector = selector;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.#selector && this.host.renderRoot.querySelector<HTMLElement>(this.#selector);
    if (!target) return;
    this.#selector = undefined;
    target.focus();
  }
}

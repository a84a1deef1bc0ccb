import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs the last of a burst of calls once they pause, e.g. a search as the reader types: the Hub
 * is asked for the words, not for every letter. Nothing runs after the widget left the page.
 */
export class Debounce implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly pause: number,
  ) {
    host.addController(this);
  }

  /** Runs `action` after `pause` milliseconds without another call; an earlier one waiting is dropped. */
  run(action: () => void): void {
    this.cancel();
    this.#timer = setTimeout(action, this.pause);
  }

  /** Drops the call waiting, e.g. when the reader chose something that applies at once. */
  cancel(): void {
    clearTimeout(this.#timer);
  }

  hostDisconnected(): void {
    this.cancel();
  }
}

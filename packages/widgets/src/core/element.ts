import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Hands the element it is placed on to `callback`, at every render. What the widgets need of
 * Lit's `ref` without its disconnect bookkeeping (an `AsyncDirective`, about 600 bytes gzip):
 * users that must not act on a removed element check `isConnected`.
 */
export const element = directive(
  class extends Directive {
    render(_callback: (element: HTMLElement) => void): unknown {
      return noChange;
    }

    override update(part: ElementPart, [callback]: [(element: HTMLElement) => void]): unknown {
      callback(part.element as HTMLElement);
      return noChange;
    }
  },
);

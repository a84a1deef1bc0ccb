/** The `sr-*` events declared in `GlobalEventHandlersEventMap` by the widgets. */
export type SrEventType = Extract<keyof GlobalEventHandlersEventMap, `sr-${string}`>;

/** The `detail` an `sr-*` event carries, as declared. */
export type SrEventDetail<K extends SrEventType> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires a typed widget event that pages can listen for on the widget or any ancestor: it
 * bubbles out of shadow roots. Declare each event once next to its widget:
 *
 * ```ts
 * declare global {
 *   interface GlobalEventHandlersEventMap {
 *     'sr-vote': CustomEvent<{ pollId: string; optionIds: string[] }>;
 *   }
 * }
 * ```
 *
 * Returns `false` when a listener called `preventDefault()` on a `cancelable` event.
 */
export function emit<K extends SrEventType>(target: EventTarget, type: K, detail: SrEventDetail<K>, { cancelable = false } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

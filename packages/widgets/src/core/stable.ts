/**
 * One object for equal values. `@lit/task` loads again when an argument is another object, so a
 * widget that builds its query anew in every update passes it through here: the task loads
 * only when the query really changed.
 */
export class Stable<T> {
  #key: string | undefined;
  #value: T | undefined;

  /** `value`, or the earlier object when that one is equal (compared as JSON). */
  of(value: T): T {
    const key = JSON.stringify(value);
    if (key !== this.#key) {
      this.#key = key;
      this.#value = value;
    }
    return this.#value as T;
  }
}

/**
 * A new key for the `Idempotency-Key` header of a citizen action (a vote, a volunteer response).
 *
 * Make one per action, not per request, and keep it until the action succeeded: the client
 * sends the same key on its own retries, and if the citizen presses "try again" after an
 * offline error, sending the same key again means the Hub still counts the action once.
 *
 * A random UUID (`crypto.randomUUID()`, in Node 20+ and in browsers on HTTPS or localhost).
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

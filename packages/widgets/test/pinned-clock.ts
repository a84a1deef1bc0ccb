/**
 * Loaded before every test module: the page's clock reads the instant the test Hub is pinned to
 * (`?now=` in this module's address) and runs on from there at the real pace. Timers are left
 * alone, so debounces, retries and timeouts behave as they do for a visitor.
 */
const pinned = Date.parse(new URL(import.meta.url).searchParams.get('now') ?? '');
if (Number.isNaN(pinned)) throw new Error('pinned-clock.ts needs ?now=<an ISO instant>.');

const RealDate = Date;
const offset = pinned - RealDate.now();
const current = () => RealDate.now() + offset;

/** `Date` as the page sees it: only "now" moves, every other use is the real one. */
function PinnedDate(this: unknown, ...args: unknown[]): Date | string {
  if (!new.target) return new RealDate(current()).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [current()] : args, new.target) as Date;
}
PinnedDate.prototype = RealDate.prototype;
Object.setPrototypeOf(PinnedDate, RealDate);
PinnedDate.now = current;

globalThis.Date = PinnedDate as unknown as DateConstructor;

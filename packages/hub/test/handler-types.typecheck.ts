/**
 * Compile-time checks that handlers answer what the contract documents, run by
 * `tsc -p packages/hub` (not by the test runner: every assertion here is about what compiles).
 * `@ts-expect-error` fails the type check when the line below it stops being an error, so each
 * wrongly shaped handler really is refused.
 */
import type { Handlers, OperationHandler, OperationResult, Schemas } from '../src/http/api.js';

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// A JSON answer is its schema; a calendar or CSV answer is text; a 204 is nothing.
expectType<Equal<OperationResult<'getMunicipality'>, Schemas['Municipality']>>();
expectType<Equal<OperationResult<'getEventsCalendar'>, string>>();
expectType<Equal<OperationResult<'deleteEvent'>, void>>();
// A handler that sets the status through `reply` answers one of the documented 2xx bodies.
expectType<Equal<OperationResult<'listVolunteerResponses'>, Schemas['VolunteerResponsePage'] | string>>();

export const rightlyShaped: OperationHandler<'getHealth'> = async () => ({ status: 'ok', database: 'ok', version: '0.1.0' });

// @ts-expect-error -- `status` must be "ok", as the contract's Health says.
export const wrongValue: OperationHandler<'getHealth'> = async () => ({ status: 'fine', database: 'ok', version: '0.1.0' });

// @ts-expect-error -- a page needs `nextCursor`.
export const missingField: OperationHandler<'listMunicipalities'> = async () => ({ items: [] });

// @ts-expect-error -- the proof-of-work challenge must be signed.
export const unsignedChallenge: OperationHandler<'getPollChallenge'> = async () => ({
  parameters: { algorithm: 'SHA-256', nonce: '00', salt: '00', cost: 1, keyLength: 32, keyPrefix: '00' },
  signature: undefined,
});

// @ts-expect-error -- a calendar is text, not an object.
export const calendarAsJson: OperationHandler<'getEventsCalendar'> = async () => ({ events: [] });

// @ts-expect-error -- a 204 has no body.
export const bodyOnNoContent: Pick<Handlers, 'deleteEvent'> = { deleteEvent: async () => ({ deleted: true }) };

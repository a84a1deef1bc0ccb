import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ProblemError } from './problems.js';

/** Carries a preview's answer out of the transaction it was made in, which it rolls back. */
class Previewed<Value> extends Error {
  constructor(readonly value: Value) {
    super('previewed');
  }
}

/**
 * What a save would make of an item, without saving it: `work` runs the domain's own create or
 * update and reads the public answer back, inside a transaction that is then rolled back. So a
 * preview is checked and shaped by exactly the code that serves citizens, and leaves nothing.
 *
 * The item travels in the body's `field` (`{ "event": {…} }`): the domain's field errors, which
 * point into the item's own fields (`/body/title`), are moved there (`/body/event/title`), as the schema's
 * errors already are.
 */
export async function withoutSaving<Value>(
  db: Kysely<Database>,
  field: string,
  work: (trx: Transaction<Database>) => Promise<Value>,
): Promise<Value> {
  try {
    await db.transaction().execute(async (trx) => {
      throw new Previewed(await work(trx));
    });
  } catch (error) {
    if (error instanceof Previewed) return error.value as Value;
    if (error instanceof ProblemError && error.problem.errors) {
      const moved = (pointer: string) => pointer.replace(/^\/body(?=\/|$)/, `/body/${field}`);
      error.problem.errors = error.problem.errors.map((fieldError) => ({ ...fieldError, pointer: moved(fieldError.pointer) }));
      if (error.problem.detail) error.problem.detail = error.problem.detail.replace(/\/body(?=\/|\s|$)/g, `/body/${field}`);
    }
    throw error;
  }
  throw new Error('A preview transaction ended without its answer.');
}

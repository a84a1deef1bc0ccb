import { ProblemError } from '../http/problems.js';

/** Placeholder of an open-data operation while its part is built. */
export function notBuilt(): never {
  throw new ProblemError('not-found', 'This open-data operation is being built.');
}

import { isHubError } from '../../core/errors.js';

/** Whether the Hub refused with this problem type (`/problems/last-owner` is `last-owner`). */
export function isProblem(error: unknown, type: string): boolean {
  return isHubError(error) && (error.type === type || error.type.endsWith(`/${type}`));
}

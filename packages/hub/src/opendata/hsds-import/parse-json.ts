import { ProblemError } from '../../http/problems.js';
import type { HsdsService } from './dataset.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Not an HSDS dataset: nothing is imported, and the answer says what was expected. */
export function notHsds(detail: string): ProblemError {
  return new ProblemError('validation-failed', `This is no HSDS dataset: ${detail}`);
}

/**
 * The services of an HSDS dataset sent as JSON, in the shapes an HSDS API answers: a page (its
 * `contents`), a list of services, or one service.
 */
export function servicesFromJson(body: unknown): HsdsService[] {
  const services = isObject(body) && Array.isArray(body['contents']) ? body['contents'] : Array.isArray(body) ? body : [body];
  services.forEach((service, index) => {
    if (!isObject(service) || !('id' in service) || !('name' in service)) {
      throw notHsds(
        `item ${index} is no service (an object with "id" and "name"); send a page with "contents", a list of services, or one service.`,
      );
    }
  });
  return services as HsdsService[];
}

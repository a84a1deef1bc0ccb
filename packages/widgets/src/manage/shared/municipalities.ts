import { paginate, type HubClient, type Schema } from '@smart-region/sdk';
import { collect } from '../../core/collect.js';

/** Every municipality of the region, page by page: the choices of each form's municipality select. */
export function allMunicipalities(hub: HubClient, signal: AbortSignal): Promise<Schema<'Municipality'>[]> {
  return collect(paginate(hub, '/municipalities', { params: { query: { limit: 100 } }, signal }));
}

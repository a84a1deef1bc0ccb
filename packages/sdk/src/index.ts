export {
  createHubClient,
  type HttpMethod,
  type HubClient,
  type HubClientOptions,
  type HubMethod,
  type HubPath,
  type HubRequestInit,
  type HubResponseData,
} from './client.js';
export { HubError, networkErrorType, type FieldError, type HubErrorInit, type Problem } from './errors.js';
export type { CacheOptions } from './etag-cache.js';
export type { components, operations, paths } from './generated/hub.js';
export { newIdempotencyKey } from './idempotency.js';
export { pages, paginate, type PageItem, type PaginatedPath } from './paginate.js';
export type { RetryOptions } from './retry.js';
export type {
  District,
  GeoPoint,
  Health,
  Municipality,
  Organization,
  OrganizationInput,
  OrganizationKind,
  OrganizationPatch,
  Page,
  Schema,
} from './schemas.js';
export type { Fetch } from './transport.js';
export { versionOf } from './version.js';

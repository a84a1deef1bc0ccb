import type { components } from './generated/hub.js';

/** A schema of the contract by name, e.g. `Schema<'Municipality'>`; new schemas work as they come. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Municipality = Schema<'Municipality'>;
export type District = Schema<'District'>;
export type GeoPoint = Schema<'GeoPoint'>;
export type Organization = Schema<'Organization'>;
export type OrganizationKind = Schema<'OrganizationKind'>;
export type OrganizationInput = Schema<'OrganizationInput'>;
export type OrganizationPatch = Schema<'OrganizationPatch'>;
export type Health = Schema<'Health'>;

/** One page of a list: `items`, and `nextCursor` to pass as `cursor` (`null` on the last page). */
export type Page<T> = Schema<'PageBase'> & { items: T[] };

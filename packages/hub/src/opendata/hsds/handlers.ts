import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import type { OpenDataOptions } from '../licence.js';
import { notBuilt } from '../not-built.js';

type Operations =
  | 'getHsdsApiInfo'
  | 'listHsdsServices'
  | 'getHsdsService'
  | 'listHsdsOrganizations'
  | 'getHsdsOrganization'
  | 'listHsdsTaxonomies'
  | 'getHsdsTaxonomy'
  | 'listHsdsTaxonomyTerms'
  | 'getHsdsTaxonomyTerm'
  | 'listHsdsServiceAtLocations'
  | 'getHsdsServiceAtLocation';

/** The HSDS 3.0 read API (`/hsds/…`). */
export function hsdsHandlers(
  _db: Kysely<Database>,
  _options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, Operations> {
  return {
    getHsdsApiInfo: notBuilt,
    listHsdsServices: notBuilt,
    getHsdsService: notBuilt,
    listHsdsOrganizations: notBuilt,
    getHsdsOrganization: notBuilt,
    listHsdsTaxonomies: notBuilt,
    getHsdsTaxonomy: notBuilt,
    listHsdsTaxonomyTerms: notBuilt,
    getHsdsTaxonomyTerm: notBuilt,
    listHsdsServiceAtLocations: notBuilt,
    getHsdsServiceAtLocation: notBuilt,
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

type Operations = 'listApiKeys' | 'createApiKey' | 'revokeApiKey';

export function apiKeyHandlers(_db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    listApiKeys: notBuilt('listApiKeys'),
    createApiKey: notBuilt('createApiKey'),
    revokeApiKey: notBuilt('revokeApiKey'),
  };
}

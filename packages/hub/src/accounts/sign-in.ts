import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

type Operations = 'getSignInOptions' | 'requestSignInLink' | 'createSession' | 'deleteCurrentSession' | 'getMe' | 'updateMe' | 'listMySessions' | 'deleteMySessions' | 'deleteMySession';

export function signInHandlers(_db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    getSignInOptions: notBuilt('getSignInOptions'),
    requestSignInLink: notBuilt('requestSignInLink'),
    createSession: notBuilt('createSession'),
    deleteCurrentSession: notBuilt('deleteCurrentSession'),
    getMe: notBuilt('getMe'),
    updateMe: notBuilt('updateMe'),
    listMySessions: notBuilt('listMySessions'),
    deleteMySessions: notBuilt('deleteMySessions'),
    deleteMySession: notBuilt('deleteMySession'),
  };
}

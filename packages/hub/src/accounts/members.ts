import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Handlers } from '../http/api.js';
import { notBuilt } from './not-built.js';

type Operations = 'listMembers' | 'updateMember' | 'removeMember' | 'listInvitations' | 'createInvitation' | 'resendInvitation' | 'revokeInvitation' | 'acceptInvitation';

export function memberHandlers(_db: Kysely<Database>): Pick<Handlers, Operations> {
  return {
    listMembers: notBuilt('listMembers'),
    updateMember: notBuilt('updateMember'),
    removeMember: notBuilt('removeMember'),
    listInvitations: notBuilt('listInvitations'),
    createInvitation: notBuilt('createInvitation'),
    resendInvitation: notBuilt('resendInvitation'),
    revokeInvitation: notBuilt('revokeInvitation'),
    acceptInvitation: notBuilt('acceptInvitation'),
  };
}

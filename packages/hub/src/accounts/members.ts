import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { assertSignInRequest, newToken, sha256 } from '../auth/sessions.js';
import { resolveOwner } from '../auth/resource-owners.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Handlers, Schemas } from '../http/api.js';
import { fieldError, invalidBody, ProblemError } from '../http/problems.js';
import { enqueueMail } from '../mail/outbox.js';
import {
  acceptInvitationByHash,
  countOwners,
  deleteMember,
  findMember,
  findOpenInvitation,
  findPersonByEmail,
  grantMembership,
  insertInvitation,
  isMember,
  listMembers,
  listOpenInvitations,
  lockMembersOf,
  personWithAddress,
  renewInvitation,
  revokeInvitation,
  setMemberRole,
  type InvitationRow,
  type MemberRow,
} from './queries.js';
import { signInAnswer } from './me.js';
import type { AccountMail } from './registrations.js';

type Operations =
  | 'listMembers'
  | 'updateMember'
  | 'removeMember'
  | 'listInvitations'
  | 'createInvitation'
  | 'resendInvitation'
  | 'revokeInvitation'
  | 'acceptInvitation';

/** How long an invitation link works (sent again: from then). */
const INVITATION_SECONDS = 7 * 86_400;

function toMember(row: MemberRow): Schemas['Member'] {
  return {
    person: { id: row.person_id, email: row.email, displayName: row.display_name },
    role: row.role,
    since: row.created_at.toISOString(),
  };
}

function toInvitation(row: InvitationRow): Schemas['Invitation'] {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    expired: row.expired,
  };
}

function lastOwner(change: string): ProblemError {
  return new ProblemError(
    'last-owner',
    `This would ${change} the organization's last owner; an organization keeps at least one. Make another member owner first.`,
  );
}

function noMember(personId: string): ProblemError {
  return new ProblemError('not-found', `Person "${personId}" is not a member of this organization.`);
}

function noInvitation(invitationId: string): ProblemError {
  return new ProblemError('not-found', `There is no open invitation "${invitationId}" of this organization.`);
}

/** The signed-in person acting (members are managed with a session only). */
function actingPersonId(request: FastifyRequest): string | null {
  return request.principal?.kind === 'person' ? request.principal.personId : null;
}

export function memberHandlers(db: Kysely<Database>, { outbox, publicUrl }: AccountMail): Pick<Handlers, Operations> {
  const invitationUrl = (token: string) => `${publicUrl}/manage/invitation?token=${token}`;

  /** Queues the invitation's mail with its link, in the transaction that made the token. */
  async function mailInvitation(trx: Kysely<Database>, invitation: InvitationRow, token: string): Promise<void> {
    await enqueueMail(trx, {
      kind: 'invitation',
      to: invitation.email,
      payload: {
        url: invitationUrl(token),
        organizationName: invitation.organization_name,
        role: invitation.role,
        invitedBy: invitation.invited_by_name ?? invitation.organization_name,
        expiresAt: invitation.expires_at.toISOString(),
      },
      language: invitation.language,
    });
  }

  return {
    async listMembers(request) {
      return { items: (await listMembers(db, request.params.organizationId)).map(toMember) };
    },

    async updateMember(request) {
      const { organizationId, personId } = request.params;
      const { role } = request.body;
      const member = await inTransaction(db, async (trx) => {
        await lockMembersOf(trx, organizationId);
        const current = await findMember(trx, organizationId, personId);
        if (!current) throw noMember(personId);
        if (current.role === 'owner' && role !== 'owner' && (await countOwners(trx, organizationId)) === 1)
          throw lastOwner('take the role of');
        await setMemberRole(trx, organizationId, personId, role);
        return { ...current, role };
      });
      return toMember(member);
    },

    /** Takes effect with the person's next request: sessions read their memberships on every request. */
    async removeMember(request, reply) {
      const { organizationId, personId } = request.params;
      await inTransaction(db, async (trx) => {
        await lockMembersOf(trx, organizationId);
        const current = await findMember(trx, organizationId, personId);
        if (!current) throw noMember(personId);
        if (current.role === 'owner' && (await countOwners(trx, organizationId)) === 1) throw lastOwner('remove');
        await deleteMember(trx, organizationId, personId);
      });
      reply.code(204);
    },

    async listInvitations(request) {
      return { items: (await listOpenInvitations(db, request.params.organizationId)).map(toInvitation) };
    },

    async createInvitation(request, reply) {
      const { organizationId } = request.params;
      const { email, role, language } = request.body;
      if (await isMember(db, organizationId, email)) {
        throw new ProblemError('conflict', `${email} is a member of this organization already; change their role instead.`);
      }
      const { token, hash } = newToken();
      const invitation = await inTransaction(db, async (trx) => {
        const id = await insertInvitation(trx, {
          organizationId,
          email,
          role,
          hash,
          invitedBy: actingPersonId(request),
          language: language ?? 'de',
          lifetimeSeconds: INVITATION_SECONDS,
        });
        const created = (await findOpenInvitation(trx, organizationId, id))!;
        await mailInvitation(trx, created, token);
        return created;
      });
      outbox.kick();
      reply.code(201);
      return toInvitation(invitation);
    },

    async resendInvitation(request) {
      const { organizationId, invitationId } = request.params;
      const { token, hash } = newToken();
      const invitation = await inTransaction(db, async (trx) => {
        if (!(await findOpenInvitation(trx, organizationId, invitationId))) throw noInvitation(invitationId);
        await renewInvitation(trx, invitationId, hash, INVITATION_SECONDS);
        const renewed = (await findOpenInvitation(trx, organizationId, invitationId))!;
        await mailInvitation(trx, renewed, token);
        return renewed;
      });
      outbox.kick();
      return toInvitation(invitation);
    },

    async revokeInvitation(request, reply) {
      const { organizationId, invitationId } = request.params;
      if (!(await revokeInvitation(db, organizationId, invitationId))) throw noInvitation(invitationId);
      reply.code(204);
    },

    /**
     * The link proves the address: the person (created when the address has no account yet),
     * the membership and a session. Someone who is a member already keeps the higher of their role
     * and the invited one: an invitation adds rights, it never takes any (that is `updateMember`'s,
     * with its last-owner rule).
     */
    async acceptInvitation(request, reply) {
      assertSignInRequest(request, "Invitations are accepted only on the Hub's own pages (Origin).");
      const { token, displayName } = request.body;
      const person = await inTransaction(db, async (trx) => {
        const invitation = await acceptInvitationByHash(trx, sha256(token));
        if (!invitation) {
          throw new ProblemError(
            'invalid-invitation',
            'This invitation link has expired, was revoked or used already. Ask for a new invitation.',
          );
        }
        let invitee = await findPersonByEmail(trx, invitation.email);
        if (!invitee) {
          // Thrown inside the transaction, so the invitation stays open for the next try.
          if (!displayName) throw invalidBody([fieldError('/displayName', 'required', 'is needed: this address has no account yet')]);
          invitee = await personWithAddress(trx, invitation.email, displayName);
        }
        await grantMembership(trx, invitation.organization_id, invitee.id, invitation.role);
        return { ...invitee, organizationId: invitation.organization_id };
      });
      // In the audit log of the organization joined.
      request.organization = await resolveOwner(db, { organizationId: person.organizationId });
      return signInAnswer(db, person.id, 'invitation', request, reply);
    },
  };
}

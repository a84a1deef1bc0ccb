import type { Kysely } from 'kysely';
import type { Database, OrganizationStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Handlers, Schemas } from '../http/api.js';
import { mapPage } from '../http/listing.js';
import { fieldError, invalidBody, invalidFields, ProblemError } from '../http/problems.js';
import { enqueueMail, type Outbox } from '../mail/outbox.js';
import { knownMunicipalities } from '../orgs/lookups.js';
import { checkOrganization, newOrganizationRow, toOrganization } from '../orgs/organizations.js';
import { insertOrganization } from '../orgs/queries.js';
import {
  decideRegistration,
  findRegistration,
  grantMembership,
  listRegistrations,
  personWithAddress,
  type RegistrationRow,
} from './queries.js';

type Operations = 'registerOrganization' | 'listOrganizationRegistrations' | 'decideOrganizationRegistration';

/** What the accounts' handlers need besides the database to send their mails. */
export interface AccountMail {
  outbox: Outbox;
  /** The Hub's origin as people reach it (`PUBLIC_URL`), for the links in mails; never taken from a request. */
  publicUrl: string;
}

function toRegistration(row: RegistrationRow): Schemas['OrganizationRegistration'] {
  return {
    organization: toOrganization(row),
    status: row.status,
    applicant: row.applicant_id ? { id: row.applicant_id, email: row.applicant_email!, displayName: row.applicant_name! } : null,
    registeredAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.decision_reason,
  };
}

const decided: Record<Schemas['OrganizationDecision']['decision'], Exclude<OrganizationStatus, 'pending'>> = {
  approve: 'approved',
  reject: 'rejected',
};

export function registrationHandlers(db: Kysely<Database>, { outbox, publicUrl }: AccountMail): Pick<Handlers, Operations> {
  return {
    /**
     * The organization, its first person (unless someone has the address already: then that
     * person, unchanged) and the owner membership, in one transaction with the mail. The answer
     * is the same whether the address had an account or not.
     */
    async registerOrganization(request, reply) {
      const { organization, person, language } = request.body;
      const errors = checkOrganization(organization, await knownMunicipalities(db, [organization.municipalityId]));
      if (errors.length > 0) {
        const located = errors.map((error) => ({ ...error, pointer: `/organization${error.pointer}` }));
        throw invalidFields('validation-failed', 'body', located, `There is no municipality "${organization.municipalityId}".`);
      }
      await inTransaction(db, async (trx) => {
        const applicant = await personWithAddress(trx, person.email, person.displayName);
        const row = await insertOrganization(trx, {
          ...newOrganizationRow({ ...organization, isExample: false }),
          status: 'pending',
          registered_by: applicant.id,
        });
        await grantMembership(trx, row.id, applicant.id, 'owner');
        await enqueueMail(trx, {
          kind: 'registration-received',
          to: person.email,
          // The sign-in page: the applicant asks for a link with this address there.
          payload: { organizationName: row.name, signInUrl: `${publicUrl}/manage/` },
          language,
        });
      });
      outbox.kick();
      reply.code(202);
      return { status: 'pending' as const };
    },

    async listOrganizationRegistrations(request) {
      const page = await listRegistrations(db, request.query.status ?? 'pending', request.query);
      return mapPage(page, toRegistration);
    },

    /** Approval makes the organization public at once; either way the applicant gets a mail. */
    async decideOrganizationRegistration(request) {
      const { organizationId } = request.params;
      const { decision, reason } = request.body;
      if (decision === 'reject' && !reason?.trim()) {
        throw invalidBody([fieldError('/reason', 'required', 'is needed to reject a registration: the applicant gets it by e-mail')]);
      }
      const status = decided[decision];
      const row = await inTransaction(db, async (trx) => {
        const found = await decideRegistration(trx, organizationId, { status, reason: decision === 'reject' ? reason!.trim() : null });
        if (!found) throw new ProblemError('not-found', `There is no organization "${organizationId}".`);
        const registration = (await findRegistration(trx, organizationId))!;
        if (registration.applicant_email) {
          await enqueueMail(trx, {
            kind: 'registration-decided',
            to: registration.applicant_email,
            payload: { organizationName: registration.name, decision: status, reason: registration.decision_reason },
          });
        }
        return registration;
      });
      outbox.kick();
      return toRegistration(row);
    },
  };
}

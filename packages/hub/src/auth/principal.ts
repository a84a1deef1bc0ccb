import type { MemberRole } from '../db/schema.js';
import type { ApiKeyScope } from './roles.js';

/**
 * Who a request acts as, once its credential is checked (`authorize.ts`):
 * - `key`: an organization's API key, within its scopes, for its organization only;
 * - `admin`: an admin key (CLI) or `HUB_ADMIN_TOKEN` (`keyId` null), acting as a region admin;
 * - `person`: someone signed in on the Hub's pages, with the roles of their memberships.
 */
export type Principal =
  | { kind: 'key'; keyId: string; organizationId: string; scopes: readonly ApiKeyScope[] }
  | { kind: 'admin'; keyId: string | null }
  | {
      kind: 'person';
      personId: string;
      sessionId: string;
      regionAdmin: boolean;
      /** Organization id → the person's role there. */
      memberships: ReadonlyMap<string, MemberRole>;
    };

/** The organization a request is about, as the authorization found it. */
export interface TargetOrganization {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the operation's path names an organization or one of its resources. */
    organization?: TargetOrganization;
    /**
     * What the audit entry of the answer names, set by handlers whose path and created body do not
     * tell it (a sign-in: the new session). Ids only.
     */
    auditResource?: { type: string; id: string };
  }
}

/** The API key a request acts with, for records that name it (tallies); null for people and the admin token. */
export function actingKeyId(principal: Principal | undefined): string | null {
  return principal && principal.kind !== 'person' ? principal.keyId : null;
}

import type { MemberRole } from '../db/schema.js';
import type { Principal } from './principal.js';

/**
 * The actions of the Hub, which are also the scopes of API keys and of the contract's security
 * requirements: every operation that needs rights names exactly one of them.
 */
export const actions = [
  'events:write',
  'help-offers:write',
  'polls:write',
  'volunteer-needs:write',
  'volunteer-responses:manage',
  'poll-codes:manage',
  'organization:write',
  'audit-log:read',
  'members:manage',
  'api-keys:manage',
  'admin',
] as const;
export type Action = (typeof actions)[number];

/** Publishing public content: refused while the organization awaits approval. */
export const contentActions: readonly Action[] = ['events:write', 'help-offers:write', 'polls:write', 'volunteer-needs:write'];

const editor: readonly Action[] = contentActions;
const coordinator: readonly Action[] = [...editor, 'volunteer-responses:manage', 'poll-codes:manage'];
const owner: readonly Action[] = [...coordinator, 'organization:write', 'audit-log:read', 'members:manage', 'api-keys:manage'];

/**
 * The role table (written out in the contract's description, checked against it by a test).
 * A role holds for the organization of the membership only.
 */
export const roleActions: Readonly<Record<MemberRole, readonly Action[]>> = { editor, coordinator, owner };

/**
 * A region admin acts for every organization, but never reads the personal data an organization
 * collects (volunteer responses) nor its participation codes, and never manages its members or
 * keys — unless it made the admin a member, and then through that membership.
 */
export const regionAdminActions: readonly Action[] = [...contentActions, 'organization:write', 'audit-log:read', 'admin'];

/** What an organization's API key may hold: not the management of members and keys, not `admin`. */
export const apiKeyScopes = [
  'organization:write',
  'events:write',
  'help-offers:write',
  'polls:write',
  'volunteer-needs:write',
  'volunteer-responses:manage',
  'poll-codes:manage',
] as const satisfies readonly Action[];
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export function isApiKeyScope(scope: string): scope is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(scope);
}

export function isAction(value: string): value is Action {
  return (actions as readonly string[]).includes(value);
}

/**
 * The one permission check of the Hub (the role table above), asked by `authorize.ts` for every
 * operation that needs rights. A person holds the actions of their role in the organization, and
 * a region admin's actions in any; a key holds its scopes for its own organization; an admin key
 * or the admin token holds a region admin's actions. `organization` is undefined for actions on
 * the whole region (`admin`).
 */
export function can(principal: Principal, action: Action, organization: { id: string } | undefined): boolean {
  switch (principal.kind) {
    case 'admin':
      return regionAdminActions.includes(action);
    case 'key':
      return organization?.id === principal.organizationId && (principal.scopes as readonly Action[]).includes(action);
    case 'person': {
      const role = organization ? principal.memberships.get(organization.id) : undefined;
      return (role !== undefined && roleActions[role].includes(action)) || (principal.regionAdmin && regionAdminActions.includes(action));
    }
  }
}

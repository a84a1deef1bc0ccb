import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type {
  AuditActorKind,
  Database,
  MemberRole,
  OrganizationStatus,
  OrganizationTable,
  PersonTable,
  SessionTable,
  SignInMethod,
} from '../db/schema.js';
import { byMomentThenId, pageByKeyset, type Page, type Paging } from '../http/listing.js';
import { nextVersion } from '../http/preconditions.js';

/** The SQL of organization accounts; each part of the accounts keeps its functions in its own section. */

// ---------------------------------------------------------------------------------------------
// Sign-in and sessions (auth/sessions.ts, accounts/sign-in.ts, accounts/me.ts)
// ---------------------------------------------------------------------------------------------

/** A session that has not ended: not revoked, within its absolute and its idle limit. */
export interface LiveSession {
  id: string;
  person_id: string;
  region_admin: boolean;
  /** `last_seen_at` is more than a minute old: worth writing again. */
  stale: boolean;
}

export async function findLiveSession(db: Kysely<Database>, hash: string, idleSeconds: number): Promise<LiveSession | undefined> {
  const { rows } = await sql<LiveSession>`
      SELECT s.id, s.person_id, p.region_admin, s.last_seen_at < now() - interval '1 minute' AS stale
      FROM sessions s JOIN people p ON p.id = s.person_id
      WHERE s.hash = ${hash} AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(secs => ${idleSeconds})`.execute(db);
  return rows[0];
}

export async function touchSession(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findRoles(db: Kysely<Database>, personId: string): Promise<{ organization_id: string; role: MemberRole }[]> {
  return db.selectFrom('memberships').select(['organization_id', 'role']).where('person_id', '=', personId).execute();
}

export async function insertSession(
  db: Kysely<Database>,
  row: { hash: string; personId: string; signedInWith: SignInMethod; userAgent: string | null; lifetimeSeconds: number },
): Promise<{ id: string; expires_at: Date }> {
  return db
    .insertInto('sessions')
    .values({
      hash: row.hash,
      person_id: row.personId,
      signed_in_with: row.signedInWith,
      user_agent: row.userAgent,
      expires_at: sql<Date>`now() + make_interval(secs => ${row.lifetimeSeconds})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export async function revokeSessionByHash(db: Kysely<Database>, hash: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends one session of the person; false when the person has no such session (or it had ended). */
export async function revokeSession(db: Kysely<Database>, personId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeSessionsOf(db: Kysely<Database>, personId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql<Date>`now()` })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Requests for links to one address within the window, and in how many seconds the oldest leaves it. */
export async function recentSignInRequests(
  db: Kysely<Database>,
  emailHash: string,
  windowSeconds: number,
): Promise<{ count: number; retry_after: number }> {
  const { rows } = await sql<{ count: number; retry_after: number }>`
      SELECT count(*)::int AS count,
        coalesce(ceil(extract(epoch FROM min(requested_at) + make_interval(secs => ${windowSeconds}) - now())), 0)::int AS retry_after
      FROM sign_in_requests
      WHERE email_hash = ${emailHash} AND requested_at > now() - make_interval(secs => ${windowSeconds})`.execute(db);
  return rows[0]!;
}

export async function recordSignInRequest(db: Kysely<Database>, emailHash: string): Promise<void> {
  await db.insertInto('sign_in_requests').values({ email_hash: emailHash }).execute();
}

/**
 * Stores a sign-in link for the person with this address, if there is one: one statement either
 * way, so a known and an unknown address cost the same. Returns whether there was.
 */
export async function insertSignInLinkFor(db: Kysely<Database>, email: string, hash: string, lifetimeSeconds: number): Promise<boolean> {
  const { rows } = await sql<{ person_id: string }>`
      INSERT INTO sign_in_links (hash, person_id, expires_at)
      SELECT ${hash}, id, now() + make_interval(secs => ${lifetimeSeconds}) FROM people WHERE lower(email) = lower(${email})
      RETURNING person_id`.execute(db);
  return rows.length > 0;
}

/** Spends a link: the person it signs in, once, while it is valid; undefined when used, expired or unknown. */
export async function useSignInLink(db: Kysely<Database>, hash: string): Promise<string | undefined> {
  const row = await db
    .updateTable('sign_in_links')
    .set({ used_at: sql<Date>`now()` })
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('person_id')
    .executeTakeFirst();
  return row?.person_id;
}

export async function findPerson(db: Kysely<Database>, id: string): Promise<Selectable<PersonTable> | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function renamePerson(db: Kysely<Database>, id: string, displayName: string): Promise<void> {
  await db.updateTable('people').set({ display_name: displayName }).where('id', '=', id).execute();
}

export interface OwnMembershipRow {
  id: string;
  slug: string;
  name: string;
  status: OrganizationStatus;
  role: MemberRole;
}

export async function membershipsOf(db: Kysely<Database>, personId: string): Promise<OwnMembershipRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.slug', 'organizations.name', 'organizations.status', 'memberships.role'])
    .where('memberships.person_id', '=', personId)
    .orderBy('organizations.name')
    .orderBy('organizations.id')
    .execute();
}

export async function findSessionExpiry(db: Kysely<Database>, sessionId: string): Promise<Date> {
  const row = await db.selectFrom('sessions').select('expires_at').where('id', '=', sessionId).executeTakeFirstOrThrow();
  return row.expires_at;
}

export type OwnSessionRow = Pick<
  Selectable<SessionTable>,
  'id' | 'created_at' | 'last_seen_at' | 'expires_at' | 'signed_in_with' | 'user_agent'
>;

/** The person's sessions that have not ended, newest first. */
export async function listLiveSessions(db: Kysely<Database>, personId: string, idleSeconds: number): Promise<OwnSessionRow[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'signed_in_with', 'user_agent'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Deletes what can no longer sign anyone in: expired links, requests out of their window, ended sessions. */
export async function deleteEndedSignIns(
  db: Kysely<Database>,
  limits: { requestWindowSeconds: number; sessionIdleSeconds: number },
): Promise<{ links: number; requests: number; sessions: number }> {
  const links = await db
    .deleteFrom('sign_in_links')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const requests = await db
    .deleteFrom('sign_in_requests')
    .where('requested_at', '<=', sql<Date>`now() - make_interval(secs => ${limits.requestWindowSeconds})`)
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('revoked_at', 'is not', null),
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(secs => ${limits.sessionIdleSeconds})`),
      ]),
    )
    .executeTakeFirst();
  return { links: Number(links.numDeletedRows), requests: Number(requests.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}

// ---------------------------------------------------------------------------------------------
// Registration, members and invitations (accounts/registrations.ts, accounts/members.ts)
// ---------------------------------------------------------------------------------------------

/** Addresses are unique regardless of case (the index `people_email` is on `lower(email)`). */
const sameAddress = (email: string) => sql<boolean>`lower(people.email) = lower(${email})`;

export async function findPersonByEmail(db: Kysely<Database>, email: string): Promise<Selectable<PersonTable> | undefined> {
  return db.selectFrom('people').selectAll().where(sameAddress(email)).executeTakeFirst();
}

/**
 * The person with this address: the one there is (their name unchanged), or a new one named
 * `displayName`. Safe against two requests creating the same person at once.
 */
export async function personWithAddress(db: Kysely<Database>, email: string, displayName: string): Promise<Selectable<PersonTable>> {
  const created = await db
    .insertInto('people')
    .values({ email, display_name: displayName })
    .onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
  return created ?? (await findPersonByEmail(db, email))!;
}

/** Makes a person region admin (CLI `add-region-admin`, the demo data). */
export async function makeRegionAdmin(db: Kysely<Database>, personId: string): Promise<void> {
  await db.updateTable('people').set({ region_admin: true }).where('id', '=', personId).execute();
}

/** Roles from least to most: an invitation or a seed never lowers a role someone already has. */
const roleRank = (role: RawBuilder<unknown>) => sql<number>`array_position(ARRAY['editor', 'coordinator', 'owner'], ${role})`;

/** Adds the membership, or raises the role of an existing one to `role`; never lowers it. */
export async function grantMembership(db: Kysely<Database>, organizationId: string, personId: string, role: MemberRole): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ organization_id: organizationId, person_id: personId, role })
    .onConflict((conflict) =>
      conflict
        .columns(['organization_id', 'person_id'])
        .doUpdateSet({ role: (eb) => eb.ref('excluded.role') })
        .where(sql<boolean>`${roleRank(sql.ref('excluded.role'))} > ${roleRank(sql.ref('memberships.role'))}`),
    )
    .execute();
}

export type RegistrationRow = Selectable<OrganizationTable> & {
  applicant_id: string | null;
  applicant_email: string | null;
  applicant_name: string | null;
};

function selectRegistrations(db: Kysely<Database>) {
  return db
    .selectFrom('organizations')
    .leftJoin('people', 'people.id', 'organizations.registered_by')
    .selectAll('organizations')
    .select(['people.id as applicant_id', 'people.email as applicant_email', 'people.display_name as applicant_name']);
}

const byRegistration = byMomentThenId<RegistrationRow>('organizations', 'created_at', (row) => row.created_at, 'asc');

/**
 * Registrations in `status`, oldest first. Every pending organization is one; approved and rejected
 * ones only when a region admin decided them (not the organizations an admin or the seed created).
 */
export async function listRegistrations(db: Kysely<Database>, status: OrganizationStatus, paging: Paging): Promise<Page<RegistrationRow>> {
  let query = selectRegistrations(db).where('organizations.status', '=', status);
  if (status !== 'pending') query = query.where('organizations.decided_at', 'is not', null);
  return pageByKeyset(query, byRegistration, paging);
}

export async function findRegistration(db: Kysely<Database>, organizationId: string): Promise<RegistrationRow | undefined> {
  return selectRegistrations(db).where('organizations.id', '=', organizationId).executeTakeFirst();
}

export async function decideRegistration(
  db: Kysely<Database>,
  organizationId: string,
  decision: { status: Exclude<OrganizationStatus, 'pending'>; reason: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ status: decision.status, decision_reason: decision.reason, decided_at: sql<Date>`now()`, updated_at: nextVersion() })
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface MemberRow {
  person_id: string;
  email: string;
  display_name: string;
  role: MemberRole;
  created_at: Date;
}

function selectMembers(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['memberships.person_id', 'people.email', 'people.display_name', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organization_id', '=', organizationId);
}

/** Owners first, then by name. */
export async function listMembers(db: Kysely<Database>, organizationId: string): Promise<MemberRow[]> {
  return selectMembers(db, organizationId)
    .orderBy(sql`memberships.role = 'owner'`, 'desc')
    .orderBy(sql`lower(people.display_name)`)
    .orderBy('memberships.person_id')
    .execute();
}

export async function findMember(db: Kysely<Database>, organizationId: string, personId: string): Promise<MemberRow | undefined> {
  return selectMembers(db, organizationId).where('memberships.person_id', '=', personId).executeTakeFirst();
}

export async function isMember(db: Kysely<Database>, organizationId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select('memberships.person_id')
    .where('memberships.organization_id', '=', organizationId)
    .where(sameAddress(email))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the organization's row until the transaction ends: changes to one organization's members
 * run one after another, so the owners a change counted are still its owners when it commits
 * (two owners demoting each other at once cannot leave none).
 */
export async function lockMembersOf(trx: Kysely<Database>, organizationId: string): Promise<void> {
  await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).forUpdate().execute();
}

export async function countOwners(db: Kysely<Database>, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('owners'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.owners);
}

export async function setMemberRole(db: Kysely<Database>, organizationId: string, personId: string, role: MemberRole): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .execute();
}

export async function deleteMember(db: Kysely<Database>, organizationId: string, personId: string): Promise<void> {
  await db.deleteFrom('memberships').where('organization_id', '=', organizationId).where('person_id', '=', personId).execute();
}

export interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: MemberRole;
  language: 'de' | 'en';
  organization_name: string;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  expired: boolean;
}

function selectInvitations(db: Kysely<Database>) {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .leftJoin('people', 'people.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.organization_id',
      'invitations.email',
      'invitations.role',
      'invitations.language',
      'organizations.name as organization_name',
      'people.display_name as invited_by_name',
      'invitations.created_at',
      'invitations.expires_at',
      sql<boolean>`invitations.expires_at <= now()`.as('expired'),
    ]);
}

/** Not accepted nor revoked: what an owner may still resend or revoke. */
const open = sql<boolean>`invitations.accepted_at IS NULL AND invitations.revoked_at IS NULL`;

/**
 * A new invitation; earlier open invitations of the same address to the organization are revoked
 * with it, so only the newest link works.
 */
export async function insertInvitation(
  db: Kysely<Database>,
  invitation: {
    organizationId: string;
    email: string;
    role: MemberRole;
    hash: string;
    invitedBy: string | null;
    language: 'de' | 'en';
    lifetimeSeconds: number;
  },
): Promise<string> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: sql<Date>`now()` })
    .where('organization_id', '=', invitation.organizationId)
    .where(sql<boolean>`lower(email) = lower(${invitation.email})`)
    .where(open)
    .execute();
  const row = await db
    .insertInto('invitations')
    .values({
      organization_id: invitation.organizationId,
      email: invitation.email,
      role: invitation.role,
      hash: invitation.hash,
      invited_by: invitation.invitedBy,
      language: invitation.language,
      expires_at: sql<Date>`now() + make_interval(secs => ${invitation.lifetimeSeconds})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Open invitations of the organization, newest first, expired ones included (and flagged). */
export async function listOpenInvitations(db: Kysely<Database>, organizationId: string): Promise<InvitationRow[]> {
  return selectInvitations(db)
    .where('invitations.organization_id', '=', organizationId)
    .where(open)
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id', 'desc')
    .execute();
}

export async function findOpenInvitation(
  db: Kysely<Database>,
  organizationId: string,
  invitationId: string,
): Promise<InvitationRow | undefined> {
  return selectInvitations(db)
    .where('invitations.organization_id', '=', organizationId)
    .where('invitations.id', '=', invitationId)
    .where(open)
    .executeTakeFirst();
}

/** A new token and a new expiry for an open invitation: the old link stops working. */
export async function renewInvitation(db: Kysely<Database>, invitationId: string, hash: string, lifetimeSeconds: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ hash, expires_at: sql<Date>`now() + make_interval(secs => ${lifetimeSeconds})` })
    .where('id', '=', invitationId)
    .execute();
}

export async function revokeInvitation(db: Kysely<Database>, organizationId: string, invitationId: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revoked_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', invitationId)
    .where(open)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Marks the invitation with this token hash accepted, if it is open and not expired; returns
 * it then. One statement, so a link accepted twice at once works once.
 */
export async function acceptInvitationByHash(
  db: Kysely<Database>,
  hash: string,
): Promise<{ organization_id: string; email: string; role: MemberRole } | undefined> {
  return db
    .updateTable('invitations')
    .set({ accepted_at: sql<Date>`now()` })
    .where('hash', '=', hash)
    .where(open)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['organization_id', 'email', 'role'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// API keys made on the Hub's pages (accounts/api-keys.ts) and the audit log (accounts/audit-log.ts)
// ---------------------------------------------------------------------------------------------

/** A key that works or worked (not revoked), as owners and operators see it: never the key nor its hash. */
export interface ApiKeyRow {
  id: string;
  prefix: string;
  label: string | null;
  /** null for admin keys. */
  organization_id: string | null;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  /** The display name of the person who made it, as it is now; null for keys made with the CLI. */
  created_by_name: string | null;
}

/** Keys not revoked (expired ones too, so they can be seen and revoked), newest first. */
function selectApiKeys(db: Kysely<Database>) {
  return db
    .selectFrom('api_keys')
    .leftJoin('people', 'people.id', 'api_keys.created_by')
    .select([
      'api_keys.id',
      'api_keys.prefix',
      'api_keys.label',
      'api_keys.organization_id',
      'api_keys.scopes',
      'api_keys.created_at',
      'api_keys.expires_at',
      'api_keys.last_used_at',
      'people.display_name as created_by_name',
    ])
    .where('api_keys.revoked_at', 'is', null)
    .orderBy('api_keys.created_at', 'desc')
    .orderBy('api_keys.id', 'desc');
}

/** Every key not revoked, admin keys included (the CLI's list). */
export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRow[]> {
  return selectApiKeys(db).execute();
}

export async function listOrganizationApiKeys(db: Kysely<Database>, organizationId: string): Promise<ApiKeyRow[]> {
  return selectApiKeys(db).where('api_keys.organization_id', '=', organizationId).execute();
}

export async function findOrganizationApiKey(db: Kysely<Database>, organizationId: string, id: string): Promise<ApiKeyRow | undefined> {
  return selectApiKeys(db).where('api_keys.organization_id', '=', organizationId).where('api_keys.id', '=', id).executeTakeFirst();
}

/**
 * Revokes a key: of the organization when one is given (the Hub's pages), else any key, admin keys
 * too (the CLI). False when there is no such key, or it was revoked already.
 */
export async function revokeApiKey(db: Kysely<Database>, id: string, organizationId?: string): Promise<boolean> {
  let revoking = db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (organizationId !== undefined) revoking = revoking.where('organization_id', '=', organizationId);
  const revoked = await revoking.executeTakeFirst();
  return revoked.numUpdatedRows > 0n;
}

export interface AuditEntryRow {
  id: string;
  at: Date;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  /** The person's display name or the key's label as they are now; never an e-mail address. */
  actor_name: string | null;
  organization_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
}

const newestFirst = byMomentThenId<AuditEntryRow>('audit_log', 'at', (row) => row.at, 'desc');

/** One page of the audit log, newest first; of one organization when `organizationId` is given. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filters: { organizationId?: string | undefined },
  paging: Paging,
): Promise<Page<AuditEntryRow>> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('people', (join) => join.onRef('people.id', '=', 'audit_log.actor_id').on('audit_log.actor_kind', '=', 'person'))
    .leftJoin('api_keys', (join) => join.onRef('api_keys.id', '=', 'audit_log.actor_id').on('audit_log.actor_kind', '=', 'api-key'))
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_kind',
      'audit_log.actor_id',
      sql<string | null>`coalesce(people.display_name, api_keys.label)`.as('actor_name'),
      'audit_log.organization_id',
      'audit_log.action',
      'audit_log.resource_type',
      'audit_log.resource_id',
    ]);
  if (filters.organizationId !== undefined) query = query.where('audit_log.organization_id', '=', filters.organizationId);
  return pageByKeyset(query, newestFirst, paging);
}

/** Deletes the entries written before `cutoff`; returns how many. */
export async function deleteAuditEntriesBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const deleted = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

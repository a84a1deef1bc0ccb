import type { ColumnType, Generated } from 'kysely';
import type { Schemas } from '../http/api.js';

type EventOverride = Schemas['EventOverride'];

/** Timestamps are written by the database and read as `Date`. */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export interface MunicipalityTable {
  id: string;
  name: string;
  /** Lower-case name without accents: sorts as German phone books do (DIN 5007-1). */
  sort_name: string;
  official_key: string;
  kind: 'city' | 'market' | 'municipality';
  district: 'Stadt Würzburg' | 'Landkreis Würzburg';
  lat: number;
  lon: number;
}

export interface OrganizationTable {
  id: Generated<string>;
  /** Assigned from the name when the row is inserted (migration 0006), then fixed. */
  slug: Generated<string>;
  name: string;
  sort_name: string;
  kind: string;
  description: string | null;
  municipality_id: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  privacy_policy_url: string | null;
  is_example: boolean;
  /** Registered organizations wait for a region admin; only approved ones are public and publish. */
  status: ColumnType<OrganizationStatus, OrganizationStatus | undefined, OrganizationStatus>;
  registered_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type OrganizationStatus = 'pending' | 'approved' | 'rejected';
export type MemberRole = 'owner' | 'coordinator' | 'editor';

export interface ApiKeyTable {
  id: Generated<string>;
  /** First characters of the key, shown in listings so people can tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key; the key itself is never stored. */
  hash: string;
  organization_id: string | null;
  scopes: string[];
  label: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
  /** The person who made it in the browser; null for keys made with the CLI. */
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_used_at: ColumnType<Date | null, never, Date | null>;
}

export interface PersonTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  region_admin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface MembershipTable {
  organization_id: string;
  person_id: string;
  role: MemberRole;
  created_at: CreatedAt;
}

export interface SignInLinkTable {
  /** SHA-256 of the link's token. */
  hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: ColumnType<Date | null, never, Date>;
}

export interface SignInRequestTable {
  email_hash: string;
  requested_at: ColumnType<Date, Date | undefined, never>;
}

export type SignInMethod = 'email-link' | 'invitation' | 'oidc';

export interface SessionTable {
  id: Generated<string>;
  /** SHA-256 of the cookie's value. */
  hash: string;
  person_id: string;
  signed_in_with: SignInMethod;
  user_agent: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface InvitationTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  role: MemberRole;
  /** SHA-256 of the link's token. */
  hash: string;
  invited_by: string | null;
  language: ColumnType<'de' | 'en', 'de' | 'en' | undefined, 'de' | 'en'>;
  created_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  accepted_at: ColumnType<Date | null, never, Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export type AuditActorKind = 'person' | 'api-key' | 'admin-token';

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | undefined, never>;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  organization_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
}

export interface EventTable {
  id: Generated<string>;
  organization_id: string;
  uid: string;
  imported: boolean;
  /** Migration 0012: the calendar subscription that imported it; null for every other event. */
  source_subscription_id: ColumnType<string | null, string | null | undefined, string | null>;
  content_hash: string;
  title: string;
  description: string | null;
  search_text: string;
  time_zone: string;
  all_day: boolean;
  start_local: string;
  end_local: string;
  rrule: string | null;
  rdates: string[];
  exdates: string[];
  /** jsonb: written as JSON text (pg would send a JS array as a PostgreSQL array), read parsed. */
  overrides: ColumnType<EventOverride[], string, string>;
  status: 'scheduled' | 'cancelled';
  location_name: string | null;
  location_address: string | null;
  municipality_id: string | null;
  lat: number | null;
  lon: number | null;
  categories: string[];
  is_free: boolean | null;
  price: string | null;
  accessibility: string | null;
  link: string | null;
  sequence: Generated<number>;
  first_start: Date;
  last_end: Date | null;
  /** Migration 0010: false for a draft, which only its organization reads. */
  published: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Migration 0019: the content_hash whose occurrences event_occurrences holds; otherwise stale. */
  occurrences_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0019: the instants whose occurrences are stored (one row). */
export interface EventOccurrenceHorizonTable {
  only_row: Generated<boolean>;
  stored_from: Date;
  stored_until: Date;
}

/** Migration 0019: an occurrence of an event within the stored horizon. */
export interface EventOccurrenceTable {
  event_id: string;
  /** '' for an event that does not recur. */
  recurrence_id: string;
  start_at: Date;
  end_at: Date;
  start_text: string;
  end_text: string;
  override_index: number | null;
}

export interface HelpOfferTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  sort_name: string;
  description: string;
  /** Migration 0013: the summary in Leichte Sprache; null when there is none. */
  easy_read_summary: string | null;
  topics: string[];
  /** `topics` with their parents, for filters and facets by parent topic. */
  topic_closure: string[];
  audiences: string[];
  eligibility_description: string | null;
  languages: string[];
  cost: 'free' | 'low' | 'fee';
  fees_description: string | null;
  anonymous: boolean;
  barrier_free: boolean;
  accessibility: string | null;
  crisis: boolean;
  service_area: 'local' | 'region' | 'nationwide';
  url: string | null;
  email: string | null;
  /** jsonb: written as JSON text, read parsed. */
  phones: ColumnType<Schemas['HelpPhone'][], string, string>;
  chat_url: string | null;
  walk_in: boolean;
  always_open: boolean;
  open_on_public_holidays: boolean;
  hours_description: string | null;
  /** A `date`; read as text (`to_char`), written as `YYYY-MM-DD`. */
  assured_date: string | null;
  /** Search text weighted B (topics, audiences, organization) and C (with the description: places, eligibility…). */
  search_labels: string;
  search_details: string;
  search_vector: ColumnType<string, never, never>;
  /** Migration 0017: whether the organization is approved, kept by triggers; searches read it instead of joining. */
  organization_approved: ColumnType<boolean, never, never>;
  /** Migration 0010: false for a draft, which only its organization reads. */
  published: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HelpOfferLocationTable {
  offer_id: string;
  position: number;
  name: string | null;
  address: string | null;
  municipality_id: string | null;
  lat: number | null;
  lon: number | null;
}

/** Weekly periods (`weekdays`) and dated exceptions (`on_date`; no times = closed that day). */
export interface HelpOfferHoursTable {
  offer_id: string;
  position: number;
  weekdays: number[] | null;
  on_date: string | null;
  opens: string | null;
  closes: string | null;
  description: string | null;
}

export interface HelpSearchWordTable {
  word: string;
}

export interface PollTable {
  id: Generated<string>;
  /** Drawn when the row is inserted (migration 0006), then fixed. */
  short_code: Generated<string>;
  organization_id: string;
  municipality_id: string | null;
  question: string;
  description: string | null;
  /** Migration 0013: the summary in Leichte Sprache; null when there is none. */
  easy_read_summary: string | null;
  kind: 'single' | 'multiple';
  max_choices: number;
  participation: 'open' | 'codes';
  results_visibility: 'always' | 'after-voting' | 'after-closing';
  opens_at: Date;
  closes_at: Date;
  /** Set when the organizer ended the poll early; the status is derived from the window and these. */
  closed_at: Date | null;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PollOptionTable {
  id: Generated<string>;
  poll_id: string;
  position: number;
  label: string;
  description: string | null;
}

/** An online vote: choices and the citizen's idempotency key, nothing about the person. */
export interface PollVoteTable {
  id: Generated<string>;
  poll_id: string;
  idempotency_key: string;
  /** SHA-256 of the sorted choices: tells a retried request from another one with the same key. */
  request_hash: string;
  choices: string[];
  created_at: CreatedAt;
}

/**
 * A running total of a poll's online votes, split into slots that the results add up
 * (migration 0018): per option, and under the nil UUID the number of votes.
 */
export interface PollVoteTotalTable {
  poll_id: string;
  option_id: string;
  slot: number;
  /** A `bigint`: read as text unless cast. */
  votes: string;
}

export interface PollCodeTable {
  poll_id: string;
  /** SHA-256 of the poll id and the normalized code; the code itself is never stored. */
  hash: string;
  used: Generated<boolean>;
}

/** Proof-of-work challenges already used by a citizen action, kept until they expire. */
export interface UsedProofTable {
  signature: string;
  expires_at: Date;
}

export interface PollTallyTable {
  id: Generated<string>;
  poll_id: string;
  channel: 'in-person' | 'postal';
  place: string;
  /** A `date`; read as text (`to_char`), written as `YYYY-MM-DD`. */
  held_on: string;
  participants: number;
  note: string | null;
  revision: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PollTallyCountTable {
  tally_id: string;
  option_id: string;
  count: number;
}

export interface PollTallyRevisionTable {
  tally_id: string;
  revision: number;
  api_key_id: string | null;
  /** jsonb: the tally as written in this revision; written as JSON text, read parsed. */
  snapshot: ColumnType<Schemas['PollTallySnapshot'], string, string>;
  changed_at: CreatedAt;
}

export interface VolunteerNeedTable {
  id: Generated<string>;
  organization_id: string;
  municipality_id: string | null;
  title: string;
  description: string;
  search_text: string;
  /** Migration 0013: the summary in Leichte Sprache; null when there is none. */
  easy_read_summary: string | null;
  place_name: string | null;
  place_address: string | null;
  remote: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  time_commitment: string | null;
  skills: string[];
  urgent: boolean;
  contact_role: string | null;
  people_needed: number;
  people_accepted: Generated<number>;
  closed_at: Date | null;
  /** Migration 0010: false for a draft, which only its organization reads. */
  published: Generated<boolean>;
  /** Migration 0014: sign-ups wait for the coordinator's decision ("nach Rücksprache"). */
  approval_required: Generated<boolean>;
  /** Migration 0014: hours before a shift when its volunteers are reminded; 0 none. */
  reminder_hours: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Migration 0014: one shift of a need, with its places. */
export interface VolunteerShiftTable {
  id: Generated<string>;
  need_id: string;
  /** Shared by the shifts made from one recurrence rule; null for a single shift. */
  series_id: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  label: string | null;
  skills: Generated<string[]>;
  cancelled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type VolunteerSignupStatus = 'active' | 'withdrawn';

/** Migration 0014: one person on one shift (personal data through its response). */
export interface VolunteerSignupTable {
  id: Generated<string>;
  response_id: string;
  shift_id: string;
  status: Generated<VolunteerSignupStatus>;
  withdrawn_at: Date | null;
  /** Null until the coordinator marks it. */
  attended: boolean | null;
  attended_at: Date | null;
  created_at: CreatedAt;
}

/** Migration 0014: a "Meine Einsätze" link, as the SHA-256 (hex) of its token. */
export interface VolunteerLinkTable {
  token_hash: string;
  response_id: string;
  created_at: CreatedAt;
}

/** Migration 0011: `new` until the organization decides. */
export type VolunteerResponseStatus = 'new' | 'accepted' | 'declined';

/** A citizen's response: personal data, read by the need's organization only. */
export interface VolunteerResponseTable {
  id: Generated<string>;
  need_id: string;
  idempotency_key: string;
  /** SHA-256 of the content sent: tells a retried request from another one with the same key. */
  request_hash: string;
  name: string;
  email: string | null;
  phone: string | null;
  message: string | null;
  privacy_notice_url: string;
  privacy_notice_version: string;
  status: ColumnType<VolunteerResponseStatus, never, VolunteerResponseStatus>;
  decided_at: ColumnType<Date | null, never, Date | null>;
  /** What the volunteer's browser asked for when answering; null when unknown. */
  language: ColumnType<'de' | 'en' | null, 'de' | 'en' | null | undefined, never>;
  created_at: CreatedAt;
}

/** An e-mail waiting to be sent (migration 0007); `mail/outbox.ts` writes, claims and removes the rows. */
export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  recipient: string;
  language: Generated<'de' | 'en'>;
  /** jsonb: written as JSON text, read parsed. */
  payload: ColumnType<unknown, string, string>;
  volunteer_response_id: string | null;
  /** Migration 0014: the sign-up a reminder is about; deleting it deletes the mail. */
  volunteer_signup_id: ColumnType<string | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: CreatedAt;
}

/** Migration 0012: an organization's iCalendar feed, re-imported on a schedule. */
export interface CalendarSubscriptionTable {
  id: Generated<string>;
  organization_id: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  status: 'pending' | 'ok' | 'failed';
  /** jsonb, written as JSON text and read parsed. */
  last_result: ColumnType<Schemas['CalendarImportResult'] | null, string | null, string | null>;
  last_error: ColumnType<Schemas['CalendarSubscriptionError'] | null, string | null, string | null>;
  last_checked_at: Date | null;
  last_changed_at: Date | null;
  next_check_at: Date;
  created_at: CreatedAt;
}

/** Migration 0015: an entry that left the public data (deleted, or no longer public), written by triggers. */
export interface DeletedEntryTable {
  kind: DeletedEntryKind;
  id: string;
  organization_id: string | null;
  deleted_at: CreatedAt;
}

export type DeletedEntryKind = 'organization' | 'help-offer' | 'event' | 'volunteer-need';

export interface SchemaMigrationTable {
  name: string;
  applied_at: CreatedAt;
}

/** One client's (and route's) requests in the current window of the rate limit (http/rate-limit-store.ts). */
export interface RateLimitTable {
  key: string;
  hits: number;
  resets_at: Date;
}

/** A secret all Hub processes on this database share (db/shared-secrets.ts). */
export interface SharedSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export interface Database {
  municipalities: MunicipalityTable;
  organizations: OrganizationTable;
  api_keys: ApiKeyTable;
  people: PersonTable;
  memberships: MembershipTable;
  sign_in_links: SignInLinkTable;
  sign_in_requests: SignInRequestTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  audit_log: AuditLogTable;
  events: EventTable;
  event_occurrence_horizon: EventOccurrenceHorizonTable;
  event_occurrences: EventOccurrenceTable;
  calendar_subscriptions: CalendarSubscriptionTable;
  schema_migrations: SchemaMigrationTable;
  help_offers: HelpOfferTable;
  help_offer_locations: HelpOfferLocationTable;
  help_offer_hours: HelpOfferHoursTable;
  help_search_words: HelpSearchWordTable;
  polls: PollTable;
  poll_options: PollOptionTable;
  poll_votes: PollVoteTable;
  poll_vote_totals: PollVoteTotalTable;
  poll_codes: PollCodeTable;
  used_proofs: UsedProofTable;
  poll_tallies: PollTallyTable;
  poll_tally_counts: PollTallyCountTable;
  poll_tally_revisions: PollTallyRevisionTable;
  volunteer_needs: VolunteerNeedTable;
  volunteer_responses: VolunteerResponseTable;
  volunteer_shifts: VolunteerShiftTable;
  volunteer_signups: VolunteerSignupTable;
  volunteer_links: VolunteerLinkTable;
  mail_outbox: MailOutboxTable;
  deleted_entries: DeletedEntryTable;
  rate_limits: RateLimitTable;
  shared_secrets: SharedSecretTable;
}

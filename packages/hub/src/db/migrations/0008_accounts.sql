-- Accounts: people who act for organizations, their memberships and sessions, registration and
-- approval of organizations, invitations, and the audit log.

-- Registered organizations wait for a region admin; everything on the Hub so far is approved.
ALTER TABLE organizations
  ADD COLUMN status          text NOT NULL DEFAULT 'approved' CHECK (status IN ('pending', 'approved', 'rejected')),
  ADD COLUMN decided_at      timestamptz,
  ADD COLUMN decision_reason text;
CREATE INDEX organizations_status ON organizations (status, created_at, id) WHERE status <> 'approved';

CREATE TABLE people (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored as entered; unique regardless of case (mail systems treat the domain, and in practice
  -- the local part, case-insensitively).
  email        text NOT NULL CHECK (length(email) <= 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  region_admin boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_email ON people (lower(email));

-- The person who registered an organization (its applicant), told of the decision.
ALTER TABLE organizations ADD COLUMN registered_by uuid REFERENCES people (id) ON DELETE SET NULL;

CREATE TABLE memberships (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  person_id       uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('owner', 'coordinator', 'editor')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, person_id)
);
CREATE INDEX memberships_person ON memberships (person_id);

-- Single-use sign-in links; only the token's SHA-256 is stored.
CREATE TABLE sign_in_links (
  hash       text PRIMARY KEY,
  person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX sign_in_links_expiry ON sign_in_links (expires_at);

-- Requests for links per address (hashed), known or not, to limit floods without telling
-- who has an account.
CREATE TABLE sign_in_requests (
  email_hash   text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_requests_address ON sign_in_requests (email_hash, requested_at);

CREATE TABLE sessions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- SHA-256 of the cookie's value; the value itself is never stored.
  hash           text NOT NULL UNIQUE,
  person_id      uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  signed_in_with text NOT NULL CHECK (signed_in_with IN ('email-link', 'invitation', 'oidc')),
  user_agent     text CHECK (length(user_agent) <= 200),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz
);
CREATE INDEX sessions_person ON sessions (person_id, created_at DESC);

CREATE TABLE invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email           text NOT NULL CHECK (length(email) <= 254),
  role            text NOT NULL CHECK (role IN ('owner', 'coordinator', 'editor')),
  -- SHA-256 of the link's token; a resent invitation gets a new token.
  hash            text NOT NULL UNIQUE,
  invited_by      uuid REFERENCES people (id) ON DELETE SET NULL,
  language        text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  accepted_at     timestamptz,
  revoked_at      timestamptz
);
CREATE INDEX invitations_organization ON invitations (organization_id, created_at DESC);

-- Keys made in the browser: who made them, until when they work, when they were last used.
ALTER TABLE api_keys
  ADD COLUMN created_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  ADD COLUMN expires_at   timestamptz,
  ADD COLUMN last_used_at timestamptz;
-- Codes and tallies became their own action; keys that could make them keep that right.
UPDATE api_keys SET scopes = array_append(scopes, 'poll-codes:manage')
  WHERE 'polls:write' = ANY (scopes) AND NOT 'poll-codes:manage' = ANY (scopes);

-- Who did what to which resource and when (DSGVO Art. 5(2)). Ids only: no citizen's data. Actors
-- are kept as ids without foreign keys, so an entry outlives the person or key it names.
CREATE TABLE audit_log (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at              timestamptz NOT NULL DEFAULT now(),
  actor_kind      text NOT NULL CHECK (actor_kind IN ('person', 'api-key', 'admin-token')),
  actor_id        uuid,
  organization_id uuid,
  action          text NOT NULL,
  resource_type   text,
  resource_id     text
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_organization ON audit_log (organization_id, at DESC, id DESC);

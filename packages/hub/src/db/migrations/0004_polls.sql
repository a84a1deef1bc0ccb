-- Participation polls (issue 7): online votes and counts from meetings and postal ballots, one result.
-- Counting is exact under concurrency by construction: every vote is one inserted row (results are
-- SQL aggregates, never counters read and written back), and the unique constraints below decide
-- which of two racing requests wins — the idempotency key, the participation code, the proof.

CREATE TABLE polls (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id    uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  municipality_id    text REFERENCES municipalities (id),
  question           text NOT NULL,
  description        text,
  kind               text NOT NULL CHECK (kind IN ('single', 'multiple')),
  max_choices        smallint NOT NULL CHECK (max_choices >= 1),
  participation      text NOT NULL CHECK (participation IN ('open', 'codes')),
  results_visibility text NOT NULL CHECK (results_visibility IN ('always', 'after-voting', 'after-closing')),
  opens_at           timestamptz NOT NULL,
  closes_at          timestamptz NOT NULL,
  -- Set when the organizer ends the poll before `closes_at`; the status is derived from these.
  closed_at          timestamptz,
  archived_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at),
  CHECK (kind = 'multiple' OR max_choices = 1)
);
CREATE INDEX polls_organization ON polls (organization_id);
CREATE INDEX polls_municipality ON polls (municipality_id);
CREATE INDEX polls_opens ON polls (opens_at DESC, id);

CREATE TABLE poll_options (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  poll_id     uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  position    smallint NOT NULL,
  label       text NOT NULL,
  description text,
  UNIQUE (poll_id, position)
);

-- One row per online vote. No address, no cookie, no code, no person: the choices and the key the
-- citizen's browser made for this one action. `request_hash` covers the choices only, so a
-- request repeated with the same key but other choices is told so instead of being counted.
CREATE TABLE poll_votes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  poll_id         uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  request_hash    text NOT NULL,
  choices         uuid[] NOT NULL CHECK (cardinality(choices) >= 1),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (poll_id, idempotency_key)
);

-- Printed participation codes, stored hashed. `used` is a flag without a time and without a link to
-- the vote, so nobody who knows who got which slip can find out how that person voted.
CREATE TABLE poll_codes (
  poll_id uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  hash    text NOT NULL,
  used    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (poll_id, hash)
);

-- Signatures of proof-of-work challenges already used for a vote, kept until the challenge
-- expires (after that the challenge is refused anyway): a solved challenge counts once.
CREATE TABLE poll_used_proofs (
  signature  text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX poll_used_proofs_expiry ON poll_used_proofs (expires_at);

-- Counts an organizer records from a meeting or from postal ballots.
CREATE TABLE poll_tallies (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  poll_id      uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  channel      text NOT NULL CHECK (channel IN ('in-person', 'postal')),
  place        text NOT NULL,
  held_on      date NOT NULL,
  participants integer NOT NULL CHECK (participants >= 0),
  note         text,
  revision     integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX poll_tallies_poll ON poll_tallies (poll_id);

CREATE TABLE poll_tally_counts (
  tally_id  uuid NOT NULL REFERENCES poll_tallies (id) ON DELETE CASCADE,
  option_id uuid NOT NULL REFERENCES poll_options (id) ON DELETE CASCADE,
  count     integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (tally_id, option_id)
);

-- Audit trail: every version of a tally as it was written, and by which key (null: the admin token).
CREATE TABLE poll_tally_revisions (
  tally_id   uuid NOT NULL REFERENCES poll_tallies (id) ON DELETE CASCADE,
  revision   integer NOT NULL,
  api_key_id uuid REFERENCES api_keys (id) ON DELETE SET NULL,
  snapshot   jsonb NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tally_id, revision)
);

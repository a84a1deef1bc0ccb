-- Volunteer needs and responses (issue 8): clubs and initiatives post what help they need; citizens
-- answer without an account. Responses hold personal data: they are read by their organization
-- only and deleted a retention period after their need ended (`sr-hub purge`, and a job in the Hub).

-- Spent proof-of-work challenges are one table for every citizen action (votes, responses): a
-- challenge is bound to one resource by its signed data, so signatures never collide.
ALTER TABLE poll_used_proofs RENAME TO used_proofs;
ALTER INDEX poll_used_proofs_expiry RENAME TO used_proofs_expiry;

CREATE TABLE volunteer_needs (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  municipality_id text REFERENCES municipalities (id),
  title           text NOT NULL,
  description     text NOT NULL,
  -- Title, description, skills and place folded like sort names, for `q`.
  search_text     text NOT NULL,
  place_name      text,
  place_address   text,
  remote          boolean NOT NULL DEFAULT false,
  -- Both null: ongoing. `ends_at` null: ongoing from `starts_at` on.
  starts_at       timestamptz,
  ends_at         timestamptz,
  time_commitment text,
  skills          text[] NOT NULL DEFAULT '{}',
  urgent          boolean NOT NULL DEFAULT false,
  contact_role    text,
  people_needed   integer NOT NULL CHECK (people_needed BETWEEN 1 AND 10000),
  -- Responses the organization accepted: changed in the same statement that flips a response,
  -- and kept when the retention period deletes the responses.
  people_accepted integer NOT NULL DEFAULT 0 CHECK (people_accepted >= 0),
  -- Set when the organization ends the need early; the status is derived from these columns.
  closed_at       timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX volunteer_needs_organization ON volunteer_needs (organization_id);
CREATE INDEX volunteer_needs_municipality ON volunteer_needs (municipality_id);
CREATE INDEX volunteer_needs_start ON volunteer_needs ((coalesce(starts_at, '-infinity'::timestamptz)), id);
CREATE INDEX volunteer_needs_end ON volunteer_needs ((least(closed_at, ends_at)));

-- One row per citizen response. `request_hash` covers what was sent, so a request repeated with the
-- same key but other content is told so instead of stored. The privacy notice and its version are
-- those the citizen agreed to when sending.
CREATE TABLE volunteer_responses (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  need_id                uuid NOT NULL REFERENCES volunteer_needs (id) ON DELETE CASCADE,
  idempotency_key        text NOT NULL,
  request_hash           text NOT NULL,
  name                   text NOT NULL,
  email                  text,
  phone                  text,
  message                text,
  privacy_notice_url     text NOT NULL,
  privacy_notice_version text NOT NULL,
  accepted_at            timestamptz,
  -- Milliseconds, as in the API's timestamps: the listing's cursor holds one exactly.
  created_at             timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  UNIQUE (need_id, idempotency_key)
);
CREATE INDEX volunteer_responses_listing ON volunteer_responses (need_id, created_at DESC, id);

-- E-mails to organizations about new responses still to send: written with the response, sent by
-- the Hub's outbox loop, removed once sent. The mail is built from the response when it is sent,
-- so no copy of the personal data waits here, and a purged response takes its mail with it.
CREATE TABLE volunteer_notifications (
  response_id     uuid PRIMARY KEY REFERENCES volunteer_responses (id) ON DELETE CASCADE,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text
);
CREATE INDEX volunteer_notifications_due ON volunteer_notifications (next_attempt_at);

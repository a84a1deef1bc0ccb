-- Volunteer shifts (issue 18): a need may have shifts with a number of places; a citizen signs up
-- for one or several, without an account, and manages them through a personal link.

-- "Nach Rücksprache": sign-ups wait for the coordinator's decision (and hold their places while
-- they wait). `reminder_hours`: how long before a shift its volunteers get a reminder; 0 none.
ALTER TABLE volunteer_needs
  ADD COLUMN approval_required boolean NOT NULL DEFAULT false,
  ADD COLUMN reminder_hours integer NOT NULL DEFAULT 24 CHECK (reminder_hours BETWEEN 0 AND 168);

-- One row per shift. A series made from a recurrence rule is stored as its shifts, sharing a
-- `series_id`: each has its own places and roster. There is no counter of taken places: they are
-- counted from the sign-ups under a row lock of the shift, so a deleted sign-up frees its place.
CREATE TABLE volunteer_shifts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  need_id      uuid NOT NULL REFERENCES volunteer_needs (id) ON DELETE CASCADE,
  series_id    uuid,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
  label        text,
  skills       text[] NOT NULL DEFAULT '{}',
  -- Set when the organization cancels the shift; its sign-ups stay, and are told.
  cancelled_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX volunteer_shifts_need ON volunteer_shifts (need_id, starts_at, id);

-- One row per person and shift. A place is held by an active sign-up whose response is not
-- declined. `attended`: null until the coordinator marks it on the day.
CREATE TABLE volunteer_signups (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  response_id  uuid NOT NULL REFERENCES volunteer_responses (id) ON DELETE CASCADE,
  shift_id     uuid NOT NULL REFERENCES volunteer_shifts (id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  withdrawn_at timestamptz,
  attended     boolean,
  attended_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  UNIQUE (response_id, shift_id),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX volunteer_signups_shift ON volunteer_signups (shift_id);

-- The volunteer's "Meine Einsätze" links: only a hash of each (SHA-256, hex) is stored; the link
-- itself exists only in the mail that carried it. They go with the response (retention).
CREATE TABLE volunteer_links (
  token_hash  text PRIMARY KEY,
  response_id uuid NOT NULL REFERENCES volunteer_responses (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_links_response ON volunteer_links (response_id);

-- Reminders are outbox mails due before the shift, about one sign-up: deleting the sign-up (or
-- its response) deletes its reminder.
ALTER TABLE mail_outbox ADD COLUMN volunteer_signup_id uuid REFERENCES volunteer_signups (id) ON DELETE CASCADE;
CREATE INDEX mail_outbox_volunteer_signup ON mail_outbox (volunteer_signup_id) WHERE volunteer_signup_id IS NOT NULL;

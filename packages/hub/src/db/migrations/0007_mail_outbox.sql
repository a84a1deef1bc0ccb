-- One outbox for every e-mail the Hub sends (issue 14): sign-in links, invitations, registration
-- news and the notifications of volunteer responses. A mail is written in the transaction of what
-- caused it and sent apart from the request by the Hub's outbox worker, which claims due rows with
-- `FOR UPDATE SKIP LOCKED` (several Hubs on one database send each mail once) and removes them once
-- sent. Subject and text are rendered at send time from `kind`, `language` and `payload`.
CREATE TABLE mail_outbox (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL,
  recipient             text NOT NULL,
  language              text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
  -- What the template needs; personal data of citizens never: a volunteer response's mail is
  -- built from the response itself, so a purged response takes its pending mail with it.
  payload               jsonb NOT NULL DEFAULT '{}',
  volunteer_response_id uuid REFERENCES volunteer_responses (id) ON DELETE CASCADE,
  -- Attempts so far; a claim counts one and moves `next_attempt_at` past the claim's end, so a
  -- crashed Hub's claims expire and another Hub tries again.
  attempts              integer NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz NOT NULL DEFAULT now(),
  last_error            text,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
CREATE INDEX mail_outbox_volunteer_response ON mail_outbox (volunteer_response_id) WHERE volunteer_response_id IS NOT NULL;

-- Pending notifications move over, addressed as they would have been when sent. The retention
-- period they mention is the default: SQL does not know the Hub's VOLUNTEER_RETENTION_DAYS.
-- Responses of organizations without an address had nobody to tell.
INSERT INTO mail_outbox (kind, recipient, payload, volunteer_response_id, attempts, next_attempt_at, last_error)
SELECT 'volunteer-response', organizations.email, jsonb_build_object('retentionDays', 90),
       volunteer_notifications.response_id, volunteer_notifications.attempts,
       volunteer_notifications.next_attempt_at, volunteer_notifications.last_error
FROM volunteer_notifications
JOIN volunteer_responses ON volunteer_responses.id = volunteer_notifications.response_id
JOIN volunteer_needs ON volunteer_needs.id = volunteer_responses.need_id
JOIN organizations ON organizations.id = volunteer_needs.organization_id
WHERE organizations.email IS NOT NULL;

DROP TABLE volunteer_notifications;

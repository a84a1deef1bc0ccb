-- Calendar subscriptions (issue 15): iCalendar feeds the Hub re-imports for an organization.
CREATE TABLE calendar_subscriptions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  url              text NOT NULL,
  -- The feed's validators from its last 200 answer, sent back as If-None-Match / If-Modified-Since.
  etag             text,
  last_modified    text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'failed')),
  -- CalendarImportResult of the last import; CalendarSubscriptionError of the last failed fetch.
  last_result      jsonb,
  last_error       jsonb,
  last_checked_at  timestamptz,
  last_changed_at  timestamptz,
  next_check_at    timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, url)
);
CREATE INDEX calendar_subscriptions_due ON calendar_subscriptions (next_check_at);

-- The feed an imported event came from: NULL for events made in the workspace or through the API
-- and for the manual import (importCalendar); ending the subscription removes its events.
ALTER TABLE events ADD COLUMN source_subscription_id uuid REFERENCES calendar_subscriptions (id) ON DELETE CASCADE;
CREATE INDEX events_source_subscription ON events (source_subscription_id) WHERE source_subscription_id IS NOT NULL;

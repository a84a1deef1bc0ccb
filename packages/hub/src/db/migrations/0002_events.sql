-- Events (issue 5): one row per event with its recurrence; occurrences are expanded per request.
CREATE TABLE events (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- iCalendar UID: the event's id for events created through the API, the feed's own when imported.
  uid              text NOT NULL,
  -- Came from a calendar import: a later import of the organization's feed updates or removes it.
  imported         boolean NOT NULL DEFAULT false,
  -- SHA-256 of the normalized content, so a re-import can tell unchanged events from updated ones.
  content_hash     text NOT NULL,
  title            text NOT NULL,
  description      text,
  -- Title, description, place and municipality folded like sort keys, for `q`.
  search_text      text NOT NULL,
  time_zone        text NOT NULL,
  all_day          boolean NOT NULL,
  -- Wall-clock times in time_zone ('2026-11-03T19:00:00'), or dates for all-day events (end inclusive).
  start_local      text NOT NULL,
  end_local        text NOT NULL,
  rrule            text,
  rdates           text[] NOT NULL DEFAULT '{}',
  exdates          text[] NOT NULL DEFAULT '{}',
  -- Changed or cancelled occurrences, as in the API (EventOverride objects).
  overrides        jsonb NOT NULL DEFAULT '[]',
  status           text NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  location_name    text,
  location_address text,
  municipality_id  text REFERENCES municipalities (id),
  lat              double precision CHECK (lat BETWEEN -90 AND 90),
  lon              double precision CHECK (lon BETWEEN -180 AND 180),
  categories       text[] NOT NULL DEFAULT '{}',
  is_free          boolean,
  price            text,
  accessibility    text,
  link             text,
  -- iCalendar SEQUENCE: counts updates, so subscribed calendars replace their copy.
  sequence         integer NOT NULL DEFAULT 0,
  -- Start of the first and end of the last occurrence; last_end NULL when the event recurs without end.
  -- A range query keeps only events whose window overlaps it before expanding recurrences.
  first_start      timestamptz NOT NULL,
  last_end         timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, uid),
  CHECK (last_end IS NULL OR last_end >= first_start)
);
-- Range constructors are immutable, so the window can be indexed as a range (NULL upper = unbounded).
CREATE INDEX events_window ON events USING gist (tstzrange(first_start, last_end, '[]'));
CREATE INDEX events_organization ON events (organization_id, first_start, id);
CREATE INDEX events_municipality ON events (municipality_id);
CREATE INDEX events_categories ON events USING gin (categories);
CREATE INDEX events_search ON events USING gin (search_text gin_trgm_ops);

-- Stored occurrences (issue 20): recurring events expanded once, when they are written, for a
-- rolling horizon around today, so a month of a large calendar is read and paged in SQL instead
-- of expanding every series per request. Ranges outside the horizon, and events whose stored
-- occurrences are not (yet) those of their content, are still expanded per request.

-- The content (events.content_hash) whose occurrences are stored; NULL: stale. Rows written before
-- this migration, or inserted by anything but the Hub's write path, are stale until the Hub fills
-- them (at start and hourly).
ALTER TABLE events ADD COLUMN occurrences_hash text;
-- A change of content makes an event stale, whoever writes it, unless the same statement stores
-- its occurrences' hash: so the hash is NULL or the content's, and reads ask "IS NULL", which the
-- planner estimates from the column's statistics (a comparison of two columns it cannot) and the
-- index below answers.
CREATE FUNCTION events_occurrences_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_hash IS DISTINCT FROM OLD.content_hash AND NEW.occurrences_hash IS NOT DISTINCT FROM OLD.occurrences_hash THEN
    NEW.occurrences_hash := NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER events_occurrences_stale BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION events_occurrences_stale();
-- Only the stale events, which reads look for in the range they ask about (usually none).
CREATE INDEX events_occurrences_stale ON events (first_start) WHERE occurrences_hash IS NULL;

-- The instants `[stored_from, stored_until)` whose occurrences are stored for every event that is not
-- stale; one row, empty until the Hub first fills it. Writers of events read it FOR SHARE, the job
-- that moves it locks it FOR UPDATE, so no event is stored for one horizon while it moves to another.
CREATE TABLE event_occurrence_horizon (
  only_row     boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  stored_from  timestamptz NOT NULL,
  stored_until timestamptz NOT NULL
);
INSERT INTO event_occurrence_horizon (stored_from, stored_until) VALUES ('1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z');

-- Each occurrence that overlaps the horizon, as recurrence.ts expands it (`Occurrence`). No foreign
-- key to events: the job that moves the horizon inserts without waiting for locks on event rows
-- (which an edit holds while it waits for the horizon). Reads join events, so rows of an event
-- deleted with its organization are never shown; the job removes them.
CREATE TABLE event_occurrences (
  event_id       uuid NOT NULL,
  -- Original local start (RECURRENCE-ID); '' for an event that does not recur. Byte order, as the API pages.
  recurrence_id  text COLLATE "C" NOT NULL,
  start_at       timestamptz NOT NULL,
  end_at         timestamptz NOT NULL,
  -- As the API shows them: ISO 8601 with offset, or dates for all-day events (end inclusive).
  start_text     text NOT NULL,
  end_text       text NOT NULL,
  -- Position of the override (events.overrides) that moved or changed this occurrence.
  override_index integer,
  PRIMARY KEY (event_id, recurrence_id)
);
-- The order GET /events pages in.
CREATE INDEX event_occurrences_order ON event_occurrences (start_at, event_id, recurrence_id);
-- Occurrences that began before a range and last into it.
CREATE INDEX event_occurrences_span ON event_occurrences USING gist (tstzrange(start_at, greatest(start_at, end_at), '()'));

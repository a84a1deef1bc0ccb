-- Every change to the content that public answers are made of tells each Hub process at once
-- (http/answer-cache.ts drops the answers it keeps): `NOTIFY sr_content_changed` with the table's
-- name for each row changed. Per row, not per statement: a statement that changes no row (the
-- hourly job finding nothing to do) must not drop every answer of every process. PostgreSQL sends
-- the notifications when the transaction commits, and a transaction's identical ones only once,
-- so an import of thousands of rows is one message.
-- Citizens' writes (votes, volunteer responses) and the Hub's own bookkeeping (sessions, rate
-- limits, the audit log) are not content: no cached answer reads them, and they change too often.
CREATE FUNCTION notify_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sr_content_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY[
    'municipalities', 'organizations', 'events', 'event_occurrences', 'event_occurrence_horizon',
    'help_offers', 'help_offer_locations', 'help_offer_hours', 'help_search_words'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION notify_content_changed()',
      content_table || '_notify_content_changed', content_table
    );
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed()',
      content_table || '_truncate_notify_content_changed', content_table
    );
  END LOOP;
END
$$;

-- Open data (issue 19): what a mirror needs to follow the Hub without downloading everything.
-- Lists take `modifiedAfter` (compared with `updated_at`); what left the public data since is
-- listed as a tombstone here, for `DELETIONS_RETENTION_DAYS`.

-- One row per public entry that was deleted or stopped being public (a draft again, an
-- organization no longer approved). No foreign key: the entry is gone. Written by the triggers
-- below, so no code path (a handler, a cascade from a deleted organization, the CLI) can forget it.
CREATE TABLE deleted_entries (
  kind            text NOT NULL CHECK (kind IN ('organization', 'help-offer', 'event', 'volunteer-need')),
  id              uuid NOT NULL,
  organization_id uuid,
  deleted_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  PRIMARY KEY (kind, id)
);
CREATE INDEX deleted_entries_deleted_at ON deleted_entries (deleted_at, kind, id);

-- Versions are compared with `modifiedAfter` and shown as `updatedAt`, both to the millisecond
-- (as JavaScript holds a moment, and as `nextVersion` writes them). A version the database writes
-- itself on insert is kept to the millisecond too: otherwise a mirror that passes the newest
-- `updatedAt` it has seen would get that entry again.
ALTER TABLE organizations ALTER COLUMN updated_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE help_offers ALTER COLUMN updated_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE events ALTER COLUMN updated_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE volunteer_needs ALTER COLUMN updated_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE polls ALTER COLUMN updated_at SET DEFAULT date_trunc('milliseconds', now());
UPDATE organizations SET updated_at = date_trunc('milliseconds', updated_at);
UPDATE help_offers SET updated_at = date_trunc('milliseconds', updated_at);
UPDATE events SET updated_at = date_trunc('milliseconds', updated_at);
UPDATE volunteer_needs SET updated_at = date_trunc('milliseconds', updated_at);
UPDATE polls SET updated_at = date_trunc('milliseconds', updated_at);

-- Lists with `modifiedAfter` read the newest changes by these.
CREATE INDEX help_offers_updated_at ON help_offers (updated_at);
CREATE INDEX events_updated_at ON events (updated_at);
CREATE INDEX volunteer_needs_updated_at ON volunteer_needs (updated_at);
CREATE INDEX organizations_updated_at ON organizations (updated_at);

CREATE FUNCTION deleted_entry_record(entry_kind text, entry_id uuid, entry_organization uuid) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO deleted_entries (kind, id, organization_id) VALUES (entry_kind, entry_id, entry_organization)
    ON CONFLICT (kind, id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at
  $$;

-- Entries of organizations: public while published. `TG_ARGV[0]` is the kind.
CREATE FUNCTION deleted_entries_of_published() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      IF OLD.published THEN PERFORM deleted_entry_record(TG_ARGV[0], OLD.id, OLD.organization_id); END IF;
      RETURN OLD;
    END IF;
    IF OLD.published AND NOT NEW.published THEN
      PERFORM deleted_entry_record(TG_ARGV[0], NEW.id, NEW.organization_id);
    ELSIF NEW.published AND NOT OLD.published THEN
      DELETE FROM deleted_entries WHERE kind = TG_ARGV[0] AND id = NEW.id;
    END IF;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER help_offers_deleted_entries AFTER UPDATE OF published OR DELETE ON help_offers
  FOR EACH ROW EXECUTE FUNCTION deleted_entries_of_published('help-offer');
CREATE TRIGGER events_deleted_entries AFTER UPDATE OF published OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION deleted_entries_of_published('event');
CREATE TRIGGER volunteer_needs_deleted_entries AFTER UPDATE OF published OR DELETE ON volunteer_needs
  FOR EACH ROW EXECUTE FUNCTION deleted_entries_of_published('volunteer-need');

-- Organizations: public while approved, and with them everything they published. One that is no
-- longer approved leaves a tombstone for itself and each published entry; approved (again), its
-- tombstones go and its published entries get a new version, so `modifiedAfter` brings them back
-- to a mirror (or brings them for the first time, after a registration is approved).
CREATE FUNCTION deleted_entries_of_organizations() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      IF OLD.status = 'approved' THEN PERFORM deleted_entry_record('organization', OLD.id, OLD.id); END IF;
      RETURN OLD;
    END IF;
    IF OLD.status = 'approved' AND NEW.status <> 'approved' THEN
      PERFORM deleted_entry_record('organization', NEW.id, NEW.id);
      PERFORM deleted_entry_record('help-offer', id, organization_id) FROM help_offers WHERE organization_id = NEW.id AND published;
      PERFORM deleted_entry_record('event', id, organization_id) FROM events WHERE organization_id = NEW.id AND published;
      PERFORM deleted_entry_record('volunteer-need', id, organization_id) FROM volunteer_needs WHERE organization_id = NEW.id AND published;
    ELSIF NEW.status = 'approved' AND OLD.status <> 'approved' THEN
      DELETE FROM deleted_entries WHERE organization_id = NEW.id;
      -- As `nextVersion` in http/preconditions.ts: now, but always after the version it replaces.
      UPDATE help_offers SET updated_at = greatest(date_trunc('milliseconds', clock_timestamp()), updated_at + interval '1 millisecond')
        WHERE organization_id = NEW.id AND published;
      UPDATE events SET updated_at = greatest(date_trunc('milliseconds', clock_timestamp()), updated_at + interval '1 millisecond')
        WHERE organization_id = NEW.id AND published;
      UPDATE volunteer_needs SET updated_at = greatest(date_trunc('milliseconds', clock_timestamp()), updated_at + interval '1 millisecond')
        WHERE organization_id = NEW.id AND published;
    END IF;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER organizations_deleted_entries AFTER UPDATE OF status OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION deleted_entries_of_organizations();

-- Help search: whether an offer's organization is approved, stored with the offer. A search reads
-- it with the offer's other search columns instead of joining the organizations, which the planner
-- did once per organization (repeating the search index scans each time).

ALTER TABLE help_offers ADD COLUMN organization_approved boolean NOT NULL DEFAULT false;

UPDATE help_offers SET organization_approved = true
  WHERE organization_id IN (SELECT id FROM organizations WHERE status = 'approved');

-- A new offer, or one moved to another organization, takes that organization's state.
CREATE FUNCTION help_offers_organization_approved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.organization_approved := EXISTS (SELECT 1 FROM organizations WHERE id = NEW.organization_id AND status = 'approved');
    RETURN NEW;
  END
  $$;

CREATE TRIGGER help_offers_organization_approved BEFORE INSERT OR UPDATE OF organization_id ON help_offers
  FOR EACH ROW EXECUTE FUNCTION help_offers_organization_approved();

-- An organization approved, suspended or rejected: its offers follow.
CREATE FUNCTION organizations_help_offers_approved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE help_offers SET organization_approved = (NEW.status = 'approved')
      WHERE organization_id = NEW.id AND organization_approved <> (NEW.status = 'approved');
    RETURN NEW;
  END
  $$;

CREATE TRIGGER organizations_help_offers_approved AFTER UPDATE OF status ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_help_offers_approved();

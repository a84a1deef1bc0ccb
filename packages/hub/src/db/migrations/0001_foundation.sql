-- Foundation: municipalities, organizations and API keys.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE municipalities (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name         text NOT NULL,
  sort_name    text COLLATE "C" NOT NULL,
  official_key char(8) NOT NULL UNIQUE CHECK (official_key ~ '^[0-9]{8}$'),
  kind         text NOT NULL CHECK (kind IN ('city', 'market', 'municipality')),
  district     text NOT NULL CHECK (district IN ('Stadt Würzburg', 'Landkreis Würzburg')),
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
);
CREATE INDEX municipalities_sort ON municipalities (sort_name, id);

CREATE TABLE organizations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL,
  sort_name          text COLLATE "C" NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('municipality', 'public-body', 'welfare', 'church', 'club', 'initiative', 'self-help', 'company')),
  description        text,
  municipality_id    text REFERENCES municipalities (id),
  website            text,
  email              text,
  phone              text,
  privacy_policy_url text,
  is_example         boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_sort ON organizations (sort_name, id);
CREATE INDEX organizations_municipality ON organizations (municipality_id);

CREATE TABLE api_keys (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prefix          text NOT NULL,
  hash            text NOT NULL UNIQUE,
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  scopes          text[] NOT NULL,
  label           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  -- An organization key acts for its organization; only admin keys have none.
  CHECK (organization_id IS NOT NULL OR 'admin' = ANY (scopes))
);

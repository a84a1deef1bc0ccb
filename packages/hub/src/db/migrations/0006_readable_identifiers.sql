-- Readable identifiers (issue 21): a webmaster writes `organization="tsv-ochsenfurt-1862-e-v"` or
-- `poll-id="K7M3QP"` instead of a UUID copied out of the API's JSON. Both are assigned here, in the
-- database, so every way a row is inserted (API, seed, import) gets one, and they never change
-- afterwards: a renamed organization keeps its slug, or published embed snippets would break.

-- German-aware: umlauts and ß are transliterated the German way (ä → ae, not a) before other
-- accents are dropped. Both cases are spelled out, as lower() leaves non-ASCII letters alone under
-- the C locale.
CREATE FUNCTION organization_slug_base(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(nullif(trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(
    lower(public.unaccent('public.unaccent'::regdictionary,
      replace(replace(replace(replace(replace(replace(replace(replace(name,
        'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'))),
    '[^a-z0-9]+', '-', 'g')), 60)), ''), 'organisation') $$;

ALTER TABLE organizations ADD COLUMN slug text;

-- Existing rows: the oldest organization with a name keeps the plain slug, the others count on.
UPDATE organizations SET slug = numbered.slug
FROM (
  SELECT id, CASE WHEN position = 1 THEN base ELSE base || '-' || position END AS slug
  FROM (
    SELECT id, organization_slug_base(name) AS base,
           row_number() OVER (PARTITION BY organization_slug_base(name) ORDER BY created_at, id) AS position
    FROM organizations
  ) AS ranked
) AS numbered
WHERE organizations.id = numbered.id;

ALTER TABLE organizations
  ALTER COLUMN slug SET NOT NULL,
  ADD CONSTRAINT organizations_slug_unique UNIQUE (slug),
  ADD CONSTRAINT organizations_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- A new organization without a slug gets the first free one of `base`, `base-2`, `base-3`, …
CREATE FUNCTION organizations_assign_slug() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  base text := organization_slug_base(NEW.name);
  candidate text := base;
  counter integer := 1;
BEGIN
  IF NEW.slug IS NOT NULL THEN RETURN NEW; END IF;
  WHILE EXISTS (SELECT 1 FROM organizations WHERE slug = candidate) LOOP
    counter := counter + 1;
    candidate := base || '-' || counter;
  END LOOP;
  NEW.slug := candidate;
  RETURN NEW;
END $$;

CREATE TRIGGER organizations_slug BEFORE INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_assign_slug();

-- Poll short codes: 6 characters from the alphabet of the participation codes (no 0/O, 1/I/L, so
-- they can be read aloud and typed from paper); 31⁶ ≈ 887 million, drawn again on a collision.
-- Public identifiers, not secrets, so random() suffices.
CREATE FUNCTION poll_new_short_code() RETURNS text
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  code text;
BEGIN
  LOOP
    code := '';
    FOR i IN 1..6 LOOP
      code := code || substr(alphabet, 1 + floor(random() * length(alphabet))::integer, 1);
    END LOOP;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM polls WHERE short_code = code);
  END LOOP;
  RETURN code;
END $$;

ALTER TABLE polls ADD COLUMN short_code text;

DO $$
DECLARE
  poll record;
BEGIN
  FOR poll IN SELECT id FROM polls LOOP
    UPDATE polls SET short_code = poll_new_short_code() WHERE id = poll.id;
  END LOOP;
END $$;

ALTER TABLE polls
  ALTER COLUMN short_code SET NOT NULL,
  ADD CONSTRAINT polls_short_code_unique UNIQUE (short_code),
  ADD CONSTRAINT polls_short_code_format CHECK (short_code ~ '^[A-HJKMNP-Z2-9]{6}$');

CREATE FUNCTION polls_assign_short_code() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.short_code IS NULL THEN NEW.short_code := poll_new_short_code(); END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER polls_short_code BEFORE INSERT ON polls
  FOR EACH ROW EXECUTE FUNCTION polls_assign_short_code();

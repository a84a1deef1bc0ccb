-- Help offers (issue 6): offers modelled on Open Referral HSDS 3, their places and opening hours,
-- and the vocabulary the German search corrects typos against.

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in a generated
-- column. Pinning the dictionary makes the fold immutable, the usual way to index unaccented text.
CREATE FUNCTION help_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Great-circle distance in km (haversine, mean earth radius); least() guards against rounding above 1.
-- Not STRICT, so the planner inlines it (a per-row SQL function call costs more than the maths).
CREATE FUNCTION help_distance_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 2 * 6371.0088 * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))) $$;

CREATE TABLE help_offers (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id         uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name                    text NOT NULL,
  sort_name               text COLLATE "C" NOT NULL,
  description             text NOT NULL,
  topics                  text[] NOT NULL,
  topic_closure           text[] NOT NULL,
  audiences               text[] NOT NULL DEFAULT '{}',
  eligibility_description text,
  languages               text[] NOT NULL DEFAULT '{de}',
  cost                    text NOT NULL CHECK (cost IN ('free', 'low', 'fee')),
  fees_description        text,
  anonymous               boolean NOT NULL DEFAULT false,
  barrier_free            boolean NOT NULL DEFAULT false,
  accessibility           text,
  crisis                  boolean NOT NULL DEFAULT false,
  service_area            text NOT NULL CHECK (service_area IN ('local', 'region', 'nationwide')),
  url                     text,
  email                   text,
  phones                  jsonb NOT NULL DEFAULT '[]',
  chat_url                text,
  walk_in                 boolean NOT NULL DEFAULT false,
  always_open             boolean NOT NULL DEFAULT false,
  open_on_public_holidays boolean NOT NULL DEFAULT false,
  hours_description       text,
  assured_date            date,
  -- Written by the Hub with the offer: names of topics and audiences and the organization (B),
  -- places, eligibility, costs and accessibility (C, with the description).
  search_labels           text NOT NULL,
  search_details          text NOT NULL,
  -- German stems of the folded text (umlauts and ß typed as a/o/u/ss find the same), by weight.
  search_vector           tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', help_fold(name)), 'A')
    || setweight(to_tsvector('german', help_fold(search_labels)), 'B')
    || setweight(to_tsvector('german', help_fold(description || ' ' || search_details)), 'C')
  ) STORED,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  -- Crisis services are the ones the search puts first for crisis words: they must be reachable.
  CHECK (NOT crisis OR always_open)
);
-- Offers are written rarely and searched often: without a pending list of unmerged entries
-- (fastupdate), a search never has to scan one, and the planner keeps using the indexes.
CREATE INDEX help_offers_search ON help_offers USING gin (search_vector) WITH (fastupdate = off);
CREATE INDEX help_offers_topics ON help_offers USING gin (topic_closure) WITH (fastupdate = off);
CREATE INDEX help_offers_sort ON help_offers (sort_name, id);
CREATE INDEX help_offers_organization ON help_offers (organization_id);

CREATE TABLE help_offer_locations (
  offer_id        uuid NOT NULL REFERENCES help_offers (id) ON DELETE CASCADE,
  position        smallint NOT NULL,
  name            text,
  address         text,
  municipality_id text REFERENCES municipalities (id),
  lat             double precision CHECK (lat BETWEEN -90 AND 90),
  lon             double precision CHECK (lon BETWEEN -180 AND 180),
  PRIMARY KEY (offer_id, position),
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX help_offer_locations_municipality ON help_offer_locations (municipality_id);

-- One row per weekly schedule (ISO weekdays 1 = Monday) or per exception day. An exception
-- without times closes the day; exceptions replace the weekly hours of their day.
-- A period whose closing time is not after its opening time ends the next day.
CREATE TABLE help_offer_hours (
  offer_id    uuid NOT NULL REFERENCES help_offers (id) ON DELETE CASCADE,
  position    smallint NOT NULL,
  weekdays    smallint[],
  on_date     date,
  opens       time,
  closes      time,
  description text,
  PRIMARY KEY (offer_id, position),
  CHECK ((weekdays IS NULL) <> (on_date IS NULL)),
  CHECK ((opens IS NULL) = (closes IS NULL)),
  CHECK (weekdays IS NULL OR opens IS NOT NULL)
);
CREATE INDEX help_offer_hours_date ON help_offer_hours (on_date) WHERE on_date IS NOT NULL;

-- Folded words of all offers and topic synonyms: what a misspelled search word is corrected to
-- (trigram similarity) and which longer words contain it. Words are only added; a word no offer
-- uses any more just finds nothing.
CREATE TABLE help_search_words (
  word text PRIMARY KEY
);
CREATE INDEX help_search_words_trigrams ON help_search_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);

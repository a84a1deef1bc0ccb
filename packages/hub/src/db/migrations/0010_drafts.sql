-- Drafts: an organization saves an event, help offer or volunteer need before it is public.
-- Citizens' lists, searches, feeds and widgets leave `published = false` out; the organization
-- finds its drafts by id and in its own lists. Everything stored so far stays published.
ALTER TABLE events ADD COLUMN published boolean NOT NULL DEFAULT true;
ALTER TABLE help_offers ADD COLUMN published boolean NOT NULL DEFAULT true;
ALTER TABLE volunteer_needs ADD COLUMN published boolean NOT NULL DEFAULT true;
-- An organization's own list of needs pages newest first by `created_at` (http/listing.ts
-- byMomentThenId), so it is kept to the millisecond as 0009 did for the other listed moments.
ALTER TABLE volunteer_needs ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now());
UPDATE volunteer_needs SET created_at = date_trunc('milliseconds', created_at);

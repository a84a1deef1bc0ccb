-- Lists page by a moment and the id (http/listing.ts byMomentThenId), and a cursor carries the
-- moment as JavaScript holds it: to the millisecond. Moments the database writes itself are kept to
-- the millisecond too, as volunteer responses' are since 0005, so a page that ends inside one
-- millisecond neither skips nor repeats a row.
ALTER TABLE audit_log ALTER COLUMN at SET DEFAULT date_trunc('milliseconds', now());
UPDATE audit_log SET at = date_trunc('milliseconds', at);
ALTER TABLE organizations ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now());
UPDATE organizations SET created_at = date_trunc('milliseconds', created_at);

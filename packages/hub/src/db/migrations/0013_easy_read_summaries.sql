-- Leichte Sprache: an organization may add a short summary in easy-to-read German to a help
-- offer, a volunteer need and a poll; the widgets show it when they run in Leichte Sprache.
-- Null when there is none, as for every entry stored so far.
ALTER TABLE help_offers ADD COLUMN easy_read_summary text;
ALTER TABLE volunteer_needs ADD COLUMN easy_read_summary text;
ALTER TABLE polls ADD COLUMN easy_read_summary text;

-- Organizations accept or decline a volunteer response (issue 15); `status` replaces the flag
-- `accepted_at`, `decided_at` says when either happened. Accepted responses keep their moment.
-- `language`: the language the volunteer's browser asked for when answering (`Accept-Language`),
-- for the mail about the decision; null for responses from before and API clients that sent none.
ALTER TABLE volunteer_responses
  ADD COLUMN status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'declined')),
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN language text CHECK (language IN ('de', 'en'));
UPDATE volunteer_responses SET status = 'accepted', decided_at = accepted_at WHERE accepted_at IS NOT NULL;
ALTER TABLE volunteer_responses DROP COLUMN accepted_at;
ALTER TABLE volunteer_responses ADD CONSTRAINT volunteer_responses_decided
  CHECK ((status = 'new') = (decided_at IS NULL));

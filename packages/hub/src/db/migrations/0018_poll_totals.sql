-- Running totals of online votes (issue 20): each vote adds to them in its own transaction, so the
-- results a voter gets back are a sum over a few rows, not a count over every vote of the poll.
-- Exact under concurrency as before: a total changes only in the transaction that inserts its vote
-- (a rolled-back vote leaves it as it was), and `votes = votes + 1` is applied under the row lock.
--
-- A total is split into slots: each vote adds to one slot picked at random, so votes at the same
-- moment seldom wait for each other's row lock (which, with fsync on, is held until the commit has
-- reached the disk); the results add the slots up. `option_id` is an option of the poll, or the nil
-- UUID for the number of votes (the online participants of a multiple choice poll differ from the
-- sum of its choices). No foreign key to poll_options: the nil UUID is none, and a poll's options
-- are only replaced while nothing was counted.
CREATE TABLE poll_vote_totals (
  poll_id   uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  option_id uuid NOT NULL,
  slot      smallint NOT NULL,
  votes     bigint NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (poll_id, option_id, slot)
);

-- The votes stored so far, in slot 0.
INSERT INTO poll_vote_totals (poll_id, option_id, slot, votes)
SELECT poll_id, choice, 0, count(*) FROM poll_votes, unnest(choices) AS choice GROUP BY poll_id, choice
UNION ALL
SELECT poll_id, '00000000-0000-0000-0000-000000000000', 0, count(*) FROM poll_votes GROUP BY poll_id;

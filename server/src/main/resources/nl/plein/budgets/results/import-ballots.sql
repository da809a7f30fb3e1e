-- The instance's votes as ballots (channel imported, no identity, no home area) with their choices,
-- in one statement: voter k of the file (1-based) chose items[i] with points[i] wherever voters[i]
-- is k. Receipts are made up of the vote and k, only to be unique.
WITH made AS (
    INSERT INTO ballots (vote_id, channel, receipt)
    SELECT :vote, 'imported', 'pabulib-' || :vote || '-' || k FROM generate_series(1, :count) k
    RETURNING id, receipt
)
INSERT INTO ballot_choices (ballot_id, item_id, points)
SELECT m.id, c.item, c.points
  FROM unnest(:voters, :items, :points) AS c (voter, item, points)
  JOIN made m ON m.receipt = 'pabulib-' || :vote || '-' || c.voter

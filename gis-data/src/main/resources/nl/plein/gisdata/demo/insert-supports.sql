-- All supports in one statement, in list order: the statement-level triggers that keep
-- participation (activity_added) run once, not once per support as in a batch.
INSERT INTO supports (proposal_id, account_id, created_at)
SELECT s.proposal_id, s.account_id, s.created_at::timestamptz
  FROM unnest(:proposals::bigint[], :accounts::bigint[], :times::text[])
       WITH ORDINALITY AS s (proposal_id, account_id, created_at, n)
 ORDER BY s.n

-- Takes the vote's row for update before a code batch is made, to the end of the transaction.
-- This one lock keeps a letter and an account ballot without a code from landing for one area:
-- every ballot first takes a share lock on the same row (vote.sql), and the two locks exclude each
-- other. So the batch waits for the ballots in flight to commit, and then (read committed: each
-- statement sees what was committed before it began) counts them in uncoded-ballots.sql; a ballot
-- arriving meanwhile waits for the batch to commit, and then finds it (code-batch-for.sql) and must
-- give its letter's code. Per vote rather than per area, because an account's home area may be
-- mapped into any area of the set; batches are rare, and ballots wait only while one is written.
-- Parameter: :vote.
SELECT v.id FROM votes v WHERE v.id = :vote FOR UPDATE

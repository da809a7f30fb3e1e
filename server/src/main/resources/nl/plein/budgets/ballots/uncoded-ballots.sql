-- How many ballots of this vote were cast without a letter's code by residents a new batch for
-- :area would send letters to, online (account ballots) or on paper (counted, or entered and
-- awaiting confirmation): those whose ballot was cast in that area, or whose account's home area
-- is in it now (mapped into the vote's set as for casting; a city-wide batch, :area NULL, reaches
-- those with no home area in the set, and everyone when the vote has no set). Each of them could
-- vote a second time with their letter, so such a batch is refused. Ballots confirmed with a code
-- of an earlier batch are already tied to their letter and do not count; nor do code ballots, which
-- always have one.
-- Parameters: :vote, :area (bigint or null), :set (the vote's boundary set, or null).
SELECT (SELECT count(*)
          FROM ballots b
          LEFT JOIN accounts a ON a.id = b.account_id
         WHERE b.vote_id = :vote AND b.channel IN ('account', 'paper') AND b.code_hash IS NULL
           AND (b.area_id IS NOT DISTINCT FROM CAST(:area AS bigint)
                OR (a.id IS NOT NULL AND area_in_set(a.home_area_id, CAST(:set AS bigint))
                                         IS NOT DISTINCT FROM CAST(:area AS bigint))))
     + (SELECT count(*)
          FROM paper_ballots p
         WHERE p.vote_id = :vote AND p.confirmed_at IS NULL AND p.code_hash IS NULL
           AND p.area_id IS NOT DISTINCT FROM CAST(:area AS bigint))

-- Keeps one rule's outcome for the pots of a vote: every item with its votes, and the order in
-- which the rule funded it (NULL: not funded). Given as parallel arrays, written in one statement.
INSERT INTO vote_results (vote_id, pot_id, rule, item_id, votes, funded_order)
SELECT :vote, r.pot, :rule, r.item, r.votes, r.funded_order
  FROM unnest(:pots, :items, :votes, :orders) AS r (pot, item, votes, funded_order)

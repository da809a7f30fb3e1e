-- What counting and the results need to know of one vote; its status follows from the clock of the
-- database, so every server agrees on it. <lock> is empty, or FOR UPDATE when the vote is counted
-- (chosen in Results, never from input): two counts of one vote wait for each other. one_choice: a
-- ballot chooses at most one item per pot (set so, or an imported choose-1 instance), so a pot's
-- tallies of supporters add up to its voters.
SELECT v.id, v.project_id, v.rule, v.source, v.ballot_type, v.area_set_id, v.counted_at IS NOT NULL AS counted,
       coalesce(v.max_items = 1, false) OR coalesce(v.pabulib_meta ->> 'vote_type' = 'choose-1', false)
           OR coalesce(v.pabulib_meta ->> 'max_length' = '1', false) AS one_choice,
       CASE WHEN now() < v.opens_at THEN 'upcoming' WHEN now() < v.closes_at THEN 'open'
            WHEN v.counted_at IS NULL THEN 'closed' ELSE 'counted' END AS status,
       v.title, v.pabulib_meta::text AS pabulib_meta
  FROM votes v
 WHERE v.id = :vote
<lock>

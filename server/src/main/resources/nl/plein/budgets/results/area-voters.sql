-- The voters of a vote per area of a boundary set: ballots (every channel) by the voter's home
-- area in this set (area_in_set, worked out once per distinct home area), and how many of them
-- chose at least one item. Ballots without a home area are in no row.
WITH home AS MATERIALIZED (
    SELECT b.area_id AS home_id, count(*) AS voters,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ballot_choices c WHERE c.ballot_id = b.id)) AS choosing
      FROM ballots b
     WHERE b.vote_id = :vote AND b.area_id IS NOT NULL
     GROUP BY b.area_id
)
SELECT area_in_set(h.home_id, :set) AS area_id, sum(h.voters)::bigint AS voters, sum(h.choosing)::bigint AS choosing
  FROM home h
 GROUP BY 1

-- Turnout in a project's budget votes per area of a boundary set: ballots of every channel
-- (account, code, paper, imported) by the voter's home area in this set (area_in_set, worked out
-- once per distinct home area), cast from the first to the last day given (days in :zone; either
-- may be NULL: unbounded). Ballots without a home area are in the row with area_id NULL.
WITH home AS MATERIALIZED (
    SELECT b.area_id AS home_id, count(*) AS ballots
      FROM ballots b
      JOIN votes v ON v.id = b.vote_id
     WHERE v.project_id = :project
       AND (CAST(:from AS date) IS NULL OR b.cast_at >= CAST(:from AS date)::timestamp AT TIME ZONE :zone)
       AND (CAST(:to AS date) IS NULL OR b.cast_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE :zone)
     GROUP BY b.area_id
)
SELECT CASE WHEN h.home_id IS NULL THEN NULL ELSE area_in_set(h.home_id, :set) END AS area_id,
       sum(h.ballots)::bigint AS ballots
  FROM home h
 GROUP BY 1

-- The people and places half of the participation statement. <counted> is where its counting
-- starts: participation-whole.sql (a whole project, from kept counts) or participation-range.sql
-- (a date range, recounted), chosen in ParticipationStore, never from input. Both give
-- person_account (account_id, first_week, home_area_id), by_place (area_id and a count of each kind)
-- and week (week_start and the people and contributions of that week). From those this counts
-- people by home area and the weekly series. participation-flows.sql, the other half, runs beside
-- it on another connection over the same snapshot.
--
-- What counts: proposals, variants, comments and supports made in the project (in the range),
-- hidden and withdrawn ones included (the person did take part); a support taken back is gone. A
-- contribution lies where its drawing lies in the set (placements): a proposal or variant by its own
-- drawing, a pinned comment by its pin, an unpinned comment and a support by the proposal they
-- belong to. A person's home area is their self-declared neighbourhood, in this set (area_in_set).
--
-- Parameters: :set, and those of <counted>.
WITH <counted>,
home_map AS MATERIALIZED (
    SELECT h.home_area_id AS home_id, area_in_set(h.home_area_id, :set::bigint) AS area_id
      FROM (SELECT DISTINCT home_area_id FROM person_account WHERE home_area_id IS NOT NULL) h
),
person AS MATERIALIZED (
    SELECT pa.account_id, pa.first_week, hm.area_id AS home
      FROM person_account pa LEFT JOIN home_map hm ON hm.home_id = pa.home_area_id
),
by_home AS (
    SELECT home, count(*) AS people FROM person WHERE home IS NOT NULL GROUP BY home
),
newcomer AS (
    SELECT first_week AS week_start, count(*) AS people FROM person GROUP BY first_week
),
weeks AS (
    SELECT g::date AS week_start
      FROM generate_series((SELECT min(week_start) FROM week)::timestamp, (SELECT max(week_start) FROM week)::timestamp,
                           interval '1 week') AS g
)
SELECT
    (SELECT json_agg(json_build_array(a.id, a.code, a.name, a.population, coalesce(h.people, 0),
                                      coalesce(b.proposals, 0), coalesce(b.variants, 0),
                                      coalesce(b.comments, 0), coalesce(b.supports, 0)))
       FROM areas a
       LEFT JOIN by_home h ON h.home = a.id
       LEFT JOIN by_place b ON b.area_id = a.id
      WHERE a.area_set_id = :set::bigint)::text AS areas,
    (SELECT json_build_array((SELECT count(*) FROM person), (SELECT count(*) FROM person WHERE home IS NULL),
                coalesce(sum(proposals), 0), coalesce(sum(variants), 0), coalesce(sum(comments), 0),
                coalesce(sum(supports), 0))
       FROM week)::text AS totals,
    (SELECT json_agg(json_build_array(w.week_start, to_char(w.week_start, 'IYYY-"W"IW'),
                coalesce(k.participants, 0), coalesce(n.people, 0), coalesce(k.proposals, 0),
                coalesce(k.variants, 0), coalesce(k.comments, 0), coalesce(k.supports, 0)) ORDER BY w.week_start)
       FROM weeks w LEFT JOIN week k USING (week_start) LEFT JOIN newcomer n USING (week_start))::text AS weekly

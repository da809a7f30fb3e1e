-- The start of the participation statement for a date range (<counted> in participation-areas.sql): the contributions made in the range
-- (budget ballots with an account included, V15; evaluations of finished works, V21)
-- are counted (a narrow row each: kind, person, week, area), by person and week and by where they
-- lie. participation-whole.sql gives the same relations for a whole project from kept counts;
-- participation-areas.sql goes on from either. Parameters: :project, :set, :from (inclusive) and
-- :to (exclusive) or NULL, :zone (weeks start on Monday there).
--
-- project_proposals: the project's proposals with the area of this set they lie in.
project_proposals AS MATERIALIZED (
    SELECT p.id, p.author_id, p.created_at, pl.area_id
      FROM proposals p
      LEFT JOIN placements pl ON pl.drawing = 'proposal' AND pl.drawing_id = p.id
                             AND pl.area_set_id = :set::bigint
     WHERE p.project_id = :project::bigint
),
-- The starts of the weeks (Monday 00:00 in the zone) from the first proposal's week to next week,
-- as instants: each contribution finds its week by binary search (width_bucket), which is much
-- cheaper than converting every instant to the zone. Nothing is older than the project's first
-- proposal: variants, comments and supports all belong to one.
week_starts AS MATERIALIZED (
    SELECT array_agg(w AT TIME ZONE :zone::text ORDER BY w) AS starts
      FROM generate_series(
               date_trunc('week', coalesce(:from::timestamptz, (SELECT min(created_at) FROM project_proposals), now())
                                  AT TIME ZONE :zone::text),
               date_trunc('week', greatest(now(), coalesce(:to::timestamptz, now())) AT TIME ZONE :zone::text)
                   + interval '1 week',
               interval '1 week') AS w
),
raw_contribution AS (
    SELECT 1::smallint AS kind, p.author_id AS account_id, p.created_at AS at, p.area_id
      FROM project_proposals p
    UNION ALL
    SELECT 2::smallint, v.author_id, v.created_at, pl.area_id
      FROM variants v
      LEFT JOIN placements pl ON pl.drawing = 'variant' AND pl.drawing_id = v.id
                             AND pl.area_set_id = :set::bigint
     WHERE v.project_id = :project::bigint
    UNION ALL
    SELECT 3::smallint, c.author_id, c.created_at, CASE WHEN c.geom IS NULL THEN p.area_id ELSE pl.area_id END
      FROM comments c JOIN project_proposals p ON p.id = c.proposal_id
      LEFT JOIN placements pl ON c.geom IS NOT NULL AND pl.drawing = 'comment' AND pl.drawing_id = c.id
                             AND pl.area_set_id = :set::bigint
     WHERE c.project_id = :project::bigint
    UNION ALL
    SELECT 4::smallint, s.account_id, s.created_at, p.area_id
      FROM supports s JOIN project_proposals p ON p.id = s.proposal_id
     WHERE s.project_id = :project::bigint
    UNION ALL
    -- Budget ballots cast with an account (V15): their voters take part; a ballot lies in no area.
    SELECT 5::smallint, b.account_id, b.cast_at, NULL::bigint
      FROM ballots b JOIN votes v ON v.id = b.vote_id
     WHERE v.project_id = :project::bigint AND b.account_id IS NOT NULL
    UNION ALL
    -- Evaluations of finished works (V21): their authors take part; an evaluation is placed in no area.
    SELECT 6::smallint, e.author_id, e.created_at, NULL::bigint
      FROM evaluations e
     WHERE e.project_id = :project::bigint
),
contribution AS MATERIALIZED (
    SELECT r.kind, r.account_id, r.area_id, greatest(1, width_bucket(r.at, (SELECT starts FROM week_starts))) AS week
      FROM raw_contribution r
     WHERE (:from::timestamptz IS NULL OR r.at >= :from::timestamptz)
       AND (:to::timestamptz IS NULL OR r.at < :to::timestamptz)
),
-- One row per person and week they took part in: the weekly series and first weeks follow from it.
person_week AS MATERIALIZED (
    SELECT account_id, week,
           count(*) FILTER (WHERE kind = 1) AS proposals, count(*) FILTER (WHERE kind = 2) AS variants,
           count(*) FILTER (WHERE kind = 3) AS comments, count(*) FILTER (WHERE kind = 4) AS supports
      FROM contribution GROUP BY account_id, week
),
-- person_account: each person who took part, their first week, their home area as they gave it.
person_account AS MATERIALIZED (
    SELECT pw.account_id, ((SELECT starts FROM week_starts)[pw.first_week] AT TIME ZONE :zone::text)::date AS first_week,
           ac.home_area_id
      FROM (SELECT account_id, min(week) AS first_week FROM person_week GROUP BY account_id) pw
      JOIN accounts ac ON ac.id = pw.account_id
),
-- by_place: the contributions that lie in each area.
by_place AS (
    SELECT area_id,
           count(*) FILTER (WHERE kind = 1) AS proposals, count(*) FILTER (WHERE kind = 2) AS variants,
           count(*) FILTER (WHERE kind = 3) AS comments, count(*) FILTER (WHERE kind = 4) AS supports
      FROM contribution WHERE area_id IS NOT NULL GROUP BY area_id
),
-- week: each week (its Monday) with the people who took part in it and the contributions of each kind.
week AS MATERIALIZED (
    SELECT ((SELECT starts FROM week_starts)[week] AT TIME ZONE :zone::text)::date AS week_start,
           count(*) AS participants, sum(proposals) AS proposals, sum(variants) AS variants,
           sum(comments) AS comments, sum(supports) AS supports
      FROM person_week GROUP BY week
)

-- Everything the participation view counts, for one project, one boundary set and a date range, in
-- one statement over one snapshot. The contributions are read once (a narrow row each: kind,
-- person, week, area) and then counted by person and week, by where they lie, by pair of home and
-- proposal area, and by distance from home.
--
-- Parameters (named here, bound by position by ParticipationStore): :project, :set, :from
-- (inclusive) and :to (exclusive) or NULL, :zone (weeks start on Monday there), :srid (the metric CRS
-- distances are measured in), :minflow (the smallest pair count listed among the flows).
--
-- What counts: proposals, variants, comments and supports made in the project in the range,
-- hidden and withdrawn ones included (the person did take part). A contribution lies where its
-- drawing lies in the set (placements): a proposal or variant by its own drawing, a pinned comment by
-- its pin, an unpinned comment and a support by the proposal they belong to. A person's home area is
-- their self-declared neighbourhood; when it belongs to another set, the area of this set that
-- covers a point inside it stands in for it. Kinds: 1 proposal, 2 variant, 3 comment, 4 support.
WITH project_proposals AS MATERIALIZED (
    SELECT p.id, p.author_id, p.created_at, pl.area_id, p.geom
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
      FROM variants v JOIN project_proposals p ON p.id = v.proposal_id
      LEFT JOIN placements pl ON pl.drawing = 'variant' AND pl.drawing_id = v.id
                             AND pl.area_set_id = :set::bigint
    UNION ALL
    SELECT 3::smallint, c.author_id, c.created_at, CASE WHEN c.geom IS NULL THEN p.area_id ELSE pl.area_id END
      FROM comments c JOIN project_proposals p ON p.id = c.proposal_id
      LEFT JOIN placements pl ON c.geom IS NOT NULL AND pl.drawing = 'comment' AND pl.drawing_id = c.id
                             AND pl.area_set_id = :set::bigint
    UNION ALL
    SELECT 4::smallint, s.account_id, s.created_at, p.area_id
      FROM supports s JOIN project_proposals p ON p.id = s.proposal_id
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
person_account AS MATERIALIZED (
    SELECT pw.account_id, pw.first_week, ac.home_area_id
      FROM (SELECT account_id, min(week) AS first_week FROM person_week GROUP BY account_id) pw
      JOIN accounts ac ON ac.id = pw.account_id
),
-- Each home area that occurs once, in this set: itself, or the area of this set covering a point
-- inside it (through the GiST index on areas).
home_map AS MATERIALIZED (
    SELECT h.id AS home_id,
           CASE WHEN h.area_set_id = :set::bigint THEN h.id
                ELSE (SELECT a.id FROM areas a
                       WHERE a.area_set_id = :set::bigint
                         AND ST_Covers(a.geom, ST_PointOnSurface(h.geom))
                       ORDER BY a.id LIMIT 1) END AS area_id
      FROM areas h
     WHERE h.id IN (SELECT DISTINCT home_area_id FROM person_account)
),
person AS MATERIALIZED (
    SELECT pa.account_id, pa.first_week, hm.area_id AS home
      FROM person_account pa LEFT JOIN home_map hm ON hm.home_id = pa.home_area_id
),
by_home AS (
    SELECT home, count(*) AS people FROM person WHERE home IS NOT NULL GROUP BY home
),
by_place AS (
    SELECT area_id,
           count(*) FILTER (WHERE kind = 1) AS proposals, count(*) FILTER (WHERE kind = 2) AS variants,
           count(*) FILTER (WHERE kind = 3) AS comments, count(*) FILTER (WHERE kind = 4) AS supports
      FROM contribution WHERE area_id IS NOT NULL GROUP BY area_id
),
-- Proposals in the range whose author has a home area in this set.
proposal_home AS MATERIALIZED (
    SELECT pp.id, pp.area_id, pe.home, pp.geom
      FROM project_proposals pp JOIN person pe ON pe.account_id = pp.author_id
     WHERE pe.home IS NOT NULL
       AND (:from::timestamptz IS NULL OR pp.created_at >= :from::timestamptz)
       AND (:to::timestamptz IS NULL OR pp.created_at < :to::timestamptz)
),
flow AS MATERIALIZED (
    SELECT home, area_id, count(*) AS proposals
      FROM proposal_home WHERE area_id IS NOT NULL
     GROUP BY home, area_id
),
home_centre AS MATERIALIZED (
    SELECT a.id, ST_Centroid(ST_Transform(a.geom, :srid::integer)) AS centre
      FROM areas a
     WHERE a.id IN (SELECT DISTINCT home FROM proposal_home)
),
distance AS MATERIALIZED (
    SELECT ST_Distance(hc.centre, ST_Transform(ST_PointOnSurface(ph.geom), :srid::integer)) AS metres
      FROM proposal_home ph
      JOIN home_centre hc ON hc.id = ph.home
),
week AS MATERIALIZED (
    SELECT week, count(*) AS participants, sum(proposals) AS proposals, sum(variants) AS variants,
           sum(comments) AS comments, sum(supports) AS supports
      FROM person_week GROUP BY week
),
newcomer AS (
    SELECT first_week AS week, count(*) AS people FROM person GROUP BY first_week
),
weeks AS (
    SELECT g AS week, ((SELECT starts FROM week_starts)[g] AT TIME ZONE :zone::text)::date AS week_start
      FROM generate_series((SELECT min(week) FROM week), (SELECT max(week) FROM week)) AS g
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
    (SELECT json_build_array((SELECT count(*) FROM flow),
                (SELECT coalesce(sum(proposals), 0) FROM flow WHERE home = area_id),
                (SELECT json_agg(json_build_array(home, area_id, proposals) ORDER BY proposals DESC, home, area_id)
                   FROM (SELECT * FROM flow WHERE proposals >= :minflow::bigint ORDER BY proposals DESC, home, area_id LIMIT 1000) f))
    )::text AS flows,
    (SELECT json_build_array(count(*), avg(metres),
                percentile_cont(ARRAY[0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY metres),
                count(*) FILTER (WHERE metres < 250), count(*) FILTER (WHERE metres >= 250 AND metres < 500),
                count(*) FILTER (WHERE metres >= 500 AND metres < 1000),
                count(*) FILTER (WHERE metres >= 1000 AND metres < 2000),
                count(*) FILTER (WHERE metres >= 2000 AND metres < 5000), count(*) FILTER (WHERE metres >= 5000))
       FROM distance)::text AS distances,
    (SELECT json_agg(json_build_array(w.week_start, to_char(w.week_start, 'IYYY-"W"IW'),
                coalesce(k.participants, 0), coalesce(n.people, 0), coalesce(k.proposals, 0),
                coalesce(k.variants, 0), coalesce(k.comments, 0), coalesce(k.supports, 0)) ORDER BY w.week)
       FROM weeks w LEFT JOIN week k USING (week) LEFT JOIN newcomer n USING (week))::text AS weekly

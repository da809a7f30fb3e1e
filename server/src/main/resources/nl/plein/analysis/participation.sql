-- Everything the participation view counts, for one project, one boundary set and a date range, in
-- one statement over one snapshot: the contributions are gathered once and then counted by home
-- area, by where they lie, by pair of the two, by distance and by week.
--
-- Parameters: project id, set id, from (timestamptz, inclusive, or NULL), to (timestamptz, exclusive,
-- or NULL), time zone name (weeks start on Monday there), the metric SRID distances are measured in.
--
-- What counts: proposals, variants, comments and supports made in the project in the range,
-- hidden and withdrawn ones included (the person did take part). A contribution lies where its
-- drawing lies in the set (placements): a proposal or variant by its own drawing, a pinned comment by
-- its pin, an unpinned comment and a support by the proposal they belong to. A person's home area is
-- their self-declared neighbourhood; when it belongs to another set, the area of this set that
-- covers a point inside it stands in for it.
WITH params AS MATERIALIZED (
    SELECT ?::bigint AS project_id, ?::bigint AS set_id, ?::timestamptz AS t0, ?::timestamptz AS t1,
           ?::text AS tz, ?::integer AS srid
),
set_areas AS MATERIALIZED (
    SELECT a.id, a.geom FROM areas a WHERE a.area_set_id = (SELECT set_id FROM params)
),
home_map AS MATERIALIZED (
    SELECT h.id AS home_id,
           CASE WHEN h.area_set_id = (SELECT set_id FROM params) THEN h.id
                ELSE (SELECT a.id FROM set_areas a WHERE ST_Covers(a.geom, ST_PointOnSurface(h.geom))
                       ORDER BY a.id LIMIT 1) END AS area_id
      FROM areas h
     WHERE h.id IN (SELECT DISTINCT home_area_id FROM accounts WHERE home_area_id IS NOT NULL)
),
project_proposals AS MATERIALIZED (
    SELECT p.id, p.author_id, p.created_at, pl.area_id
      FROM proposals p
      LEFT JOIN placements pl ON pl.drawing = 'proposal' AND pl.drawing_id = p.id
                             AND pl.area_set_id = (SELECT set_id FROM params)
     WHERE p.project_id = (SELECT project_id FROM params)
),
raw_contribution AS (
    SELECT 'proposal' AS kind, p.id AS proposal_id, p.author_id AS account_id, p.created_at, p.area_id
      FROM project_proposals p
    UNION ALL
    SELECT 'variant', p.id, v.author_id, v.created_at, pl.area_id
      FROM variants v JOIN project_proposals p ON p.id = v.proposal_id
      LEFT JOIN placements pl ON pl.drawing = 'variant' AND pl.drawing_id = v.id
                             AND pl.area_set_id = (SELECT set_id FROM params)
    UNION ALL
    SELECT 'comment', p.id, c.author_id, c.created_at,
           CASE WHEN c.geom IS NULL THEN p.area_id ELSE pl.area_id END
      FROM comments c JOIN project_proposals p ON p.id = c.proposal_id
      LEFT JOIN placements pl ON c.geom IS NOT NULL AND pl.drawing = 'comment' AND pl.drawing_id = c.id
                             AND pl.area_set_id = (SELECT set_id FROM params)
    UNION ALL
    SELECT 'support', p.id, s.account_id, s.created_at, p.area_id
      FROM supports s JOIN project_proposals p ON p.id = s.proposal_id
),
contribution AS MATERIALIZED (
    SELECT r.kind, r.proposal_id, r.account_id, r.created_at, r.area_id, hm.area_id AS home
      FROM raw_contribution r
      JOIN accounts ac ON ac.id = r.account_id
      LEFT JOIN home_map hm ON hm.home_id = ac.home_area_id
     WHERE ((SELECT t0 FROM params) IS NULL OR r.created_at >= (SELECT t0 FROM params))
       AND ((SELECT t1 FROM params) IS NULL OR r.created_at < (SELECT t1 FROM params))
),
person AS MATERIALIZED (
    SELECT account_id, min(home) AS home, min(created_at) AS first_at FROM contribution GROUP BY account_id
),
by_home AS (
    SELECT home, count(*) AS people FROM person WHERE home IS NOT NULL GROUP BY home
),
by_place AS (
    SELECT area_id,
           count(*) FILTER (WHERE kind = 'proposal') AS proposals,
           count(*) FILTER (WHERE kind = 'variant') AS variants,
           count(*) FILTER (WHERE kind = 'comment') AS comments,
           count(*) FILTER (WHERE kind = 'support') AS supports
      FROM contribution WHERE area_id IS NOT NULL GROUP BY area_id
),
flow AS (
    SELECT home, area_id, count(*) AS proposals
      FROM contribution WHERE kind = 'proposal' AND home IS NOT NULL AND area_id IS NOT NULL
     GROUP BY home, area_id
),
home_centre AS MATERIALIZED (
    SELECT a.id, ST_Centroid(ST_Transform(a.geom, (SELECT srid FROM params))) AS centre
      FROM set_areas a
     WHERE a.id IN (SELECT DISTINCT home FROM contribution WHERE kind = 'proposal')
),
distance AS MATERIALIZED (
    SELECT ST_Distance(hc.centre, ST_Transform(ST_PointOnSurface(p.geom), (SELECT srid FROM params))) AS metres
      FROM contribution c
      JOIN proposals p ON p.id = c.proposal_id
      JOIN home_centre hc ON hc.id = c.home
     WHERE c.kind = 'proposal'
),
week AS (
    SELECT (date_trunc('week', created_at AT TIME ZONE (SELECT tz FROM params)))::date AS week_start,
           count(DISTINCT account_id) AS participants,
           count(*) FILTER (WHERE kind = 'proposal') AS proposals,
           count(*) FILTER (WHERE kind = 'variant') AS variants,
           count(*) FILTER (WHERE kind = 'comment') AS comments,
           count(*) FILTER (WHERE kind = 'support') AS supports
      FROM contribution GROUP BY 1
),
newcomer AS (
    SELECT (date_trunc('week', first_at AT TIME ZONE (SELECT tz FROM params)))::date AS week_start,
           count(*) AS people
      FROM person GROUP BY 1
),
weeks AS (
    SELECT g::date AS week_start
      FROM generate_series((SELECT min(week_start) FROM week), (SELECT max(week_start) FROM week),
                           interval '1 week') AS g
)
SELECT
    (SELECT json_agg(json_build_array(a.id, a.code, a.name, a.population, coalesce(h.people, 0),
                                      coalesce(b.proposals, 0), coalesce(b.variants, 0),
                                      coalesce(b.comments, 0), coalesce(b.supports, 0)))
       FROM areas a
       LEFT JOIN by_home h ON h.home = a.id
       LEFT JOIN by_place b ON b.area_id = a.id
      WHERE a.area_set_id = (SELECT set_id FROM params))::text AS areas,
    (SELECT json_build_array(
                (SELECT count(*) FROM person),
                (SELECT count(*) FROM person WHERE home IS NULL),
                count(*) FILTER (WHERE kind = 'proposal'), count(*) FILTER (WHERE kind = 'variant'),
                count(*) FILTER (WHERE kind = 'comment'), count(*) FILTER (WHERE kind = 'support'))
       FROM contribution)::text AS totals,
    (SELECT json_agg(json_build_array(home, area_id, proposals)) FROM flow)::text AS flows,
    (SELECT json_build_array(count(*), avg(metres),
                percentile_cont(ARRAY[0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY metres),
                count(*) FILTER (WHERE metres < 250), count(*) FILTER (WHERE metres >= 250 AND metres < 500),
                count(*) FILTER (WHERE metres >= 500 AND metres < 1000),
                count(*) FILTER (WHERE metres >= 1000 AND metres < 2000),
                count(*) FILTER (WHERE metres >= 2000 AND metres < 5000), count(*) FILTER (WHERE metres >= 5000))
       FROM distance)::text AS distances,
    (SELECT json_agg(json_build_array(w.week_start, to_char(w.week_start, 'IYYY-"W"IW'),
                coalesce(k.participants, 0), coalesce(n.people, 0), coalesce(k.proposals, 0),
                coalesce(k.variants, 0), coalesce(k.comments, 0), coalesce(k.supports, 0)) ORDER BY w.week_start)
       FROM weeks w LEFT JOIN week k USING (week_start) LEFT JOIN newcomer n USING (week_start))::text AS weekly

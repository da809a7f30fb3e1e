-- The start of the participation statement for a whole project (<counted> in participation-areas.sql), from the counts kept as
-- contributions are written (migration V6: activity_people, activity_weeks) and the counters on
-- proposals (supports, unpinned comments): people and weeks are read, not recounted.
-- participation-range.sql computes the same relations by counting the contributions of a date
-- range; participation-areas.sql goes on from either. Parameters: :project, :set.
--
-- project_proposals: the project's proposals with the area of this set they lie in.
project_proposals AS MATERIALIZED (
    SELECT p.id, pl.area_id, p.support_count, p.unpinned_comment_count
      FROM proposals p
      LEFT JOIN placements pl ON pl.drawing = 'proposal' AND pl.drawing_id = p.id
                             AND pl.area_set_id = :set::bigint
     WHERE p.project_id = :project::bigint
),
-- person_account: each person who took part, their first week, their home area as they gave it.
person_account AS MATERIALIZED (
    SELECT account_id, first_week, home_area_id FROM activity_people WHERE project_id = :project::bigint
),
-- by_place: the contributions that lie in each area: proposals and variants by their drawing,
-- pinned comments by their pin, other comments and supports by their proposal.
by_place AS (
    SELECT area_id, sum(proposals) AS proposals, sum(variants) AS variants, sum(comments) AS comments,
           sum(supports) AS supports
      FROM (SELECT area_id, count(*) AS proposals, 0 AS variants, sum(unpinned_comment_count) AS comments,
                   sum(support_count) AS supports
              FROM project_proposals WHERE area_id IS NOT NULL GROUP BY area_id
            UNION ALL
            SELECT pl.area_id, 0, count(*), 0, 0
              FROM variants v
              JOIN placements pl ON pl.drawing = 'variant' AND pl.drawing_id = v.id AND pl.area_set_id = :set::bigint
             WHERE v.project_id = :project::bigint GROUP BY pl.area_id
            UNION ALL
            SELECT pl.area_id, 0, 0, count(*), 0
              FROM comments c
              JOIN placements pl ON pl.drawing = 'comment' AND pl.drawing_id = c.id AND pl.area_set_id = :set::bigint
             WHERE c.project_id = :project::bigint AND c.geom IS NOT NULL GROUP BY pl.area_id) located
     GROUP BY area_id
),
-- week: each week (its Monday) with the people who took part in it and the contributions of each kind.
week AS MATERIALIZED (
    SELECT week AS week_start, participants, proposals, variants, comments, supports
      FROM activity_weeks WHERE project_id = :project::bigint AND participants > 0
)

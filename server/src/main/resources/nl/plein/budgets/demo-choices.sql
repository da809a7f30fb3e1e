-- What the demo town's budget vote is made of: the project in the decide stage (else the first),
-- the first planner, the newest neighbourhood-level boundary set (for a pot per buurt), and the
-- project's eight most supported proposals that anyone may see and that have a place.
SELECT p.id AS project,
       (SELECT a.id FROM accounts a WHERE a.role = 'planner' AND NOT a.disabled ORDER BY a.id LIMIT 1) AS planner,
       (SELECT max(s.id) FROM area_sets s WHERE s.kind = 'neighbourhood') AS area_set,
       ARRAY(SELECT x.id FROM proposals x
              WHERE x.project_id = p.id AND NOT x.hidden AND NOT x.withdrawn AND x.status <> 'submitted'
                AND x.geom IS NOT NULL
              ORDER BY x.support_count DESC, x.id
              LIMIT 8) AS proposals
  FROM projects p
 ORDER BY p.stage = 'decide' DESC, p.id
 LIMIT 1

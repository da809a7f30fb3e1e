-- What the demo town's works are made of: the project in the carry-out or learn stage, else the one
-- deciding, else the first; the first planner; and the project's three most supported proposals
-- that anyone may see, that have a place and that are on no ballot item (those the vote decides).
SELECT p.id AS project,
       (SELECT a.id FROM accounts a WHERE a.role = 'planner' AND NOT a.disabled ORDER BY a.id LIMIT 1) AS planner,
       ARRAY(SELECT x.id FROM proposals x
              WHERE x.project_id = p.id AND NOT x.hidden AND NOT x.withdrawn
                AND x.status IN ('published', 'under_consideration', 'accepted') AND x.geom IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM ballot_item_proposals bp WHERE bp.proposal_id = x.id)
              ORDER BY x.support_count DESC, x.id
              LIMIT 3) AS proposals
  FROM projects p
 ORDER BY p.stage IN ('carry_out', 'learn') DESC, p.stage = 'decide' DESC, p.id
 LIMIT 1

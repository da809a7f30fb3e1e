-- Works as JSON objects, written by PostgreSQL and PostGIS: those of project :project, or work :work
-- only (either may be null, not both), by planned start. <delayed> and <on_time> are WorkStore's one
-- definition of a delayed and an on-time work, for :today (the server's date in its time zone).
-- The proposed geometry is the proposal's (while anyone may see it), else the ballot item's; asBuilt
-- is null while the work is built as proposed. proposalIds: the proposal, or the item's proposals.
SELECT json_build_object(
           'id', w.id,
           'projectId', w.project_id,
           'proposalId', w.proposal_id,
           'itemId', w.item_id,
           'proposalIds', CASE WHEN w.item_id IS NULL THEN json_build_array(w.proposal_id)
                               ELSE coalesce((SELECT json_agg(bp.proposal_id ORDER BY bp.proposal_id)
                                                FROM ballot_item_proposals bp WHERE bp.item_id = w.item_id),
                                             '[]'::json) END,
           'voteId', v.id,
           'voteTitle', v.title,
           'title', w.title,
           'description', w.description,
           'team', w.team,
           'status', w.status,
           'plannedStart', to_char(w.planned_start, 'YYYY-MM-DD'),
           'plannedEnd', to_char(w.planned_end, 'YYYY-MM-DD'),
           'finishedOn', to_char(w.finished_on, 'YYYY-MM-DD'),
           'budget', w.budget,
           'spent', w.spent,
           'delayed', <delayed>,
           'onTime', <on_time>,
           'overBudget', w.spent > w.budget,
           'proposedGeometry', ST_AsGeoJSON(coalesce(p.geom, i.geom), 7)::json,
           'asBuilt', ST_AsGeoJSON(w.as_built, 7)::json,
           'createdAt', to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'updatedAt', to_char(w.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
  FROM works w
  LEFT JOIN proposals p ON p.id = w.proposal_id AND NOT p.hidden AND NOT p.withdrawn
  LEFT JOIN ballot_items i ON i.id = w.item_id
  LEFT JOIN votes v ON v.id = i.vote_id
 WHERE (w.project_id = :project OR :project::bigint IS NULL)
   AND (w.id = :work OR :work::bigint IS NULL)
 ORDER BY w.planned_start, w.id

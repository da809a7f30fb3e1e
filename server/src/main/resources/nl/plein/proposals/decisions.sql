-- A proposal's decisions, oldest first, each with its public reason.
SELECT coalesce(json_agg(json_build_object(
           'from', d.from_status,
           'to', d.to_status,
           'reason', d.reason,
           'decidedAt', d.decided_at) ORDER BY d.id), '[]'::json)::text
  FROM proposal_decisions d
 WHERE d.proposal_id = ?

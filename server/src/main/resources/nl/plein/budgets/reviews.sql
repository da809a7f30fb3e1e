-- The public reviews of vote :vote's proposals, or of proposal :proposal only (when given): admitted
-- ones first, each with its reason and the item it is on (null: not admitted). Only proposals the
-- viewer may see (<visible>): a review does not bring back the title of a hidden proposal.
SELECT json_build_object(
           'proposalId', r.proposal_id,
           'title', p.title,
           'admitted', r.admitted,
           'reason', r.reason,
           'itemId', (SELECT bp.item_id FROM ballot_item_proposals bp JOIN ballot_items i ON i.id = bp.item_id
                       WHERE bp.proposal_id = r.proposal_id AND i.vote_id = r.vote_id),
           'reviewedAt', to_char(r.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
  FROM vote_reviews r
  JOIN proposals p ON p.id = r.proposal_id
 WHERE r.vote_id = :vote AND (r.proposal_id = :proposal OR :proposal::bigint IS NULL) AND <visible>
 ORDER BY r.admitted DESC, r.proposal_id

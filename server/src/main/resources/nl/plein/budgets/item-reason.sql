-- The admitted reviews of item :item's proposals take its new reason :reason (planner :account).
UPDATE vote_reviews r
   SET reason = :reason, reviewed_by = :account, reviewed_at = now()
  FROM ballot_item_proposals bp
 WHERE bp.item_id = :item AND r.vote_id = :vote AND r.proposal_id = bp.proposal_id AND r.admitted

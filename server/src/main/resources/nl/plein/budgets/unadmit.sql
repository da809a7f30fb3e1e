-- Before item :item of vote :vote goes: its proposals are no longer admitted, so their reviews go
-- too (reviewed again, they may be admitted or not).
DELETE FROM vote_reviews r
 USING ballot_item_proposals bp
 WHERE bp.item_id = :item AND r.vote_id = :vote AND r.proposal_id = bp.proposal_id AND r.admitted

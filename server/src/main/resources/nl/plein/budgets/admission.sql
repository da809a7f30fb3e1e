-- Of the proposals :ids, those of project :project that anyone may see (<visible>, for an anonymous
-- viewer: published, not hidden, not withdrawn), each with its title and description, the item of
-- vote :vote it is on already (null: none), and the area of boundary set :set it lies in by the
-- placing rule (placements; null when no area covers it, it has no geometry, or :set is null).
SELECT p.id, p.title, p.description,
       (SELECT bp.item_id FROM ballot_item_proposals bp JOIN ballot_items i ON i.id = bp.item_id
         WHERE bp.proposal_id = p.id AND i.vote_id = :vote) AS item_id,
       (SELECT pl.area_id FROM placements pl
         WHERE pl.drawing = 'proposal' AND pl.drawing_id = p.id AND pl.area_set_id = :set::bigint) AS area_id
  FROM proposals p
 WHERE p.project_id = :project AND p.id = ANY(:ids) AND <visible>

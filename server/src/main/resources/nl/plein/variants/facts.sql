-- What authorisation needs to know about a variant the viewer may see (of a proposal the viewer
-- may see, as in variant-feature.sql). Parameters: :id, and the visibility rule's.
SELECT v.id, v.proposal_id, p.project_id, v.author_id, v.withdrawn
  FROM variants v
  JOIN proposals p ON p.id = v.proposal_id
 WHERE v.id = :id
   AND <visible>
   AND (:staff::boolean OR (NOT v.withdrawn AND (v.author_id = :viewer OR NOT v.hidden)))

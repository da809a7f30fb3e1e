-- variants-{project}: the variants anyone sees (neither hidden nor withdrawn) of the project's
-- public proposals, and nothing about their authors.
SELECT v.id, v.geom, v.created_at,
       json_build_object(
           'proposalId', v.proposal_id,
           'title', v.title,
           'description', v.description,
           'createdAt', v.created_at,
           'updatedAt', v.updated_at) AS properties
  FROM variants v
  JOIN proposals p ON p.id = v.proposal_id
 WHERE p.project_id = :owner
   AND <visible>
   AND NOT v.hidden AND NOT v.withdrawn

-- comments of a project: every comment anyone sees (neither hidden nor withdrawn) on the project's
-- public proposals, pinned or not (geom is NULL when not), and nothing about their authors. The
-- OGC collection comments-{project} keeps only the pinned ones (FeatureStore.Kind); an export holds
-- the whole discussion.
SELECT c.id, c.geom, c.created_at,
       json_build_object(
           'proposalId', c.proposal_id,
           'parentId', c.parent_id,
           'body', c.body,
           'createdAt', c.created_at,
           'updatedAt', c.updated_at) AS properties
  FROM comments c
  JOIN proposals p ON p.id = c.proposal_id
 WHERE p.project_id = :owner
   AND <visible>
   AND NOT c.hidden AND NOT c.withdrawn

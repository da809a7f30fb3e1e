-- A project's most supported visible proposals, with their supports and visible comments.
-- Parameters: :project, :limit.
SELECT p.id, p.title, p.status, p.support_count,
       (SELECT count(*) FROM comments k WHERE k.proposal_id = p.id AND NOT k.hidden AND NOT k.withdrawn) AS comments
  FROM proposals p
 WHERE p.project_id = :project AND NOT p.hidden AND NOT p.withdrawn AND p.status <> 'submitted'
 ORDER BY p.support_count DESC, p.id LIMIT :limit

-- proposals-{project}: the project's proposals that anyone sees (the visibility rule with :staff
-- false), and nothing about their authors. GIS clients see the geometry type, so no 'kind'.
SELECT p.id, p.geom, p.created_at,
       json_build_object(
           'title', p.title,
           'description', p.description,
           'category', p.category,
           'status', p.status,
           'supportCount', p.support_count,
           'commentCount', (SELECT count(*) FROM comments c
                             WHERE c.proposal_id = p.id AND NOT c.hidden AND NOT c.withdrawn),
           'variantCount', (SELECT count(*) FROM variants v
                             WHERE v.proposal_id = p.id AND NOT v.hidden AND NOT v.withdrawn),
           'createdAt', p.created_at,
           'updatedAt', p.updated_at) AS properties
  FROM proposals p
 WHERE p.project_id = :owner
   AND <visible>

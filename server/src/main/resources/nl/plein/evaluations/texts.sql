-- What people wrote about a work, newest first, with the author's display name as comments show it.
-- The rating and pin stay out: next to a name they would give away what the figures keep under the
-- small-count rule. Everyone sees the evaluations that are not hidden and say something; staff see
-- all of them (to moderate), hidden ones marked. Parameters: :work, :staff.
SELECT json_build_object(
           'id', e.id,
           'worksWell', e.works_well,
           'notWorking', e.not_working,
           'author', json_build_object('id', a.id, 'displayName', a.display_name),
           'hidden', e.hidden,
           'createdAt', e.created_at,
           'updatedAt', e.updated_at)::text
  FROM evaluations e
  JOIN accounts a ON a.id = e.author_id
 WHERE e.work_id = :work
   AND (:staff::boolean OR (NOT e.hidden AND (e.works_well <> '' OR e.not_working <> '')))
 ORDER BY e.updated_at DESC, e.id DESC

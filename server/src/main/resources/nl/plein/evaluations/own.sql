-- A person's own evaluation of a work as JSON, hidden or not (its author sees it, and whether it is
-- hidden). Parameters: :work, :author.
SELECT json_build_object(
           'id', e.id,
           'workId', e.work_id,
           'rating', e.rating,
           'worksWell', e.works_well,
           'notWorking', e.not_working,
           'pin', ST_AsGeoJSON(e.pin, 7)::json,
           'pinUsed', e.pin_used,
           'hidden', e.hidden,
           'createdAt', e.created_at,
           'updatedAt', e.updated_at)::text
  FROM evaluations e
 WHERE e.work_id = :work AND e.author_id = :author

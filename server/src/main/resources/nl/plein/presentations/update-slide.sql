-- Changes what is given (not null) of slide :id's title, text and view (JSON text); returns its
-- presentation, no row when there is no such slide.
UPDATE slides SET title = coalesce(:title, title), text = coalesce(:text, text),
       view = coalesce(:view::jsonb, view), updated_at = now()
 WHERE id = :id
RETURNING presentation_id

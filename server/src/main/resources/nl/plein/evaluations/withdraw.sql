-- A person takes their evaluation of a work back; it no longer counts anywhere. Parameters: :work, :author.
DELETE FROM evaluations WHERE work_id = :work AND author_id = :author

-- Vote :id's title and description, for a change that keeps everything else.
SELECT title, description FROM votes WHERE id = :id

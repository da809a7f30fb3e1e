-- The project's title, language and when it last changed, for the feed's head; none when there is
-- no such project. Parameters: :project.
SELECT title, summary, language, updated_at FROM projects WHERE id = :project

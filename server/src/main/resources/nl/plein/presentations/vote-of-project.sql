-- Whether a budget vote belongs to the project (a slide's vote layer).
SELECT EXISTS (SELECT 1 FROM votes WHERE id = :vote AND project_id = :project)

-- A new lesson of project :project, written by :account.
INSERT INTO lessons (project_id, text, author_id) VALUES (:project, :text, :account) RETURNING id

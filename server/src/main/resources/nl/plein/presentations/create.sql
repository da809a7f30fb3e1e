-- A new, empty presentation of project :project, made by :account.
INSERT INTO presentations (project_id, title, created_by) VALUES (:project, :title, :account) RETURNING id

-- A new work of project :project, from proposal :proposal or ballot item :item, by :account.
INSERT INTO works (project_id, proposal_id, item_id, title, description, team, planned_start, planned_end,
                   budget, created_by)
VALUES (:project, :proposal, :item, :title, :description, :team, :start, :end, :budget, :account)
RETURNING id

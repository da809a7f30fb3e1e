-- A step on work :work's timeline, by :account.
INSERT INTO work_steps (work_id, step, on_date, note, author_id)
VALUES (:work, :step, :onDate, :note, :account)
RETURNING id

-- What evaluating a work needs to know about it: its project and its status. Parameter: :id.
SELECT w.id, w.project_id, w.status FROM works w WHERE w.id = :id

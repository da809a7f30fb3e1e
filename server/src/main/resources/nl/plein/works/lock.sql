-- Work :work's project and planned dates, its row locked until the change is written.
SELECT project_id, planned_start, planned_end FROM works WHERE id = :work FOR UPDATE

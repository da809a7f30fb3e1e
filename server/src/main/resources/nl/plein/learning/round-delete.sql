-- Takes project :project out of its series.
DELETE FROM series_rounds WHERE project_id = :project

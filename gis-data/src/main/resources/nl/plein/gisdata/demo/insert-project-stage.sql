INSERT INTO project_stages (project_id, stage, starts_on, ends_on) VALUES (:project, :stage, :startsOn, :endsOn)

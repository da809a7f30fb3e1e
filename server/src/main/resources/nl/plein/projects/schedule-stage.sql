-- One stage of a project's schedule; either date may be null. Parameters: :id, :stage, :startsOn, :endsOn.
INSERT INTO project_stages (project_id, stage, starts_on, ends_on)
VALUES (:id, :stage, :startsOn, :endsOn)

-- A new vote of project :project, made by planner :account; its pots are written after it.
INSERT INTO votes (project_id, title, description, ballot_type, min_items, max_items, points,
                   max_points_per_item, rule, area_set_id, opens_at, closes_at, created_by)
VALUES (:project, :title, :description, :ballotType, :minItems, :maxItems, :points,
        :maxPointsPerItem, :rule, :areaSetId, :opensAt, :closesAt, :account)
RETURNING id

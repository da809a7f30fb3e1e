-- A Pabulib instance as a read-only vote of the project: closed as it is made (it opened a second
-- before), source pabulib, its META kept as read.
INSERT INTO votes (project_id, title, description, ballot_type, min_items, points, rule, opens_at, closes_at,
                   source, pabulib_meta, created_by)
VALUES (:project, :title, :description, :ballotType, 0, :points, :rule, now() - interval '1 second', now(),
        'pabulib', CAST(:meta AS jsonb), :account)
RETURNING id

-- What a person follows, newest first, with each thing's title and project; proposals they may no
-- longer see (hidden, withdrawn) are left out. Parameters: :viewer, :staff.
SELECT f.kind, f.target_id, t.title, t.project_id, f.created_at
FROM follows f
CROSS JOIN LATERAL (
    SELECT p.title, p.project_id FROM proposals p
    WHERE f.kind = 'proposal' AND p.id = f.target_id AND <visible>
    UNION ALL
    SELECT w.title, w.project_id FROM works w WHERE f.kind = 'work' AND w.id = f.target_id
    UNION ALL
    SELECT pr.title, pr.id FROM projects pr WHERE f.kind = 'project' AND pr.id = f.target_id
) t
WHERE f.account_id = :viewer
ORDER BY f.created_at DESC, f.kind, f.target_id
LIMIT 1000

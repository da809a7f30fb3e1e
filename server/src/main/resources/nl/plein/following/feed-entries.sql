-- A project's public events, newest first: decisions on proposals anyone may see, steps of works
-- that are not hidden, new works, and votes that opened or closed. Submissions are not decisions
-- anyone outside sees. Parameters: :project, :limit.
SELECT event, id, at, target_id, title, status, detail
FROM (
    SELECT 'decision' AS event, d.id, d.decided_at AS at, p.id AS target_id, p.title, d.to_status AS status,
           d.reason AS detail
    FROM proposal_decisions d
    JOIN proposals p ON p.id = d.proposal_id
    WHERE p.project_id = :project AND NOT p.hidden AND NOT p.withdrawn AND p.status <> 'submitted'
      AND d.to_status <> 'submitted'
    UNION ALL
    SELECT 'step', s.id, s.created_at, w.id, w.title, s.step, s.note
    FROM work_steps s
    JOIN works w ON w.id = s.work_id
    WHERE w.project_id = :project AND NOT s.hidden
    UNION ALL
    SELECT 'work', w.id, w.created_at, w.id, w.title, NULL, w.description
    FROM works w
    WHERE w.project_id = :project
    UNION ALL
    SELECT 'vote_opened', v.id, v.opens_at, v.id, v.title, NULL, v.description
    FROM votes v
    WHERE v.project_id = :project AND v.source = 'plein' AND v.opens_at <= now()
    UNION ALL
    SELECT 'vote_closed', v.id, v.closes_at, v.id, v.title, NULL, v.description
    FROM votes v
    WHERE v.project_id = :project AND v.source = 'plein' AND v.closes_at <= now()
) e
ORDER BY at DESC, event, id DESC
LIMIT :limit

-- Notices each vote's opening and closing once, after it happened, and tells the followers of its
-- project in the same statement. Imported (Pabulib) votes never open. Parameters: none.
WITH due AS (
    INSERT INTO vote_events (vote_id, event)
    SELECT v.id, e.event
    FROM votes v
    CROSS JOIN LATERAL (VALUES ('vote_opened', v.opens_at), ('vote_closed', v.closes_at)) AS e (event, at)
    WHERE v.source = 'plein' AND e.at <= now()
    ON CONFLICT DO NOTHING
    RETURNING vote_id, event
)
INSERT INTO notifications (account_id, event, source_id, project_id)
SELECT f.account_id, due.event, v.id, v.project_id
FROM due
JOIN votes v ON v.id = due.vote_id
JOIN follows f ON f.kind = 'project' AND f.target_id = v.project_id
JOIN accounts a ON a.id = f.account_id
WHERE NOT a.disabled
ON CONFLICT DO NOTHING

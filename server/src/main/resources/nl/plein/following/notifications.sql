-- A person's notifications, newest first, after :cursor (an id) when given, with what each one is
-- about read from the event's row now: what was hidden or withdrawn since is left out, as are
-- proposals the person may no longer see (proposals/Visibility, alias p).
-- Parameters: :viewer, :staff, :cursor (may be null), :after (ids above it only; 0 for all), :limit.
SELECT n.id, n.event, n.created_at, n.project_id, n.id > coalesce(s.read_up_to, 0) AS unread,
       CASE WHEN p.id IS NOT NULL THEN 'proposal' WHEN w.id IS NOT NULL THEN 'work' ELSE 'project' END AS kind,
       coalesce(p.id, w.id, v.project_id) AS target_id,
       coalesce(p.title, w.title, v.title) AS title,
       pr.title AS project_title,
       coalesce(d.to_status, ws.step) AS status,
       coalesce(d.reason, ws.note, c.body, '') AS detail
FROM notifications n
JOIN projects pr ON pr.id = n.project_id
LEFT JOIN notification_settings s ON s.account_id = n.account_id
LEFT JOIN proposal_decisions d ON n.event = 'decision' AND d.id = n.source_id
LEFT JOIN comments c ON n.event = 'comment' AND c.id = n.source_id
LEFT JOIN proposals p ON p.id = coalesce(d.proposal_id, c.proposal_id)
LEFT JOIN work_steps ws ON n.event = 'step' AND ws.id = n.source_id
LEFT JOIN works w ON w.id = ws.work_id
LEFT JOIN votes v ON n.event IN ('vote_opened', 'vote_closed') AND v.id = n.source_id
WHERE n.account_id = :viewer
  AND n.id > :after
  AND (:cursor::bigint IS NULL OR n.id < :cursor::bigint)
  AND (p.id IS NOT NULL OR w.id IS NOT NULL OR v.id IS NOT NULL)
  AND (p.id IS NULL OR <visible>)
  AND (c.id IS NULL OR NOT (c.hidden OR c.withdrawn))
  AND (ws.id IS NULL OR NOT ws.hidden)
ORDER BY n.id DESC
LIMIT :limit

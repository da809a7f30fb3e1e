-- One of a photo's files (<file>: display or thumb, from PhotoStore.Size) if the viewer may see it,
-- with its digest and whether everyone may (then it is cached publicly). A photo is seen when it is
-- not hidden and what it belongs to is seen: a proposal by the proposals' rule (<visible>, with
-- :staff and :viewer), a comment when it is neither hidden nor withdrawn (its author sees it while
-- hidden, as in the thread) and its proposal is seen, a progress step when it is not hidden. Staff
-- see everything. Parameter: :id.
SELECT ph.digest,
       (NOT ph.hidden
        AND (c.id IS NULL OR (NOT c.hidden AND NOT c.withdrawn))
        AND (s.id IS NULL OR NOT s.hidden)
        AND (p.id IS NULL OR (NOT p.withdrawn AND NOT p.hidden AND p.status <> 'submitted'))) AS public,
       ph.<file>
  FROM photos ph
  LEFT JOIN comments c ON c.id = ph.comment_id
  LEFT JOIN proposals p ON p.id = coalesce(ph.proposal_id, c.proposal_id)
  LEFT JOIN work_steps s ON s.id = ph.work_step_id
 WHERE ph.id = :id
   AND (:staff::boolean
        OR (NOT ph.hidden
            AND (c.id IS NULL OR (NOT c.hidden AND NOT c.withdrawn) OR (c.author_id = :viewer AND NOT c.withdrawn))
            AND (s.id IS NULL OR NOT s.hidden)))
   AND (p.id IS NULL OR <visible>)

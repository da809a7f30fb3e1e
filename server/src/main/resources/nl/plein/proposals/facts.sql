-- What authorisation needs to know about a proposal the viewer may see (<visible>), its row locked
-- until the transaction ends when <lock> says FOR UPDATE. Parameter: :id.
SELECT p.id, p.project_id, p.author_id, p.status, p.hidden, p.withdrawn
  FROM proposals p
 WHERE p.id = :id AND <visible>
 <lock>

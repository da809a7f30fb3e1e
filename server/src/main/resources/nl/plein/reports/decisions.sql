-- Decisions on proposals everyone can see (analysis.Selection: <where> on the proposals p), without
-- the steps every proposal takes by itself (submitted by its author, and published at once where the
-- project moderates afterwards), which are recorded as the author's own.
SELECT p.id, p.title, d.from_status, d.to_status, d.reason, d.decided_at
  FROM proposal_decisions d JOIN proposals p ON p.id = d.proposal_id
 WHERE d.to_status <> 'submitted'
   AND NOT (d.from_status = 'submitted' AND d.decided_by = p.author_id)
   AND <where>
 ORDER BY d.decided_at, d.id

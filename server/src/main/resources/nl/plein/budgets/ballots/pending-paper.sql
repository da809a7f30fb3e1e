-- A vote's paper ballots awaiting a second member of staff, oldest first. Who entered each is
-- given so that staff see which ones they may confirm; the code itself never (only whether there is
-- one). Parameter: :vote.
SELECT p.id, p.area_id, a.name AS area_name, p.code_hash IS NOT NULL AS has_code, p.choices::text,
       p.entered_by, e.display_name AS entered_by_name, p.entered_at
  FROM paper_ballots p
  LEFT JOIN areas a ON a.id = p.area_id
  JOIN accounts e ON e.id = p.entered_by
 WHERE p.vote_id = :vote AND p.confirmed_at IS NULL
 ORDER BY p.id

-- The most supported proposals everyone can see (analysis.Selection: <where> on the proposals p),
-- at most :top.
SELECT p.id, p.title, p.status, p.support_count, p.category
  FROM proposals p
 WHERE <where>
 ORDER BY p.support_count DESC, p.id
 LIMIT :top

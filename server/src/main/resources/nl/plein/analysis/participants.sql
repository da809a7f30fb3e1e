-- Distinct people who took part in one project (proposed, commented, supported or offered a
-- variant; hidden or withdrawn contributions count, since the person did take part), counted by
-- their self-declared home area, over every area of the newest boundary set. An account whose home
-- area is unset or in an older set is not counted here.
WITH participant AS (
    SELECT p.author_id AS account_id FROM proposals p WHERE p.project_id = ?
    UNION
    SELECT c.author_id FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE p.project_id = ?
    UNION
    SELECT s.account_id FROM supports s JOIN proposals p ON p.id = s.proposal_id WHERE p.project_id = ?
    UNION
    SELECT v.author_id FROM variants v JOIN proposals p ON p.id = v.proposal_id WHERE p.project_id = ?
)
SELECT a.id, a.code, a.name, a.population, count(pt.account_id) AS participants
  FROM areas a
  LEFT JOIN accounts ac ON ac.home_area_id = a.id
  LEFT JOIN participant pt ON pt.account_id = ac.id
 WHERE a.area_set_id = (SELECT max(id) FROM area_sets)
 GROUP BY a.id
 ORDER BY a.name, a.id

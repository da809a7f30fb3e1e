-- The ballot items of budget vote :vote that have a place, when the vote belongs to project
-- :project (items are public, as the vote's ballot shows them to anyone), each with its class: 2
-- while the vote is not counted (:counted false), else 1 when the vote's rule funds it (its id in
-- :funded, ids as text, as budgets.results.Results read them) and 0 when not. Funded items come
-- last, so that they are drawn over the others. Label: the item's title.
SELECT i.geom, 'item' AS kind,
       CASE WHEN NOT :counted::boolean THEN 2
            WHEN i.id = ANY(:funded::text[]::bigint[]) THEN 1
            ELSE 0 END AS cls,
       i.title AS label,
       row_number() OVER (ORDER BY i.id = ANY(:funded::text[]::bigint[]), i.id) AS ord
  FROM ballot_items i
  JOIN votes v ON v.id = i.vote_id
 WHERE i.vote_id = :vote AND v.project_id = :project AND i.geom IS NOT NULL

-- Where a round's works are, one point each (a point inside the shape: where it was built, else
-- where its proposal or ballot item was drawn); works without a place are left out. Parameters: :project.
SELECT ST_X(pt) AS lon, ST_Y(pt) AS lat
  FROM (SELECT ST_PointOnSurface(coalesce(w.as_built, p.geom, i.geom)) AS pt
          FROM works w
          LEFT JOIN proposals p ON p.id = w.proposal_id
          LEFT JOIN ballot_items i ON i.id = w.item_id
         WHERE w.project_id = :project AND w.status <> 'cancelled') s
 WHERE pt IS NOT NULL
 ORDER BY lon, lat

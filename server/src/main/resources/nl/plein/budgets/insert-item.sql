-- A new item of vote :vote in pot :pot carrying proposals :ids, with their geometry: none when none
-- has one, the one geometry when one has, else their collection (ST_Collect). A collection of
-- overlapping areas is not a valid MultiPolygon; it is kept as a GeometryCollection, which is valid
-- when its parts are (ST_MakeValid as the last resort, never reached by valid proposals).
INSERT INTO ballot_items (vote_id, pot_id, title, description, cost, reason, geom)
SELECT :vote, :pot, :title, :description, :cost, :reason,
       CASE WHEN g.n = 0 THEN NULL
            WHEN g.n = 1 THEN g.first
            WHEN ST_IsValid(g.collected) THEN g.collected
            WHEN ST_IsValid(ST_ForceCollection(g.collected)) THEN ST_ForceCollection(g.collected)
            ELSE ST_MakeValid(g.collected) END
  FROM (SELECT count(p.geom) AS n,
               (array_agg(p.geom ORDER BY p.id) FILTER (WHERE p.geom IS NOT NULL))[1] AS first,
               ST_Collect(p.geom ORDER BY p.id) AS collected
          FROM proposals p WHERE p.id = ANY(:ids)) g
RETURNING id

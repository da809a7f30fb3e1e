-- The areas of set :set cut into pieces of at most 64 vertices: a piece's box is tight and its
-- test cheap, where a whole area's box overlaps many others and its test may walk thousands of
-- vertices. A point an area covers is covered by one of its pieces (a point on a cut lies on the
-- edge of both), so the rule is the same.
CREATE TEMPORARY TABLE area_pieces ON COMMIT DROP AS
SELECT id AS area_id, ST_Subdivide(geom, 64) AS geom FROM areas WHERE area_set_id = :set

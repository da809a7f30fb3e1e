-- Every drawing of kind <table>, one set: each drawing's point on surface joined, through a GiST
-- index, with the set's area pieces (pieces.sql). On 1.29 million drawings in CBS's 3,475 wijken
-- this gave exactly the placements of testing whole areas, in a fifth of the time. As a join
-- grouped by drawing it is about twice as fast as a lookup per drawing.
-- Every drawing looked at is kept in <placed>, placed or not (area_id NULL), so that only
-- placements of drawings looked at are removed: one written meanwhile keeps the placement its
-- writer gave it.
CREATE TEMPORARY TABLE <placed> ON COMMIT DROP AS
SELECT d.id AS drawing_id, min(a.area_id) AS area_id
  FROM <table> d LEFT JOIN area_pieces a ON <covers>
 GROUP BY d.id

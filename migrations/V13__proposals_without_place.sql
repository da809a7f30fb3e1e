-- A proposal can be about the whole area, no particular place in it ("more benches everywhere").
-- Such a proposal has no geometry (NULL) and the location method 'whole_area'; every other
-- proposal keeps a geometry. NULL rather than a copy of the project's area or its centre: a copy
-- would be drawn on every map and tile as a shape over everything, put in one neighbourhood by
-- its point on surface, go stale when the area changes, and stack on one point in every point
-- analysis. A missing place is what comments without a pin already have: spatial predicates
-- (bounding boxes, placements, tiles) leave such rows out by themselves, exports write a null
-- geometry, and the analyses' selection leaves them out by name.
ALTER TABLE proposals ALTER COLUMN geom DROP NOT NULL;

ALTER TABLE proposals DROP CONSTRAINT proposals_location_method_check;
ALTER TABLE proposals ADD CONSTRAINT proposals_location_method_check
    CHECK (location_method IN ('map', 'keyboard', 'area', 'place', 'address', 'whole_area'));

ALTER TABLE proposals ADD CONSTRAINT proposals_place_check
    CHECK ((geom IS NULL) = (location_method = 'whole_area'));

-- The few proposals about the whole area, found without reading a project's other proposals:
-- the project page lists them apart, and every analysis counts them.
CREATE INDEX proposals_whole_area_idx ON proposals (project_id, id) WHERE geom IS NULL;

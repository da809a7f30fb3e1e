-- Placing a whole boundary set looks at every drawing for a long while, then writes their
-- placements; a drawing written or changed meanwhile must be placed from what it is at the end
-- (gis-data's AreaAssignment). These indexes find those few drawings by their updated_at, which
-- every writer sets, without reading a million rows again.
CREATE INDEX proposals_updated_idx ON proposals (updated_at);
CREATE INDEX variants_updated_idx ON variants (updated_at);
CREATE INDEX comments_updated_idx ON comments (updated_at);

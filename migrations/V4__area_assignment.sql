-- Every drawing knows its neighbourhood: proposals already had area_id; variants and comments that
-- point at a part of a drawing get one too. It is derived from the newest neighbourhood-level
-- boundary set when the drawing is written, and reassigned in bulk when a new set arrives
-- (POST /api/area-sets/{id}/assign, or import-boundaries --commit). A comment without a geometry
-- keeps NULL. Rows written before this migration are placed by that bulk reassignment.
ALTER TABLE variants ADD COLUMN area_id bigint REFERENCES areas (id);
ALTER TABLE comments ADD COLUMN area_id bigint REFERENCES areas (id);
CREATE INDEX IF NOT EXISTS proposals_area_idx ON proposals (area_id);
CREATE INDEX variants_area_idx ON variants (area_id);
CREATE INDEX comments_area_idx ON comments (area_id);

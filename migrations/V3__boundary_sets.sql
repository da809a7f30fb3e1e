-- Boundary sets become versioned by name and year, so "CBS buurten" 2023 and 2024 live side by
-- side. An import remembers its source's fingerprint: importing the same file again into the same
-- name and year is recognised and changes nothing. kind holds the level (municipality, district,
-- neighbourhood).
ALTER TABLE area_sets
    ADD COLUMN year           integer,
    ADD COLUMN source_crs     text,
    ADD COLUMN source_sha256  text;
ALTER TABLE area_sets DROP CONSTRAINT area_sets_name_key;
CREATE UNIQUE INDEX area_sets_name_year_idx ON area_sets (name, coalesce(year, -1));

-- An area may name its parent (a buurt its wijk, a wijk its gemeente). parent_code is kept as the
-- source gave it; parent_id is set when the parent set was loaded and holds that code.
ALTER TABLE areas
    ADD COLUMN parent_code  text,
    ADD COLUMN parent_id    bigint REFERENCES areas (id);
CREATE INDEX areas_parent_idx ON areas (parent_id);

-- Where each drawing lies, for every boundary set, in a narrow table of its own. Until now the area
-- was a column of proposals, variants and comments, so placing a million drawings in a new set
-- rewrote a million wide rows and their geometry and text indexes (82-92 s). Here a new set only
-- adds narrow rows, older sets keep their placements (participation can be read by 2023 or 2024
-- boundaries, by buurt or by wijk), and a drawing written now is placed in every set at once.
-- A drawing no area of a set covers, and a comment without a pin, has no row for that set.
CREATE TABLE placements (
    drawing      text   NOT NULL CHECK (drawing IN ('proposal', 'variant', 'comment')),
    drawing_id   bigint NOT NULL,
    area_set_id  bigint NOT NULL,
    area_id      bigint NOT NULL REFERENCES areas (id),
    PRIMARY KEY (drawing, drawing_id, area_set_id)
);
CREATE INDEX placements_set_idx ON placements (area_set_id, area_id);

-- The same rule as the application's (nl.plein.gisdata.boundaries.AreaAssignment): the area of the
-- set that covers a point inside the drawing; the lowest id where areas of one set overlap.
INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)
SELECT 'proposal', d.id, a.area_set_id, min(a.id)
  FROM proposals d JOIN areas a ON ST_Covers(a.geom, ST_PointOnSurface(d.geom))
 GROUP BY d.id, a.area_set_id;
INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)
SELECT 'variant', d.id, a.area_set_id, min(a.id)
  FROM variants d JOIN areas a ON ST_Covers(a.geom, ST_PointOnSurface(d.geom))
 GROUP BY d.id, a.area_set_id;
INSERT INTO placements (drawing, drawing_id, area_set_id, area_id)
SELECT 'comment', d.id, a.area_set_id, min(a.id)
  FROM comments d JOIN areas a ON ST_Covers(a.geom, ST_PointOnSurface(d.geom))
 WHERE d.geom IS NOT NULL
 GROUP BY d.id, a.area_set_id;

ALTER TABLE proposals DROP COLUMN area_id;
ALTER TABLE variants DROP COLUMN area_id;
ALTER TABLE comments DROP COLUMN area_id;

-- Analysis measures distances in a metric CRS: the set's own when its source came in metres (CBS:
-- EPSG:28992), otherwise the UTM zone of the set's centre. The importer sets it; here for sets
-- already loaded.
CREATE FUNCTION metric_srid(source_srid integer, centre geometry) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM spatial_ref_sys r WHERE r.srid = source_srid
                        AND r.proj4text LIKE '%+units=m %' AND r.proj4text NOT LIKE '%+proj=longlat%')
            THEN source_srid
        WHEN centre IS NULL THEN NULL
        ELSE CASE WHEN ST_Y(centre) >= 0 THEN 32600 ELSE 32700 END
             + least(60, greatest(1, floor((ST_X(centre) + 180) / 6)::int + 1))
    END
$$;
ALTER TABLE area_sets ADD COLUMN metric_srid integer;
UPDATE area_sets s
   SET metric_srid = metric_srid(substring(s.source_crs FROM 'EPSG:([0-9]+)')::integer,
                                 (SELECT ST_Centroid(ST_Extent(a.geom)) FROM areas a WHERE a.area_set_id = s.id));

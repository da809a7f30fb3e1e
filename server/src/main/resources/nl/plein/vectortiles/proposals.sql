-- One Mapbox Vector Tile (layer "proposals") of a project's proposals that everyone may see.
-- <visible> is the proposal rule (Visibility.apply) for a viewer who is nobody in particular.
-- The id is both the feature's id (fid) and an attribute, as clients read one or the other.
-- The GiST index on proposals.geom (EPSG:4326) is reached through a bbox filter: the tile's
-- Web Mercator envelope, widened by the buffer ST_AsMVTGeom keeps, transformed to lon/lat. A
-- Mercator rectangle is a lon/lat rectangle, so transforming its corners loses nothing.
WITH bounds AS (
    SELECT ST_TileEnvelope(:z, :x, :y) AS tile,
           ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin), 4326) AS box
)
SELECT ST_AsMVT(t, 'proposals', :extent, 'geom', 'fid')
  FROM (SELECT p.id AS fid, p.id, p.title, p.status, p.category, p.support_count AS "supportCount",
               ST_AsMVTGeom(ST_Transform(p.geom, 3857), b.tile, :extent, :buffer, true) AS geom
          FROM proposals p CROSS JOIN bounds b
         WHERE p.project_id = :project
           AND p.geom && b.box
           AND <visible>) t
 WHERE t.geom IS NOT NULL

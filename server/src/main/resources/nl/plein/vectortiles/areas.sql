-- One Mapbox Vector Tile (layer "areas") of a boundary set's areas, found through the GiST index
-- on areas.geom by the tile's envelope (with the buffer) transformed to lon/lat, as proposals.sql.
WITH bounds AS (
    SELECT ST_TileEnvelope(:z, :x, :y) AS tile,
           ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin), 4326) AS box
)
SELECT ST_AsMVT(t, 'areas', :extent, 'geom', 'fid')
  FROM (SELECT a.id AS fid, a.id, a.code, a.name, a.population,
               ST_AsMVTGeom(ST_Transform(a.geom, 3857), b.tile, :extent, :buffer, true) AS geom
          FROM areas a CROSS JOIN bounds b
         WHERE a.area_set_id = :set
           AND a.geom && b.box) t
 WHERE t.geom IS NOT NULL

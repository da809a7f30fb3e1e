-- Visible proposals grouped into cells of a square grid in Web Mercator (EPSG:3857), one GeoJSON
-- Point Feature per occupied cell, placed at the mean position of its members. Each proposal
-- counts where a point on it lies (ST_PointOnSurface), so lines and areas count where they are.
-- Only those the viewer may see (<visible>, with its :staff and :viewer), narrowed by the list
-- filter's conditions as in proposal-feature.sql. :cell is the cell size in metres.
WITH visible AS (
    SELECT p.id, at.lonlat, ST_Transform(at.lonlat, 3857) AS mercator
      FROM proposals p
      CROSS JOIN LATERAL (SELECT ST_PointOnSurface(p.geom) AS lonlat) at
     WHERE <visible> <project> <bbox> <category> <status> <place> <text>
), cells AS (
    SELECT count(*) AS members, min(id) AS first_id,
           avg(ST_X(mercator)) AS x, avg(ST_Y(mercator)) AS y,
           min(ST_X(lonlat)) AS min_lon, min(ST_Y(lonlat)) AS min_lat,
           max(ST_X(lonlat)) AS max_lon, max(ST_Y(lonlat)) AS max_lat
      FROM visible
     GROUP BY ST_SnapToGrid(mercator, :cell::float8)
)
SELECT json_build_object(
           'type', 'Feature',
           'geometry', ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 3857), 4326), 7)::json,
           'properties', json_strip_nulls(json_build_object(
               'count', members,
               'bbox', json_build_array(min_lon, min_lat, max_lon, max_lat),
               'proposalId', CASE WHEN members = 1 THEN first_id END)))::text
  FROM cells
 ORDER BY members DESC, first_id

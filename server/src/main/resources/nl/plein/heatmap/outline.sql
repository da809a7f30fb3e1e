-- The outline of a heatmap's grid (corners in the metric CRS :srid) as a GeoJSON geometry in WGS 84.
SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(:minx::float8, :miny::float8, :maxx::float8, :maxy::float8,
                                                 :srid::integer), 4326), 7)
